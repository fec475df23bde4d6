package org.karvan.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.dimacs.DimacsReader;

/**
 * The quick side-by-side benchmark: builds (or loads) one graph, loads it into each engine, runs
 * the same seeded queries on all of them, checks that every engine returns the same shortest
 * distances and prints a table of build time, time per query and memory.
 *
 * <p>Exit codes: 0 all good, 1 the engines disagree (or the run failed), 2 bad flags or unreadable
 * input.
 */
public final class BenchMain {
  static final List<String> ALL_ENGINES =
      List.of("karvan", "karvan-astar", "jgrapht", "graphhopper", "graphhopper-bidir");

  static final String USAGE =
      String.join(
          "\n",
          "usage: java -jar karvan-bench.jar [options]",
          "       java -jar karvan-bench.jar ch [options]   contraction hierarchies (ch --help)",
          "  --nodes N          synthetic road graph size (default 1000000)",
          "  --queries Q        random one-to-one queries timed per engine (default 200)",
          "  --seed S           seed for the graph and the queries (default 42)",
          "  --engines LIST     comma-separated, from: " + String.join(",", ALL_ENGINES),
          "                     (default karvan,karvan-astar,jgrapht,graphhopper)",
          "  --dimacs FILE.gr   load a 9th DIMACS Challenge graph (.gr or .gr.gz) instead",
          "  --co FILE.co       its coordinates (optional)",
          "  --warmup W         untimed warm-up queries per engine (default 20)",
          "  --matrix K         also time a KxK many-to-many matrix with Karvan (default 0: skip)",
          "  --threads T        threads for the matrix (default 2)",
          "  --help             this text",
          "Exit codes: 0 ok, 1 engines disagree or the run failed, 2 bad flags or input.");

  /** Relative tolerance when comparing distances (Dijkstra engines agree exactly; A* may not). */
  static final double TOLERANCE = 1e-9;

  private BenchMain() {}

  /** Bad command-line flags: one message, exit code 2. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  record Options(
      int nodes,
      int queries,
      long seed,
      List<String> engines,
      Path dimacs,
      Path co,
      int warmup,
      int matrix,
      int threads,
      boolean help) {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("import")) {
      return ImportBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals("ch")) {
      return ChBench.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    Options o;
    try {
      o = parse(args);
    } catch (UsageException e) {
      err.println("karvan-bench: " + e.getMessage() + " (see --help)");
      return 2;
    }
    if (o.help()) {
      out.println(USAGE);
      return 0;
    }
    try {
      return new Run(o, out, err).execute();
    } catch (UsageException e) {
      err.println("karvan-bench: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("karvan-bench: interrupted");
      return 1;
    } catch (OutOfMemoryError e) {
      err.println("karvan-bench: out of memory; give the JVM more heap (e.g. java -Xmx12g ...)");
      return 1;
    }
  }

  static Options parse(String[] args) throws UsageException {
    int nodes = 1_000_000;
    int queries = 200;
    long seed = 42;
    List<String> engines = null;
    Path dimacs = null;
    Path co = null;
    int warmup = 20;
    int matrix = 0;
    int threads = 2;
    boolean nodesGiven = false;
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        value = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      if (a.equals("--help") || a.equals("-h")) {
        return new Options(0, 0, 0, List.of(), null, null, 0, 0, 0, true);
      }
      if (!List.of(
              "--nodes",
              "--queries",
              "--seed",
              "--engines",
              "--dimacs",
              "--co",
              "--warmup",
              "--matrix",
              "--threads")
          .contains(a)) {
        throw new UsageException(
            a.startsWith("-") ? "unknown option " + a : "unexpected argument '" + a + "'");
      }
      if (!seen.add(a)) {
        throw new UsageException(a + " given twice");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(a + " needs a value");
        }
        value = args[++i];
      }
      switch (a) {
        case "--nodes" -> {
          nodes = intValue(a, value, 2, 20_000_000);
          nodesGiven = true;
        }
        case "--queries" -> queries = intValue(a, value, 1, 1_000_000);
        case "--seed" -> seed = longValue(a, value);
        case "--warmup" -> warmup = intValue(a, value, 0, 1_000_000);
        case "--matrix" -> matrix = intValue(a, value, 0, 100_000);
        case "--threads" -> threads = intValue(a, value, 1, 256);
        case "--dimacs" -> dimacs = Path.of(value);
        case "--co" -> co = Path.of(value);
        case "--engines" -> engines = engines(value);
        default -> throw new IllegalStateException(a);
      }
    }
    if (co != null && dimacs == null) {
      throw new UsageException("--co needs --dimacs");
    }
    if (dimacs != null && nodesGiven) {
      throw new UsageException("--nodes and --dimacs exclude each other");
    }
    if (dimacs != null && !Files.isRegularFile(dimacs)) {
      throw new UsageException("--dimacs: no such file " + dimacs);
    }
    if (co != null && !Files.isRegularFile(co)) {
      throw new UsageException("--co: no such file " + co);
    }
    if (engines == null) {
      engines =
          dimacs == null
              ? List.of("karvan", "karvan-astar", "jgrapht", "graphhopper")
              : List.of("karvan", "jgrapht", "graphhopper");
    } else if (dimacs != null && engines.contains("karvan-astar")) {
      throw new UsageException(
          "karvan-astar runs on the synthetic graph only (its bound needs weights in seconds and"
              + " coordinates)");
    }
    return new Options(nodes, queries, seed, engines, dimacs, co, warmup, matrix, threads, false);
  }

  static int intValue(String flag, String v, int min, int max) throws UsageException {
    long x = longValue(flag, v);
    if (x < min || x > max) {
      throw new UsageException(flag + " must be between " + min + " and " + max + ", got " + v);
    }
    return (int) x;
  }

  static long longValue(String flag, String v) throws UsageException {
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " needs an integer, got '" + v + "'");
    }
  }

  private static List<String> engines(String v) throws UsageException {
    List<String> out = new ArrayList<>();
    for (String s : v.split(",", -1)) {
      String name = s.trim().toLowerCase(Locale.ROOT);
      if (!ALL_ENGINES.contains(name)) {
        throw new UsageException(
            "unknown engine '" + s.trim() + "' (engines: " + String.join(",", ALL_ENGINES) + ")");
      }
      if (out.contains(name)) {
        throw new UsageException("engine " + name + " listed twice");
      }
      out.add(name);
    }
    return out;
  }

  /** One engine's results. */
  record Result(
      String engine,
      double buildSeconds,
      long heapBytes,
      boolean exactBytes,
      double[] millis,
      double[] distance,
      double meanSettled) {}

  private static final class Run {
    private final Options o;
    private final PrintStream out;
    private final PrintStream err;

    Run(Options o, PrintStream out, PrintStream err) {
      this.o = o;
      this.out = out;
      this.err = err;
    }

    int execute() throws UsageException, InterruptedException {
      out.printf(
          Locale.ROOT,
          "karvan-bench: JDK %s, %d cores, max heap %d MB%n",
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      long t0 = System.nanoTime();
      BenchGraph g = loadGraph();
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      out.printf(
          Locale.ROOT,
          "graph: %s, %,d nodes, %,d arcs, built/loaded in %.2f s%n",
          o.dimacs() == null ? "synthetic road grid (seed " + o.seed() + ")" : o.dimacs(),
          g.nodeCount(),
          g.edgeCount(),
          loadSeconds);

      Queries q = Queries.random(g.nodeCount(), o.queries(), o.seed() * 31 + 1);
      Queries warm = Queries.random(g.nodeCount(), Math.max(1, o.warmup()), o.seed() * 31 + 2);
      out.printf(
          Locale.ROOT,
          "queries: %d random pairs (seed %d), %d warm-up queries per engine%n%n",
          q.size(),
          o.seed(),
          o.warmup());

      // Arc arrays for Karvan's timed CSR build, taken outside the timing.
      Csr csr = g.csr();
      int m = g.edgeCount();
      int[] tails = new int[m];
      int[] heads = new int[m];
      for (int e = 0; e < m; e++) {
        tails[e] = csr.tail(e);
        heads[e] = csr.head(e);
      }

      List<Result> results = new ArrayList<>();
      for (String name : o.engines()) {
        Function<BenchGraph, Engine> factory = factory(name);
        long before = Measure.usedHeapAfterGc();
        long b0 = System.nanoTime();
        BenchGraph used = g;
        if (name.startsWith("karvan")) {
          used =
              BenchGraph.fromArcs(
                  g.nodeCount(), tails, heads, m, g.lengthM(), g.speedMps(), g.lat(), g.lon());
        }
        Engine engine;
        try {
          engine = factory.apply(used);
        } catch (IllegalArgumentException e) {
          throw new UsageException(name + " cannot load this graph: " + e.getMessage());
        }
        double build = (System.nanoTime() - b0) / 1e9;
        long heap = Measure.usedHeapAfterGc() - before;
        boolean exact = false;
        if (name.startsWith("karvan")) {
          heap = used.karvanBytes();
          exact = true;
        }
        for (int i = 0; i < o.warmup(); i++) {
          engine.distance(warm.sources()[i], warm.targets()[i]);
        }
        double[] ms = new double[q.size()];
        double[] dist = new double[q.size()];
        double settled = 0;
        for (int i = 0; i < q.size(); i++) {
          long s = System.nanoTime();
          dist[i] = engine.distance(q.sources()[i], q.targets()[i]);
          ms[i] = (System.nanoTime() - s) / 1e6;
          settled += engine.lastSettled();
        }
        Result r = new Result(name, build, heap, exact, ms, dist, settled / q.size());
        results.add(r);
        out.printf(
            Locale.ROOT,
            "  %-18s built in %6.2f s, %8.3f ms/query%n",
            name,
            build,
            Measure.mean(ms));
        engine = null; // let the next engine's heap figure start clean
      }
      out.println();
      printTable(g, results);
      int status = check(q, results);
      if (o.matrix() > 0) {
        matrix(g);
      }
      return status;
    }

    private BenchGraph loadGraph() throws UsageException {
      if (o.dimacs() == null) {
        return SyntheticRoadGraph.generate(o.nodes(), o.seed());
      }
      try {
        return BenchGraph.fromDimacs(DimacsReader.read(o.dimacs(), o.co()));
      } catch (InvalidInputException e) {
        List<Problem> ps = e.errors();
        StringBuilder sb = new StringBuilder(e.getMessage());
        for (int i = 0; i < Math.min(20, ps.size()); i++) {
          sb.append("\n  ").append(ps.get(i));
        }
        if (ps.size() > 20) {
          sb.append("\n  ... ").append(ps.size() - 20).append(" more");
        }
        throw new UsageException(sb.toString());
      }
    }

    private Function<BenchGraph, Engine> factory(String name) {
      return switch (name) {
        case "karvan" -> KarvanEngine::dijkstra;
        case "karvan-astar" -> KarvanEngine::astar;
        case "jgrapht" -> JGraphTEngine::new;
        case "graphhopper" -> GraphHopperEngine::dijkstra;
        case "graphhopper-bidir" -> GraphHopperEngine::bidirectional;
        default -> throw new IllegalStateException(name);
      };
    }

    private void printTable(BenchGraph g, List<Result> results) {
      Result karvan =
          results.stream().filter(r -> r.engine().equals("karvan")).findFirst().orElse(null);
      out.printf(
          Locale.ROOT,
          "%-18s %8s %10s %10s %10s %10s %9s %8s %8s  %s%n",
          "engine",
          "build s",
          "mean ms",
          "p50 ms",
          "p95 ms",
          "vs karvan",
          "heap MB",
          "B/node",
          "B/edge",
          "memory figure");
      for (Result r : results) {
        double mean = Measure.mean(r.millis());
        String ratio =
            karvan == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.2fx", mean / Measure.mean(karvan.millis()));
        out.printf(
            Locale.ROOT,
            "%-18s %8.2f %10.3f %10.3f %10.3f %10s %9.1f %8.1f %8.1f  %s%n",
            r.engine(),
            r.buildSeconds(),
            mean,
            Measure.percentile(r.millis(), 50),
            Measure.percentile(r.millis(), 95),
            ratio,
            r.heapBytes() / 1048576.0,
            (double) r.heapBytes() / g.nodeCount(),
            (double) r.heapBytes() / g.edgeCount(),
            r.exactBytes() ? "exact: Csr.bytes() + weight array" : "estimate: heap delta after GC");
      }
      out.println();
      out.println(
          "B/node and B/edge both divide the same total (heap MB) by the node and by the arc count.");
      out.printf(
          Locale.ROOT,
          "Karvan: 4 B/node + 16 B/edge (CSR firstOut; head, tail, weight); each Dijkstra instance"
              + " adds a %.0f MB query workspace (21 B/node).%n",
          21.0 * g.nodeCount() / 1048576);
      out.print("Nodes settled per query (mean):");
      for (Result r : results) {
        if (r.meanSettled() >= 0) {
          out.printf(Locale.ROOT, "  %s %,.0f", r.engine(), r.meanSettled());
        }
      }
      out.println();
      if (karvan != null) {
        out.print("Speed-up of Karvan (other engine's mean / Karvan's mean):");
        for (Result r : results) {
          if (r != karvan) {
            out.printf(
                Locale.ROOT,
                "  %s %.2fx",
                r.engine(),
                Measure.mean(r.millis()) / Measure.mean(karvan.millis()));
          }
        }
        out.println();
      }
    }

    private int check(Queries q, List<Result> results) {
      Result ref = results.get(0);
      int bad = 0;
      int unreachable = 0;
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < q.size(); i++) {
        double a = ref.distance()[i];
        if (a == Double.POSITIVE_INFINITY) {
          unreachable++;
        }
        for (Result r : results) {
          double b = r.distance()[i];
          if (!same(a, b)) {
            bad++;
            if (bad <= 10) {
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "%n  query %d (%d -> %d): %s %.17g, %s %.17g",
                      i,
                      q.sources()[i],
                      q.targets()[i],
                      ref.engine(),
                      a,
                      r.engine(),
                      b));
            }
          }
        }
      }
      if (bad > 0) {
        out.flush();
        err.println(
            "karvan-bench: FAILED: the engines disagree on "
                + bad
                + " distance(s) (tolerance "
                + TOLERANCE
                + " relative)"
                + sb);
        return 1;
      }
      out.printf(
          Locale.ROOT,
          "Check: all %d engines returned the same shortest distance for all %d queries"
              + " (%d unreachable).%n",
          results.size(),
          q.size(),
          unreachable);
      return 0;
    }

    private void matrix(BenchGraph g) throws InterruptedException {
      int k = Math.min(o.matrix(), g.nodeCount());
      int[] sources = Queries.distinctNodes(g.nodeCount(), k, o.seed() * 31 + 3);
      int[] targets = Queries.distinctNodes(g.nodeCount(), k, o.seed() * 31 + 4);
      // warm-up on a few sources
      KarvanMatrix.compute(
          g, java.util.Arrays.copyOf(sources, Math.min(k, 4 * o.threads())), targets, o.threads());
      long t0 = System.nanoTime();
      double[][] d = KarvanMatrix.compute(g, sources, targets, o.threads());
      double seconds = (System.nanoTime() - t0) / 1e9;
      Dijkstra one = new Dijkstra(g.csr());
      SplittableRandom rnd = new SplittableRandom(o.seed());
      for (int c = 0; c < 20; c++) {
        int i = rnd.nextInt(k);
        int j = rnd.nextInt(k);
        double ref = one.route(sources[i], targets[j], g.weight(), null, null, null).weight();
        if (!same(ref, d[i][j])) {
          throw new IllegalStateException(
              "matrix cell " + i + "," + j + " = " + d[i][j] + " but route() gives " + ref);
        }
      }
      out.printf(
          Locale.ROOT,
          "%nMany-to-many %dx%d with Karvan oneToMany on %d thread(s): %.2f s (%.1f ms per"
              + " source); 20 cells checked against route().%n",
          k,
          k,
          o.threads(),
          seconds,
          seconds * 1000 / k);
    }
  }

  static boolean same(double a, double b) {
    if (a == b) {
      return true;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b) || Double.isNaN(a) || Double.isNaN(b)) {
      return false;
    }
    return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a));
  }
}
