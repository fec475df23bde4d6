package org.karvan.io.lines;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.geo.Geo;

/**
 * The topology of a GIS line layer: coinciding positions become one vertex, line ends within the
 * snap distance of another end or of another line's vertex are joined to it, lines are split at
 * every vertex shared by two lines (junctions) and at their ends, and chains through vertices where
 * exactly two pieces of the same kind meet are joined again, so that each resulting edge runs from
 * a junction or end to the next, keeping every vertex.
 *
 * <p>Cost: O(V) expected for V positions (hash grid of cells one snap distance wide).
 */
final class LineGraph {
  /** One input line: positions and the key of its kind (status, gauge); edges never mix kinds. */
  record Line(int feature, double[] lon, double[] lat, String kind) {}

  /** A resulting edge: vertex ids from one node to another, the kind and the first feature. */
  record Edge(int[] vertices, String kind, int feature) {
    int from() {
      return vertices[0];
    }

    int to() {
      return vertices[vertices.length - 1];
    }
  }

  final List<double[]> coords = new ArrayList<>(); // vertex id -> {lon, lat}
  final List<Edge> edges = new ArrayList<>();
  int snapped;

  private LineGraph() {}

  static LineGraph build(List<Line> lines, double snapM) {
    LineGraph g = new LineGraph();
    Map<Long, Integer> ids = new HashMap<>();
    List<int[]> seqs = new ArrayList<>();
    for (Line l : lines) {
      int[] s = new int[l.lon().length];
      for (int i = 0; i < s.length; i++) {
        long key =
            Math.round((l.lon()[i] + 180) * 1e6) * 200_000_000L
                + Math.round((l.lat()[i] + 90) * 1e6);
        Integer id = ids.get(key);
        if (id == null) {
          id = g.coords.size();
          ids.put(key, id);
          g.coords.add(new double[] {l.lon()[i], l.lat()[i]});
        }
        s[i] = id;
      }
      seqs.add(s);
    }
    int[] rep = g.snapEnds(seqs, snapM);
    int n = g.coords.size();
    int[] uses = new int[n];
    boolean[] node = new boolean[n];
    List<int[]> clean = new ArrayList<>();
    for (int[] s : seqs) {
      int[] c = dedupe(s, rep);
      clean.add(c);
      if (c.length < 2) {
        continue;
      }
      for (int v : c) {
        uses[v]++;
      }
      node[c[0]] = true;
      node[c[c.length - 1]] = true;
    }
    for (int v = 0; v < n; v++) {
      if (uses[v] >= 2) {
        node[v] = true;
      }
    }
    List<Edge> pieces = new ArrayList<>();
    for (int k = 0; k < clean.size(); k++) {
      int[] c = clean.get(k);
      if (c.length < 2) {
        continue;
      }
      int start = 0;
      for (int i = 1; i < c.length; i++) {
        if (node[c[i]]) {
          int[] piece = java.util.Arrays.copyOfRange(c, start, i + 1);
          pieces.addAll(openLoop(piece, node, lines.get(k)));
          start = i;
        }
      }
    }
    g.edges.addAll(joinChains(pieces, n));
    return g;
  }

  /** Joins each line end to an end or vertex of another line within {@code snapM} metres. */
  private int[] snapEnds(List<int[]> seqs, double snapM) {
    int n = coords.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    if (snapM <= 0) {
      return parent;
    }
    double cellDeg = snapM / 111_195.0;
    Map<Long, List<Integer>> grid = new HashMap<>();
    for (int v = 0; v < n; v++) {
      grid.computeIfAbsent(cell(v, cellDeg, 0, 0), k -> new ArrayList<>(2)).add(v);
    }
    for (int[] s : seqs) {
      for (int end : new int[] {s[0], s[s.length - 1]}) {
        double[] p = coords.get(end);
        for (int dx = -1; dx <= 1; dx++) {
          for (int dy = -1; dy <= 1; dy++) {
            List<Integer> near = grid.get(cell(end, cellDeg, dx, dy));
            if (near == null) {
              continue;
            }
            for (int v : near) {
              double[] q = coords.get(v);
              if (v != end && Geo.distanceKm(p[1], p[0], q[1], q[0]) * 1000 <= snapM) {
                int a = find(parent, end);
                int b = find(parent, v);
                if (a != b) {
                  parent[a] = b;
                  snapped++;
                }
              }
            }
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      parent[i] = find(parent, i);
    }
    return parent;
  }

  private long cell(int v, double cellDeg, int dx, int dy) {
    double[] p = coords.get(v);
    long x = (long) Math.floor(p[0] / cellDeg) + dx;
    long y = (long) Math.floor(p[1] / cellDeg) + dy;
    return x * 1_000_000_007L + y;
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  private static int[] dedupe(int[] s, int[] rep) {
    int[] out = new int[s.length];
    int m = 0;
    for (int v : s) {
      int r = rep[v];
      if (m == 0 || out[m - 1] != r) {
        out[m++] = r;
      }
    }
    return java.util.Arrays.copyOf(out, m);
  }

  /** A piece that returns to its start is split at its middle vertex (which becomes a node). */
  private static List<Edge> openLoop(int[] piece, boolean[] node, Line line) {
    if (piece[0] != piece[piece.length - 1]) {
      return List.of(new Edge(piece, line.kind(), line.feature()));
    }
    if (piece.length < 4) {
      return List.of(); // a degenerate loop of one or two segments: nothing to route on
    }
    int mid = piece.length / 2;
    node[piece[mid]] = true;
    return List.of(
        new Edge(java.util.Arrays.copyOfRange(piece, 0, mid + 1), line.kind(), line.feature()),
        new Edge(
            java.util.Arrays.copyOfRange(piece, mid, piece.length), line.kind(), line.feature()));
  }

  /** Joins pieces through vertices where exactly two pieces of the same kind meet. */
  private static List<Edge> joinChains(List<Edge> pieces, int n) {
    Map<Integer, List<Integer>> incident = new HashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      incident.computeIfAbsent(pieces.get(i).from(), k -> new ArrayList<>()).add(i);
      incident.computeIfAbsent(pieces.get(i).to(), k -> new ArrayList<>()).add(i);
    }
    boolean[] used = new boolean[pieces.size()];
    List<Edge> out = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      if (used[i]) {
        continue;
      }
      used[i] = true;
      Edge e = pieces.get(i);
      List<Integer> seq = new ArrayList<>();
      for (int v : e.vertices()) {
        seq.add(v);
      }
      extend(seq, e.kind(), pieces, incident, used, true);
      extend(seq, e.kind(), pieces, incident, used, false);
      int[] vs = seq.stream().mapToInt(Integer::intValue).toArray();
      if (vs[0] != vs[vs.length - 1]) {
        out.add(new Edge(vs, e.kind(), e.feature()));
      } else if (vs.length >= 4) { // a closed chain: split at its middle vertex
        int mid = vs.length / 2;
        out.add(new Edge(java.util.Arrays.copyOfRange(vs, 0, mid + 1), e.kind(), e.feature()));
        out.add(new Edge(java.util.Arrays.copyOfRange(vs, mid, vs.length), e.kind(), e.feature()));
      }
    }
    return out;
  }

  private static void extend(
      List<Integer> seq,
      String kind,
      List<Edge> pieces,
      Map<Integer, List<Integer>> incident,
      boolean[] used,
      boolean atEnd) {
    while (true) {
      int v = atEnd ? seq.get(seq.size() - 1) : seq.get(0);
      if (v == (atEnd ? seq.get(0) : seq.get(seq.size() - 1))) {
        return; // a closed chain: keep this vertex as its node
      }
      List<Integer> inc = incident.get(v);
      if (inc.size() != 2) {
        return;
      }
      int next = used[inc.get(0)] ? inc.get(1) : inc.get(0);
      Edge e = pieces.get(next);
      if (used[next] || !e.kind().equals(kind) || inc.get(0).equals(inc.get(1))) {
        return;
      }
      used[next] = true;
      int[] vs = e.vertices();
      boolean forward = vs[0] == v;
      List<Integer> add = new ArrayList<>(vs.length - 1);
      for (int k = 1; k < vs.length; k++) {
        add.add(forward ? vs[k] : vs[vs.length - 1 - k]);
      }
      if (atEnd) {
        seq.addAll(add);
      } else {
        java.util.Collections.reverse(add);
        seq.addAll(0, add);
      }
    }
  }

  /** Length in km along the vertices. */
  double lengthKm(int[] vs, int from, int to) {
    double km = 0;
    for (int i = from; i < to; i++) {
      double[] a = coords.get(vs[i]);
      double[] b = coords.get(vs[i + 1]);
      km += Geo.distanceKm(a[1], a[0], b[1], b[0]);
    }
    return km;
  }
}
