package org.karvan.core.ch;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many-to-many distances on a {@link ContractionHierarchy} with buckets (Knopp, Sanders, Schultes,
 * Schulz, Wagner, "Computing Many-to-Many Shortest Paths Using Highway Hierarchies", ALENEX 2007):
 * a complete backward upward search from each target leaves an entry (target, distance) in the
 * bucket of every node it settles (stalled nodes excepted); a complete forward upward search from
 * each source then scans the buckets of the nodes it settles, and the least {@code d(s, v) + d(v,
 * t)} over the nodes {@code v} is the distance. The work is one upward search per source and per
 * target, not one search of the whole graph per source.
 */
public final class ChMatrix {
  private ChMatrix() {}

  /** {@code [i][j]} = distance from {@code sources[i]} to {@code targets[j]}, +∞ if unreachable. */
  public static double[][] compute(
      ContractionHierarchy ch, int[] sources, int[] targets, int threads) {
    return compute(ch, sources, targets, threads, null);
  }

  /**
   * As {@link #compute(ContractionHierarchy, int[], int[], int)}, and when {@code exactWeight} (the
   * weights the hierarchy was prepared with) is given, each finite cell is the sum of those weights
   * along its unpacked path, added from the source in path order as Dijkstra adds them: the same
   * path gives the same bits as Dijkstra's {@code oneToMany}. This costs one walk of each cell's
   * path.
   */
  public static double[][] compute(
      ContractionHierarchy ch, int[] sources, int[] targets, int threads, double[] exactWeight) {
    for (int s : sources) {
      ch.check(s, "source");
    }
    for (int t : targets) {
      ch.check(t, "target");
    }
    int n = ch.hierarchyNodes();
    int m = targets.length;
    // backward searches: (node, dist) lists per target
    int[][] nodes = new int[m][];
    double[][] dists = new double[m][];
    int[][] parents = new int[m][];
    int[][] byNode = new int[m][];
    run(
        ch,
        false,
        m,
        threads,
        (search, j) -> {
          search.start(ch.targetNode(targets[j]));
          int[] ns = new int[64];
          double[] ds = new double[64];
          int[] ps = new int[64];
          int k = 0;
          while (search.minKey() < Double.POSITIVE_INFINITY) {
            int u = search.settleNext();
            if (u < 0) {
              continue;
            }
            if (k == ns.length) {
              ns = Arrays.copyOf(ns, k * 2);
              ds = Arrays.copyOf(ds, k * 2);
              ps = Arrays.copyOf(ps, k * 2);
            }
            ns[k] = u;
            ps[k] = search.parent(u);
            ds[k++] = search.dist(u);
          }
          nodes[j] = Arrays.copyOf(ns, k);
          dists[j] = Arrays.copyOf(ds, k);
          if (exactWeight != null) {
            parents[j] = Arrays.copyOf(ps, k);
            byNode[j] = byNode(nodes[j]);
          }
        });
    int[] first = new int[n + 1];
    for (int[] ns : nodes) {
      for (int u : ns) {
        first[u + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      first[v + 1] += first[v];
    }
    int[] pos = Arrays.copyOf(first, n);
    int[] bucketTarget = new int[first[n]];
    int[] bucketEntry = new int[first[n]];
    double[] bucketDist = new double[first[n]];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < nodes[j].length; i++) {
        int p = pos[nodes[j][i]]++;
        bucketTarget[p] = j;
        bucketEntry[p] = i;
        bucketDist[p] = dists[j][i];
      }
      dists[j] = null;
      if (exactWeight == null) {
        nodes[j] = null;
      }
    }
    double[][] out = new double[sources.length][];
    run(
        ch,
        true,
        sources.length,
        threads,
        (search, i) -> {
          double[] row = new double[m];
          int[] meet = exactWeight == null ? null : new int[m];
          Arrays.fill(row, Double.POSITIVE_INFINITY);
          search.start(sources[i]);
          while (search.minKey() < Double.POSITIVE_INFINITY) {
            int u = search.settleNext();
            if (u < 0) {
              continue;
            }
            double du = search.dist(u);
            for (int b = first[u], e = first[u + 1]; b < e; b++) {
              double d = du + bucketDist[b];
              if (d < row[bucketTarget[b]]) {
                row[bucketTarget[b]] = d;
                if (meet != null) {
                  meet[bucketTarget[b]] = b;
                }
              }
            }
          }
          if (meet != null) {
            Exact ex = new Exact(ch, search, exactWeight);
            for (int j = 0; j < m; j++) {
              if (row[j] < Double.POSITIVE_INFINITY) {
                int b = meet[j];
                row[j] =
                    ex.sum(
                        sources[i],
                        nodes[j],
                        parents[j],
                        byNode[j],
                        bucketEntry[b],
                        bucketNode(first, b));
              }
            }
          }
          for (int j = 0; j < m; j++) {
            if (targets[j] == sources[i]) {
              row[j] = 0;
            }
          }
          out[i] = row;
        });
    return out;
  }

  /** The positions of {@code nodes} sorted by node id, for lookups by binary search. */
  private static int[] byNode(int[] nodes) {
    Integer[] idx = new Integer[nodes.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Integer.compare(nodes[a], nodes[b]));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  /** The node whose bucket holds entry {@code b} (buckets are laid out by node). */
  private static int bucketNode(int[] first, int b) {
    int lo = 0;
    int hi = first.length - 2;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (first[mid] <= b) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Re-adds a cell's path weights in path order: the forward half (from the forward search tree of
   * the source, memoised per meeting node) and then the backward half (from the target's search).
   */
  private static final class Exact {
    private final ContractionHierarchy ch;
    private final UpwardSearch fwd;
    private final double[] w;
    private final ContractionHierarchy.Edges edges = new ContractionHierarchy.Edges();
    private final java.util.HashMap<Integer, Double> prefix = new java.util.HashMap<>();

    Exact(ContractionHierarchy ch, UpwardSearch fwd, double[] w) {
      this.ch = ch;
      this.fwd = fwd;
      this.w = w;
    }

    private double forward(int source, int meetNode) {
      Double cached = prefix.get(meetNode);
      if (cached != null) {
        return cached;
      }
      int[] chain = new int[16];
      int k = 0;
      for (int v = meetNode; fwd.parent(v) >= 0; v = ch.arcFrom[fwd.parent(v)]) {
        if (k == chain.length) {
          chain = Arrays.copyOf(chain, k * 2);
        }
        chain[k++] = fwd.parent(v);
      }
      edges.size = 0;
      for (int i = k - 1; i >= 0; i--) {
        ch.unpack(chain[i], edges);
      }
      double sum = 0;
      for (int i = 0; i < edges.size; i++) {
        sum += w[edges.ids[i]];
      }
      prefix.put(meetNode, sum);
      return sum;
    }

    double sum(int source, int[] nodes, int[] parents, int[] byNode, int entry, int meetNode) {
      double sum = forward(source, meetNode);
      int k = entry;
      while (parents[k] >= 0) {
        int a = parents[k];
        edges.size = 0;
        ch.unpack(a, edges);
        for (int i = 0; i < edges.size; i++) {
          sum += w[edges.ids[i]];
        }
        k = find(nodes, byNode, ch.arcTo[a]);
      }
      return sum;
    }

    private static int find(int[] nodes, int[] byNode, int v) {
      int lo = 0;
      int hi = byNode.length - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int x = nodes[byNode[mid]];
        if (x < v) {
          lo = mid + 1;
        } else if (x > v) {
          hi = mid - 1;
        } else {
          return byNode[mid];
        }
      }
      throw new IllegalStateException("node " + v + " missing from a backward search");
    }
  }

  @FunctionalInterface
  private interface Task {
    void run(UpwardSearch search, int index);
  }

  private static void run(
      ContractionHierarchy ch, boolean forward, int count, int threads, Task t) {
    int workers = Math.max(1, Math.min(threads, count));
    if (workers == 1) {
      UpwardSearch s = new UpwardSearch(ch, forward);
      for (int i = 0; i < count; i++) {
        t.run(s, i);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      AtomicInteger next = new AtomicInteger();
      Future<?>[] fs = new Future<?>[workers];
      for (int k = 0; k < workers; k++) {
        fs[k] =
            pool.submit(
                () -> {
                  UpwardSearch s = new UpwardSearch(ch, forward);
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    t.run(s, i);
                  }
                });
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("matrix interrupted", e);
        } catch (ExecutionException e) {
          throw new IllegalStateException("matrix worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
