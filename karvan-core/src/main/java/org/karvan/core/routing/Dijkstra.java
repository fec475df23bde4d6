package org.karvan.core.routing;

import java.util.Arrays;
import java.util.BitSet;
import org.karvan.core.graph.Csr;
import org.karvan.core.graph.MinHeap;

/**
 * Dijkstra's algorithm (and A* when given a {@link Heuristic}) on a {@link Csr} graph with
 * non-negative edge weights, a per-query filter of disabled edges and an optional set of sink
 * nodes, which are reached but never expanded unless they are the source (the origin and
 * destination hubs of the virtual multimodal network).
 *
 * <p>Time O((V + E) log V) with a binary heap. The workspace (distance, parent and stamp arrays of
 * size V) is allocated once per instance and reset in O(1) per query by stamping, so an instance is
 * cheap to query repeatedly but is <b>not thread-safe</b>: use one per thread.
 *
 * <p>References: E. W. Dijkstra, "A note on two problems in connexion with graphs", Numerische
 * Mathematik 1 (1959); Hart, Nilsson, Raphael, "A formal basis for the heuristic determination of
 * minimum cost paths", IEEE Trans. SSC 4(2) (1968).
 */
public final class Dijkstra {
  private final Csr g;
  private final double[] dist;
  private final int[] parent;
  private final int[] stamp;
  private final boolean[] settledFlag;
  private int current;
  private final MinHeap heap;

  public Dijkstra(Csr g) {
    this.g = g;
    int n = g.nodeCount();
    dist = new double[n];
    parent = new int[n];
    stamp = new int[n];
    settledFlag = new boolean[n];
    heap = new MinHeap(n);
  }

  public Csr graph() {
    return g;
  }

  private void reset() {
    heap.clear();
    current++;
    if (current == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      current = 1;
    }
  }

  private double d(int v) {
    return stamp[v] == current ? dist[v] : Double.POSITIVE_INFINITY;
  }

  private boolean settled(int v) {
    return stamp[v] == current && settledFlag[v];
  }

  private void set(int v, double dv, int pe) {
    if (stamp[v] != current) {
      stamp[v] = current;
      settledFlag[v] = false;
    }
    dist[v] = dv;
    parent[v] = pe;
  }

  /**
   * The shortest path from {@code source} to {@code target}.
   *
   * @param weight weight per CSR edge id, all ≥ 0 (not checked here, for speed)
   * @param disabled edges that may not be used, or {@code null}
   * @param sinks nodes that are never expanded unless they are the source, or {@code null}
   * @param h an admissible, consistent lower bound to the target for A*, or {@code null}
   */
  public PathResult route(
      int source, int target, double[] weight, BitSet disabled, BitSet sinks, Heuristic h) {
    check(source, "source");
    check(target, "target");
    checkWeights(weight);
    reset();
    set(source, 0, -1);
    heap.push(source, h == null ? 0 : h.lowerBound(source));
    int settledCount = 0;
    while (!heap.isEmpty()) {
      int u = heap.pop();
      settledFlag[u] = true;
      if ((++settledCount & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
      if (u == target) {
        return path(source, target, settledCount);
      }
      if (sinks != null && u != source && sinks.get(u)) {
        continue;
      }
      double du = dist[u];
      for (int e = g.firstOut(u), end = g.endOut(u); e < end; e++) {
        if (disabled != null && disabled.get(e)) {
          continue;
        }
        int v = g.head(e);
        double nd = du + weight[e];
        if (nd < d(v) && !settled(v)) {
          set(v, nd, e);
          heap.push(v, h == null ? nd : nd + h.lowerBound(v));
        }
      }
    }
    return PathResult.none(source, target, settledCount);
  }

  /**
   * Distances from {@code source} to each of {@code targets} ({@code +∞} when unreachable). Stops
   * as soon as every target is settled.
   */
  public double[] oneToMany(
      int source, int[] targets, double[] weight, BitSet disabled, BitSet sinks) {
    return distancesFrom(new int[] {source}, new double[] {0}, targets, weight, disabled, sinks);
  }

  /**
   * Multi-source search: {@code sources[i]} starts at distance {@code init[i]} ({@code +∞} = not a
   * source). The shortest path to {@code target} from whichever source gives the least total;
   * {@link PathResult#source()} is that source and the weight includes its initial distance. A sink
   * is expanded only when it is one of the sources.
   */
  public PathResult routeFrom(
      int[] sources, double[] init, int target, double[] weight, BitSet disabled, BitSet sinks) {
    check(target, "target");
    int settledCount = multi(sources, init, new int[] {target}, weight, disabled, sinks);
    if (!settled(target)) {
      return PathResult.none(-1, target, settledCount);
    }
    int n = 0;
    int v = target;
    while (parent[v] >= 0) {
      n++;
      v = g.tail(parent[v]);
    }
    int start = v;
    int[] edges = new int[n];
    v = target;
    for (int i = n - 1; i >= 0; i--) {
      edges[i] = parent[v];
      v = g.tail(parent[v]);
    }
    return new PathResult(start, target, dist[target], edges, settledCount);
  }

  /**
   * Multi-source distances to each of {@code targets}, initial distances included ({@code +∞} when
   * unreachable). See {@link #routeFrom}.
   */
  public double[] distancesFrom(
      int[] sources, double[] init, int[] targets, double[] weight, BitSet disabled, BitSet sinks) {
    multi(sources, init, targets, weight, disabled, sinks);
    double[] out = new double[targets.length];
    for (int i = 0; i < targets.length; i++) {
      out[i] = settled(targets[i]) ? dist[targets[i]] : Double.POSITIVE_INFINITY;
    }
    return out;
  }

  private int multi(
      int[] sources, double[] init, int[] targets, double[] weight, BitSet disabled, BitSet sinks) {
    if (sources.length != init.length) {
      throw new IllegalArgumentException("one initial distance per source is needed");
    }
    for (int s : sources) {
      check(s, "source");
    }
    for (int t : targets) {
      check(t, "target");
    }
    checkWeights(weight);
    reset();
    BitSet isSource = new BitSet(g.nodeCount());
    for (int i = 0; i < sources.length; i++) {
      if (init[i] < d(sources[i])) {
        set(sources[i], init[i], -1);
        heap.push(sources[i], init[i]);
        isSource.set(sources[i]);
      }
    }
    BitSet wanted = new BitSet(g.nodeCount());
    for (int t : targets) {
      wanted.set(t);
    }
    int remaining = wanted.cardinality();
    int settledCount = 0;
    while (!heap.isEmpty() && remaining > 0) {
      int u = heap.pop();
      settledFlag[u] = true;
      if ((++settledCount & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
      if (wanted.get(u)) {
        remaining--;
      }
      if (sinks != null && !isSource.get(u) && sinks.get(u)) {
        continue;
      }
      double du = dist[u];
      for (int e = g.firstOut(u), end = g.endOut(u); e < end; e++) {
        if (disabled != null && disabled.get(e)) {
          continue;
        }
        int v = g.head(e);
        double nd = du + weight[e];
        if (nd < d(v) && !settled(v)) {
          set(v, nd, e);
          heap.push(v, nd);
        }
      }
    }
    return settledCount;
  }

  private void check(int v, String what) {
    if (v < 0 || v >= g.nodeCount()) {
      throw new IllegalArgumentException(
          what + " node " + v + " outside [0, " + g.nodeCount() + ")");
    }
  }

  private void checkWeights(double[] weight) {
    if (weight.length != g.edgeCount()) {
      throw new IllegalArgumentException(
          "weight array has " + weight.length + " entries for " + g.edgeCount() + " edges");
    }
  }

  private PathResult path(int source, int target, int settledCount) {
    int n = 0;
    for (int v = target; v != source; v = g.tail(parent[v])) {
      n++;
    }
    int[] edges = new int[n];
    for (int v = target, i = n - 1; v != source; v = g.tail(parent[v]), i--) {
      edges[i] = parent[v];
    }
    return new PathResult(source, target, dist[target], edges, settledCount);
  }
}
