package org.karvan.io.osm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;
import org.karvan.io.osm.OsmImportOptions.Bbox;
import org.karvan.io.osm.TagMapping.WayClass;

/**
 * Turns the ways and nodes an {@link OsmImporter} kept into network data: cuts ways at the bbox and
 * at missing nodes, splits them at junctions, merges chains of degree-2 nodes into one link each
 * (keeping every vertex as geometry and the exact length, the sum of the great-circle lengths of
 * its OSM segments) and adds nodes, crossings, ferry services and port terminals.
 */
final class NetworkAssembler {
  static final String OSM_SOURCE = "osm";
  static final String DEFAULTS_SOURCE = "karvan-osm-defaults";
  static final String GEOMETRY_FILE = "geometry/osm.geojson";
  static final String ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0";

  private static final int END = 1;

  /** A change of country this close to a border post (km along the way) moves to the post. */
  static final double POST_KM = 5;

  private final OsmImporter in;
  private final OsmImportOptions o;
  private final ImportSummary summary;
  private final String[] country;
  private final byte[] use;
  private final boolean[] endpoint;
  private final boolean[] pinned;
  private final ImportedRows rows;

  /** A piece of one way between two junctions, vertices in the way's order. */
  private record Seg(int way, WayClass cls, int[] verts) {
    int first() {
      return verts[0];
    }

    int last() {
      return verts[verts.length - 1];
    }
  }

  NetworkAssembler(OsmImporter in) {
    this.in = in;
    this.o = in.options();
    this.summary = in.summary();
    int n = in.nodes();
    country = new String[n];
    use = new byte[n];
    endpoint = new boolean[n];
    pinned = new boolean[n];
    rows = new ImportedRows(o, summary, in.fileName());
  }

  NetworkData assemble() {
    List<int[]> runs = new ArrayList<>();
    List<Integer> runWay = new ArrayList<>();
    List<WayClass> runClass = new ArrayList<>();
    cut(runs, runWay, runClass);
    snapPlaces(runs, runClass);
    List<Seg> segs = split(runs, runWay, runClass);
    List<List<int[]>> chains = new ArrayList<>();
    List<Seg> chainFirst = new ArrayList<>();
    merge(segs, chains, chainFirst);
    return build(chains, chainFirst);
  }

  private static int modeBit(Mode m) {
    return switch (m) {
      case RAIL -> 0;
      case ROAD -> 2;
      default -> 4;
    };
  }

  private int uses(int v, Mode m) {
    return (use[v] >> modeBit(m)) & 3;
  }

  private void addUse(int v, Mode m) {
    if (uses(v, m) < 3) {
      use[v] += (byte) (1 << modeBit(m));
    }
  }

  /** Runs of present, in-bbox vertices of each way; the gauge defaulted by country. */
  private void cut(List<int[]> runs, List<Integer> runWay, List<WayClass> runClass) {
    Bbox box = o.bbox();
    Problems problems = new Problems();
    int cutWays = 0;
    for (int w = 0; w < in.ways(); w++) {
      WayClass cls = in.wayClass(w);
      int[] buf = new int[in.wayEnd(w) - in.wayStart(w)];
      int n = 0;
      boolean cutHere = false;
      boolean defaulted = false;
      for (int k = in.wayStart(w); k <= in.wayEnd(w); k++) {
        int v = k < in.wayEnd(w) ? in.ref(k) : -1;
        boolean keep =
            v >= 0 && in.present(v) && (box == null || box.contains(in.lat(v), in.lon(v)));
        if (keep && country[v] == null) {
          country[v] = o.countryAt(in.lat(v), in.lon(v));
          if (country[v] == null && problems.errorCount() < 20) {
            problems.error(
                in.fileName(),
                0,
                0,
                "--country",
                String.format(
                    Locale.ROOT,
                    "node %d at %.7f,%.7f lies in no country (no --country rule, and no"
                        + " recognised boundary within 2 km); add a --country rule",
                    in.osmId(v),
                    in.lat(v),
                    in.lon(v)));
          }
        }
        if (keep && (n == 0 || buf[n - 1] != v)) {
          buf[n++] = v;
          continue;
        }
        if (keep) {
          continue; // a repeated node
        }
        if (k < in.wayEnd(w)) {
          cutHere = true;
        }
        if (n >= 2) {
          int[] run = java.util.Arrays.copyOf(buf, n);
          WayClass c = cls;
          if (c.mode() == Mode.RAIL && c.gauge() == null) {
            Gauge g = TagMapping.defaultGauge(country[run[0]]);
            c = withGauge(c, g);
            defaulted = true;
          }
          runs.add(run);
          runWay.add(w);
          runClass.add(c);
          for (int v2 : run) {
            addUse(v2, c.mode());
          }
          endpoint[run[0]] = true;
          endpoint[run[n - 1]] = true;
        }
        n = 0;
      }
      if (cutHere) {
        cutWays++;
      }
      if (defaulted) {
        summary.count(
            "rail ways without gauge: defaulted by country (1520 mm in the former Soviet"
                + " states, 1435 mm elsewhere)");
      }
    }
    if (problems.hasErrors()) {
      throw new InvalidInputException(in.fileName(), problems);
    }
    if (cutWays > 0) {
      summary.total("ways cut at the bbox or at nodes missing from the file", cutWays);
    }
  }

  /**
   * Puts each tagged place that lies on no imported way (a station mapped beside its tracks, a
   * ferry terminal beside its pier) on the nearest vertex of an imported way of a mode it serves
   * (rail for stations and terminals; ferry, then road, for ports) within {@link #SNAP_KM}.
   */
  private void snapPlaces(List<int[]> runs, List<WayClass> runClass) {
    if (in.offWay().isEmpty()) {
      return;
    }
    Map<Long, List<Integer>> rail = new HashMap<>();
    Map<Long, List<Integer>> port = new HashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      Map<Long, List<Integer>> grid = runClass.get(r).mode() == Mode.RAIL ? rail : port;
      for (int v : runs.get(r)) {
        grid.computeIfAbsent(cell(in.lat(v), in.lon(v)), x -> new ArrayList<>()).add(v);
      }
    }
    for (OsmImporter.OffWay p : in.offWay()) {
      boolean station =
          p.place().kinds().contains(NodeKind.RAIL_STATION)
              || p.place().kinds().contains(NodeKind.TERMINAL);
      int best = nearest(station ? rail : port, p.lat(), p.lon());
      if (best >= 0) {
        in.snapPlace(best, p.place());
        summary.count(
            "tagged places beside an imported way: put on its nearest vertex within 300 m");
      } else {
        summary.count(
            "tagged places (stations, ports) farther than 300 m from an imported way: left out");
      }
    }
  }

  /** Snap radius for places beside the network, km. */
  static final double SNAP_KM = 0.3;

  private static final double CELL_DEG = 0.005;

  private static long cell(double lat, double lon) {
    return ((long) Math.floor(lat / CELL_DEG) << 32)
        ^ (Math.floorMod((long) Math.floor(lon / CELL_DEG), 1L << 32));
  }

  private int nearest(Map<Long, List<Integer>> grid, double lat, double lon) {
    int best = -1;
    double bestKm = SNAP_KM;
    int reach =
        (int) Math.ceil(SNAP_KM / (CELL_DEG * 111 * Math.max(0.1, Math.cos(Math.toRadians(lat)))));
    for (int dy = -reach; dy <= reach; dy++) {
      for (int dx = -reach; dx <= reach; dx++) {
        List<Integer> vs = grid.get(cell(lat + dy * CELL_DEG, lon + dx * CELL_DEG));
        if (vs == null) {
          continue;
        }
        for (int v : vs) {
          double d = Geo.distanceKm(lat, lon, in.lat(v), in.lon(v));
          if (d <= bestKm) {
            bestKm = d;
            best = v;
          }
        }
      }
    }
    return best;
  }

  private static WayClass withGauge(WayClass c, Gauge g) {
    return new WayClass(
        c.mode(),
        g,
        c.electrified(),
        c.maxspeedKmh(),
        c.status(),
        c.oneway(),
        c.reverse(),
        c.durationH(),
        c.openingYear(),
        c.note() + " gauge=default");
  }

  /** Splits runs at junctions: ends of runs, places, shared nodes and changes of country. */
  private List<Seg> split(List<int[]> runs, List<Integer> runWay, List<WayClass> runClass) {
    for (int[] run : runs) {
      snapToPosts(run);
    }
    List<Seg> segs = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      int[] run = runs.get(r);
      WayClass c = runClass.get(r);
      int start = 0;
      for (int i = 1; i < run.length; i++) {
        int v = run[i];
        boolean last = i == run.length - 1;
        boolean border =
            !country[v].equals(country[run[i - 1]])
                || (!last && !country[v].equals(country[run[i + 1]]));
        if (border) {
          pinned[v] = true;
        }
        if (last || border || endpoint[v] || in.place(v) != null || uses(v, c.mode()) >= 2) {
          segs.add(new Seg(runWay.get(r), c, java.util.Arrays.copyOfRange(run, start, i + 1)));
          start = i;
        }
      }
    }
    return segs;
  }

  private boolean isPost(int v) {
    OsmImporter.Place p = in.place(v);
    return p != null && p.kinds().contains(NodeKind.BORDER_CROSSING);
  }

  /**
   * Moves each change of country along a run to the nearest border post ({@code
   * barrier=border_control}) within {@link #POST_KM} along the way, so that the crossing link ends
   * at the post: the country rules are boxes, the post is where the border is crossed.
   */
  private void snapToPosts(int[] run) {
    for (int i = 1; i < run.length; i++) {
      if (country[run[i]].equals(country[run[i - 1]]) || isPost(run[i]) || isPost(run[i - 1])) {
        continue;
      }
      int back = -1;
      double backKm = 0;
      for (int j = i - 1; j > 0 && backKm <= POST_KM; j--) {
        backKm += km(run[j], run[j - 1]);
        if (backKm <= POST_KM && isPost(run[j - 1])) {
          back = j - 1;
          break;
        }
      }
      int fwd = -1;
      double fwdKm = 0;
      for (int j = i + 1; j < run.length && fwdKm <= POST_KM; j++) {
        fwdKm += km(run[j - 1], run[j]);
        if (fwdKm <= POST_KM && isPost(run[j])) {
          fwd = j;
          break;
        }
      }
      if (back >= 0 && (fwd < 0 || backKm <= fwdKm)) {
        for (int j = back + 1; j < i; j++) {
          country[run[j]] = country[run[i]];
        }
        summary.count("changes of country moved to a border post within 5 km along the way");
      } else if (fwd >= 0) {
        for (int j = i; j < fwd; j++) {
          country[run[j]] = country[run[i - 1]];
        }
        summary.count("changes of country moved to a border post within 5 km along the way");
        i = fwd;
      }
    }
  }

  /** Segment ends by node, in primitive arrays (no map entry per node). */
  private static final class Ends {
    final int[] a;
    final int[] b;
    final byte[] count;

    Ends(int nodes) {
      a = new int[nodes];
      b = new int[nodes];
      count = new byte[nodes];
    }

    void add(int v, int end) {
      if (count[v] == 0) {
        a[v] = end;
      } else if (count[v] == 1) {
        b[v] = end;
      }
      if (count[v] < 3) {
        count[v]++;
      }
    }
  }

  /** Joins segments through nodes where exactly two segments of the same class meet. */
  private void merge(List<Seg> segs, List<List<int[]>> chains, List<Seg> chainFirst) {
    // Per node: the first two segment ends there (segment * 2 + side) and how many there are.
    Ends ends = new Ends(in.nodes());
    for (int s = 0; s < segs.size(); s++) {
      ends.add(segs.get(s).first(), s * 2);
      ends.add(segs.get(s).last(), s * 2 + END);
    }
    boolean[] done = new boolean[segs.size()];
    for (int s0 = 0; s0 < segs.size(); s0++) {
      if (done[s0]) {
        continue;
      }
      // Walk back to the head of the chain, then forward along it.
      int cur = s0;
      boolean rev = false;
      for (int steps = 0; steps < segs.size(); steps++) {
        Seg c = segs.get(cur);
        int v = rev ? c.last() : c.first();
        int other = other(ends, v, cur, rev ? END : 0, segs);
        if (other < 0 || other / 2 == s0 || done[other / 2]) {
          break;
        }
        boolean oRev = other % 2 == 0; // it must end at v in chain order
        if (c.cls().oneway() && (oRev != rev)) {
          break;
        }
        cur = other / 2;
        rev = oRev;
      }
      List<int[]> chain = new ArrayList<>();
      Seg head = segs.get(cur);
      while (true) {
        done[cur] = true;
        Seg c = segs.get(cur);
        chain.add(rev ? reversed(c.verts()) : c.verts());
        int v = rev ? c.first() : c.last();
        int other = other(ends, v, cur, rev ? 0 : END, segs);
        if (other < 0 || done[other / 2]) {
          break;
        }
        boolean oRev = other % 2 == END; // it must start at v in chain order
        if (c.cls().oneway() && (oRev != rev)) {
          break;
        }
        cur = other / 2;
        rev = oRev;
      }
      chains.add(chain);
      chainFirst.add(head);
    }
  }

  /**
   * The other segment end at node {@code v} when {@code v} joins exactly two ends of two segments
   * of the same class (and is no place, no border node and not a ferry), else -1.
   */
  private int other(Ends ends, int v, int seg, int side, List<Seg> segs) {
    if (ends.count[v] != 2 || pinned[v] || in.place(v) != null) {
      return -1;
    }
    int mine = seg * 2 + side;
    int other = ends.a[v] == mine ? ends.b[v] : ends.b[v] == mine ? ends.a[v] : -1;
    if (other < 0 || other / 2 == seg) {
      return -1;
    }
    WayClass a = segs.get(seg).cls();
    WayClass b = segs.get(other / 2).cls();
    if (a.mode() == Mode.FERRY || !a.equals(b)) {
      return -1;
    }
    return other;
  }

  private static int[] reversed(int[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  private double km(int a, int b) {
    return Geo.distanceKm(in.lat(a), in.lon(a), in.lat(b), in.lon(b));
  }

  private NetworkData build(List<List<int[]>> chains, List<Seg> heads) {
    Map<Integer, Node> nodes = new LinkedHashMap<>();
    Map<Integer, Set<Mode>> nodeModes = new HashMap<>();
    Map<Integer, Set<Gauge>> nodeGauges = new HashMap<>();
    List<Link> links = new ArrayList<>();
    List<GeometryLayer.Line> lines = new ArrayList<>();
    List<BorderCrossing> crossings = new ArrayList<>();
    List<Service> services = new ArrayList<>();
    Map<Long, Integer> perWay = new HashMap<>();
    Map<Integer, Double> wayKm = new HashMap<>();
    List<int[]> verts = new ArrayList<>();
    List<WayClass> classes = new ArrayList<>();
    List<Integer> ways = new ArrayList<>();
    for (int c = 0; c < chains.size(); c++) {
      int[] all = concat(chains.get(c));
      Seg head = heads.get(c);
      if (all[0] == all[all.length - 1]) {
        if (all.length < 3) {
          continue;
        }
        int mid = all.length / 2; // a ring: two links between its head and its middle vertex
        verts.add(java.util.Arrays.copyOfRange(all, 0, mid + 1));
        verts.add(java.util.Arrays.copyOfRange(all, mid, all.length));
        classes.add(head.cls());
        classes.add(head.cls());
        ways.add(head.way());
        ways.add(head.way());
        summary.count("closed chains (rings): split in two at their middle vertex");
      } else {
        verts.add(all);
        classes.add(head.cls());
        ways.add(head.way());
      }
    }
    for (int i = 0; i < verts.size(); i++) {
      if (classes.get(i).mode() == Mode.FERRY) {
        wayKm.merge(ways.get(i), length(verts.get(i)), Double::sum);
      }
    }
    for (int i = 0; i < verts.size(); i++) {
      int[] v = verts.get(i);
      WayClass cls = classes.get(i);
      if (cls.oneway() && cls.reverse()) {
        v = reversed(v);
      }
      long wayId = in.wayId(ways.get(i));
      int k = perWay.merge(wayId, 1, Integer::sum);
      String id = "W" + wayId + (k == 1 ? "" : "-" + k);
      double km = length(v);
      if (!(km > 0)) {
        km = 0.001;
        summary.count("links between distinct nodes at one position: length set to 1 m");
      }
      int a = v[0];
      int b = v[v.length - 1];
      for (int end : new int[] {a, b}) {
        nodes.computeIfAbsent(end, this::node);
        nodeModes.computeIfAbsent(end, x -> EnumSet.noneOf(Mode.class)).add(cls.mode());
        if (cls.gauge() != null) {
          nodeGauges.computeIfAbsent(end, x -> new TreeSet<>()).add(cls.gauge());
        }
      }
      List<LatLon> geometry = new ArrayList<>(v.length - 2);
      List<LatLon> line = new ArrayList<>(v.length);
      for (int j = 0; j < v.length; j++) {
        LatLon p = new LatLon(in.lat(v[j]), in.lon(v[j]));
        line.add(p);
        if (j > 0 && j < v.length - 1) {
          geometry.add(p);
        }
      }
      if (!geometry.isEmpty()) {
        lines.add(new GeometryLayer.Line(id, line, OSM_SOURCE, false));
      }
      Double speed = speed(cls);
      Set<String> estimated = new TreeSet<>();
      if (cls.note().contains("gauge=default")) {
        estimated.add("gauge");
      }
      String crossing = null;
      if (cls.mode() != Mode.FERRY && !country[a].equals(country[b])) {
        crossing = "X-" + id;
        crossings.add(rows.crossing(crossing, cls.mode(), nodes.get(a), nodes.get(b)));
      }
      links.add(
          new Link(
              id,
              nodes.get(a).id(),
              nodes.get(b).id(),
              cls.mode(),
              km,
              cls.oneway() ? Direction.FORWARD : Direction.BOTH,
              cls.gauge(),
              cls.electrified(),
              speed,
              null,
              cls.status(),
              cls.openingYear(),
              crossing,
              List.of(),
              geometry,
              provenance(estimated, note(cls)),
              Origin.NONE));
      if (cls.mode() == Mode.FERRY) {
        services.add(rows.service(id, cls, km, wayKm.get(ways.get(i))));
      }
    }
    nodeModes.forEach((v, m) -> nodes.put(v, ImportedRows.withModeKinds(nodes.get(v), m)));
    List<Terminal> terminals = rows.terminals(nodes, nodeModes, nodeGauges);
    countUnlinkedPlaces(nodes);
    summary.total("nodes", nodes.size());
    summary.total("links", links.size());
    summary.total("border crossings", crossings.size());
    summary.total("ferry services", services.size());
    summary.total("port terminals", terminals.size());
    return new NetworkData(
        rows.manifest(lines),
        rows.sources(),
        ImportedRows.countries(nodes.values()),
        List.of(),
        new ArrayList<>(nodes.values()),
        links,
        crossings,
        terminals,
        services);
  }

  private static int[] concat(List<int[]> parts) {
    int n = 1;
    for (int[] p : parts) {
      n += p.length - 1;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < parts.size(); i++) {
      int[] p = parts.get(i);
      int from = i == 0 ? 0 : 1;
      System.arraycopy(p, from, out, k, p.length - from);
      k += p.length - from;
    }
    return out;
  }

  private double length(int[] v) {
    double km = 0;
    for (int j = 1; j < v.length; j++) {
      km += km(v[j - 1], v[j]);
    }
    return km;
  }

  /** The link speed: {@code maxspeed} when it is below the profile's speed for the mode. */
  private Double speed(WayClass c) {
    Double max = c.maxspeedKmh();
    if (max == null) {
      return null;
    }
    double profile = c.mode() == Mode.RAIL ? o.railSpeedKmh() : o.roadSpeedKmh();
    return c.mode() != Mode.FERRY && max < profile ? max : null;
  }

  private static String note(WayClass c) {
    String n = c.note();
    if (c.maxspeedKmh() != null) {
      n += " maxspeed=" + org.karvan.io.bundle.BundleWriter.num(c.maxspeedKmh());
    }
    return n;
  }

  private Provenance provenance(Set<String> estimated, String note) {
    List<String> sources =
        estimated.isEmpty() ? List.of(OSM_SOURCE) : List.of(OSM_SOURCE, DEFAULTS_SOURCE);
    return new Provenance(sources, o.asOf(), estimated, note);
  }

  private Node node(int v) {
    OsmImporter.Place p = in.place(v);
    String id = "N" + in.osmId(v);
    Set<NodeKind> kinds = EnumSet.noneOf(NodeKind.class);
    String name = id;
    List<String> aliases = List.of();
    if (p != null) {
      kinds.addAll(p.kinds());
      if (p.name() != null && !p.name().isBlank()) {
        name = p.name();
      }
      aliases = p.aliases();
    }
    return new Node(
        id,
        name,
        aliases,
        country[v],
        in.lat(v),
        in.lon(v),
        kinds,
        provenance(Set.of(), ""),
        Origin.NONE);
  }

  private void countUnlinkedPlaces(Map<Integer, Node> nodes) {
    for (int v : in.placeNodes()) {
      if (!nodes.containsKey(v)) {
        summary.count(
            "tagged places (stations, ports, border posts) not on an imported way: left out");
      }
    }
  }
}
