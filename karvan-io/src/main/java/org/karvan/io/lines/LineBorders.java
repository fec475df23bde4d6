package org.karvan.io.lines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.karvan.core.boundary.Boundaries;
import org.karvan.core.boundary.SovereigntyCheck;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Clearance;
import org.karvan.core.model.Country;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Manifest;
import org.karvan.core.model.Mode;
import org.karvan.core.model.ModeGauge;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.Reliability;
import org.karvan.core.model.Source;
import org.karvan.core.validate.Problems;

/**
 * Countries, border crossings and gauges of an imported line graph, and the resulting bundle
 * content.
 *
 * <p>Each vertex lies in the country the recognised boundaries give it (at sea: the nearest within
 * 20 km), except near a boundary, where the drawing is not exact (see {@link #assign}). Where an
 * edge changes country, the segment over the boundary becomes a link of its own, the border
 * crossing, between two new border nodes at its ends (or the edge's own end when the change is on
 * its first or last segment).
 */
final class LineBorders {
  /** Rail gauge by country: 1520 mm in the former Soviet states, 1435 mm in Iran and Türkiye. */
  static final Map<String, Gauge> GAUGE_BY_COUNTRY = gauges();

  static final String SOURCE = "lines-input";
  static final String ESTIMATE = "est-import-defaults";
  private static final double SEA_SNAP_KM = 20;

  private final LineGraph g;
  private final Boundaries b;
  private final String[] country;

  private LineBorders(LineGraph g, Boundaries b) {
    this.g = g;
    this.b = b;
    this.country = new String[g.coords.size()];
  }

  private static Map<String, Gauge> gauges() {
    Map<String, Gauge> m = new TreeMap<>();
    for (String c :
        List.of(
            "AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA",
            "UZ")) {
      m.put(c, Gauge.G1520);
    }
    m.put("IR", Gauge.G1435);
    m.put("TR", Gauge.G1435);
    return java.util.Collections.unmodifiableMap(m);
  }

  private String countryOf(int v) {
    if (country[v] == null) {
      double[] p = g.coords.get(v);
      country[v] = b.nearestCountry(p[1], p[0], SEA_SNAP_KM).orElse("");
    }
    return country[v];
  }

  /** A run of an edge's vertices [start, end] in one country. */
  private record Run(String country, int start, int end) {}

  /** The runs of one country along an edge's vertices, by their assigned countries. */
  private List<Run> runs(int[] vs, String[] eff) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < vs.length; i++) {
      String c = eff[vs[i]];
      if (!runs.isEmpty() && runs.get(runs.size() - 1).country.equals(c)) {
        Run r = runs.remove(runs.size() - 1);
        runs.add(new Run(r.country, r.start, i));
      } else {
        runs.add(new Run(c, i, i));
      }
    }
    return runs;
  }

  /**
   * The country of every vertex on an edge. A vertex farther than the tolerance from every country
   * but its own is certain; the others (within {@link SovereigntyCheck#TOLERANCE_KM} of the
   * boundary's drawing) take, among the countries within the tolerance, the one whose certain
   * vertices are nearest along the lines. A line that follows a border river thus stays in the
   * country it comes from, and a line over the border changes country half-way between the certain
   * stretches on either side.
   */
  private String[] assign() {
    int n = g.coords.size();
    int[] head = new int[n];
    java.util.Arrays.fill(head, -1);
    int segs = 0;
    for (LineGraph.Edge e : g.edges) {
      segs += e.vertices().length - 1;
    }
    int[] to = new int[2 * segs];
    int[] next = new int[2 * segs];
    double[] w = new double[2 * segs];
    int m = 0;
    boolean[] onEdge = new boolean[n];
    for (LineGraph.Edge e : g.edges) {
      int[] vs = e.vertices();
      for (int i = 0; i < vs.length; i++) {
        onEdge[vs[i]] = true;
        if (i + 1 < vs.length) {
          double km = g.lengthKm(vs, i, i + 1);
          for (int[] uv : new int[][] {{vs[i], vs[i + 1]}, {vs[i + 1], vs[i]}}) {
            to[m] = uv[1];
            w[m] = km;
            next[m] = head[uv[0]];
            head[uv[0]] = m++;
          }
        }
      }
    }
    String[] eff = new String[n];
    List<List<String>> candidates = new ArrayList<>(java.util.Collections.nCopies(n, null));
    Map<String, List<Integer>> certain = new TreeMap<>();
    for (int v = 0; v < n; v++) {
      if (!onEdge[v]) {
        continue;
      }
      String raw = countryOf(v);
      double[] p = g.coords.get(v);
      List<String> near =
          new ArrayList<>(b.countriesWithin(p[1], p[0], SovereigntyCheck.TOLERANCE_KM));
      near.remove(raw);
      if (near.isEmpty()) {
        eff[v] = raw;
        certain.computeIfAbsent(raw, k -> new ArrayList<>()).add(v);
      } else {
        near.add(raw);
        near.remove("");
        candidates.set(v, near);
      }
    }
    Map<String, double[]> dist = new HashMap<>();
    certain.forEach((c, sources) -> dist.put(c, dijkstra(sources, head, to, next, w)));
    for (int v = 0; v < n; v++) {
      List<String> cs = candidates.get(v);
      if (cs == null) {
        continue;
      }
      String best = countryOf(v);
      double bestD = Double.POSITIVE_INFINITY;
      for (String c : cs) {
        double[] d = dist.get(c);
        if (d != null && d[v] < bestD) {
          bestD = d[v];
          best = c;
        }
      }
      eff[v] = best;
    }
    return eff;
  }

  private static double[] dijkstra(
      List<Integer> sources, int[] head, int[] to, int[] next, double[] w) {
    double[] d = new double[head.length];
    java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
    java.util.PriorityQueue<double[]> q =
        new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble((double[] x) -> x[0]));
    for (int s : sources) {
      d[s] = 0;
      q.add(new double[] {0, s});
    }
    while (!q.isEmpty()) {
      double[] top = q.poll();
      int u = (int) top[1];
      if (top[0] > d[u]) {
        continue;
      }
      for (int e = head[u]; e >= 0; e = next[e]) {
        double nd = d[u] + w[e];
        if (nd < d[to[e]]) {
          d[to[e]] = nd;
          q.add(new double[] {nd, to[e]});
        }
      }
    }
    return d;
  }

  static NetworkData build(
      LineGraph g,
      String file,
      LinesImporter.Options o,
      Boundaries b,
      List<String> summary,
      Problems problems) {
    return new LineBorders(g, b).build(file, o, summary, problems);
  }

  private NetworkData build(
      String file, LinesImporter.Options o, List<String> summary, Problems problems) {
    String[] eff = assign();
    List<List<Run>> runsOf = new ArrayList<>();
    Map<Integer, String> nodeCountry = new HashMap<>();
    for (LineGraph.Edge e : g.edges) {
      runsOf.add(runs(e.vertices(), eff));
      nodeCountry.put(e.from(), eff[e.from()]);
      nodeCountry.put(e.to(), eff[e.to()]);
    }

    Provenance measured = new Provenance(List.of(SOURCE), o.asOf(), Set.of(), "");
    Map<Integer, String> nodeIds = new LinkedHashMap<>();
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Link> links = new ArrayList<>();
    List<BorderCrossing> crossings = new ArrayList<>();
    List<GeometryLayer.Line> lines = new ArrayList<>();
    Map<String, Integer> degree = new HashMap<>();
    Set<String> noGauge = new TreeSet<>();
    int[] defaultedGauge = {0};
    int seq = 0;
    for (int k = 0; k < g.edges.size(); k++) {
      LineGraph.Edge e = g.edges.get(k);
      int[] vs = e.vertices();
      List<Run> rs = new ArrayList<>(runsOf.get(k));
      String fromC = nodeCountry.get(e.from());
      String toC = nodeCountry.get(e.to());
      if (!rs.get(0).country.equals(fromC)) {
        rs.add(0, new Run(fromC, 0, 0));
      }
      if (!rs.get(rs.size() - 1).country.equals(toC)) {
        rs.add(new Run(toC, vs.length - 1, vs.length - 1));
      }
      // split points: for each change of country, the segment [end of run, start of next]
      String startNode = node(e.from(), fromC, nodeIds, nodes, o, measured);
      int startAt = 0;
      for (int r = 0; r + 1 < rs.size(); r++) {
        int a = rs.get(r).end;
        int z = rs.get(r + 1).start;
        if (z <= a) { // a run added for a node whose country differs from its edge's end
          if (a >= vs.length - 1) {
            a = vs.length - 2;
          }
          z = a + 1;
        }
        a = Math.max(a, startAt);
        z = Math.max(z, a + 1);
        if (z > vs.length - 1) {
          continue;
        }
        String cA = rs.get(r).country;
        String cB = rs.get(r + 1).country;
        seq++;
        String nodeA =
            a == startAt ? startNode : border(vs[a], cA, nodes, o, measured, "B" + seq + "a");
        if (a > startAt) {
          links.add(link(e, vs, startAt, a, startNode, nodeA, cA, null, o, measured, lines));
        }
        String nodeB =
            z == vs.length - 1
                ? node(e.to(), cB, nodeIds, nodes, o, measured)
                : border(vs[z], cB, nodes, o, measured, "B" + seq + "b");
        String xid = "X" + (crossings.size() + 1);
        links.add(link(e, vs, a, z, nodeA, nodeB, cA, xid, o, measured, lines));
        crossings.add(crossing(xid, nodeA, nodeB, cA, cB, o));
        double[] p = g.coords.get(vs[a]);
        summary.add(
            String.format(
                Locale.ROOT,
                "warning: crossing %s (%s–%s at %.5f,%.5f) created %s: no border control is known",
                xid,
                cA,
                cB,
                p[1],
                p[0],
                o.crossingStatus()));
        startNode = nodeB;
        startAt = z;
      }
      if (startAt < vs.length - 1) {
        String end = node(e.to(), toC, nodeIds, nodes, o, measured);
        links.add(
            link(e, vs, startAt, vs.length - 1, startNode, end, toC, null, o, measured, lines));
      }
    }
    // gauges by country; break-of-gauge terminals where 1435 and 1520 meet
    List<Link> gauged = new ArrayList<>();
    Map<String, Set<Gauge>> gaugesAt = new HashMap<>();
    Provenance estimated = new Provenance(List.of(SOURCE, ESTIMATE), o.asOf(), Set.of("gauge"), "");
    Map<String, Gauge> byCountry = new TreeMap<>(GAUGE_BY_COUNTRY);
    byCountry.putAll(o.gauges());
    for (Link l : links) {
      Link x = l;
      if (o.mode() == Mode.RAIL && l.gauge() == null) {
        String c = nodes.get(l.from()).country();
        c = c == null ? "" : c;
        Gauge gg = byCountry.get(c == null ? "" : c);
        if (gg == null) {
          noGauge.add(c.isEmpty() ? "(no country)" : c);
          gg = Gauge.G1435;
        }
        defaultedGauge[0]++;
        x = withGauge(l, gg, estimated);
      }
      gauged.add(x);
      degree.merge(x.from(), 1, Integer::sum);
      degree.merge(x.to(), 1, Integer::sum);
      if (x.gauge() != null) {
        gaugesAt.computeIfAbsent(x.from(), k -> EnumSet.noneOf(Gauge.class)).add(x.gauge());
        gaugesAt.computeIfAbsent(x.to(), k -> EnumSet.noneOf(Gauge.class)).add(x.gauge());
      }
    }
    if (!noGauge.isEmpty()) {
      problems.error(
          file,
          0,
          0,
          "gauge",
          "no default gauge for "
              + String.join(", ", noGauge)
              + " (known: "
              + String.join(" ", byCountry.keySet())
              + "); give these lines a gauge property, or pass --gauge COUNTRY=GAUGE");
    }
    if (defaultedGauge[0] > 0) {
      summary.add(defaultedGauge[0] + " links without gauge: defaulted by country");
    }
    List<org.karvan.core.model.Terminal> terminals = new ArrayList<>();
    Provenance termProv =
        new Provenance(
            List.of(ESTIMATE),
            o.asOf(),
            Set.of("handling_h"),
            "break of gauge where imported lines of 1435 and 1520 mm meet; handling time is a"
                + " default estimate");
    gaugesAt.forEach(
        (n, gs) -> {
          if (gs.contains(Gauge.G1435) && gs.contains(Gauge.G1520)) {
            terminals.add(
                new org.karvan.core.model.Terminal(
                    "T-" + n,
                    n,
                    new ModeGauge(Mode.RAIL, Gauge.G1435),
                    new ModeGauge(Mode.RAIL, Gauge.G1520),
                    BREAK_OF_GAUGE_H,
                    null,
                    null,
                    null,
                    termProv,
                    Origin.NONE));
            summary.add("warning: break of gauge at " + n + ": terminal T-" + n + " created");
          }
        });
    terminals.sort(java.util.Comparator.comparing(org.karvan.core.model.Terminal::id));
    List<Node> finalNodes = new ArrayList<>();
    for (Node n : nodes.values()) {
      Set<NodeKind> kinds = EnumSet.copyOf(n.kinds());
      if (degree.getOrDefault(n.id(), 0) >= 3) {
        kinds.add(NodeKind.JUNCTION);
      }
      finalNodes.add(
          new Node(
              n.id(),
              n.name(),
              n.aliases(),
              n.country(),
              n.lat(),
              n.lon(),
              kinds,
              n.timeZone(),
              n.provenance(),
              n.origin()));
    }
    summary.add(
        String.format(
            Locale.ROOT,
            "%d nodes, %d links, %d border crossings, %d terminals",
            finalNodes.size(),
            gauged.size(),
            crossings.size(),
            terminals.size()));
    Set<String> codes = new TreeSet<>();
    finalNodes.forEach(n -> codes.add(n.country()));
    codes.remove("");
    List<Country> countries =
        codes.stream().map(c -> new Country(c, b.name(c), Origin.NONE)).toList();
    GeometryLayer layer =
        new GeometryLayer("geometry/lines.geojson", o.licence(), o.attribution(), lines);
    Manifest m =
        new Manifest(
            1,
            "import-" + file.replaceAll("\\.[A-Za-z]+$", "").replaceAll("[^A-Za-z0-9_.-]", "-"),
            o.asOf().toString(),
            o.asOf(),
            o.licence(),
            "imported by karvan import lines from " + file + " (" + o.mode() + ")",
            List.of(SOURCE),
            List.of(layer));
    List<Source> sources =
        List.of(
            new Source(
                SOURCE,
                file,
                "",
                "",
                null,
                LocalDate.now(java.time.ZoneOffset.UTC),
                Reliability.COMPUTED,
                "lines and exact lengths along them, read by karvan import lines ("
                    + o.licence()
                    + ")",
                Origin.NONE),
            new Source(
                ESTIMATE,
                "Karvan import defaults",
                "Karvan",
                "",
                null,
                null,
                Reliability.ESTIMATE,
                "gauge by country (1520 former Soviet states, 1435 Iran and Türkiye), border"
                    + " clearance 2 h mean / 4 h P90, break-of-gauge handling "
                    + (int) BREAK_OF_GAUGE_H
                    + " h: defaults, not measurements (docs/import.md)",
                Origin.NONE));
    return new NetworkData(
        m, sources, countries, List.of(), finalNodes, gauged, crossings, terminals, List.of());
  }

  static final double BREAK_OF_GAUGE_H = 24;

  private static Link withGauge(Link l, Gauge gauge, Provenance p) {
    return new Link(
        l.id(),
        l.from(),
        l.to(),
        l.mode(),
        l.lengthKm(),
        l.direction(),
        gauge,
        l.electrified(),
        l.speedKmh(),
        l.capacityTpy(),
        l.status(),
        l.openingYear(),
        l.borderCrossing(),
        l.chokepoints(),
        l.geometry(),
        p,
        l.origin());
  }

  private String node(
      int v,
      String c,
      Map<Integer, String> ids,
      Map<String, Node> nodes,
      LinesImporter.Options o,
      Provenance p) {
    String id = ids.get(v);
    if (id == null) {
      id = "N" + (ids.size() + 1);
      ids.put(v, id);
      nodes.put(id, makeNode(id, v, c, o, p, false));
    }
    return id;
  }

  private String border(
      int v, String c, Map<String, Node> nodes, LinesImporter.Options o, Provenance p, String id) {
    nodes.put(id, makeNode(id, v, c, o, p, true));
    return id;
  }

  private Node makeNode(
      String id, int v, String c, LinesImporter.Options o, Provenance p, boolean border) {
    double[] xy = g.coords.get(v);
    Set<NodeKind> kinds =
        EnumSet.of(o.mode() == Mode.RAIL ? NodeKind.RAIL_STATION : NodeKind.ROAD_NODE);
    if (border) {
      kinds.add(NodeKind.BORDER_CROSSING);
    }
    String name =
        String.format(Locale.ROOT, "%s %s %.5f,%.5f", border ? "border" : "node", id, xy[1], xy[0]);
    return new Node(
        id, name, List.of(), c.isEmpty() ? null : c, xy[1], xy[0], kinds, p, Origin.NONE);
  }

  private Link link(
      LineGraph.Edge e,
      int[] vs,
      int from,
      int to,
      String a,
      String z,
      String c,
      String crossing,
      LinesImporter.Options o,
      Provenance p,
      List<GeometryLayer.Line> lines) {
    String id = (o.mode() == Mode.RAIL ? "R" : "D") + (lines.size() + 1);
    List<LatLon> all = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      double[] xy = g.coords.get(vs[i]);
      all.add(new LatLon(xy[1], xy[0]));
    }
    lines.add(new GeometryLayer.Line(id, all, SOURCE, false));
    double km = Math.max(0.001, g.lengthKm(vs, from, to));
    String[] kind = e.kind().split("/", -1);
    LinkStatus status = LinkStatus.valueOf(kind[0]);
    Gauge gauge = kind[1].isEmpty() ? null : Gauge.parse(kind[1]);
    return new Link(
        id,
        a,
        z,
        o.mode(),
        Math.round(km * 1000) / 1000.0,
        Direction.BOTH,
        gauge,
        null,
        null,
        null,
        status,
        null,
        crossing,
        List.of(),
        all.subList(1, all.size() - 1),
        p,
        Origin.NONE);
  }

  private BorderCrossing crossing(
      String id, String a, String z, String cA, String cB, LinesImporter.Options o) {
    Clearance c = new Clearance(2, 4);
    Provenance p =
        new Provenance(
            List.of(ESTIMATE),
            o.asOf(),
            Set.of(
                "clearance_ab_mean_h",
                "clearance_ab_p90_h",
                "clearance_ba_mean_h",
                "clearance_ba_p90_h"),
            "created where an imported line crosses the "
                + cA
                + "–"
                + cB
                + " boundary; no border control known, clearance a default estimate");
    return new BorderCrossing(
        id,
        cA + "–" + cB + " (imported " + id + ")",
        a,
        z,
        Set.of(o.mode()),
        c,
        c,
        0,
        0,
        o.crossingStatus(),
        null,
        null,
        p,
        Origin.NONE);
  }
}
