package org.karvan.spark.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.apache.spark.sql.SparkSession;
import org.karvan.app.CompareService;
import org.karvan.app.Karvan;
import org.karvan.app.OdList;
import org.karvan.app.ResultCsv;
import org.karvan.app.RouteSpec;
import org.karvan.core.model.Node;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.csv.CsvWriter;
import org.karvan.io.profile.ProfileReader;
import org.karvan.spark.SparkMain;

/**
 * Throughput of {@code karvan spark compare} against the single-machine {@code karvan compare --od}
 * on the same OD list, in one run, at 1 and 2 cores: N random OD pairs (seeded) over the default
 * network's nodes × 4 built-in scenarios. Run by hand (docs/benchmarks.md), never by the build:
 *
 * <pre>{@code ./karvan spark bench --pairs 100000 --cores 1,2}</pre>
 *
 * The single-machine side is the CLI's code path (OdList, CompareService, ResultCsv) in a pool of
 * the given number of threads; the Spark side is the job on {@code local[cores]}, CSV in, CSV and
 * Parquet out.
 */
public final class CompareBench {
  static final List<String> SCENARIOS =
      List.of("rasht-astara-built", "az-ir-border-closed", "suez-closed", "year-2030");

  private CompareBench() {}

  public static void main(String[] args) throws Exception {
    int pairs = 100_000;
    List<Integer> cores = List.of(1, 2);
    long seed = 42;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pairs" -> pairs = Integer.parseInt(args[++i]);
        case "--cores" ->
            cores = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> {
          System.err.println(
              "usage: karvan spark bench [--pairs N] [--cores 1,2] [--seed S]; unknown " + args[i]);
          System.exit(2);
        }
      }
    }
    String date = "2026-12-01";
    Path dir = Files.createTempDirectory("karvan-spark-bench");
    Path od = dir.resolve("od.csv");
    Karvan k = Karvan.open(BundleReader.readDefault(), ProfileReader.readDefault());
    writeOd(k, od, pairs, seed);
    System.out.printf(
        Locale.ROOT,
        "%d OD pairs x %d scenarios (%s), seed %d, date %s, %d processors, load %.1f%n",
        pairs,
        SCENARIOS.size(),
        String.join(", ", SCENARIOS),
        seed,
        date,
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(
        "| engine | cores | comparisons | seconds | comparisons/s | pair-scenarios/s per core |");
    System.out.println("|---|---|---|---|---|---|");
    for (int c : cores) {
      // Single machine: what `karvan compare --od od.csv --format csv` runs, on c threads.
      long t0 = System.nanoTime();
      List<CompareService.OdPair> list = OdList.read(k, od, "1x40ft").pairs();
      ForkJoinPool pool = new ForkJoinPool(c);
      String csv =
          pool.submit(
                  () -> {
                    CompareService.Result r =
                        k.comparisons()
                            .compare(
                                new CompareService.Request(
                                    RouteSpec.builder().date(date).build(), SCENARIOS, list));
                    CsvWriter w = new CsvWriter();
                    w.row(ResultCsv.COMPARE);
                    r.rows().forEach(x -> w.row(ResultCsv.compare(x.comparison())));
                    return w.toString();
                  })
              .get();
      pool.shutdown();
      Files.writeString(dir.resolve("single.csv"), csv);
      row("single machine", c, list.size() * SCENARIOS.size(), System.nanoTime() - t0);
      // Spark on local[c].
      SparkSession s = org.karvan.spark.SparkBenchSupport.session(c);
      long t1 = System.nanoTime();
      List<String> a =
          new ArrayList<>(
              List.of(
                  "compare",
                  "--od",
                  od.toString(),
                  "--date",
                  date,
                  "--out",
                  dir.resolve("spark-" + c).toString()));
      for (String x : SCENARIOS) {
        a.add("--scenario");
        a.add(x);
      }
      int code =
          SparkMain.run(
              a.toArray(String[]::new),
              new PrintWriter(System.out, true),
              new PrintWriter(new java.io.StringWriter()));
      long ns = System.nanoTime() - t1;
      s.stop();
      if (code != 0) {
        throw new IllegalStateException("spark compare failed: exit " + code);
      }
      row("Spark local[" + c + "]", c, list.size() * SCENARIOS.size(), ns);
    }
    System.out.println("outputs in " + dir);
  }

  private static void row(String engine, int cores, long n, long ns) {
    double s = ns / 1e9;
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %.1f | %.0f | %.0f |%n",
        engine,
        cores,
        n,
        s,
        n / s,
        n / s / cores);
  }

  /** {@code n} random OD pairs over the nodes (origin differs from destination), seeded. */
  static void writeOd(Karvan k, Path file, int n, long seed) throws java.io.IOException {
    List<String> ids = k.network().nodes().stream().map(Node::id).toList();
    SplittableRandom r = new SplittableRandom(seed);
    CsvWriter w = new CsvWriter();
    w.row(List.of("origin", "destination"));
    for (int i = 0; i < n; i++) {
      String a = ids.get(r.nextInt(ids.size()));
      String b;
      do {
        b = ids.get(r.nextInt(ids.size()));
      } while (b.equals(a));
      w.row(List.of(a, b));
    }
    Files.writeString(file, w.toString());
  }
}
