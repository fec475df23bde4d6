package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.PriorityQueue;

/** The plainest correct Dijkstra, on an edge list, for differential tests. */
final class ReferenceDijkstra {
  record Edge(int id, int from, int to, double w) {}

  static double[] distances(int n, List<Edge> edges, int source, BitSet disabled, BitSet sinks) {
    List<List<Edge>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    for (Edge e : edges) {
      if (disabled == null || !disabled.get(e.id())) {
        out.get(e.from()).add(e);
      }
    }
    double[] dist = new double[n];
    Arrays.fill(dist, Double.POSITIVE_INFINITY);
    dist[source] = 0;
    boolean[] done = new boolean[n];
    PriorityQueue<double[]> pq = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    pq.add(new double[] {0, source});
    while (!pq.isEmpty()) {
      double[] top = pq.poll();
      int u = (int) top[1];
      if (done[u]) {
        continue;
      }
      done[u] = true;
      if (sinks != null && u != source && sinks.get(u)) {
        continue;
      }
      for (Edge e : out.get(u)) {
        double nd = dist[u] + e.w();
        if (nd < dist[e.to()]) {
          dist[e.to()] = nd;
          pq.add(new double[] {nd, e.to()});
        }
      }
    }
    return dist;
  }
}
