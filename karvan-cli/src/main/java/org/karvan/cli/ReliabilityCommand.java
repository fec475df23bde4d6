package org.karvan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.Karvan;
import org.karvan.app.ReliabilityService;
import org.karvan.app.ResultCsv;
import org.karvan.app.ResultJson;
import org.karvan.app.RouteSpec;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.io.csv.CsvWriter;
import org.karvan.io.profile.ProfileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan reliability}: Monte Carlo transit time and cost over alternative routes. */
@Command(
    name = "reliability",
    header = "Monte Carlo reliability of transit time and cost.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Monte Carlo of door-to-door time and cost over border clearance (lognormal from mean and",
      "P90), waits for sailings (uniform over the headway, optional cancellations), sailing and",
      "terminal dwell: P50/P90/P95, on-time probability and the most reliable alternative."
    })
final class ReliabilityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(names = "--from", required = true, paramLabel = "PLACE", description = "Origin.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "PLACE", description = "Destination.")
  String to;

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
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--alternatives",
      paramLabel = "K",
      defaultValue = "3",
      description = "Routes compared (default: ${DEFAULT-VALUE}).")
  int alternatives;

  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description = "Cargo, as for route (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--cancel-prob",
      paramLabel = "P",
      defaultValue = "0",
      description = "Probability a sailing is cancelled (weather) (default: ${DEFAULT-VALUE}).")
  double cancel;

  @Option(
      names = "--sailing-cv",
      paramLabel = "CV",
      defaultValue = "0.1",
      description = "Coefficient of variation of sailing time (default: ${DEFAULT-VALUE}).")
  double sailingCv;

  @Option(
      names = "--dwell-cv",
      paramLabel = "CV",
      defaultValue = "0.5",
      description = "Coefficient of variation of terminal dwell (default: ${DEFAULT-VALUE}).")
  double dwellCv;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Apply the dated events in force that day; closure history counts before it (default:"
              + " today).")
  String date;

  @Option(
      names = "--history-years",
      paramLabel = "N",
      description = "Years of closure history before --date that count (default: 10).")
  Integer historyYears;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Under a scenario: a built-in name or a scenario file.")
  String scenario;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or csv (one row per route) (default: ${DEFAULT-VALUE}).")
  String format;

  enum Format {
    TABLE,
    JSON,
    CSV
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    Karvan k = Cli.open(network, ProfileReader.readDefault());
    RouteSpec rs =
        RouteSpec.builder().from(from).to(to).cargo(cargo).scenario(scenario).date(date).build();
    ReliabilityService.Result res =
        k.reliability()
            .run(
                new ReliabilityService.Request(
                    rs,
                    samples,
                    deadline,
                    seed,
                    alternatives,
                    cancel,
                    sailingCv,
                    dwellCv,
                    historyYears));
    PrintWriter o = spec.commandLine().getOut();
    if (fmt == Format.JSON) {
      Cli.printJson(o, ResultJson.reliability(res));
      return ExitCodes.OK;
    }
    if (fmt == Format.CSV) {
      CsvWriter w = new CsvWriter();
      w.row(ResultCsv.RELIABILITY);
      ResultCsv.reliability(res).forEach(w::row);
      o.print(w);
      return ExitCodes.OK;
    }
    ResultJson.eventsText(res.network(), res.date(), res.eventsInForce()).forEach(o::println);
    o.printf(
        Locale.ROOT,
        "%d route(s), %d samples each, seed %d (%d ms); time in days, cost in USD (freight +"
            + " value of time %.1f USD/h)%n",
        res.routes().size(),
        samples,
        seed,
        res.millis(),
        res.usdPerHour());
    for (int i = 0; i < res.routes().size(); i++) {
      TransitSimulation.Summary s = res.routes().get(i).summary();
      o.printf(
          Locale.ROOT,
          "%nRoute %d%s: %s%n  mean %.2f  P50 %.2f  P90 %.2f  P95 %.2f days;"
              + "  cost P50 %.0f  P90 %.0f  P95 %.0f USD%s%n",
          i + 1,
          i == res.best() ? " (most reliable)" : "",
          s.name(),
          s.meanH() / 24,
          s.p50H() / 24,
          s.p90H() / 24,
          s.p95H() / 24,
          s.p50Usd(),
          s.p90Usd(),
          s.p95Usd(),
          deadline == null
              ? ""
              : String.format(
                  Locale.ROOT, "; on time (<= %.1f days): %.1f %%", deadline, 100 * s.onTime()));
      for (var comp : ReliabilityService.varying(res.routes().get(i).model())) {
        o.printf(Locale.ROOT, "    %-40s mean %.1f h%n", comp.label(), comp.meanH());
      }
      o.printf(
          Locale.ROOT,
          "  disrupted by closures in %.2f %% of samples (re-routed in %.2f %%)%n",
          100 * s.disrupted(),
          100 * s.rerouted());
      for (var cr : res.routes().get(i).model().risks()) {
        o.printf(
            Locale.ROOT,
            "    %-40s closed on arrival p=%.4f, %.1f days; %s; sampled %.2f %%%n",
            cr.label(),
            cr.probability(),
            cr.durationH() / 24,
            cr.canReroute()
                ? String.format(
                    Locale.ROOT,
                    "detour +%.1f h, +USD %.0f",
                    cr.rerouteExtraH(),
                    cr.rerouteExtraUsd())
                : "no detour",
            100 * s.byCause().getOrDefault(cr.label(), 0.0));
      }
    }
    return ExitCodes.OK;
  }
}
