package org.karvan.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.karvan.bench.BenchGraph;
import org.karvan.bench.Engine;
import org.karvan.bench.GraphHopperEngine;
import org.karvan.bench.JGraphTEngine;
import org.karvan.bench.KarvanEngine;
import org.karvan.bench.Queries;
import org.karvan.bench.SyntheticRoadGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One-to-one shortest paths on the same synthetic road graph with the same seeded queries: Karvan
 * Dijkstra, JGraphT {@code DijkstraShortestPath}, GraphHopper unidirectional {@code Dijkstra}, and
 * as extra rows Karvan A* and GraphHopper {@code DijkstraBidirectionRef}. One operation is one
 * query (each invocation runs all {@link #QUERIES} queries); scores are milliseconds per query.
 * Each benchmark method builds only the engine it measures, in its own fork.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(OneToOneBenchmark.QUERIES)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class OneToOneBenchmark {
  /** Queries per invocation: the first 16 of {@code BenchMain}'s queries for the same seed. */
  public static final int QUERIES = 16;

  /** The graph and the queries, shared by every engine. */
  @State(Scope.Benchmark)
  public static class GraphState {
    @Param("1000000")
    public int nodes;

    @Param("42")
    public long seed;

    BenchGraph graph;
    Queries queries;

    @Setup(Level.Trial)
    public void setup() {
      graph = SyntheticRoadGraph.generate(nodes, seed);
      queries = Queries.random(graph.nodeCount(), QUERIES, seed * 31 + 1);
    }
  }

  @State(Scope.Thread)
  public static class KarvanState {
    Engine dijkstra;
    Engine astar;

    @Setup(Level.Trial)
    public void setup(GraphState g) {
      dijkstra = KarvanEngine.dijkstra(g.graph);
      astar = KarvanEngine.astar(g.graph);
    }
  }

  @State(Scope.Thread)
  public static class JGraphTState {
    Engine engine;

    @Setup(Level.Trial)
    public void setup(GraphState g) {
      engine = new JGraphTEngine(g.graph);
    }
  }

  @State(Scope.Thread)
  public static class GraphHopperState {
    GraphHopperEngine dijkstra;
    GraphHopperEngine bidirectional;

    @Setup(Level.Trial)
    public void setup(GraphState g) {
      dijkstra = GraphHopperEngine.dijkstra(g.graph);
      bidirectional = dijkstra.withBidirectional(true);
    }
  }

  private static void run(Engine e, Queries q, Blackhole bh) {
    int[] s = q.sources();
    int[] t = q.targets();
    for (int i = 0; i < s.length; i++) {
      bh.consume(e.distance(s[i], t[i]));
    }
  }

  @Benchmark
  public void karvanDijkstra(GraphState g, KarvanState k, Blackhole bh) {
    run(k.dijkstra, g.queries, bh);
  }

  @Benchmark
  public void karvanAStar(GraphState g, KarvanState k, Blackhole bh) {
    run(k.astar, g.queries, bh);
  }

  @Benchmark
  public void jgraphtDijkstra(GraphState g, JGraphTState j, Blackhole bh) {
    run(j.engine, g.queries, bh);
  }

  @Benchmark
  public void graphhopperDijkstra(GraphState g, GraphHopperState h, Blackhole bh) {
    run(h.dijkstra, g.queries, bh);
  }

  @Benchmark
  public void graphhopperBidirDijkstra(GraphState g, GraphHopperState h, Blackhole bh) {
    run(h.bidirectional, g.queries, bh);
  }
}
