package org.karvan.bench.jmh;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.karvan.bench.BenchGraph;
import org.karvan.bench.KarvanMatrix;
import org.karvan.bench.Queries;
import org.karvan.bench.SyntheticRoadGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A {@code size × size} distance matrix on the synthetic road graph with Karvan's {@code
 * oneToMany}, one search per source, sources spread over {@code threads} workers. Single shot: one
 * whole matrix per measurement (the JIT is warmed in the setup on a few sources). Use {@code -p
 * size=100} for a quick run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class ManyToManyBenchmark {
  @Param("1000000")
  public int nodes;

  @Param("1000")
  public int size;

  @Param("2")
  public int threads;

  @Param("42")
  public long seed;

  private BenchGraph graph;
  private int[] sources;
  private int[] targets;

  @Setup(Level.Trial)
  public void setup() throws InterruptedException {
    graph = SyntheticRoadGraph.generate(nodes, seed);
    sources = Queries.distinctNodes(graph.nodeCount(), size, seed * 31 + 3);
    targets = Queries.distinctNodes(graph.nodeCount(), size, seed * 31 + 4);
    KarvanMatrix.compute(
        graph, Arrays.copyOf(sources, Math.min(size, 4 * threads)), targets, threads);
  }

  @Benchmark
  public double[][] matrix() throws InterruptedException {
    return KarvanMatrix.compute(graph, sources, targets, threads);
  }
}
