package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.DijkstraDifferentialTest.G;
import org.karvan.core.routing.ReferenceDijkstra.Edge;

/**
 * ALT (landmark bounds prepared on the unmasked base graph) against the plain reference Dijkstra on
 * seeded random graphs with random masks, sinks and raised weights (the seed is the test name: a
 * failure reproduces), and by hand on a path graph.
 */
class LandmarksTest {
  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  private static void assertSame(double got, double ref, String what) {
    if (ref == Double.POSITIVE_INFINITY) {
      assertThat(got).as(what).isEqualTo(Double.POSITIVE_INFINITY);
    } else {
      assertThat(Math.abs(got - ref)).as(what).isLessThanOrEqualTo(1e-9 * Math.max(1, ref));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void altMatchesTheReferenceUnderMasksSinksAndRaisedWeights(long seed) {
    Random rnd = new Random(seed);
    int n = 50 + rnd.nextInt(300);
    G g = DijkstraDifferentialTest.randomGraph(rnd, n, n * (1 + rnd.nextInt(4)));
    int m = g.csr().edgeCount();
    Landmarks lm = Landmarks.farthest(g.csr(), g.w(), 1 + rnd.nextInt(8), 1 + (int) (seed % 2));
    assertThat(lm.admits(g.w())).isTrue();
    Dijkstra d = new Dijkstra(g.csr());
    for (int scenario = 0; scenario < 4; scenario++) {
      BitSet disabled = new BitSet();
      BitSet sinks = new BitSet();
      double[] w = g.w().clone();
      int maskShare = 3 + rnd.nextInt(10);
      for (int e = 0; e < m; e++) {
        if (rnd.nextInt(maskShare) == 0) {
          disabled.set(e);
        }
        int r = rnd.nextInt(10);
        if (r == 0) {
          w[e] = Double.POSITIVE_INFINITY;
        } else if (r < 3) {
          w[e] *= 1 + rnd.nextDouble() * 3;
        }
      }
      if (scenario % 2 == 1) {
        for (int v = 0; v < n; v++) {
          if (rnd.nextInt(8) == 0) {
            sinks.set(v);
          }
        }
      }
      assertThat(lm.admits(w)).as("raised weights keep the bounds").isTrue();
      List<Edge> edges = new ArrayList<>();
      for (int e = 0; e < m; e++) {
        edges.add(new Edge(e, g.csr().tail(e), g.csr().head(e), w[e]));
      }
      for (int q = 0; q < 12; q++) {
        int s = rnd.nextInt(n);
        int t = rnd.nextInt(n);
        double ref = ReferenceDijkstra.distances(n, edges, s, disabled, sinks)[t];
        Heuristic h = lm.toward(t);
        PathResult alt = d.route(s, t, w, disabled, sinks, h);
        PathResult plain = d.route(s, t, w, disabled, sinks, null);
        String what = "seed " + seed + " scenario " + scenario + " " + s + "->" + t;
        assertSame(alt.weight(), ref, what);
        assertThat(alt.settled()).as(what + " settled").isLessThanOrEqualTo(plain.settled());
        if (ref == Double.POSITIVE_INFINITY) {
          assertThat(alt.isFound()).isFalse();
          continue;
        }
        double sum = 0;
        int at = s;
        for (int e : alt.edges()) {
          assertThat(g.csr().tail(e)).isEqualTo(at);
          assertThat(disabled.get(e)).isFalse();
          assertThat(at == s || !sinks.get(at)).as("a sink is never passed through").isTrue();
          sum += w[e];
          at = g.csr().head(e);
        }
        assertThat(at).isEqualTo(t);
        assertSame(sum, ref, what + " path sum");
        // the bound at the source is admissible
        assertThat(h.lowerBound(s)).as(what + " bound").isLessThanOrEqualTo(ref * (1 + 1e-9));
        // active landmarks: fewer, chosen at the source; still exact
        Heuristic few = lm.toward(s, t, 1 + rnd.nextInt(4));
        assertThat(few.lowerBound(s)).isLessThanOrEqualTo(h.lowerBound(s));
        PathResult active = d.route(s, t, w, disabled, sinks, few);
        assertSame(active.weight(), ref, what + " active landmarks");
      }
    }
  }

  /** The path 0 - 1 - 2 - 3 with weights 1, 2, 3 each way. */
  private static G path() {
    int[] t = {0, 1, 1, 2, 2, 3};
    int[] h = {1, 0, 2, 1, 3, 2};
    double[] w = {1, 1, 2, 2, 3, 3};
    int[] order = new int[6];
    Csr csr = Csr.of(4, t, h, 6, order);
    return new G(csr, Csr.permute(w, order), List.of(), null, null);
  }

  private static int edge(Csr g, int from, int to) {
    for (int e = g.firstOut(from); e < g.endOut(from); e++) {
      if (g.head(e) == to) {
        return e;
      }
    }
    throw new AssertionError("no edge " + from + "->" + to);
  }

  /**
   * By hand: from node 0 the farthest node is 3 (distance 6), then 0 is farthest from 3 (12 there
   * and back). With landmark 3 alone the bounds to node 0 are exact on a path: 6, 3, 1, 0.
   */
  @Test
  void farthestLandmarksAndExactBoundsOnAPath() {
    G g = path();
    Landmarks one = Landmarks.farthest(g.csr(), g.w(), 1, 1);
    assertThat(one.nodes()).containsExactly(3);
    Heuristic h = one.toward(0);
    assertThat(new double[] {h.lowerBound(0), h.lowerBound(1), h.lowerBound(2), h.lowerBound(3)})
        .containsExactly(0, 1, 3, 6);
    assertThat(Landmarks.farthest(g.csr(), g.w(), 2, 2).nodes()).containsExactly(3, 0);
    // toward 1 from 3 each landmark bounds d(3, 1) = 5 exactly (3: 5 - 0; 0: d(3, 0) - d(1, 0) =
    // 6 - 1); the tie goes to the first chosen, and at node 2 the bound is d(2, 1) = 2
    Landmarks two = Landmarks.farthest(g.csr(), g.w(), 2, 1);
    assertThat(two.toward(3, 1, 1).lowerBound(3)).isEqualTo(5.0);
    assertThat(two.toward(3, 1, 1).lowerBound(2)).isEqualTo(2.0);
    assertThat(one.bytes()).isEqualTo(2 * 4 * 8);
  }

  /**
   * A weight below the base breaks the bounds: with 1→0 lowered from 1 to 0.5, d(3, 0) is 5.5 but
   * the landmark bound still says 6. {@link Landmarks#admits} refuses such weights.
   */
  @Test
  void aWeightBelowTheBaseIsRefused() {
    G g = path();
    Landmarks lm = Landmarks.farthest(g.csr(), g.w(), 1, 1);
    double[] lowered = g.w().clone();
    int e10 = edge(g.csr(), 1, 0);
    lowered[e10] = 0.5;
    assertThat(lm.admits(lowered)).isFalse();
    assertThat(lm.firstBelowBase(lowered)).isEqualTo(e10);
    double trueDistance = new Dijkstra(g.csr()).route(3, 0, lowered, null, null, null).weight();
    assertThat(trueDistance).isEqualTo(5.5);
    assertThat(lm.toward(0).lowerBound(3)).isEqualTo(6.0).isGreaterThan(trueDistance);
    double[] raised = g.w().clone();
    raised[e10] = 4;
    assertThat(lm.admits(raised)).isTrue();
    assertThat(lm.admits(new double[] {1})).as("another graph's weights").isFalse();
  }

  @Test
  void unreachableTargetsGetAnInfiniteBound() {
    // 0 -> 1 -> 2, and 3 on its own: the landmark proves 2 cannot reach 0
    Csr csr = Csr.of(4, new int[] {0, 1}, new int[] {1, 2}, 2, null);
    double[] w = {1, 1};
    Landmarks lm = Landmarks.farthest(csr, w, 3, 1);
    assertThat(lm.toward(0).lowerBound(2)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(lm.toward(2).lowerBound(0)).isLessThanOrEqualTo(2.0);
    PathResult p = new Dijkstra(csr).route(0, 2, w, null, null, lm.toward(2));
    assertThat(p.weight()).isEqualTo(2.0);
    assertThat(new Dijkstra(csr).route(2, 0, w, null, null, lm.toward(0)).isFound()).isFalse();
  }

  @Test
  void badInputIsRefused() {
    Csr csr = Csr.of(2, new int[] {0}, new int[] {1}, 1, null);
    assertThatThrownBy(() -> Landmarks.farthest(csr, new double[] {-1}, 2, 1))
        .hasMessageContaining("weight of edge 0 is -1.0");
    assertThatThrownBy(() -> Landmarks.farthest(csr, new double[] {1, 2}, 2, 1))
        .hasMessageContaining("weight array has 2 entries for 1 edges");
    Landmarks lm = Landmarks.farthest(csr, new double[] {1}, 2, 1);
    assertThatThrownBy(() -> lm.toward(2)).hasMessageContaining("target node 2 outside [0, 2)");
  }
}
