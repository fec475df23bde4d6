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
import org.karvan.app.NoRouteException;
import org.karvan.app.OdList;
import org.karvan.app.ReliabilityService;
import org.karvan.app.ResultCsv;
import org.karvan.app.RouteSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code karvan spark reliability}: OD list × scenarios, a Monte Carlo per pair and scenario. Each
 * request's seed is {@link ReliabilityService#seed} of the sweep's seed and its names, so a row
 * does not depend on the partitioning and equals {@code karvan reliability --format csv --seed
 * <seed column>} for that pair.
 */
@Command(
    name = "reliability",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "OD list x scenarios x Monte Carlo samples on Spark: P50/P90/P95 per route.")
final class ReliabilityJob implements Callable<Integer> {
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
      paramLabel = "NAME|FILE",
      description = "Scenario (repeatable; 'base' for the base network; default: base).")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description = "Cargo of rows that name none (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Dated events in force that day; history before it (default: today, on the driver).")
  String date;

  @Mixin Settings settings;

  /** The Monte Carlo flags of {@code karvan reliability}, with its defaults. */
  static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;

    @Option(
        names = "--samples",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Samples per route (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--deadline", paramLabel = "DAYS", description = "Deadline in days.")
    Double deadline;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "1",
        description = "Seed of the sweep (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--alternatives",
        paramLabel = "K",
        defaultValue = "3",
        description = "Routes compared (default: ${DEFAULT-VALUE}).")
    int alternatives;

    @Option(
        names = "--cancel-prob",
        paramLabel = "P",
        defaultValue = "0",
        description = "Probability a sailing is cancelled (default: ${DEFAULT-VALUE}).")
    double cancel;

    @Option(
        names = "--sailing-cv",
        paramLabel = "CV",
        defaultValue = "0.1",
        description = "CV of sailing time (default: ${DEFAULT-VALUE}).")
    double sailingCv;

    @Option(
        names = "--dwell-cv",
        paramLabel = "CV",
        defaultValue = "0.5",
        description = "CV of terminal dwell (default: ${DEFAULT-VALUE}).")
    double dwellCv;

    @Option(
        names = "--history-years",
        paramLabel = "N",
        description = "Years of closure history that count (default: 10).")
    Integer historyYears;
  }

  /** One OD row under one scenario. */
  record Task(OdList.Raw row, String scenario) implements Serializable {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return Sweeps.main(job, "karvan reliability", err, (s, d) -> run(s, d, this, err));
  }

  static Dataset<Row> run(SparkSession s, Workspace.Driver d, ReliabilityJob j, PrintWriter err) {
    Karvan k = d.karvan();
    String date = Jobs.date(k, j.date);
    String cargo = j.cargo;
    Settings st = j.settings;
    List<OdList.Raw> rows = Sweeps.odRows(s, k, j.od, j.job.inputFormat, cargo, err);
    List<String> sc = j.scenarios.isEmpty() ? List.of("base") : List.copyOf(j.scenarios);
    // Checked before the job starts: the first pair under each scenario, as the CLI would.
    for (String x : sc) {
      rows(k, new Task(rows.get(0), x), cargo, date, st);
    }
    List<Task> tasks = new ArrayList<>();
    for (OdList.Raw r : rows) {
      for (String x : sc) {
        tasks.add(new Task(r, x));
      }
    }
    Broadcast<Workspace> ws =
        JavaSparkContext.fromSparkContext(s.sparkContext()).broadcast(d.freeze());
    Sweeps.Progress p = new Sweeps.Progress(s, err, tasks.size(), "OD pair-scenarios");
    try {
      Dataset<Row> df =
          Sweeps.run(
              s,
              tasks,
              j.job.partitions(s, tasks.size()),
              ResultCsv.RELIABILITY,
              p,
              (Iterator<Task> it) -> {
                Karvan kx = ws.value().karvan();
                List<List<String>> out = new ArrayList<>();
                it.forEachRemaining(t -> out.addAll(rows(kx, t, cargo, date, st)));
                return out.iterator();
              });
      return df;
    } finally {
      p.close(s);
    }
  }

  /** One pair under one scenario: the rows of {@code karvan reliability --format csv}. */
  static List<List<String>> rows(Karvan k, Task t, String cargo, String date, Settings st) {
    Fields f = new Fields();
    CompareService.OdPair pair = OdList.pair(k, t.row(), cargo, f);
    String cargoSpec = OdList.cargoSpec(t.row().cargo(), t.row().weightT(), cargo, f);
    String name = k.scenarios().applied(t.scenario(), "scenario", new Fields()).name();
    long seed = ReliabilityService.seed(st.seed, pair.from(), pair.to(), name);
    RouteSpec rs =
        RouteSpec.builder()
            .from(pair.from())
            .to(pair.to())
            .cargo(cargoSpec)
            .scenario(t.scenario())
            .date(date)
            .build();
    try {
      return ResultCsv.reliability(
          k.reliability()
              .run(
                  new ReliabilityService.Request(
                      rs,
                      st.samples,
                      st.deadline,
                      seed,
                      st.alternatives,
                      st.cancel,
                      st.sailingCv,
                      st.dwellCv,
                      st.historyYears)));
    } catch (NoRouteException e) {
      return List.of(
          ResultCsv.reliabilityNoRoute(
              pair.from(),
              pair.to(),
              name,
              seed,
              st.samples,
              NoRouteException.words(e.noRoute(), e.network())));
    }
  }
}
