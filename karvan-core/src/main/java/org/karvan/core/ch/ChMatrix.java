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
    run(
        ch,
        false,
        m,
        threads,
        (search, j) -> {
          search.start(ch.targetNode(targets[j]));
          int[] ns = new int[64];
          double[] ds = new double[64];
          int k = 0;
          while (search.minKey() < Double.POSITIVE_INFINITY) {
            int u = search.settleNext();
            if (u < 0) {
              continue;
            }
            if (k == ns.length) {
              ns = Arrays.copyOf(ns, k * 2);
              ds = Arrays.copyOf(ds, k * 2);
            }
            ns[k] = u;
            ds[k++] = search.dist(u);
          }
          nodes[j] = Arrays.copyOf(ns, k);
          dists[j] = Arrays.copyOf(ds, k);
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
    double[] bucketDist = new double[first[n]];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < nodes[j].length; i++) {
        int p = pos[nodes[j][i]]++;
        bucketTarget[p] = j;
        bucketDist[p] = dists[j][i];
      }
      nodes[j] = null;
      dists[j] = null;
    }
    double[][] out = new double[sources.length][];
    run(
        ch,
        true,
        sources.length,
        threads,
        (search, i) -> {
          double[] row = new double[m];
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
