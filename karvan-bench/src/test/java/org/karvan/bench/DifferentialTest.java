package org.karvan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.Dijkstra;
import org.karvan.io.dimacs.DimacsReader;

/**
 * Differential check: on seeded random graphs, Karvan's Dijkstra and A* return the same shortest
 * distances as JGraphT's DijkstraShortestPath and GraphHopper's Dijkstra (and bidirectional
 * Dijkstra) for many random pairs. Karvan and GraphHopper's unidirectional Dijkstra must agree bit
 * for bit (both return the minimum over paths of the same source-to-target floating-point sums);
 * JGraphT (which sums a path from the target back), GraphHopper's bidirectional search and A*
 * within 1e-9 relative.
 */
class DifferentialTest {
  private static final int NODES = 2_000;
  private static final int PAIRS = 60;
  private static final double TOL = 1e-9;

  static LongStream seeds() {
    return LongStream.range(0, 20);
  }

  @ParameterizedTest(name = "road grid, seed {0}")
  @MethodSource("seeds")
  void allEnginesAgreeOnSyntheticRoadGraphs(long seed) {
    BenchGraph g = SyntheticRoadGraph.generate(NODES, seed);
    compareAll(g, Queries.random(g.nodeCount(), PAIRS, seed + 1000), true);
  }

  @ParameterizedTest(name = "random digraph, seed {0}")
  @MethodSource("seeds")
  void allEnginesAgreeOnRandomDigraphsWithParallelArcsLoopsAndOneWays(long seed) {
    BenchGraph g = randomDigraph(400, 1_600, seed);
    compareAll(g, Queries.random(g.nodeCount(), PAIRS, seed + 2000), true);
  }

  @Test
  void unreachablePairsAreInfiniteEverywhere() {
    SyntheticRoadGraph.Arcs a = SyntheticRoadGraph.arcs(NODES, 7);
    int n = a.nodeCount();
    // node n: isolated; node n+1: only an outgoing one-way arc to node 0
    int m = a.count() + 1;
    int[] tails = Arrays.copyOf(a.tails(), m);
    int[] heads = Arrays.copyOf(a.heads(), m);
    double[] len = Arrays.copyOf(a.lengthM(), m);
    int[] speed = Arrays.copyOf(a.speedMps(), m);
    double[] lat = Arrays.copyOf(a.lat(), n + 2);
    double[] lon = Arrays.copyOf(a.lon(), n + 2);
    lat[n] = lat[0] + 0.1;
    lon[n] = lon[0];
    lat[n + 1] = lat[0] - 0.001;
    lon[n + 1] = lon[0];
    tails[m - 1] = n + 1;
    heads[m - 1] = 0;
    len[m - 1] = SyntheticRoadGraph.lengthM(lat, lon, n + 1, 0);
    speed[m - 1] = 10;
    BenchGraph g = BenchGraph.fromArcs(n + 2, tails, heads, m, len, speed, lat, lon);

    Engine karvan = KarvanEngine.dijkstra(g);
    Engine astar = KarvanEngine.astar(g);
    Engine jgrapht = new JGraphTEngine(g);
    Engine gh = GraphHopperEngine.dijkstra(g);
    Engine ghBi = GraphHopperEngine.bidirectional(g);
    int[][] unreachable = {{0, n}, {n, 0}, {n, n + 1}, {5, n + 1}, {n + 1, n}};
    for (int[] p : unreachable) {
      for (Engine e : new Engine[] {karvan, astar, jgrapht, gh, ghBi}) {
        assertThat(e.distance(p[0], p[1]))
            .as("%s %d -> %d", e.name(), p[0], p[1])
            .isEqualTo(Double.POSITIVE_INFINITY);
      }
    }
    // the one-way node reaches everything, and all engines agree on it
    double d = karvan.distance(n + 1, 5);
    assertThat(d).isFinite().isPositive();
    assertThat(jgrapht.distance(n + 1, 5)).isCloseTo(d, within(TOL * d));
    assertThat(gh.distance(n + 1, 5)).isEqualTo(d);
    // Karvan's oneToMany too
    double[] row =
        new Dijkstra(g.csr()).oneToMany(0, new int[] {n, n + 1, 5}, g.weight(), null, null);
    assertThat(row[0]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(row[1]).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(row[2]).isEqualTo(karvan.distance(0, 5));
  }

  @Test
  void dimacsGraphLoadsIntoAllEnginesWithTheSameDistances() {
    BenchGraph src = randomDigraph(300, 1_200, 99);
    Csr c = src.csr();
    StringBuilder sb = new StringBuilder("c random\np sp 300 " + c.edgeCount() + "\n");
    SplittableRandom rnd = new SplittableRandom(5);
    for (int e = 0; e < c.edgeCount(); e++) {
      sb.append("a ")
          .append(c.tail(e) + 1)
          .append(' ')
          .append(c.head(e) + 1)
          .append(' ')
          .append(rnd.nextInt(1, 5_000))
          .append('\n');
    }
    BenchGraph g =
        BenchGraph.fromDimacs(
            DimacsReader.read("r.gr", new StringReader(sb.toString()), null, null));
    compareAll(g, Queries.random(300, 200, 3), false);
  }

  @Test
  void manyToManyMatchesOneToOne() throws InterruptedException {
    BenchGraph g = SyntheticRoadGraph.generate(NODES, 11);
    int[] s = Queries.distinctNodes(NODES, 30, 1);
    int[] t = Queries.distinctNodes(NODES, 40, 2);
    double[][] d = KarvanMatrix.compute(g, s, t, 2);
    Engine jgrapht = new JGraphTEngine(g);
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < t.length; j += 7) {
        double ref = jgrapht.distance(s[i], t[j]);
        assertThat(d[i][j]).isCloseTo(ref, within(TOL * ref));
      }
    }
  }

  private static void compareAll(BenchGraph g, Queries q, boolean withAStar) {
    Engine karvan = KarvanEngine.dijkstra(g);
    Engine astar = withAStar ? KarvanEngine.astar(g) : null;
    Engine jgrapht = new JGraphTEngine(g);
    GraphHopperEngine gh = GraphHopperEngine.dijkstra(g);
    Engine ghBi = gh.withBidirectional(true);
    int reachable = 0;
    for (int i = 0; i < q.size(); i++) {
      int s = q.sources()[i];
      int t = q.targets()[i];
      double ref = karvan.distance(s, t);
      String what = "query " + s + " -> " + t;
      // GraphHopper's Dijkstra adds weights in the same order as Karvan's: bit for bit equal.
      assertThat(gh.distance(s, t)).as("graphhopper " + what).isEqualTo(ref);
      if (Double.isInfinite(ref)) {
        assertThat(jgrapht.distance(s, t)).as("jgrapht " + what).isEqualTo(ref);
        assertThat(ghBi.distance(s, t)).as("graphhopper-bidir " + what).isEqualTo(ref);
        if (astar != null) {
          assertThat(astar.distance(s, t)).as("karvan-astar " + what).isEqualTo(ref);
        }
        continue;
      }
      reachable++;
      // JGraphT sums the path from the target backwards, bidirectional search sums two halves,
      // A* may settle in another order: same path length up to rounding.
      assertThat(jgrapht.distance(s, t)).as("jgrapht " + what).isCloseTo(ref, within(TOL * ref));
      assertThat(ghBi.distance(s, t))
          .as("graphhopper-bidir " + what)
          .isCloseTo(ref, within(TOL * ref));
      if (astar != null) {
        assertThat(astar.distance(s, t))
            .as("karvan-astar " + what)
            .isCloseTo(ref, within(TOL * ref));
      }
    }
    assertThat(reachable).as("most pairs are reachable").isGreaterThan(q.size() / 2);
  }

  /**
   * Random arcs between random nodes: parallel arcs, self-loops, one-way arcs and two-way pairs
   * whose directions have the same length but different speeds. Lengths are whole millimetres.
   */
  static BenchGraph randomDigraph(int n, int arcs, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] lat = new double[n];
    double[] lon = new double[n];
    for (int v = 0; v < n; v++) {
      lat[v] = 40 + rnd.nextDouble() * 0.5;
      lon[v] = 50 + rnd.nextDouble() * 0.5;
    }
    int[] tails = new int[arcs];
    int[] heads = new int[arcs];
    double[] len = new double[arcs];
    int[] speed = new int[arcs];
    int m = 0;
    while (m < arcs) {
      int u = rnd.nextInt(n);
      int v = rnd.nextInt(10) == 0 ? u : rnd.nextInt(n);
      long mm = Math.round(SyntheticRoadGraph.lengthM(lat, lon, u, v) * 1000);
      double l = (mm + rnd.nextInt(0, 2_000_000)) / 1000.0;
      tails[m] = u;
      heads[m] = v;
      len[m] = l;
      speed[m] = 1 + rnd.nextInt(30);
      m++;
      if (m < arcs && rnd.nextBoolean()) {
        tails[m] = v;
        heads[m] = u;
        len[m] = l;
        speed[m] = 1 + rnd.nextInt(30);
        m++;
      }
    }
    return BenchGraph.fromArcs(n, tails, heads, arcs, len, speed, lat, lon);
  }
}
