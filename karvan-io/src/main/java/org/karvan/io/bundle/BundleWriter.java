package org.karvan.io.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Chokepoint;
import org.karvan.core.model.Country;
import org.karvan.core.model.Departures;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Manifest;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Node;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.RailService;
import org.karvan.core.model.Service;
import org.karvan.core.model.Source;
import org.karvan.core.model.Terminal;
import org.karvan.io.bundle.BundleFormat.FileSpec;
import org.karvan.io.csv.CsvWriter;

/** Writes a network as a bundle directory; reading it back gives an equal network. */
public final class BundleWriter {
  private BundleWriter() {}

  /** Formats a number without a trailing {@code .0} and without exponent for usual magnitudes. */
  public static String num(Double d) {
    if (d == null) {
      return "";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String join(Collection<?> items) {
    return items.stream().map(Object::toString).collect(Collectors.joining("|"));
  }

  private static void provenance(Map<String, String> row, Provenance p) {
    row.put("sources", join(p.sources()));
    row.put("as_of", p.asOf().toString());
    row.put("estimated", join(p.estimated().stream().sorted().toList()));
    row.put("note", p.note());
  }

  /** The bundle files as name → CSV text. */
  public static Map<String, String> toCsv(Network n) {
    Map<String, String> files = new LinkedHashMap<>();
    Manifest m = n.manifest();
    List<GeometryLayer> layers = layers(n);
    Map<String, GeometryLayer.Line> lines = GeometryFiles.byLink(layers);
    List<Map<String, String>> manifest = new ArrayList<>();
    for (String[] kv :
        new String[][] {
          {"format_version", Integer.toString(BundleFormat.VERSION)},
          {"name", m.name()},
          {"version", m.version()},
          {"as_of", m.asOf().toString()},
          {"licence", m.licence()},
          {"description", m.description()},
          {"sources", join(m.sources())},
          {GeometryFiles.MANIFEST_KEY, join(layers.stream().map(GeometryLayer::file).toList())}
        }) {
      if (!kv[0].equals(GeometryFiles.MANIFEST_KEY) || !kv[1].isEmpty()) {
        manifest.add(Map.of("key", kv[0], "value", kv[1]));
      }
    }
    files.put(BundleFormat.MANIFEST.name(), csv(BundleFormat.MANIFEST, manifest));
    files.put(
        BundleFormat.SOURCES.name(),
        csv(BundleFormat.SOURCES, n.sources().stream().map(BundleWriter::source).toList()));
    files.put(
        BundleFormat.COUNTRIES.name(),
        csv(
            BundleFormat.COUNTRIES,
            n.countries().stream()
                .map(
                    (Country c) ->
                        Map.of("code", c.code(), "name", c.name(), "time_zone", zone(c.timeZone())))
                .toList()));
    files.put(
        BundleFormat.CHOKEPOINTS.name(),
        csv(
            BundleFormat.CHOKEPOINTS,
            n.chokepoints().stream().map(BundleWriter::chokepoint).toList()));
    files.put(
        BundleFormat.NODES.name(),
        csv(BundleFormat.NODES, n.nodes().stream().map(BundleWriter::node).toList()));
    files.put(
        BundleFormat.LINKS.name(),
        csv(
            BundleFormat.LINKS,
            n.links().stream().map(l -> link(l, fromFile(n, l, lines.get(l.id())))).toList()));
    files.put(
        BundleFormat.CROSSINGS.name(),
        csv(BundleFormat.CROSSINGS, n.crossings().stream().map(BundleWriter::crossing).toList()));
    files.put(
        BundleFormat.TERMINALS.name(),
        csv(BundleFormat.TERMINALS, n.terminals().stream().map(BundleWriter::terminal).toList()));
    files.put(
        BundleFormat.SERVICES.name(),
        csv(BundleFormat.SERVICES, n.services().stream().map(BundleWriter::service).toList()));
    if (!n.events().isEmpty()) {
      files.put(
          BundleFormat.EVENTS.name(),
          csv(BundleFormat.EVENTS, n.events().stream().map(BundleWriter::event).toList()));
    }
    if (!n.departures().isEmpty()) {
      files.put(
          BundleFormat.DEPARTURES.name(),
          csv(
              BundleFormat.DEPARTURES,
              n.departures().stream().map(BundleWriter::departures).toList()));
    }
    if (!n.railServices().isEmpty()) {
      files.put(
          BundleFormat.RAIL_SERVICES.name(),
          csv(
              BundleFormat.RAIL_SERVICES,
              n.railServices().stream().map(BundleWriter::railService).toList()));
    }
    for (GeometryLayer layer : layers) {
      files.put(layer.file(), GeometryFiles.toJson(layer));
    }
    return files;
  }

  /** The manifest's geometry layers, keeping only lines of links the network has. */
  private static List<GeometryLayer> layers(Network n) {
    return n.manifest().geometry().stream()
        .map(
            g ->
                new GeometryLayer(
                    g.file(),
                    g.licence(),
                    g.attribution(),
                    g.lines().stream().filter(x -> n.findLink(x.link()).isPresent()).toList()))
        .toList();
  }

  /** True when the link's geometry is its geometry file's line (so it is not written inline). */
  private static boolean fromFile(Network n, Link l, GeometryLayer.Line line) {
    return line != null
        && l.geometry()
            .equals(GeometryFiles.vertices(line, n.getNode(l.from()), n.getNode(l.to())));
  }

  /** Writes every bundle file into {@code dir}, creating it when needed. */
  public static void write(Network n, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (var e : toCsv(n).entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Writes every bundle file into a zip (entries at its root), readable by {@code BundleReader}.
   */
  public static void writeZip(Network n, Path zip) throws IOException {
    try (java.util.zip.ZipOutputStream z =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : toCsv(n).entrySet()) {
        z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
  }

  private static String zone(java.time.ZoneId z) {
    return z == null ? "" : z.getId();
  }

  private static String csv(FileSpec spec, List<Map<String, String>> rows) {
    CsvWriter w = new CsvWriter();
    w.row(spec.columns());
    for (Map<String, String> r : rows) {
      w.row(spec.columns().stream().map(c -> r.getOrDefault(c, "")).toList());
    }
    return w.toString();
  }

  private static Map<String, String> source(Source s) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", s.id());
    r.put("title", s.title());
    r.put("publisher", s.publisher());
    r.put("url", s.url());
    r.put("published", str(s.published()));
    r.put("accessed", str(s.accessed()));
    r.put("reliability", s.reliability().name());
    r.put("note", s.note());
    return r;
  }

  private static Map<String, String> chokepoint(Chokepoint c) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", c.id());
    r.put("name", c.name());
    r.put("kind", c.kind().name());
    provenance(r, c.provenance());
    return r;
  }

  private static Map<String, String> node(Node n) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", n.id());
    r.put("name", n.name());
    r.put("aliases", join(n.aliases()));
    r.put("country", str(n.country()));
    r.put("lat", num(n.lat()));
    r.put("lon", num(n.lon()));
    r.put("kinds", join(n.kinds().stream().sorted().toList()));
    r.put("time_zone", zone(n.timeZone()));
    provenance(r, n.provenance());
    return r;
  }

  private static Map<String, String> link(Link l, boolean geometryInFile) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", l.id());
    r.put("from", l.from());
    r.put("to", l.to());
    r.put("mode", l.mode().name());
    r.put("length_km", num(l.lengthKm()));
    r.put("direction", l.direction().name());
    r.put("gauge", l.gauge() == null ? "" : l.gauge().code());
    r.put("electrified", str(l.electrified()));
    r.put("speed_kmh", num(l.speedKmh()));
    r.put("capacity_tpy", num(l.capacityTpy()));
    r.put("status", l.status().name());
    r.put("opening_year", str(l.openingYear()));
    r.put("border_crossing", str(l.borderCrossing()));
    r.put("chokepoints", join(l.chokepoints()));
    r.put(
        "geometry",
        (geometryInFile ? List.<LatLon>of() : l.geometry())
            .stream().map(v -> num(v.lon()) + " " + num(v.lat())).collect(Collectors.joining("|")));
    provenance(r, l.provenance());
    return r;
  }

  private static Map<String, String> crossing(BorderCrossing c) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", c.id());
    r.put("name", c.name());
    r.put("node_a", c.nodeA());
    r.put("node_b", c.nodeB());
    r.put("modes", join(c.modes().stream().sorted().toList()));
    r.put("clearance_ab_mean_h", num(c.ab().meanH()));
    r.put("clearance_ab_p90_h", num(c.ab().p90H()));
    r.put("clearance_ba_mean_h", num(c.ba().meanH()));
    r.put("clearance_ba_p90_h", num(c.ba().p90H()));
    r.put("fee_ab_usd", num(c.feeAbUsd()));
    r.put("fee_ba_usd", num(c.feeBaUsd()));
    r.put("status", c.status().name());
    r.put("opening_year", str(c.openingYear()));
    r.put("capacity_per_day", num(c.capacityPerDay()));
    provenance(r, c.provenance());
    return r;
  }

  private static Map<String, String> terminal(Terminal t) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", t.id());
    r.put("node", t.node());
    r.put("from_mode", t.from().mode().name());
    r.put("from_gauge", t.from().gauge() == null ? "" : t.from().gauge().code());
    r.put("to_mode", t.to().mode().name());
    r.put("to_gauge", t.to().gauge() == null ? "" : t.to().gauge().code());
    r.put("handling_h", num(t.handlingH()));
    r.put("cost_usd_per_teu", num(t.costUsdPerTeu()));
    r.put("cost_usd_per_tonne", num(t.costUsdPerTonne()));
    r.put("capacity_tpy", num(t.capacityTpy()));
    provenance(r, t.provenance());
    return r;
  }

  private static Map<String, String> service(Service s) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("link", s.link());
    r.put("sailings_per_week", num(s.sailingsPerWeek()));
    r.put("sailing_h", num(s.sailingH()));
    r.put("operator", s.operator());
    provenance(r, s.provenance());
    return r;
  }

  private static Map<String, String> event(NetworkEvent e) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", e.id());
    r.put("target_type", e.targetType().name());
    r.put("targets", join(e.targets()));
    r.put("start", str(e.start()));
    r.put("end", str(e.end()));
    r.put("severity", e.severity().name());
    r.put("modes", join(e.modes().stream().sorted().map(Enum::name).toList()));
    r.put("delay_mean_h", num(e.delayMeanH()));
    r.put("delay_p90_h", num(e.delayP90H()));
    r.put("surcharge_usd_per_teu", num(e.surchargeUsdPerTeu()));
    r.put("surcharge_pct", num(e.surchargePct()));
    r.put("capacity_cut", num(e.capacityCut()));
    r.put("rate_per_year", num(e.ratePerYear()));
    r.put("duration_mean_days", num(e.durationMeanDays()));
    provenance(r, e.provenance());
    return r;
  }

  private static Map<String, String> departures(Departures d) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("link", d.link());
    r.put("from", d.from() == null ? "" : d.from());
    r.put(
        "weekdays",
        String.join("|", d.weekdays().stream().map(w -> w.name().substring(0, 3)).toList()));
    r.put("times", String.join("|", d.times().stream().map(Object::toString).toList()));
    r.put("anchor", d.anchor() == null ? "" : d.anchor().toString());
    provenance(r, d.provenance());
    return r;
  }

  private static Map<String, String> railService(RailService x) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("id", x.id());
    r.put("name", x.name());
    r.put("operator", x.operator());
    r.put("path", String.join("|", x.path()));
    r.put(
        "stops",
        String.join(
            "|",
            x.stops().stream()
                .map(s -> s.atH() == null ? s.node() : s.node() + "@" + num(s.atH()))
                .toList()));
    r.put("runs_per_week", num(x.runsPerWeek()));
    r.put(
        "weekdays",
        String.join("|", x.weekdays().stream().map(w -> w.name().substring(0, 3)).toList()));
    r.put("times", String.join("|", x.times().stream().map(Object::toString).toList()));
    r.put("anchor", x.anchor() == null ? "" : x.anchor().toString());
    r.put("capacity_teu", x.capacityTeu() == null ? "" : num(x.capacityTeu()));
    provenance(r, x.provenance());
    return r;
  }
}
