package org.karvan.core.ch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.PathResult;

/**
 * Contraction hierarchies against Dijkstra on seeded random graphs (the seed is the test name: a
 * failure reproduces): distances equal, paths valid and as heavy as Dijkstra's, matrices equal to
 * {@link Dijkstra#oneToMany}, with disabled edges and sinks, on one and on two threads.
 */
class ContractionHierarchyTest {
  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  record G(Csr csr, double[] w) {}

  /** A random digraph with parallel arcs, loops, zero weights and unreachable parts. */
  static G randomDigraph(Random rnd, int n, int m) {
    int[] t = new int[m];
    int[] h = new int[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      t[i] = rnd.nextInt(n);
      h[i] = rnd.nextInt(10) == 0 ? t[i] : rnd.nextInt(n);
      w[i] = rnd.nextInt(20) == 0 ? 0 : rnd.nextDouble() * 100;
    }
    int[] order = new int[m];
    Csr csr = Csr.of(n, t, h, m, order);
    return new G(csr, Csr.permute(w, order));
  }

  /** A side × side grid of two-way roads with random speeds, some one-way, and long highways. */
  static G roadGrid(Random rnd, int side) {
    int n = side * side;
    int cap = 4 * n + n / 5 + 8;
    int[] t = new int[cap];
    int[] h = new int[cap];
    double[] w = new double[cap];
    int m = 0;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        int v = r * side + c;
        int[] nbrs = {c + 1 < side ? v + 1 : -1, r + 1 < side ? v + side : -1};
        for (int x : nbrs) {
          if (x < 0) {
            continue;
          }
          double len = 400 + rnd.nextInt(200);
          boolean oneWay = rnd.nextInt(15) == 0;
          t[m] = v;
          h[m] = x;
          w[m++] = len / (8 + rnd.nextInt(15));
          if (!oneWay) {
            t[m] = x;
            h[m] = v;
            w[m++] = len / (8 + rnd.nextInt(15));
          }
        }
      }
    }
    for (int k = 0; k < n / 10; k++) {
      int a = rnd.nextInt(n);
      int b = rnd.nextInt(n);
      int dr = Math.abs(a / side - b / side);
      int dc = Math.abs(a % side - b % side);
      t[m] = a;
      h[m] = b;
      w[m++] = (dr + dc) * 500.0 / 30 + 1;
    }
    int[] order = new int[m];
    Csr csr = Csr.of(n, t, h, m, order);
    double[] cw = new double[m];
    for (int e = 0; e < m; e++) {
      cw[e] = w[order[e]];
    }
    return new G(csr, cw);
  }

  private static void assertSameDistance(double ch, double dijkstra, String what) {
    if (dijkstra == Double.POSITIVE_INFINITY) {
      assertThat(ch).as(what).isEqualTo(Double.POSITIVE_INFINITY);
    } else {
      assertThat(Math.abs(ch - dijkstra))
          .as(what)
          .isLessThanOrEqualTo(1e-9 * Math.max(1, dijkstra));
    }
  }

  /** The path starts at s, ends at t, is connected, avoids disabled edges and passes no sink. */
  private static void assertValidPath(
      Csr g, ChQuery.Path p, int s, int t, BitSet disabled, BitSet sinks, String what) {
    int at = s;
    for (int i = 0; i < p.edges().length; i++) {
      int e = p.edges()[i];
      assertThat(g.tail(e)).as(what + " edge " + i).isEqualTo(at);
      assertThat(disabled == null || !disabled.get(e)).as(what + " disabled edge").isTrue();
      if (i > 0 && sinks != null) {
        assertThat(sinks.get(at)).as(what + " passes sink " + at).isFalse();
      }
      at = g.head(e);
    }
    assertThat(at).as(what + " end").isEqualTo(t);
  }

  private static void check(G g, Random rnd, BitSet disabled, BitSet sinks, int threads) {
    Csr csr = g.csr();
    int n = csr.nodeCount();
    ContractionHierarchy ch = ContractionHierarchy.prepare(csr, g.w(), disabled, sinks, threads);
    ChQuery q = new ChQuery(ch);
    Dijkstra d = new Dijkstra(csr);
    for (int k = 0; k < 150; k++) {
      int s = rnd.nextInt(n);
      int t = rnd.nextInt(n);
      PathResult ref = d.route(s, t, g.w(), disabled, sinks, null);
      String what = s + "->" + t;
      assertSameDistance(q.distance(s, t), ref.weight(), what);
      ChQuery.Path p = q.route(s, t, g.w());
      assertSameDistance(p.weight(), ref.weight(), what + " path weight");
      if (ref.isFound()) {
        assertValidPath(csr, p, s, t, disabled, sinks, what);
      } else {
        assertThat(p.edges()).isEmpty();
      }
    }
    int[] sources = rnd.ints(15, 0, n).toArray();
    int[] targets = rnd.ints(12, 0, n).toArray();
    targets[0] = sources[0];
    double[][] m = ChMatrix.compute(ch, sources, targets, threads);
    double[][] exact = ChMatrix.compute(ch, sources, targets, threads, g.w());
    for (int i = 0; i < sources.length; i++) {
      double[] ref = d.oneToMany(sources[i], targets, g.w(), disabled, sinks);
      for (int j = 0; j < targets.length; j++) {
        assertSameDistance(m[i][j], ref[j], "matrix " + sources[i] + "->" + targets[j]);
        // random real weights have no ties, so the path is Dijkstra's and the sum is bit for bit
        assertThat(exact[i][j]).as("exact " + sources[i] + "->" + targets[j]).isEqualTo(ref[j]);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomDigraphsMatchDijkstra(long seed) {
    Random rnd = new Random(seed);
    G g = randomDigraph(rnd, 200 + rnd.nextInt(200), 600 + rnd.nextInt(1200));
    check(g, rnd, null, null, 1 + (int) (seed % 2));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roadGridsMatchDijkstra(long seed) {
    Random rnd = new Random(seed);
    G g = roadGrid(rnd, 25 + rnd.nextInt(15));
    check(g, rnd, null, null, 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void disabledEdgesAndSinksMatchDijkstra(long seed) {
    Random rnd = new Random(seed);
    G g = seed % 2 == 0 ? roadGrid(rnd, 30) : randomDigraph(rnd, 300, 1500);
    BitSet disabled = new BitSet();
    BitSet sinks = new BitSet();
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      if (rnd.nextInt(10) == 0) {
        disabled.set(e);
      }
    }
    for (int v = 0; v < g.csr().nodeCount(); v++) {
      if (rnd.nextInt(8) == 0) {
        sinks.set(v);
      }
    }
    check(g, rnd, disabled, sinks, 2);
  }

  /**
   * Hand-solvable: the path 0→1→2→3 (1 + 1 + 1) beats the arc 0→3 (5); 3 is a dead end; the sink 1
   * cannot be passed, which leaves 0→3 at 5.
   */
  @Test
  void smallGraphByHand() {
    int[] t = {0, 0, 1, 2, 3};
    int[] h = {1, 3, 2, 3, 3};
    double[] w = {1, 5, 1, 1, 2};
    Csr csr = Csr.of(4, t, h, 5, null);
    ContractionHierarchy ch = ContractionHierarchy.prepare(csr, w, null, null, 1);
    ChQuery q = new ChQuery(ch);
    assertThat(q.distance(0, 3)).isEqualTo(3.0);
    assertThat(q.route(0, 3, w).edges()).containsExactly(0, 2, 3);
    assertThat(q.distance(3, 0)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(q.distance(2, 2)).isEqualTo(0.0);
    BitSet sinks = new BitSet();
    sinks.set(1);
    ChQuery qs = new ChQuery(ContractionHierarchy.prepare(csr, w, null, sinks, 1));
    assertThat(qs.distance(0, 3)).isEqualTo(5.0);
    assertThat(qs.distance(0, 1)).isEqualTo(1.0);
    assertThat(qs.distance(1, 3)).isEqualTo(2.0);
    assertThat(qs.route(0, 3, w).edges()).containsExactly(1);
    assertThatThrownBy(() -> q.distance(0, 4)).hasMessageContaining("target node 4");
  }

  /**
   * The contraction is the same on any number of threads: the rounds' work is split per in-arc and
   * the shortcuts are applied in node and arc order, so ranks, arcs, weights and skips are equal.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameHierarchyOnOneTwoAndThreeThreads(long seed) {
    Random rnd = new Random(seed);
    G g = seed % 3 == 0 ? randomDigraph(rnd, 400, 2000) : roadGrid(rnd, 30 + rnd.nextInt(10));
    ContractionHierarchy one = ContractionHierarchy.prepare(g.csr(), g.w(), null, null, 1);
    for (int threads : new int[] {2, 3}) {
      ContractionHierarchy many = ContractionHierarchy.prepare(g.csr(), g.w(), null, null, threads);
      for (int v = 0; v < g.csr().nodeCount(); v++) {
        assertThat(many.rank(v)).as("rank of " + v).isEqualTo(one.rank(v));
      }
      assertThat(many.arcFrom).isEqualTo(one.arcFrom);
      assertThat(many.arcTo).isEqualTo(one.arcTo);
      assertThat(many.arcW).isEqualTo(one.arcW);
      assertThat(many.upArc).isEqualTo(one.upArc);
      assertThat(many.downArc).isEqualTo(one.downArc);
      assertThat(many.shortcutCount()).isEqualTo(one.shortcutCount());
      // the witness searches and priority updates run split: most CPU is outside serial phases
      assertThat(many.preparationStats().serialShare()).isLessThan(0.5);
      assertThat(many.preparationStats().idealParallelism()).isGreaterThan(1.3);
    }
    PreparationStats stats = one.preparationStats();
    assertThat(stats.rounds()).isPositive();
    assertThat(stats.cpuNanos()).isPositive();
    assertThat(stats.serialShare()).isBetween(0.0, 1.0);
  }

  @Test
  void negativeWeightIsRejected() {
    Csr csr = Csr.of(2, new int[] {0}, new int[] {1}, 1, null);
    assertThatThrownBy(() -> ContractionHierarchy.prepare(csr, new double[] {-1}, null, null, 1))
        .hasMessageContaining("weight of edge 0 is -1.0");
  }
}
