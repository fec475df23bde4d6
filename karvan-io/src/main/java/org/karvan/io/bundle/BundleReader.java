package org.karvan.io.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.karvan.core.boundary.Boundaries;
import org.karvan.core.boundary.SovereigntyCheck;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Chokepoint;
import org.karvan.core.model.ChokepointKind;
import org.karvan.core.model.Clearance;
import org.karvan.core.model.Country;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Departures;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Manifest;
import org.karvan.core.model.Mode;
import org.karvan.core.model.ModeGauge;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.NetworkValidator;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.RailService;
import org.karvan.core.model.Reliability;
import org.karvan.core.model.Service;
import org.karvan.core.model.Source;
import org.karvan.core.model.Terminal;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;
import org.karvan.io.bundle.BundleFormat.FileSpec;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;
import org.karvan.io.csv.CsvTable.CsvRow;

/**
 * Reads a network bundle (docs/network-format.md). Either every file parses and the network
 * validates, and a {@link Network} is returned, or an {@link InvalidInputException} lists every
 * problem found in every file: nothing is half-loaded. No other exception escapes for bad content.
 */
public final class BundleReader {
  /** Classpath folder of the embedded default network. */
  public static final String DEFAULT_NETWORK_FOLDER = "org/karvan/io/default-network";

  private final BundleSource source;
  private final Problems problems;
  private final BundleDiagnosis diagnosis = new BundleDiagnosis();
  private LocalDate asOf = LocalDate.EPOCH;
  private List<String> geometryFiles = List.of();

  private BundleReader(BundleSource source) {
    this(source, new Problems());
  }

  private BundleReader(BundleSource source, Problems problems) {
    this.source = source;
    this.problems = problems;
  }

  /**
   * Parses one element of a bundle file ({@code nodes.csv}, {@code links.csv}, {@code
   * border_crossings.csv} or {@code terminals.csv}) from column values, as a scenario's add-*
   * modification gives them. Problems go to {@code problems}; returns {@code null} on any problem.
   */
  public static Object parseElement(
      FileSpec spec,
      Map<String, String> values,
      String file,
      int line,
      LocalDate asOf,
      Problems problems) {
    BundleReader r = new BundleReader(null, problems);
    r.asOf = asOf;
    Map<String, Integer> header = new java.util.LinkedHashMap<>();
    List<String> cells = new ArrayList<>();
    for (var e : values.entrySet()) {
      header.put(e.getKey(), cells.size() + 1);
      cells.add(e.getValue());
      if (!spec.columns().contains(e.getKey())) {
        problems.error(file, line, 0, e.getKey(), "unknown field for " + spec.name());
      }
    }
    for (String col : spec.required()) {
      if (!values.containsKey(col)) {
        problems.error(file, line, 0, col, "field required");
      }
    }
    CsvTable t = new CsvTable(file, header, List.of(new CsvRow(line, cells)));
    RowReader rr = new RowReader(t, t.rows().get(0), problems);
    Object o;
    try {
      o =
          switch (spec.name()) {
            case "nodes.csv" -> r.node(rr);
            case "links.csv" -> r.link(rr);
            case "border_crossings.csv" -> r.crossing(rr);
            case "terminals.csv" -> r.terminal(rr);
            case "events.csv" -> r.event(rr);
            default -> throw new IllegalArgumentException("cannot add elements of " + spec.name());
          };
    } catch (NullPointerException e) {
      return null;
    }
    return rr.ok() ? o : null;
  }

  /** Reads a bundle directory or zip file. */
  public static Network read(Path path) {
    BundleSource src;
    try {
      src = BundleSource.of(path);
    } catch (IOException e) {
      Problems p = new Problems();
      p.error(path.toString(), 0, 0, "", e.getMessage() == null ? "cannot be read" : message(e));
      throw new InvalidInputException("cannot read " + path, p);
    }
    try (BundleSource open = src) {
      return read(open);
    }
  }

  /** The network shipped in the jar. */
  public static Network readDefault() {
    return read(BundleSource.classpath(DEFAULT_NETWORK_FOLDER, "default-network"));
  }

  /** Reads a bundle from any source. */
  public static Network read(BundleSource source) {
    return new BundleReader(source).run();
  }

  private static String message(IOException e) {
    String m = e.getMessage();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return m;
  }

  private CsvTable table(FileSpec spec) {
    String display = source.display(spec.name());
    byte[] bytes;
    try {
      bytes = source.read(spec.name());
    } catch (IOException e) {
      problems.error(display, 0, 0, "", "cannot be read: " + message(e));
      diagnosis.unreadable(spec.name());
      return null;
    }
    if (bytes == null) {
      if (!spec.optional()) {
        problems.error(display, 0, 0, "", "missing file (required in every bundle)");
      }
      diagnosis.missing(spec.name());
      return null;
    }
    CsvTable t = CsvParser.parse(bytes, display, problems);
    if (t.header().isEmpty()) {
      diagnosis.unreadable(spec.name());
    } else {
      for (String col : spec.required()) {
        if (!t.header().containsKey(col)) {
          problems.error(display, 1, 0, col, "missing column '" + col + "' in the header");
          diagnosis.missingColumn(spec.name(), display, col);
        }
      }
      if (t.rows().isEmpty()) {
        problems.warning(display, 1, 0, "", "no rows (the file has only a header)");
        diagnosis.noRows(spec.name());
      }
      for (var e : t.header().entrySet()) {
        if (!spec.columns().contains(e.getKey())) {
          problems.warning(
              display,
              1,
              e.getValue(),
              e.getKey(),
              "unknown column '" + e.getKey() + "' is ignored");
        }
      }
    }
    return t;
  }

  private <T> List<T> rows(FileSpec spec, Function<RowReader, T> parse) {
    CsvTable t = table(spec);
    List<T> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    for (CsvRow row : t.rows()) {
      RowReader r = new RowReader(t, row, problems);
      T item;
      try {
        item = parse.apply(r);
      } catch (RuntimeException e) {
        // A required value was missing or bad (already reported) and the model refused it.
        if (r.ok()) {
          problems.error(r.origin(), "", "invalid row: " + e.getMessage());
        }
        item = null;
      }
      if (r.ok() && item != null) {
        out.add(item);
      } else {
        String key = spec.name().equals("countries.csv") ? "code" : "id";
        diagnosis.dropped(spec.name(), r.str(key), spec.name() + ":" + r.origin().line());
      }
    }
    return out;
  }

  private Network run() {
    Manifest manifest = manifest();
    List<Source> sources = rows(BundleFormat.SOURCES, this::source);
    List<Country> countries =
        rows(
            BundleFormat.COUNTRIES,
            r ->
                new Country(
                    r.required("code"), r.required("name"), r.zone("time_zone"), r.origin()));
    List<Chokepoint> chokepoints =
        rows(
            BundleFormat.CHOKEPOINTS,
            r ->
                new Chokepoint(
                    r.required("id"),
                    r.required("name"),
                    r.enumValue(ChokepointKind.class, "kind", true),
                    r.provenance(asOf),
                    r.origin()));
    List<Node> nodes = rows(BundleFormat.NODES, this::node);
    List<Link> links = rows(BundleFormat.LINKS, this::link);
    List<BorderCrossing> crossings = rows(BundleFormat.CROSSINGS, this::crossing);
    List<Terminal> terminals = rows(BundleFormat.TERMINALS, this::terminal);
    List<Service> services =
        rows(
            BundleFormat.SERVICES,
            r ->
                new Service(
                    r.required("link"),
                    nz(r.number("sailings_per_week", true)),
                    nz(r.number("sailing_h", true)),
                    r.str("operator"),
                    r.provenance(asOf),
                    r.origin()));
    List<NetworkEvent> events = rows(BundleFormat.EVENTS, this::event);
    List<Departures> departures =
        rows(
            BundleFormat.DEPARTURES,
            r ->
                new Departures(
                    r.required("link"),
                    r.optional("from"),
                    r.weekdays("weekdays"),
                    r.times("times"),
                    r.dateTime("anchor"),
                    r.provenance(asOf),
                    r.origin()));
    List<RailService> railServices =
        rows(
            BundleFormat.RAIL_SERVICES,
            r ->
                new RailService(
                    r.required("id"),
                    r.optional("name"),
                    r.optional("operator"),
                    r.list("path"),
                    r.stops("stops"),
                    nz(r.number("runs_per_week", true)),
                    r.weekdays("weekdays"),
                    r.times("times"),
                    r.dateTime("anchor"),
                    r.number("capacity_teu", false),
                    r.provenance(asOf),
                    r.origin()));
    List<GeometryLayer> layers = geometry(sources, nodes, links);
    links = GeometryFiles.attach(links, nodes, layers);
    manifest = manifest == null ? null : manifest.withGeometry(layers);
    // A network needs a manifest (NetworkData refuses null); without one only the parse errors
    // show.
    NetworkData data =
        manifest == null
            ? null
            : new NetworkData(
                manifest,
                sources,
                countries,
                chokepoints,
                nodes,
                links,
                crossings,
                terminals,
                services,
                events,
                departures,
                railServices);
    if (data == null || problems.hasErrors()) {
      // Semantic checks on what did parse, so the user sees all problems in one run.
      if (data != null) {
        problems.addAll(NetworkValidator.validate(data));
      }
      throw failure(problems);
    }
    // the geometric border rule: nodes and land links against the recognised boundaries
    problems.addAll(SovereigntyCheck.check(data, Boundaries.recognised()));
    try {
      return Network.build(data, problems);
    } catch (InvalidInputException e) {
      Problems all = new Problems();
      e.problems().forEach(all::add);
      throw failure(all);
    }
  }

  /** The geometry files named by the manifest, read and checked (see {@link GeometryFiles}). */
  private List<GeometryLayer> geometry(List<Source> sources, List<Node> nodes, List<Link> links) {
    return GeometryFiles.read(
        source,
        geometryFiles,
        links,
        nodes,
        sources.stream().map(Source::id).collect(java.util.stream.Collectors.toSet()),
        problems);
  }

  /** Every problem, root causes first and follow-on errors folded (see {@link BundleDiagnosis}). */
  private InvalidInputException failure(Problems all) {
    return new InvalidInputException("invalid network bundle", diagnosis.order(all.sorted()));
  }

  private static double nz(Double d) {
    return d == null ? Double.NaN : d;
  }

  private Manifest manifest() {
    CsvTable t = table(BundleFormat.MANIFEST);
    if (t == null) {
      return null;
    }
    Map<String, String> kv = new HashMap<>();
    Map<String, RowReader> at = new HashMap<>();
    for (CsvRow row : t.rows()) {
      RowReader r = new RowReader(t, row, problems);
      String k = r.required("key");
      if (!k.isEmpty()) {
        if (kv.put(k, r.str("value")) != null) {
          problems.error(r.origin(), "key", "key '" + k + "' appears twice");
        }
        at.put(k, r);
      }
    }
    String file = t.file();
    for (String k : List.of("format_version", "name", "version", "as_of", "licence")) {
      if (kv.getOrDefault(k, "").isEmpty()) {
        problems.error(file, 0, 0, k, "manifest key '" + k + "' is required");
      }
    }
    int version = 0;
    if (at.containsKey("format_version")) {
      Integer v = at.get("format_version").integer("value", false);
      if (v != null && v != BundleFormat.VERSION) {
        problems.error(
            at.get("format_version").origin(),
            "value",
            "format_version "
                + v
                + " is not supported (this Karvan reads "
                + BundleFormat.VERSION
                + ")");
      }
      version = v == null ? 0 : v;
    }
    LocalDate date = at.containsKey("as_of") ? at.get("as_of").date("value", false) : null;
    if (date != null) {
      asOf = date;
    }
    geometryFiles = list(kv.get(GeometryFiles.MANIFEST_KEY));
    List<String> srcs = new ArrayList<>();
    if (kv.containsKey("sources")) {
      for (String s : kv.get("sources").split("\\|")) {
        if (!s.isBlank()) {
          srcs.add(s.trim());
        }
      }
    }
    if (problems.hasErrors() && date == null) {
      return null;
    }
    return new Manifest(
        version,
        kv.getOrDefault("name", ""),
        kv.getOrDefault("version", ""),
        asOf,
        kv.getOrDefault("licence", ""),
        kv.getOrDefault("description", ""),
        srcs);
  }

  private static List<String> list(String cell) {
    List<String> out = new ArrayList<>();
    for (String s : cell == null ? new String[0] : cell.split("\\|")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  private Source source(RowReader r) {
    return new Source(
        r.required("id"),
        r.required("title"),
        r.str("publisher"),
        r.str("url"),
        r.date("published", false),
        r.date("accessed", false),
        r.enumValue(Reliability.class, "reliability", true),
        r.str("note"),
        r.origin());
  }

  private Node node(RowReader r) {
    Double lat = r.number("lat", true);
    Double lon = r.number("lon", true);
    return new Node(
        r.required("id"),
        r.required("name"),
        r.list("aliases"),
        r.optional("country"),
        lat == null ? Double.NaN : lat,
        lon == null ? Double.NaN : lon,
        r.enumSet(NodeKind.class, "kinds", true),
        r.zone("time_zone"),
        r.provenance(asOf),
        r.origin());
  }

  private Gauge gauge(RowReader r, String field) {
    String g = r.str(field);
    if (g.isEmpty()) {
      return null;
    }
    try {
      return Gauge.parse(g);
    } catch (IllegalArgumentException e) {
      problemsError(r, field, e.getMessage());
      return null;
    }
  }

  private void problemsError(RowReader r, String field, String message) {
    problems.error(r.origin(), field, message);
  }

  private Link link(RowReader r) {
    List<LatLon> geometry = new ArrayList<>();
    for (String v : r.list("geometry")) {
      String[] xy = v.trim().split("\\s+");
      try {
        if (xy.length != 2) {
          throw new NumberFormatException();
        }
        geometry.add(new LatLon(Double.parseDouble(xy[1]), Double.parseDouble(xy[0])));
      } catch (NumberFormatException e) {
        problemsError(r, "geometry", "vertex '" + v + "' is not 'lon lat'");
      }
    }
    Double length = r.number("length_km", true);
    return new Link(
        r.required("id"),
        r.required("from"),
        r.required("to"),
        r.enumValue(Mode.class, "mode", true),
        length == null ? Double.NaN : length,
        r.enumValue(Direction.class, "direction", true),
        gauge(r, "gauge"),
        r.bool("electrified"),
        r.number("speed_kmh", false),
        r.number("capacity_tpy", false),
        r.enumValue(LinkStatus.class, "status", true),
        r.integer("opening_year", false),
        r.optional("border_crossing"),
        r.list("chokepoints"),
        geometry,
        r.provenance(asOf),
        r.origin());
  }

  private BorderCrossing crossing(RowReader r) {
    return new BorderCrossing(
        r.required("id"),
        r.required("name"),
        r.required("node_a"),
        r.required("node_b"),
        r.enumSet(Mode.class, "modes", true),
        new Clearance(
            nz(r.number("clearance_ab_mean_h", true)), nz(r.number("clearance_ab_p90_h", true))),
        new Clearance(
            nz(r.number("clearance_ba_mean_h", true)), nz(r.number("clearance_ba_p90_h", true))),
        r.numberOr("fee_ab_usd", 0),
        r.numberOr("fee_ba_usd", 0),
        r.enumValue(CrossingStatus.class, "status", true),
        r.integer("opening_year", false),
        r.number("capacity_per_day", false),
        r.provenance(asOf),
        r.origin());
  }

  private Terminal terminal(RowReader r) {
    Mode fm = r.enumValue(Mode.class, "from_mode", true);
    Mode tm = r.enumValue(Mode.class, "to_mode", true);
    Gauge fg = gauge(r, "from_gauge");
    Gauge tg = gauge(r, "to_gauge");
    Double h = r.number("handling_h", true);
    if (fm == null || tm == null) {
      return null;
    }
    return new Terminal(
        r.required("id"),
        r.required("node"),
        new ModeGauge(fm, fg),
        new ModeGauge(tm, tg),
        h == null ? Double.NaN : h,
        r.number("cost_usd_per_teu", false),
        r.number("cost_usd_per_tonne", false),
        r.number("capacity_tpy", false),
        r.provenance(asOf),
        r.origin());
  }

  private NetworkEvent event(RowReader r) {
    return new NetworkEvent(
        r.required("id"),
        r.enumValue(NetworkEvent.Target.class, "target_type", true),
        r.list("targets"),
        r.date("start", true),
        r.date("end", false),
        r.enumValue(NetworkEvent.Severity.class, "severity", true),
        r.enumSet(Mode.class, "modes", false),
        r.numberOr("delay_mean_h", 0),
        r.numberOr("delay_p90_h", r.numberOr("delay_mean_h", 0)),
        r.numberOr("surcharge_usd_per_teu", 0),
        r.numberOr("surcharge_pct", 0),
        r.numberOr("capacity_cut", 0),
        r.number("rate_per_year", false),
        r.number("duration_mean_days", false),
        r.provenance(asOf),
        r.origin());
  }
}
