package org.karvan.io.osm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Clearance;
import org.karvan.core.model.Country;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.Manifest;
import org.karvan.core.model.Mode;
import org.karvan.core.model.ModeGauge;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.Reliability;
import org.karvan.core.model.Service;
import org.karvan.core.model.Source;
import org.karvan.core.model.Terminal;
import org.karvan.io.osm.TagMapping.WayClass;

/**
 * The rows of an imported bundle that OSM holds no figures for: border crossings (clearance), ferry
 * services (sailings), port terminals (handling), and the manifest, sources and countries. Every
 * figure here is an import default, marked as an estimate with the defaults source.
 */
final class ImportedRows {
  static final String OSM_SOURCE = NetworkAssembler.OSM_SOURCE;
  static final String DEFAULTS_SOURCE = NetworkAssembler.DEFAULTS_SOURCE;
  static final String GEOMETRY_FILE = NetworkAssembler.GEOMETRY_FILE;
  static final String ATTRIBUTION = NetworkAssembler.ATTRIBUTION;

  /** Estimated clearance of an imported crossing, hours (mean, P90): road, rail. */
  static final Clearance ROAD_CLEARANCE = new Clearance(2, 6);

  static final Clearance RAIL_CLEARANCE = new Clearance(4, 12);

  /** Estimated sailings per week of an imported ferry. */
  static final double FERRY_SAILINGS_PER_WEEK = 7;

  /** Estimated handling time of an imported port terminal (road or rail to ferry), hours. */
  static final double PORT_HANDLING_H = 1;

  private final OsmImportOptions o;
  private final ImportSummary summary;
  private final String fileName;

  ImportedRows(OsmImportOptions o, ImportSummary summary, String fileName) {
    this.o = o;
    this.summary = summary;
    this.fileName = fileName;
  }

  /** A ferry's end is a port; a plain node a junction (rail) or a road node (road only). */
  static Node withModeKinds(Node n, Set<Mode> modes) {
    Set<NodeKind> kinds = EnumSet.noneOf(NodeKind.class);
    kinds.addAll(n.kinds());
    if (modes.contains(Mode.FERRY)) {
      kinds.add(NodeKind.PORT);
    }
    if (kinds.isEmpty()) {
      kinds.add(modes.contains(Mode.RAIL) ? NodeKind.JUNCTION : NodeKind.ROAD_NODE);
    }
    return new Node(
        n.id(),
        n.name(),
        n.aliases(),
        n.country(),
        n.lat(),
        n.lon(),
        kinds,
        n.timeZone(),
        n.provenance(),
        n.origin());
  }

  BorderCrossing crossing(String id, Mode mode, Node a, Node b) {
    boolean controlled = a.is(NodeKind.BORDER_CROSSING) || b.is(NodeKind.BORDER_CROSSING);
    Node post = a.is(NodeKind.BORDER_CROSSING) ? a : b;
    String name = controlled ? post.name() : a.country() + "-" + b.country() + " at " + a.id();
    if (!controlled) {
      summary.count(
          "links crossing a border without a barrier=border_control node: crossing created"
              + " PLANNED (check it)");
      summary.warn(
          mode
              + " way from "
              + a.id()
              + " ("
              + a.country()
              + ") to "
              + b.id()
              + " ("
              + b.country()
              + ") crosses a border without a border_control node: crossing "
              + id
              + " created PLANNED");
    }
    Clearance c = mode == Mode.RAIL ? RAIL_CLEARANCE : ROAD_CLEARANCE;
    return new BorderCrossing(
        id,
        name,
        a.id(),
        b.id(),
        Set.of(mode),
        c,
        c,
        0,
        0,
        controlled ? CrossingStatus.OPEN : CrossingStatus.PLANNED,
        null,
        null,
        new Provenance(
            List.of(OSM_SOURCE, DEFAULTS_SOURCE),
            o.asOf(),
            Set.of(
                "clearance_ab_mean_h",
                "clearance_ab_p90_h",
                "clearance_ba_mean_h",
                "clearance_ba_p90_h",
                "fee_ab_usd",
                "fee_ba_usd"),
            "clearance times and fees: Karvan import defaults, not measured"),
        Origin.NONE);
  }

  Service service(String link, WayClass c, double km, Double wayKm) {
    boolean tagged = c.durationH() != null && wayKm != null && wayKm > 0;
    double h = tagged ? c.durationH() * km / wayKm : km / o.ferrySpeedKmh();
    Set<String> est =
        tagged ? Set.of("sailings_per_week") : Set.of("sailings_per_week", "sailing_h");
    return new Service(
        link,
        FERRY_SAILINGS_PER_WEEK,
        h,
        "",
        new Provenance(
            List.of(OSM_SOURCE, DEFAULTS_SOURCE),
            o.asOf(),
            est,
            tagged
                ? "sailing time from the OSM duration tag; sailings per week an import default"
                : "sailing time at the profile's ferry speed; sailings per week an import default"),
        Origin.NONE);
  }

  /** A road (and rail, per gauge) to ferry terminal at every node where they meet. */
  List<Terminal> terminals(
      Map<Integer, Node> nodes, Map<Integer, Set<Mode>> modes, Map<Integer, Set<Gauge>> gauges) {
    List<Terminal> out = new ArrayList<>();
    for (var e : modes.entrySet()) {
      Set<Mode> m = e.getValue();
      if (!m.contains(Mode.FERRY)) {
        continue;
      }
      Node n = nodes.get(e.getKey());
      List<ModeGauge> land = new ArrayList<>();
      if (m.contains(Mode.ROAD)) {
        land.add(new ModeGauge(Mode.ROAD, null));
      }
      if (m.contains(Mode.RAIL)) {
        for (Gauge g : gauges.getOrDefault(e.getKey(), Set.of())) {
          if (g != Gauge.DUAL) {
            land.add(new ModeGauge(Mode.RAIL, g));
          }
        }
      }
      for (ModeGauge from : land) {
        out.add(
            new Terminal(
                "T-" + n.id() + "-" + from.toString().replace('/', '-'),
                n.id(),
                from,
                new ModeGauge(Mode.FERRY, null),
                PORT_HANDLING_H,
                null,
                null,
                null,
                new Provenance(
                    List.of(OSM_SOURCE, DEFAULTS_SOURCE),
                    o.asOf(),
                    Set.of("handling_h"),
                    "where a ferry meets the land network; handling time an import default"),
                Origin.NONE));
      }
    }
    out.sort(java.util.Comparator.comparing(Terminal::id));
    return out;
  }

  Manifest manifest(List<GeometryLayer.Line> lines) {
    List<GeometryLayer> layers =
        lines.isEmpty()
            ? List.of()
            : List.of(new GeometryLayer(GEOMETRY_FILE, "ODbL-1.0", ATTRIBUTION, lines));
    return new Manifest(
        1,
        o.name(),
        o.asOf().toString(),
        o.asOf(),
        "ODbL-1.0",
        "Imported from " + fileName + " by karvan import osm. " + ATTRIBUTION + ".",
        List.of(OSM_SOURCE),
        layers);
  }

  List<Source> sources() {
    return List.of(
        new Source(
            OSM_SOURCE,
            "OpenStreetMap extract " + fileName,
            "OpenStreetMap contributors",
            "https://www.openstreetmap.org/copyright",
            null,
            o.asOf(),
            Reliability.SECONDARY,
            "ODbL 1.0; volunteered data, imported by karvan import osm",
            Origin.NONE),
        new Source(
            DEFAULTS_SOURCE,
            "Karvan OSM import defaults (docs/import.md)",
            "Karvan",
            "",
            null,
            null,
            Reliability.ESTIMATE,
            "gauge by country, crossing clearance, ferry sailings and port handling where OSM has"
                + " no value",
            Origin.NONE));
  }

  static List<Country> countries(java.util.Collection<Node> nodes) {
    Set<String> codes = new TreeSet<>();
    nodes.forEach(n -> codes.add(n.country()));
    List<Country> out = new ArrayList<>();
    for (String c : codes) {
      String name = new Locale("", c).getDisplayCountry(Locale.ENGLISH);
      out.add(new Country(c, name.isEmpty() || name.equals(c) ? c : name, Origin.NONE));
    }
    return Collections.unmodifiableList(out);
  }
}
