package org.karvan.bench;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.util.GHUtility;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.karvan.core.model.Mode;
import org.karvan.io.osm.OsmImportOptions;
import org.karvan.io.osm.OsmImporter;

/**
 * {@code karvan bench import FILE.osm.pbf}: times Karvan's OSM import (roads, as GraphHopper's car
 * profile reads them) and GraphHopper 11's OSM reader on the same file, in one JVM, and reports
 * wall time, ways or edges and the peak heap of each. Each side runs {@code --runs} times after one
 * untimed warm-up; the best run is reported. Peak heap is the JVM's used-heap high-water mark after
 * a GC, reset between the engines (an approximation: the JVM has no per-task accounting).
 */
public final class ImportBench {
  private ImportBench() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help")) {
      out.println("usage: karvan bench import FILE.osm.pbf [--runs N]");
      return args.length == 0 ? 2 : 0;
    }
    Path file = Path.of(args[0]);
    int runs = 3;
    if (args.length == 3 && args[1].equals("--runs")) {
      try {
        runs = Integer.parseInt(args[2]);
      } catch (NumberFormatException e) {
        runs = 0;
      }
      if (runs < 1) {
        err.println("karvan-bench: --runs: expected a positive integer, got '" + args[2] + "'");
        return 2;
      }
    } else if (args.length != 1) {
      err.println("karvan-bench: usage: karvan bench import FILE.osm.pbf [--runs N]");
      return 2;
    }
    if (!Files.isRegularFile(file)) {
      err.println("karvan-bench: " + file + ": no such file");
      return 2;
    }
    try {
      double[] k = time(runs, () -> karvan(file));
      double[] g = time(runs, () -> graphhopper(file));
      long bytes = Files.size(file);
      out.printf(Locale.ROOT, "file %s, %.1f MB%n", file.getFileName(), bytes / 1e6);
      out.printf(
          Locale.ROOT,
          "%-34s %10s %12s %10s %12s%n",
          "engine",
          "best s",
          "MB/s",
          "peak MB",
          "output");
      out.printf(
          Locale.ROOT,
          "%-34s %10.3f %12.1f %10.0f %12s%n",
          "karvan import osm (road, all)",
          k[0],
          bytes / 1e6 / k[0],
          k[1] / 1e6,
          (long) k[2] + " links");
      out.printf(
          Locale.ROOT,
          "%-34s %10.3f %12.1f %10.0f %12s%n",
          "graphhopper 11 import (car)",
          g[0],
          bytes / 1e6 / g[0],
          g[1] / 1e6,
          (long) g[2] + " edges");
      return 0;
    } catch (Exception e) {
      err.println("karvan-bench: " + e);
      return 1;
    }
  }

  interface Task {
    long run() throws Exception;
  }

  /** Best seconds, peak used heap (bytes) and the task's output count. */
  static double[] time(int runs, Task t) throws Exception {
    t.run(); // warm-up
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    double best = Double.MAX_VALUE;
    long count = 0;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      count = t.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new double[] {best, peak, count};
  }

  static long karvan(Path file) throws IOException {
    OsmImportOptions o =
        new OsmImportOptions(
            Set.of(Mode.ROAD),
            List.of(
                "motorway",
                "trunk",
                "primary",
                "secondary",
                "tertiary",
                "unclassified",
                "residential",
                "service",
                "living_street",
                "track",
                "road"),
            null,
            // one country for every node: the benchmark times reading and simplifying only
            List.of(OsmImportOptions.CountryRule.parse("AD")),
            "bench",
            LocalDate.of(2026, 12, 1),
            25,
            60,
            22);
    return OsmImporter.run(file, o).data().links().size();
  }

  static long graphhopper(Path file) throws IOException {
    Path dir = Files.createTempDirectory("gh-import");
    GraphHopper gh = new GraphHopper();
    try {
      gh.setOSMFile(file.toString());
      gh.setGraphHopperLocation(dir.toString());
      gh.setStoreOnFlush(false);
      gh.setEncodedValuesString("car_access, car_average_speed");
      gh.setProfiles(
          new Profile("car").setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
      gh.importOrLoad();
      return gh.getBaseGraph().getEdges();
    } finally {
      gh.close();
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
