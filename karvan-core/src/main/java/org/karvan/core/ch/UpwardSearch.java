package org.karvan.core.ch;

import java.util.Arrays;
import org.karvan.core.graph.MinHeap;

/**
 * One direction of a hierarchy search: Dijkstra over the upward out-arcs (forward) or the upward
 * in-arcs (backward) of a {@link ContractionHierarchy}, with stall-on-demand (a node that a higher,
 * already reached neighbour reaches more cheaply over an arc pointing down to it is settled but not
 * expanded). The caller drives it node by node. Not thread-safe; reset by stamping.
 */
final class UpwardSearch {
  private final double[] w;
  private final int[] first;
  private final int[] arcs;
  private final int[] end;
  private final int[] stallFirst;
  private final int[] stallArcs;
  private final int[] stallEnd;
  private final double[] dist;
  private final int[] parent;
  private final int[] stamp;
  private final MinHeap heap;
  private int current;

  UpwardSearch(ContractionHierarchy ch, boolean forward) {
    int n = ch.hierarchyNodes();
    w = ch.arcW;
    first = forward ? ch.upFirst : ch.downFirst;
    arcs = forward ? ch.upArc : ch.downArc;
    end = forward ? ch.arcTo : ch.arcFrom;
    stallFirst = forward ? ch.downFirst : ch.upFirst;
    stallArcs = forward ? ch.downArc : ch.upArc;
    stallEnd = forward ? ch.arcFrom : ch.arcTo;
    dist = new double[n];
    parent = new int[n];
    stamp = new int[n];
    heap = new MinHeap(n);
  }

  void start(int node) {
    heap.clear();
    current++;
    if (current == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      current = 1;
    }
    stamp[node] = current;
    dist[node] = 0;
    parent[node] = -1;
    heap.push(node, 0);
  }

  /** The smallest key in the queue, {@code +∞} when it is empty. */
  double minKey() {
    return heap.isEmpty() ? Double.POSITIVE_INFINITY : heap.peekKey();
  }

  boolean reached(int v) {
    return stamp[v] == current;
  }

  /** Tentative (final once settled) distance of a reached node. */
  double dist(int v) {
    return dist[v];
  }

  /** The arc the search reached {@code v} by, -1 at the start node. */
  int parent(int v) {
    return parent[v];
  }

  /**
   * Settles the node with the smallest key and expands it unless it is stalled. Call only when
   * {@link #minKey()} is finite.
   *
   * @return the node, or {@code -1 - node} when it was stalled
   */
  int settleNext() {
    int u = heap.pop();
    double du = dist[u];
    for (int i = stallFirst[u], e = stallFirst[u + 1]; i < e; i++) {
      int a = stallArcs[i];
      int x = stallEnd[a];
      if (stamp[x] == current && dist[x] + w[a] < du) {
        return -1 - u;
      }
    }
    for (int i = first[u], e = first[u + 1]; i < e; i++) {
      int a = arcs[i];
      int x = end[a];
      double nd = du + w[a];
      if (stamp[x] != current || nd < dist[x]) {
        stamp[x] = current;
        dist[x] = nd;
        parent[x] = a;
        heap.push(x, nd);
      }
    }
    return u;
  }
}
