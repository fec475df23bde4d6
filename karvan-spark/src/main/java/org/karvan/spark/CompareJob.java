package org.karvan.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.karvan.app.CompareService;
import org.karvan.app.Fields;
import org.karvan.app.Karvan;
import org.karvan.app.OdList;
import org.karvan.app.ResultCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code karvan spark compare}: OD list × scenarios × years, the columns of {@code karvan compare
 * --format csv} (a {@code year} column first when more than one year is given), each task a slice
 * of the OD list run by {@link CompareService}.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "OD list x scenarios x years on Spark: the rows of karvan compare --format csv.")
final class CompareJob implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions job;

  @Option(
      names = "--od",
      required = true,
      paramLabel = "PATH",
      description =
          "OD list: CSV or Parquet with origin, destination and optional cargo, weight_t.")
  String od;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME|FILE",
      description = "Scenario to compare with the base (repeatable).")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "Network of this year (repeatable: one sweep per year).")
  List<Integer> years = new ArrayList<>();

  @Mixin RouteOptions route;

  /** OD pairs per call of the service within a task. */
  static final int CHUNK = 512;

  /** One OD row in one year. */
  record Task(Integer year, OdList.Raw row) implements Serializable {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return Sweeps.main(
        job, "karvan compare", err, (s, d) -> run(s, d, route, scenarios, years, od, job, err));
  }

  /** The sweep's rows in input order (pair by pair, scenario by scenario; year by year first). */
  static Dataset<Row> run(
      SparkSession s,
      Workspace.Driver d,
      RouteOptions route,
      List<String> scenarios,
      List<Integer> years,
      String od,
      JobOptions job,
      PrintWriter err) {
    Karvan k = d.karvan();
    route.date = Jobs.date(k, route.date);
    List<OdList.Raw> rows = Sweeps.odRows(s, k, od, job.inputFormat, route.cargo, err);
    List<Integer> ys = years.isEmpty() ? java.util.Collections.singletonList(null) : years;
    // Checked before the job starts: the same request as the CLI's, on the first pair.
    for (Integer y : ys) {
      compare(k, route, scenarios, y, rows.subList(0, 1));
    }
    List<Task> tasks = new ArrayList<>();
    for (Integer y : ys) {
      for (OdList.Raw r : rows) {
        tasks.add(new Task(y, r));
      }
    }
    List<String> cols = new ArrayList<>(ResultCsv.COMPARE);
    boolean yearColumn = ys.size() > 1;
    if (yearColumn) {
      cols.add(0, "year");
    }
    Broadcast<Workspace> ws =
        JavaSparkContext.fromSparkContext(s.sparkContext()).broadcast(d.freeze());
    List<String> sc = List.copyOf(scenarios);
    Sweeps.Progress p = new Sweeps.Progress(s, err, tasks.size(), "OD pair-years");
    try {
      Dataset<Row> df =
          Sweeps.run(
              s,
              tasks,
              job.partitions(s, tasks.size()),
              cols,
              p,
              (Iterator<Task> it) -> {
                Karvan kx = ws.value().karvan();
                List<List<String>> out = new ArrayList<>();
                List<Task> slice = new ArrayList<>();
                it.forEachRemaining(slice::add);
                for (int i = 0; i < slice.size(); ) {
                  Integer y = slice.get(i).year();
                  List<OdList.Raw> same = new ArrayList<>();
                  for (;
                      i < slice.size() && java.util.Objects.equals(slice.get(i).year(), y);
                      i++) {
                    same.add(slice.get(i).row());
                  }
                  // In chunks, so that a task holds few routes at a time (rows are the same).
                  for (int c = 0; c < same.size(); c += CHUNK) {
                    List<OdList.Raw> chunk = same.subList(c, Math.min(same.size(), c + CHUNK));
                    for (CompareService.Row row :
                        Sweeps.oneThread(() -> compare(kx, route, sc, y, chunk)).rows()) {
                      List<String> cells = new ArrayList<>(ResultCsv.compare(row.comparison()));
                      if (yearColumn) {
                        cells.add(0, String.valueOf(y));
                      }
                      out.add(cells);
                    }
                  }
                }
                return out.iterator();
              });
      return df;
    } finally {
      p.close(s);
    }
  }

  /** What {@code karvan compare --od} computes for these rows (all valid). */
  static CompareService.Result compare(
      Karvan k, RouteOptions route, List<String> scenarios, Integer year, List<OdList.Raw> rows) {
    List<CompareService.OdPair> pairs = new ArrayList<>();
    for (OdList.Raw r : rows) {
      pairs.add(OdList.pair(k, r, route.cargo, new Fields()));
    }
    return k.comparisons()
        .compare(
            new CompareService.Request(
                route.spec(null, null, null, year).build(), scenarios, pairs));
  }
}
