package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.geo.Geo;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.ReferenceDijkstra.Edge;

/**
 * Dijkstra, A*, one-to-many, edge masks and sinks checked against the plain reference on seeded
 * random graphs (the seed is the test name: a failure reproduces).
 */
class DijkstraDifferentialTest {
  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  record G(Csr csr, double[] w, List<Edge> edges, double[] lat, double[] lon) {}

  /**
   * A random geometric graph: weights are great-circle km times a factor >= 1, so gc is a bound.
   */
  static G randomGraph(Random rnd, int n, int m) {
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int i = 0; i < n; i++) {
      lat[i] = 35 + rnd.nextDouble() * 10;
      lon[i] = 40 + rnd.nextDouble() * 15;
    }
    int[] t = new int[m];
    int[] h = new int[m];
    double[] w = new double[m];
    for (int i = 0; i < m; i++) {
      t[i] = rnd.nextInt(n);
      h[i] = rnd.nextInt(n);
      double gc = Geo.distanceKm(lat[t[i]], lon[t[i]], lat[h[i]], lon[h[i]]);
      w[i] = rnd.nextInt(10) == 0 ? gc : gc * (1 + rnd.nextDouble() * 2) + rnd.nextInt(3);
    }
    int[] order = new int[m];
    Csr csr = Csr.of(n, t, h, m, order);
    double[] cw = Csr.permute(w, order);
    List<Edge> edges = new ArrayList<>();
    for (int e = 0; e < m; e++) {
      edges.add(new Edge(e, csr.tail(e), csr.head(e), cw[e]));
    }
    return new G(csr, cw, edges, lat, lon);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dijkstraAndAStarMatchTheReference(long seed) {
    Random rnd = new Random(seed);
    int n = 50 + rnd.nextInt(300);
    G g = randomGraph(rnd, n, n * (1 + rnd.nextInt(4)));
    BitSet disabled = new BitSet();
    BitSet sinks = new BitSet();
    if (rnd.nextBoolean()) {
      for (int e = 0; e < g.csr().edgeCount(); e++) {
        if (rnd.nextInt(10) == 0) {
          disabled.set(e);
        }
      }
    }
    if (rnd.nextBoolean()) {
      for (int v = 0; v < n; v++) {
        if (rnd.nextInt(8) == 0) {
          sinks.set(v);
        }
      }
    }
    Dijkstra d = new Dijkstra(g.csr());
    for (int q = 0; q < 25; q++) {
      int s = rnd.nextInt(n);
      int t = rnd.nextInt(n);
      double[] ref = ReferenceDijkstra.distances(n, g.edges(), s, disabled, sinks);
      PathResult plain = d.route(s, t, g.w(), disabled, sinks, null);
      Heuristic h =
          v -> Geo.distanceKm(g.lat()[v], g.lon()[v], g.lat()[t], g.lon()[t]) * (1 - 1e-9);
      PathResult astar = d.route(s, t, g.w(), disabled, sinks, h);
      if (ref[t] == Double.POSITIVE_INFINITY) {
        assertThat(plain.isFound()).isFalse();
        assertThat(astar.isFound()).isFalse();
        assertThat(plain.edges()).isEmpty();
        continue;
      }
      assertThat(plain.weight()).isCloseTo(ref[t], within(1e-6));
      assertThat(astar.weight()).isCloseTo(ref[t], within(1e-6));
      for (PathResult p : List.of(plain, astar)) {
        double sum = 0;
        int at = s;
        for (int e : p.edges()) {
          assertThat(g.csr().tail(e)).isEqualTo(at);
          assertThat(disabled.get(e)).isFalse();
          assertThat(at == s || !sinks.get(at)).as("a sink is never passed through").isTrue();
          sum += g.w()[e];
          at = g.csr().head(e);
        }
        assertThat(at).isEqualTo(t);
        assertThat(sum).isCloseTo(p.weight(), within(1e-6));
      }
      assertThat(astar.settled()).isLessThanOrEqualTo(plain.settled());
      int[] targets = {t, rnd.nextInt(n), rnd.nextInt(n)};
      double[] many = d.oneToMany(s, targets, g.w(), disabled, sinks);
      for (int i = 0; i < targets.length; i++) {
        assertThat(many[i]).isCloseTo(ref[targets[i]], within(1e-6));
      }
    }
  }

  @Test
  void sourceEqualsTargetIsAnEmptyPathOfWeightZero() {
    G g = randomGraph(new Random(7), 20, 60);
    PathResult p = new Dijkstra(g.csr()).route(3, 3, g.w(), null, null, null);
    assertThat(p.isFound()).isTrue();
    assertThat(p.weight()).isZero();
    assertThat(p.edges()).isEmpty();
  }

  @Test
  void isolatedTargetIsNotFoundWithInfiniteWeight() {
    Csr csr = Csr.of(3, new int[] {0}, new int[] {1}, 1, null);
    PathResult p = new Dijkstra(csr).route(0, 2, new double[] {1}, null, null, null);
    assertThat(p.isFound()).isFalse();
    assertThat(p.weight()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void badArgumentsAreRefusedBeforeTheSearch() {
    Csr csr = Csr.of(3, new int[] {0}, new int[] {1}, 1, null);
    Dijkstra d = new Dijkstra(csr);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> d.route(0, 3, new double[] {1}, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("target node 3 outside [0, 3)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> d.oneToMany(0, new int[] {1}, new double[] {1, 2}, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weight array has 2 entries for 1 edges");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void multiSourceSearchMatchesTheBestOfSingleSources(long seed) {
    Random rnd = new Random(seed + 1000);
    int n = 40 + rnd.nextInt(150);
    G g = randomGraph(rnd, n, n * (1 + rnd.nextInt(3)));
    Dijkstra d = new Dijkstra(g.csr());
    int[] sources = {rnd.nextInt(n), rnd.nextInt(n), rnd.nextInt(n)};
    double[] init = {rnd.nextInt(50), rnd.nextInt(50), Double.POSITIVE_INFINITY};
    int[] targets = {rnd.nextInt(n), rnd.nextInt(n)};
    double[] got = d.distancesFrom(sources, init, targets, g.w(), null, null);
    for (int j = 0; j < targets.length; j++) {
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < sources.length; i++) {
        best =
            Math.min(
                best,
                init[i]
                    + ReferenceDijkstra.distances(n, g.edges(), sources[i], null, null)[
                        targets[j]]);
      }
      assertThat(got[j]).isCloseTo(best, within(1e-6));
      PathResult p = d.routeFrom(sources, init, targets[j], g.w(), null, null);
      if (best == Double.POSITIVE_INFINITY) {
        assertThat(p.isFound()).isFalse();
        continue;
      }
      assertThat(p.weight()).isCloseTo(best, within(1e-6));
      int k =
          java.util.Arrays.stream(new int[] {0, 1, 2})
              .filter(i -> sources[i] == p.source())
              .findFirst()
              .orElseThrow();
      double sum = init[k];
      int at = p.source();
      for (int e : p.edges()) {
        assertThat(g.csr().tail(e)).isEqualTo(at);
        sum += g.w()[e];
        at = g.csr().head(e);
      }
      assertThat(at).isEqualTo(targets[j]);
      assertThat(sum).isCloseTo(best, within(1e-6));
    }
  }
}
