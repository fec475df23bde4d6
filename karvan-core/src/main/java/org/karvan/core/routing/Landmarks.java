package org.karvan.core.routing;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.karvan.core.graph.Csr;
import org.karvan.core.graph.MinHeap;

/**
 * ALT lower bounds (A*, landmarks, triangle inequality; Goldberg and Harrelson, SODA 2005): the
 * distances from and to a few landmark nodes on a base graph, from which {@link #toward} gives an
 * A* bound to any target: for a landmark L, {@code d(v, t) ≥ d(L, t) − d(L, v)} and {@code d(v, t)
 * ≥ d(v, L) − d(t, L)}; the bound is the largest of these.
 *
 * <p>The distances are those of the base graph with every edge usable, at the base weights, and no
 * node kept from being passed through. A request may mask edges, keep sinks from being passed
 * through, or raise weights (closures, avoidances, scenario costs, restrictions): each of these
 * only lengthens distances, so the bounds stay admissible, and consistent on every edge whose
 * weight is at least its base weight. A weight below the base breaks that; {@link #admits} checks
 * it and a caller falls back to a search without these bounds.
 *
 * <p>Landmarks are chosen farthest-first: each next landmark is the node farthest (distance there
 * and back) from those chosen so far, a node that none of them reaches both ways counting as
 * farthest (so each strongly connected part gets a landmark before any part gets a second).
 * Deterministic for a graph and weights. Immutable and thread-safe.
 */
public final class Landmarks {
  private final int nodeCount;
  private final double[] base;
  private final int[] nodes;
  private final int count;

  /**
   * {@code from[v * count + l]} = d(landmark l, v); {@code to[v * count + l]} = d(v, landmark l).
   */
  private final double[] from;

  private final double[] to;

  private Landmarks(int nodeCount, double[] base, int[] nodes, double[] from, double[] to) {
    this.nodeCount = nodeCount;
    this.base = base;
    this.nodes = nodes;
    this.count = nodes.length;
    this.from = from;
    this.to = to;
  }

  /**
   * Chooses {@code count} landmarks farthest-first on {@code g} at {@code weight} (every edge, no
   * mask) and computes their distances; the search from and the search to a landmark run side by
   * side on two threads when {@code threads > 1}.
   *
   * @param weight weight per CSR edge id, ≥ 0 or {@code +∞}; kept (not copied) as the base that
   *     {@link #admits} compares with, so it must not change afterwards
   */
  public static Landmarks farthest(Csr g, double[] weight, int count, int threads) {
    int n = g.nodeCount();
    if (weight.length != g.edgeCount()) {
      throw new IllegalArgumentException(
          "weight array has " + weight.length + " entries for " + g.edgeCount() + " edges");
    }
    for (int e = 0; e < weight.length; e++) {
      if (!(weight[e] >= 0)) {
        throw new IllegalArgumentException("weight of edge " + e + " is " + weight[e]);
      }
    }
    if (count < 1 || n == 0) {
      throw new IllegalArgumentException("landmarks need at least one landmark and one node");
    }
    int k = Math.min(count, n);
    int[] revEdge = new int[g.edgeCount()];
    Csr rev = reverse(g, revEdge);
    double[] revWeight = Csr.permute(weight, revEdge);
    double[] from = new double[n * k];
    double[] to = new double[n * k];
    int[] chosen = new int[k];
    double[] near = new double[n];
    Arrays.fill(near, Double.POSITIVE_INFINITY);
    double[] start = tree(g, weight, 0);
    int next = farthest(start);
    Tree fwd = new Tree(n);
    Tree bwd = new Tree(n);
    for (int l = 0; l < k; l++) {
      chosen[l] = next;
      int source = next;
      if (threads > 1) {
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> fwd.run(g, weight, source));
        bwd.run(rev, revWeight, source);
        f.join();
      } else {
        fwd.run(g, weight, source);
        bwd.run(rev, revWeight, source);
      }
      for (int v = 0; v < n; v++) {
        from[v * k + l] = fwd.dist[v];
        to[v * k + l] = bwd.dist[v];
        near[v] = Math.min(near[v], fwd.dist[v] + bwd.dist[v]);
      }
      near[source] = -1;
      next = farthest(near);
    }
    return new Landmarks(n, weight, chosen, from, to);
  }

  /** The node of greatest {@code key} (+∞ first, then lowest id), skipping negative keys. */
  private static int farthest(double[] key) {
    int best = 0;
    double bestKey = -1;
    for (int v = 0; v < key.length; v++) {
      if (key[v] > bestKey) {
        bestKey = key[v];
        best = v;
      }
    }
    return best;
  }

  private static double[] tree(Csr g, double[] weight, int source) {
    Tree t = new Tree(g.nodeCount());
    t.run(g, weight, source);
    return t.dist;
  }

  /** A full shortest-path tree (distances only). */
  private static final class Tree {
    final double[] dist;
    final MinHeap heap;

    Tree(int n) {
      dist = new double[n];
      heap = new MinHeap(n);
    }

    void run(Csr g, double[] weight, int source) {
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      heap.clear();
      dist[source] = 0;
      heap.push(source, 0);
      int settled = 0;
      while (!heap.isEmpty()) {
        int u = heap.pop();
        if ((++settled & Cancellation.MASK) == 0) {
          Cancellation.check();
        }
        double du = dist[u];
        for (int e = g.firstOut(u), end = g.endOut(u); e < end; e++) {
          int v = g.head(e);
          double nd = du + weight[e];
          if (nd < dist[v]) {
            dist[v] = nd;
            heap.push(v, nd);
          }
        }
      }
    }
  }

  /**
   * The graph with every edge reversed; {@code order[e]} is the edge of {@code g} that edge {@code
   * e} of the result reverses.
   */
  private static Csr reverse(Csr g, int[] order) {
    int m = g.edgeCount();
    int[] t = new int[m];
    int[] h = new int[m];
    for (int e = 0; e < m; e++) {
      t[e] = g.head(e);
      h[e] = g.tail(e);
    }
    return Csr.of(g.nodeCount(), t, h, m, order);
  }

  /** The landmark nodes, in the order they were chosen. */
  public int[] nodes() {
    return nodes.clone();
  }

  /** Heap bytes of the distance tables. */
  public long bytes() {
    return 8L * (from.length + to.length);
  }

  /**
   * Whether the bounds hold under {@code weight}: on the same graph, every weight at least the base
   * weight (masks and sinks are always fine). Costs O(E).
   *
   * @return the first edge whose weight is below the base, or -1 when none is
   */
  public int firstBelowBase(double[] weight) {
    if (weight.length != base.length) {
      return 0;
    }
    for (int e = 0; e < weight.length; e++) {
      if (!(weight[e] >= base[e])) {
        return e;
      }
    }
    return -1;
  }

  /** {@code firstBelowBase(weight) < 0}: the bounds are admissible and consistent under it. */
  public boolean admits(double[] weight) {
    return weight == base || firstBelowBase(weight) < 0;
  }

  /**
   * The A* bound toward {@code target}: the largest landmark bound, {@code +∞} when a landmark
   * proves {@code target} unreachable. Valid only under weights this {@link #admits}.
   */
  public Heuristic toward(int target) {
    check(target, "target");
    int[] all = new int[count];
    for (int l = 0; l < count; l++) {
      all[l] = l;
    }
    return toward(target, all);
  }

  /**
   * As {@link #toward(int)} with only the {@code active} landmarks that bound the distance from
   * {@code source} best (Goldberg and Harrelson's active landmarks): a bound a little weaker, over
   * fewer landmarks per node. A maximum over fewer consistent bounds is still consistent.
   */
  public Heuristic toward(int source, int target, int active) {
    check(source, "source");
    check(target, "target");
    int k = count;
    int a = Math.max(1, Math.min(active, k));
    double[] at = new double[k];
    Integer[] order = new Integer[k];
    for (int l = 0; l < k; l++) {
      order[l] = l;
      at[l] = bound(source, l, from[target * k + l], to[target * k + l]);
    }
    Arrays.sort(order, (x, y) -> at[x] != at[y] ? Double.compare(at[y], at[x]) : x - y);
    int[] use = new int[a];
    for (int i = 0; i < a; i++) {
      use[i] = order[i];
    }
    Arrays.sort(use);
    return toward(target, use);
  }

  /** The bound at {@code v} of landmark {@code l}, given d(l, target) and d(target, l). */
  private double bound(int v, int l, double lt, double tl) {
    double h = 0;
    double lv = from[v * count + l];
    if (lv < Double.POSITIVE_INFINITY) {
      h = Math.max(h, lt - lv);
    }
    if (tl < Double.POSITIVE_INFINITY) {
      h = Math.max(h, to[v * count + l] - tl);
    }
    return h;
  }

  private void check(int v, String what) {
    if (v < 0 || v >= nodeCount) {
      throw new IllegalArgumentException(what + " node " + v + " outside [0, " + nodeCount + ")");
    }
  }

  /** The bound toward {@code target} over the landmarks {@code use}. */
  private Heuristic toward(int target, int[] use) {
    int k = count;
    int a = use.length;
    double[] dLt = new double[a];
    double[] dtL = new double[a];
    for (int i = 0; i < a; i++) {
      dLt[i] = from[target * k + use[i]];
      dtL[i] = to[target * k + use[i]];
    }
    double[] f = from;
    double[] b = to;
    return v -> {
      double h = 0;
      int base = v * k;
      for (int l = 0; l < a; l++) {
        int o = base + use[l];
        double lv = f[o];
        if (lv < Double.POSITIVE_INFINITY) {
          double x = dLt[l] - lv; // +∞ when L reaches v but not t: v cannot reach t
          if (x > h) {
            h = x;
          }
        }
        double tl = dtL[l];
        if (tl < Double.POSITIVE_INFINITY) {
          double x = b[o] - tl; // +∞ when t reaches L but v does not: v cannot reach t
          if (x > h) {
            h = x;
          }
        }
      }
      return h;
    };
  }
}
