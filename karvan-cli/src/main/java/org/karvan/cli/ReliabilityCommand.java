package org.karvan.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.Karvan;
import org.karvan.app.ReliabilityService;
import org.karvan.app.ResultJson;
import org.karvan.app.RouteSpec;
import org.karvan.core.reliability.TransitSimulation;
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
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Under a scenario: a built-in name or a scenario file.")
  String scenario;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  String format;

  enum Format {
    TABLE,
    JSON
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    Karvan k = Cli.open(network, ProfileReader.readDefault());
    RouteSpec rs = RouteSpec.builder().from(from).to(to).cargo(cargo).scenario(scenario).build();
    ReliabilityService.Result res =
        k.reliability()
            .run(
                new ReliabilityService.Request(
                    rs, samples, deadline, seed, alternatives, cancel, sailingCv, dwellCv));
    PrintWriter o = spec.commandLine().getOut();
    if (fmt == Format.JSON) {
      Cli.printJson(o, ResultJson.reliability(res));
      return ExitCodes.OK;
    }
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
    }
    return ExitCodes.OK;
  }
}
