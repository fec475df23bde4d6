package org.karvan.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.karvan.app.CriticalityService;
import org.karvan.app.Karvan;
import org.karvan.app.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code karvan spark criticality}: every element closed in turn against the demand, the elements
 * cut into slices ({@link CriticalityService#slice}); the driver ranks the union as {@code karvan
 * criticality} does (by {@link org.karvan.core.assign.Criticality#RANK}, ties in element order), so
 * the rows equal its {@code criticality.csv}.
 */
@Command(
    name = "criticality",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Close each element in turn against the demand on Spark: the rows of criticality.csv.")
final class CriticalityJob implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions job;

  @Option(
      names = "--demand",
      paramLabel = "PATH",
      description =
          "Demand: CSV or Parquet with the columns of the CLI's demand CSV (default: built-in).")
  String demand;

  @Option(
      names = "--elements",
      paramLabel = "TYPES",
      split = ",",
      defaultValue = "all",
      description = "links, borders, terminals, ferries or all (default: ${DEFAULT-VALUE}).")
  List<String> elements;

  @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "Under a scenario.")
  String scenario;

  /** The demand file's bytes and name, rewritten on each executor once. */
  record Demand(byte[] bytes, String name) implements Serializable {
    private static final Map<String, Path> LOCAL = new ConcurrentHashMap<>();

    Path local() {
      if (bytes == null) {
        return null;
      }
      String key = name + ":" + java.util.Arrays.hashCode(bytes) + ":" + bytes.length;
      return LOCAL.computeIfAbsent(
          key,
          x -> {
            try {
              Path dir = Files.createTempDirectory("karvan-demand");
              dir.toFile().deleteOnExit();
              Path p = dir.resolve(name);
              Files.write(p, bytes);
              p.toFile().deleteOnExit();
              return p;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return Sweeps.main(job, "karvan criticality", err, (s, d) -> run(s, d, this, err));
  }

  static Dataset<Row> run(SparkSession s, Workspace.Driver d, CriticalityJob j, PrintWriter err) {
    Karvan k = d.karvan();
    Demand dm = demand(s, j);
    List<String> els = List.copyOf(j.elements);
    String sc = j.scenario;
    // Checked before the job starts: elements, scenario and demand, with the CLI's errors.
    CriticalityService.Plan plan = k.criticality().plan(request(dm, els, sc));
    plan.demandProblems().forEach(x -> err.println("karvan: " + x));
    int n = plan.elements();
    List<Integer> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tasks.add(i);
    }
    Broadcast<Workspace> ws =
        JavaSparkContext.fromSparkContext(s.sparkContext()).broadcast(d.freeze());
    List<String> cols = new ArrayList<>(List.of("index", "unserved", "extra", "affected"));
    cols.addAll(ResultCsv.CRITICALITY);
    Sweeps.Progress p = new Sweeps.Progress(s, err, n, "elements");
    List<Row> raw;
    try {
      Dataset<Row> df =
          Sweeps.run(
              s,
              tasks,
              j.job.partitions(s, n),
              cols,
              p,
              (Iterator<Integer> it) -> {
                Karvan kx = ws.value().karvan();
                List<Integer> slice = new ArrayList<>();
                it.forEachRemaining(slice::add);
                List<List<String>> out = new ArrayList<>();
                if (slice.isEmpty()) {
                  return out.iterator();
                }
                int from = slice.get(0);
                List<CriticalityService.Row> rows =
                    kx.criticality().slice(request(dm, els, sc), from, from + slice.size());
                for (int i = 0; i < rows.size(); i++) {
                  var im = rows.get(i).impact();
                  List<String> cells = new ArrayList<>();
                  cells.add(Integer.toString(from + i));
                  cells.add(Double.toString(im.unservedTonnes()));
                  cells.add(Double.toString(im.extraCost()));
                  cells.add(Double.toString(im.tonnesAffected()));
                  cells.addAll(ResultCsv.criticality(0, im, rows.get(i).newMainRoute()));
                  out.add(cells);
                }
                return out.iterator();
              });
      raw = new ArrayList<>(df.collectAsList());
      df.unpersist();
    } finally {
      p.close(s);
    }
    // Criticality.RANK (descending unserved, extra cost, tonnes affected), ties in element order.
    raw.sort(
        Comparator.<Row>comparingDouble(r -> Double.parseDouble(r.getString(1)))
            .thenComparingDouble(r -> Double.parseDouble(r.getString(2)))
            .thenComparingDouble(r -> Double.parseDouble(r.getString(3)))
            .reversed()
            .thenComparingInt(r -> Integer.parseInt(r.getString(0))));
    List<List<String>> ranked = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(i + 1));
      for (int c = 5; c < raw.get(i).length(); c++) {
        cells.add(raw.get(i).getString(c));
      }
      ranked.add(cells);
    }
    return Sweeps.table(s, ResultCsv.CRITICALITY, ranked);
  }

  static CriticalityService.Request request(Demand dm, List<String> els, String scenario) {
    return new CriticalityService.Request(dm.local(), els, 1, scenario);
  }

  /** The demand's bytes: a CSV file as is, a Parquet file as CSV with its columns. */
  private static Demand demand(SparkSession s, CriticalityJob j) {
    if (j.demand == null) {
      return new Demand(null, null);
    }
    String name = new org.apache.hadoop.fs.Path(j.demand).getName();
    if (!Sweeps.parquet(s, j.demand, j.job.inputFormat)) {
      return new Demand(Sweeps.bytes(s, j.demand), name);
    }
    Dataset<Row> df = s.read().parquet(j.demand);
    org.karvan.io.csv.CsvWriter w = new org.karvan.io.csv.CsvWriter();
    w.row(List.of(df.columns()));
    for (Row r : df.collectAsList()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        cells.add(r.isNullAt(i) ? "" : r.get(i).toString());
      }
      w.row(cells);
    }
    return new Demand(
        w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        name.replaceAll("(?i)\\.parquet$", "") + ".csv");
  }
}
