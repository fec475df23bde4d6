package org.karvan.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.Criticality;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.graph.Csr;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.reliability.RouteModels;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Router;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.tntp.TntpReader;
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
 * The flow-analysis targets of issue 6, single-shot (each operation takes seconds): user
 * equilibrium on Chicago Sketch to relative gap 1e-5 (bi-conjugate Frank-Wolfe, 2 threads; the
 * network is read from {@code -p tntp=DIR}, default {@code ../shared/tntp/Chicago-Sketch}, and
 * never copied into the repository), criticality of every link of a synthetic 10,000-link grid with
 * 1,000 OD pairs (2 threads), and 100,000 reliability samples of Nhava Sheva to Moscow.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx4g"})
public class AnalysisBenchmark {
  @State(Scope.Benchmark)
  public static class Chicago {
    @Param("../shared/tntp/Chicago-Sketch")
    public String tntp;

    AssignmentNetwork net;
    OdMatrix od;

    @Setup(Level.Trial)
    public void setup() {
      Path dir = Path.of(tntp);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(
            "no TNTP directory " + dir.toAbsolutePath() + "; pass -p tntp=DIR");
      }
      TntpReader.Instance in = TntpReader.readDir(dir);
      net = TntpReader.network(in);
      od = TntpReader.demand(in);
    }
  }

  @Benchmark
  public Object chicagoSketchUeGap1e5(Chicago c) {
    Equilibrium.Result r =
        Equilibrium.solve(c.net, c.od, new Equilibrium.Settings(Method.BFW, 1e-5, 10_000, 2));
    if (!r.converged()) {
      throw new IllegalStateException("did not reach gap 1e-5");
    }
    return r;
  }

  @State(Scope.Benchmark)
  public static class Grid {
    Criticality.Graph graph;
    List<Criticality.Od> ods;
    List<Criticality.Element> elements;

    @Setup(Level.Trial)
    public void setup() {
      // 51 x 50 grid, both directions: 2 (50 * 50 + 51 * 49) = 9,998 directed links.
      int cols = 51;
      int rows = 50;
      int n = cols * rows;
      Random rnd = new Random(7);
      List<int[]> arcs = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          int v = r * cols + c;
          if (c + 1 < cols) {
            arcs.add(new int[] {v, v + 1});
            arcs.add(new int[] {v + 1, v});
          }
          if (r + 1 < rows) {
            arcs.add(new int[] {v, v + cols});
            arcs.add(new int[] {v + cols, v});
          }
        }
      }
      int m = arcs.size();
      int[] t = new int[m];
      int[] h = new int[m];
      double[] w = new double[m];
      for (int i = 0; i < m; i++) {
        t[i] = arcs.get(i)[0];
        h[i] = arcs.get(i)[1];
        w[i] = 1 + rnd.nextDouble();
      }
      int[] order = new int[m];
      Csr csr = Csr.of(n, t, h, m, order);
      double[] cw = Csr.permute(w, order);
      graph = new Criticality.Graph(csr, new BitSet(), null, cw, cw);
      ods = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        ods.add(
            new Criticality.Od("od" + i, rnd.nextInt(n), rnd.nextInt(n), 1 + rnd.nextInt(100), cw));
      }
      elements = new ArrayList<>();
      for (int e = 0; e < m; e++) {
        BitSet b = new BitSet(m);
        b.set(e);
        elements.add(new Criticality.Element("link", Integer.toString(e), b));
      }
    }
  }

  @Benchmark
  public Object criticality10kLinks1kOd(Grid g) {
    return Criticality.run(g.graph, g.ods, g.elements, 2, k -> {});
  }

  @State(Scope.Benchmark)
  public static class Reliability {
    TransitSimulation.RouteModel model;

    @Setup(Level.Trial)
    public void setup() {
      Network net = BundleReader.readDefault();
      Profile prof = ProfileReader.readDefault();
      MultimodalGraph g = MultimodalGraph.compile(net, prof);
      Cargo feu = Cargo.parse("1x40ft", prof);
      double[] w = new Router(g).weights(Objective.TIME, feu).w();
      int[] edges =
          new Dijkstra(g.csr())
              .route(
                  g.hub(g.physIndex("INNSA")), g.hub(g.physIndex("RUMOW")), w, null, g.hubs(), null)
              .edges();
      model = new RouteModels(0.1, 0.5, 0).of(g, "INNSA-RUMOW", edges, 0);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public Object reliability100kSamples(Reliability r) {
    return TransitSimulation.run(List.of(r.model), 100_000, 1, 30 * 24, 0);
  }
}
