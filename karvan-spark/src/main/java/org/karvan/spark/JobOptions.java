package org.karvan.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** What every job takes: where it runs, what it reads and where it writes. */
final class JobOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: local[*], or spark-submit's).")
  String master;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Output directory: DIR/csv and DIR/parquet.")
  String out;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description = "Slices of the work (default: 4 per core).")
  Integer partitions;

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "csv or parquet (default: by the input's name; a directory is Parquet).")
  String inputFormat;

  @Option(
      names = {"-n", "--network"},
      paramLabel = "PATH",
      description =
          "Network bundle (directory or .zip) on the driver. Default: the embedded network.")
  Path network;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "Parameter profile (JSON or YAML) on the driver.")
  Path profile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      split = ",",
      description = "Override profile parameters.")
  Map<String, String> set = new LinkedHashMap<>();

  Map<String, Double> overrides() {
    Map<String, Double> o = new LinkedHashMap<>();
    for (var e : set.entrySet()) {
      try {
        o.put(e.getKey(), Double.parseDouble(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new UsageException(
            "--set " + e.getKey() + ": '" + e.getValue() + "' is not a number");
      }
    }
    return o;
  }

  int partitions(org.apache.spark.sql.SparkSession s, int tasks) {
    if (partitions != null && partitions < 1) {
      throw new UsageException("--partitions must be at least 1, got " + partitions);
    }
    int p = partitions != null ? partitions : 4 * s.sparkContext().defaultParallelism();
    return Math.max(1, Math.min(p, tasks));
  }

  Workspace.Driver open() {
    return Workspace.open(network, profile, overrides());
  }
}
