package org.karvan.bench;

import java.io.PrintStream;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.assign.AllOrNothing;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.ch.ChMatrix;
import org.karvan.core.ch.ChQuery;
import org.karvan.core.ch.ContractionHierarchy;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.Landmarks;
import org.karvan.core.routing.PathResult;

/**
 * {@code karvan bench ch}: Karvan's contraction hierarchy and GraphHopper's node-based CH side by
 * side in one run on the same synthetic road graph: preparation time and memory, one-to-one query
 * time, distance mismatches against Karvan's Dijkstra (the reference), and a K × K matrix by
 * buckets against {@link Dijkstra#oneToMany}. Ratios are GraphHopper's time over Karvan's (above 1
 * means Karvan is faster). Exit code 1 when any distance differs.
 */
final class ChBench {
  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar karvan-bench.jar ch [options]   (karvan bench ch ...)",
          "  --nodes N          synthetic road graph size (default 100000)",
          "  --queries Q        random one-to-one queries timed per engine (default 1000)",
          "  --seed S           seed for the graph and the queries (default 42)",
          "  --warmup W         untimed warm-up queries per engine (default 100)",
          "  --matrix K         K x K matrix with Karvan CH buckets (default 1000; 0 skips)",
          "  --reference-rows R matrix rows also run with Dijkstra oneToMany, checked and timed",
          "                     (default 20; the full-matrix Dijkstra time is extrapolated)",
          "  --threads T        threads for the preparation and the matrix (default 2)",
          "  --skip-graphhopper prepare Karvan's CH only",
          "  --landmarks L      ALT landmarks for the masked queries (default 16; 0 skips ALT)",
          "  --aon Z            one all-or-nothing loading from Z origin zones by Dijkstra trees,",
          "                     set against the CH preparation (default 0: skipped)",
          "Exit codes: 0 ok, 1 a distance differs or the run failed, 2 bad flags.");

  record Options(
      int nodes,
      int queries,
      long seed,
      int warmup,
      int matrix,
      int referenceRows,
      int threads,
      boolean skipGraphHopper,
      int landmarks,
      int aon) {}

  /** GraphHopper's CH rounds shortcut weights; its distances are compared at this tolerance. */
  static final double GH_TOLERANCE = 1e-5;

  private ChBench() {}

  static Options parse(String[] args) throws BenchMain.UsageException {
    int nodes = 100_000;
    int queries = 1000;
    long seed = 42;
    int warmup = 100;
    int matrix = 1000;
    int rows = 20;
    int threads = 2;
    int landmarks = 16;
    int aon = 0;
    boolean skipGh = false;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--skip-graphhopper")) {
        skipGh = true;
        continue;
      }
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (!Set.of(
              "--nodes",
              "--queries",
              "--seed",
              "--warmup",
              "--matrix",
              "--reference-rows",
              "--threads",
              "--landmarks",
              "--aon")
          .contains(a)) {
        throw new BenchMain.UsageException(
            a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'");
      }
      if (!seen.add(a)) {
        throw new BenchMain.UsageException(a + " given twice");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new BenchMain.UsageException(a + " needs a value");
        }
        value = args[++i];
      }
      switch (a) {
        case "--nodes" -> nodes = BenchMain.intValue(a, value, 2, 20_000_000);
        case "--queries" -> queries = BenchMain.intValue(a, value, 1, 10_000_000);
        case "--seed" -> seed = BenchMain.longValue(a, value);
        case "--warmup" -> warmup = BenchMain.intValue(a, value, 0, 1_000_000);
        case "--matrix" -> matrix = BenchMain.intValue(a, value, 0, 100_000);
        case "--reference-rows" -> rows = BenchMain.intValue(a, value, 0, 100_000);
        case "--threads" -> threads = BenchMain.intValue(a, value, 1, 256);
        case "--landmarks" -> landmarks = BenchMain.intValue(a, value, 0, 256);
        case "--aon" -> aon = BenchMain.intValue(a, value, 0, 1_000_000);
        default -> throw new IllegalStateException(a);
      }
    }
    return new Options(nodes, queries, seed, warmup, matrix, rows, threads, skipGh, landmarks, aon);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Options o;
    try {
      for (String a : args) {
        if (a.equals("--help") || a.equals("-h")) {
          out.println(USAGE);
          return 0;
        }
      }
      o = parse(args);
    } catch (BenchMain.UsageException e) {
      err.println("karvan-bench ch: " + e.getMessage() + " (see --help)");
      return 2;
    }
    try {
      return execute(o, out);
    } catch (OutOfMemoryError e) {
      err.println("karvan-bench ch: out of memory; give the JVM more heap (e.g. -Xmx12g)");
      return 1;
    }
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static int execute(Options o, PrintStream out) {
    long t0 = System.nanoTime();
    BenchGraph g = SyntheticRoadGraph.generate(o.nodes(), o.seed());
    out.println(
        f(
            "graph: synthetic road graph, %,d nodes, %,d arcs (seed %d), built in %.2f s;"
                + " %d threads; %d cores available",
            g.nodeCount(),
            g.edgeCount(),
            o.seed(),
            (System.nanoTime() - t0) / 1e9,
            o.threads(),
            Runtime.getRuntime().availableProcessors()));
    long before = Measure.usedHeapAfterGc();
    long cpu0 = Measure.processCpuNanos();
    t0 = System.nanoTime();
    ContractionHierarchy ch =
        ContractionHierarchy.prepare(g.csr(), g.weight(), null, null, o.threads());
    double karvanPrep = (System.nanoTime() - t0) / 1e9;
    double karvanCpu = (Measure.processCpuNanos() - cpu0) / 1e9;
    long karvanHeap = Measure.usedHeapAfterGc() - before;
    out.println(
        f(
            "karvan-ch       preparation %8.2f s (process CPU %.2f s)  shortcuts %,10d (%.2f per node; %.2f counted as two-way edges)  hierarchy %,.1f MB"
                + " (exact, arrays), heap delta %,.1f MB",
            karvanPrep,
            karvanCpu,
            ch.shortcutCount(),
            ch.shortcutCount() / (double) g.nodeCount(),
            ch.shortcutEdgeCount() / (double) g.nodeCount(),
            ch.bytes() / 1e6,
            karvanHeap / 1e6));
    out.print("  phases: " + ch.preparationStats().describe());
    GraphHopperChEngine gh = null;
    double ghPrep = Double.NaN;
    if (!o.skipGraphHopper()) {
      before = Measure.usedHeapAfterGc();
      cpu0 = Measure.processCpuNanos();
      t0 = System.nanoTime();
      gh = GraphHopperChEngine.prepare(g);
      ghPrep = (System.nanoTime() - t0) / 1e9;
      double ghCpu = (Measure.processCpuNanos() - cpu0) / 1e9;
      long ghHeap = Measure.usedHeapAfterGc() - before;
      out.println(
          f(
              "graphhopper-ch  preparation %8.2f s (process CPU %.2f s)  shortcuts %,10d (%.2f per node)  graph + CH"
                  + " heap delta %,.1f MB (estimate, one thread: GraphHopper contracts"
                  + " sequentially; includes loading its graph)",
              ghPrep,
              ghCpu,
              gh.shortcuts(),
              gh.shortcuts() / (double) g.nodeCount(),
              ghHeap / 1e6));
    }
    Queries q = Queries.random(g.nodeCount(), o.queries() + o.warmup(), o.seed() + 1);
    int w = o.warmup();
    int n = o.queries();
    double[] ref = new double[n];
    Dijkstra dijkstra = new Dijkstra(g.csr());
    t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      ref[i] =
          dijkstra
              .route(q.sources()[w + i], q.targets()[w + i], g.weight(), null, null, null)
              .weight();
    }
    double dijkstraMs = (System.nanoTime() - t0) / 1e6 / n;
    ChQuery cq = new ChQuery(ch);
    Timing karvan = time(n, w, q, (s, t) -> cq.distance(s, t), () -> cq.lastSettled());
    out.println(f("queries: %,d random pairs after %,d warm-up, reference Karvan Dijkstra", n, w));
    out.println(
        f("  %-15s %10s %10s %10s %12s", "engine", "mean ms", "p50 ms", "p95 ms", "settled"));
    out.println(f("  %-15s %10.4f %10s %10s %12s", "karvan-dijkstra", dijkstraMs, "", "", ""));
    karvan.print(out, "karvan-ch");
    int karvanBad = karvan.mismatches(ref, BenchMain.TOLERANCE);
    Timing ght = null;
    if (gh != null) {
      GraphHopperChEngine e = gh;
      ght = time(n, w, q, e::distance, e::lastSettled);
      ght.print(out, "graphhopper-ch");
    }
    out.println(
        f(
            "distance mismatches: %d (karvan-ch against Karvan Dijkstra, %,d queries, relative"
                + " tolerance %.0e)",
            karvanBad, n, BenchMain.TOLERANCE));
    if (ght != null) {
      out.println(
          f(
              "  graphhopper-ch: %d beyond %.0e, %d beyond %.0e (GraphHopper stores CH weights"
                  + " rounded to 1/1000)",
              ght.mismatches(ref, BenchMain.TOLERANCE),
              BenchMain.TOLERANCE,
              ght.mismatches(ref, GH_TOLERANCE),
              GH_TOLERANCE));
    }
    if (gh != null) {
      out.println(f("vs graphhopper-ch preparation: %.2f×", ghPrep / karvanPrep));
      out.println(f("vs graphhopper-ch query: %.2f×", ght.mean() / karvan.mean()));
    }
    int altBad = o.landmarks() > 0 ? alt(o, g, q, out) : 0;
    if (o.aon() > 0) {
      aon(o, g, karvanCpu, out);
    }
    int matrixBad = o.matrix() > 0 ? matrix(o, g, ch, out) : 0;
    return karvanBad + altBad + matrixBad == 0 ? 0 : 1;
  }

  /**
   * Masked one-to-one queries, which a hierarchy of the unmasked graph cannot answer: a seeded mask
   * closes 5 % of the edges and raises 10 % of the weights by up to 50 % (as avoidances, closures
   * and scenario costs do); Dijkstra and ALT (landmarks prepared once on the unmasked graph) answer
   * the same queries.
   */
  private static int alt(Options o, BenchGraph g, Queries q, PrintStream out) {
    long before = Measure.usedHeapAfterGc();
    long cpu0 = Measure.processCpuNanos();
    long t0 = System.nanoTime();
    Landmarks lm = Landmarks.farthest(g.csr(), g.weight(), o.landmarks(), o.threads());
    double prep = (System.nanoTime() - t0) / 1e9;
    double cpu = (Measure.processCpuNanos() - cpu0) / 1e9;
    long heap = Measure.usedHeapAfterGc() - before;
    java.util.Random rnd = new java.util.Random(o.seed() + 4);
    int m = g.csr().edgeCount();
    BitSet closed = new BitSet(m);
    double[] w = g.weight().clone();
    int raised = 0;
    for (int e = 0; e < m; e++) {
      if (rnd.nextInt(20) == 0) {
        closed.set(e);
      } else if (rnd.nextInt(10) == 0) {
        w[e] *= 1 + rnd.nextDouble() / 2;
        raised++;
      }
    }
    if (!lm.admits(w)) {
      throw new IllegalStateException("raised weights must keep the landmark bounds");
    }
    int n = o.queries();
    int wu = o.warmup();
    Dijkstra d = new Dijkstra(g.csr());
    double[] ref = new double[n];
    PathResult[] last = new PathResult[1];
    Timing plain =
        time(
            n,
            wu,
            q,
            (s, t) -> (last[0] = d.route(s, t, w, closed, null, null)).weight(),
            () -> last[0].settled());
    System.arraycopy(plain.distance(), 0, ref, 0, n);
    Timing alt =
        time(
            n,
            wu,
            q,
            (s, t) -> (last[0] = d.route(s, t, w, closed, null, lm.toward(t))).weight(),
            () -> last[0].settled());
    int act = Math.min(4, o.landmarks());
    Timing active =
        time(
            n,
            wu,
            q,
            (s, t) -> (last[0] = d.route(s, t, w, closed, null, lm.toward(s, t, act))).weight(),
            () -> last[0].settled());
    out.println(
        f(
            "masked queries (%.0f %% of edges closed, %.0f %% raised): ALT with %d landmarks"
                + " (farthest) prepared in %.2f s (process CPU %.2f s), %,.1f MB exact (heap delta"
                + " %,.1f MB)",
            100.0 * closed.cardinality() / m,
            100.0 * raised / m,
            o.landmarks(),
            prep,
            cpu,
            lm.bytes() / 1e6,
            heap / 1e6));
    out.println(
        f("  %-15s %10s %10s %10s %12s", "engine", "mean ms", "p50 ms", "p95 ms", "settled"));
    plain.print(out, "dijkstra-masked");
    alt.print(out, "alt-masked");
    active.print(out, "alt-" + act + "-active");
    int bad =
        alt.mismatches(ref, BenchMain.TOLERANCE) + active.mismatches(ref, BenchMain.TOLERANCE);
    out.println(f("vs dijkstra masked query: %.2f× (ALT)", plain.mean() / alt.mean()));
    out.println(
        f("vs dijkstra masked query: %.2f× (ALT, %d active)", plain.mean() / active.mean(), act));
    out.println(f("ALT mismatches: %d (of %,d masked queries, both ALT variants)", bad, 2 * n));
    return bad;
  }

  /**
   * One all-or-nothing loading (the step of every equilibrium iteration) from Z random origin
   * zones, 100 destinations each, by Dijkstra trees at the graph's weights, set against the CPU of
   * the CH preparation of the same weights: a hierarchy-based loading (PHAST or one-to-many with
   * path unpacking) cannot pay for fewer origins per cost vector than preparation CPU over tree
   * CPU, even if its own trees cost nothing.
   */
  private static void aon(Options o, BenchGraph g, double chCpu, PrintStream out) {
    int n = g.nodeCount();
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(n);
    for (int e = 0; e < g.edgeCount(); e++) {
      b.edge(g.csr().tail(e), g.csr().head(e), g.weight()[e], -1);
    }
    int zones = Math.min(o.aon(), n);
    b.zones(Queries.distinctNodes(n, zones, o.seed() + 5));
    AssignmentNetwork net = b.build();
    java.util.Random rnd = new java.util.Random(o.seed() + 6);
    OdMatrix.Builder od = OdMatrix.builder(zones);
    for (int z = 0; z < zones; z++) {
      for (int k = 0; k < 100; k++) {
        od.add(z, rnd.nextInt(zones), 1);
      }
    }
    double[] cost = new double[net.edgeCount()];
    net.costs(new double[net.edgeCount()], cost);
    try (AllOrNothing aon = new AllOrNothing(net, od.build(), o.threads())) {
      aon.load(cost); // warm-up
      long cpu0 = Measure.processCpuNanos();
      long t0 = System.nanoTime();
      AllOrNothing.Load load = aon.load(cost);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (Measure.processCpuNanos() - cpu0) / 1e9;
      double perOrigin = cpu / zones;
      out.println(
          f(
              "all-or-nothing: %,d origins x 100 destinations by Dijkstra trees, %.2f s wall,"
                  + " process CPU %.2f s (%.1f ms per origin; %d threads; unreachable demand %.0f)",
              zones, wall, cpu, perOrigin * 1000, o.threads(), load.unreachable()));
      out.println(
          f(
              "  CH preparation of these weights: process CPU %.2f s = %,.0f Dijkstra trees: a"
                  + " hierarchy pays only above that many origins per cost vector (each"
                  + " equilibrium iteration has a new one)",
              chCpu, chCpu / perOrigin));
    }
  }

  private static int matrix(Options o, BenchGraph g, ContractionHierarchy ch, PrintStream out) {
    int k = Math.min(o.matrix(), g.nodeCount());
    int[] sources = Queries.distinctNodes(g.nodeCount(), k, o.seed() + 2);
    int[] targets = Queries.distinctNodes(g.nodeCount(), k, o.seed() + 3);
    long before = Measure.usedHeapAfterGc();
    long t0 = System.nanoTime();
    double[][] m = ChMatrix.compute(ch, sources, targets, o.threads());
    double chSeconds = (System.nanoTime() - t0) / 1e9;
    long heap = Measure.usedHeapAfterGc() - before;
    int rows = Math.min(o.referenceRows(), k);
    int bad = 0;
    Dijkstra d = new Dijkstra(g.csr());
    t0 = System.nanoTime();
    for (int i = 0; i < rows; i++) {
      double[] ref = d.oneToMany(sources[i], targets, g.weight(), null, null);
      for (int j = 0; j < k; j++) {
        if (!BenchMain.same(m[i][j], ref[j])) {
          bad++;
        }
      }
    }
    double rowSeconds = rows == 0 ? Double.NaN : (System.nanoTime() - t0) / 1e9 / rows;
    out.println(
        f(
            "matrix %,d x %,d: karvan-ch buckets %.2f s (%d threads; result %,.1f MB)",
            k, k, chSeconds, o.threads(), heap / 1e6));
    if (rows > 0) {
      double full = rowSeconds * k / o.threads();
      out.println(
          f(
              "  Dijkstra oneToMany: %.1f ms per row on one thread, %d rows checked; %,d x %,d"
                  + " estimated %.1f s on %d threads (rows x per-row time / threads)",
              rowSeconds * 1000, rows, k, k, full, o.threads()));
      out.println(f("vs dijkstra oneToMany matrix: %.1f× (estimate)", full / chSeconds));
      out.println(f("matrix mismatches: %d (of %,d cells checked)", bad, rows * k));
    }
    return bad;
  }

  interface Distance {
    double of(int s, int t);
  }

  interface Settled {
    long last();
  }

  record Timing(double[] millis, double[] distance, double settled) {
    double mean() {
      return Measure.mean(millis);
    }

    void print(PrintStream out, String name) {
      out.println(
          f(
              "  %-15s %10.4f %10.4f %10.4f %12.1f",
              name,
              mean(),
              Measure.percentile(millis, 50),
              Measure.percentile(millis, 95),
              settled));
    }

    int mismatches(double[] ref, double tolerance) {
      int bad = 0;
      for (int i = 0; i < ref.length; i++) {
        double a = distance[i];
        double b = ref[i];
        boolean same = a == b || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
        if (!same) {
          bad++;
        }
      }
      return bad;
    }
  }

  private static Timing time(int n, int w, Queries q, Distance d, Settled settled) {
    for (int i = 0; i < w; i++) {
      d.of(q.sources()[i], q.targets()[i]);
    }
    double[] ms = new double[n];
    double[] dist = new double[n];
    long settledSum = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      dist[i] = d.of(q.sources()[w + i], q.targets()[w + i]);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      settledSum += settled.last();
    }
    return new Timing(ms, dist, settledSum / (double) n);
  }
}
