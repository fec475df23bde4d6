package org.karvan.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.karvan.core.routing.Dijkstra;

/**
 * A many-to-many distance matrix with Karvan's {@link Dijkstra#oneToMany}: one search per source,
 * sources handed out to {@code threads} workers, each with its own {@link Dijkstra}.
 */
public final class KarvanMatrix {
  private KarvanMatrix() {}

  /** {@code [i][j]} = distance from {@code sources[i]} to {@code targets[j]}, +∞ if unreachable. */
  public static double[][] compute(BenchGraph g, int[] sources, int[] targets, int threads)
      throws InterruptedException {
    double[][] out = new double[sources.length][];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      Future<?>[] fs = new Future<?>[threads];
      for (int k = 0; k < threads; k++) {
        fs[k] =
            pool.submit(
                () -> {
                  Dijkstra d = new Dijkstra(g.csr());
                  for (int i = next.getAndIncrement();
                      i < sources.length;
                      i = next.getAndIncrement()) {
                    out[i] = d.oneToMany(sources[i], targets, g.weight(), null, null);
                  }
                });
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("matrix worker failed", e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }
}
