package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.BacktestService;
import org.karvan.app.CalibrationService;
import org.karvan.app.Karvan;
import org.karvan.app.ResultJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan backtest}: Karvan's figures against published whole-route figures. */
@Command(
    name = "backtest",
    header = "Karvan's times and costs against published shipments, studies and tariffs.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Route each published case (forced onto its corridor where it names one) and set Karvan's",
      "figure against the published band: the route taken, the figure, the band, the deviation.",
      "Default cases: data/validation/published-cases.csv (built in). See docs/validation.md."
    })
final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      description = "A cases CSV (the columns of data/validation/published-cases.csv).")
  Path cases;

  @Mixin RequestOptions opts;

  @Option(
      names = "--fit",
      description =
          "Fit the profile's free parameters to the training half and report the held-out half.")
  boolean fit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or xlsx (with --out) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "With --format xlsx: the workbook to write.")
  java.nio.file.Path outFile;

  @Override
  public Integer call() {
    boolean json = format.equalsIgnoreCase("json");
    boolean xlsx = format.equalsIgnoreCase("xlsx");
    if (!json && !xlsx && !format.equalsIgnoreCase("table")) {
      throw new UserException(
          "--format", "unknown value '" + format + "'", "allowed: table, json, xlsx");
    }
    if (fit) {
      return fit();
    }
    Karvan k = Cli.open(network, opts.profile());
    BacktestService.Result r = k.backtest().run(cases);
    PrintWriter err = spec.commandLine().getErr();
    r.problems().forEach(p -> err.println("karvan: " + p));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Cli.printJson(out, ResultJson.backtest(r));
      return ExitCodes.OK;
    }
    if (xlsx) {
      Cli.writeXlsx(outFile, org.karvan.app.ResultTables.backtest(r), err);
      return ExitCodes.OK;
    }
    out.printf(
        Locale.ROOT,
        "%-4s %-5s %-13s %-19s %10s %8s  %-4s %s%n",
        "case",
        "half",
        "quantity",
        "published",
        "karvan",
        "dev",
        "ok",
        "route Karvan takes");
    for (BacktestService.Outcome o : r.outcomes()) {
      BacktestService.Case c = o.c();
      String band = c.low() == c.high() ? num(c.low()) : num(c.low()) + "-" + num(c.high());
      if (o.figure() == null) {
        out.printf(
            Locale.ROOT,
            "%-4s %-5s %-13s %-19s %10s %8s  %-4s %s%n",
            c.id(),
            c.half(),
            c.quantity(),
            band + " (" + c.year() + ")",
            "-",
            "",
            "",
            o.skipped());
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-4s %-5s %-13s %-19s %10s %+7.0f%%  %-4s %s%n",
          c.id(),
          c.half(),
          c.quantity(),
          band + " (" + c.year() + ")",
          num(o.figure()),
          100 * o.deviation(),
          o.within() ? "yes" : "no",
          String.join(" + ", o.corridors()));
    }
    out.println();
    for (String half : List.of("train", "test")) {
      long n = r.outcomes().stream().filter(o -> o.c().half().equals(half) && o.within()).count();
      long m = r.outcomes().stream().filter(o -> o.c().half().equals(half)).count();
      out.printf(Locale.ROOT, "%s half: %d of %d within band%n", half, n, m);
    }
    long near =
        r.outcomes().stream()
            .filter(o -> o.deviation() != null && Math.abs(o.deviation()) <= 0.1)
            .count();
    out.printf(Locale.ROOT, "%d of %d within 10 %% of the band%n", near, r.outcomes().size());
    out.printf(
        Locale.ROOT,
        "%d of %d within band (%d computed; %d not in this network or without a route)%n",
        r.within(),
        r.outcomes().size(),
        r.computed(),
        r.outcomes().size() - r.computed());
    return ExitCodes.OK;
  }

  private int fit() {
    List<String> problems = new java.util.ArrayList<>();
    BacktestService.Loaded l = BacktestService.load(cases, problems);
    PrintWriter err = spec.commandLine().getErr();
    problems.forEach(p -> err.println("karvan: " + p));
    CalibrationService.Fit f =
        CalibrationService.fit(
            network.load(), opts.profile(), l.cases(), CalibrationService.DEFAULT_PARAMS);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-32s %12s %12s %8s%n", "parameter", "before", "fitted", "factor");
    for (var e : f.before().entrySet()) {
      double a = f.after().get(e.getKey());
      out.printf(
          Locale.ROOT,
          "%-32s %12.4g %12.4g %8.2f%n",
          e.getKey(),
          e.getValue(),
          a,
          a / e.getValue());
    }
    f.skipped().forEach(x -> out.println("skipped: " + x));
    out.printf(
        Locale.ROOT,
        "train: loss %.4f -> %.4f, within band %d -> %d of %d%n",
        f.trainBefore().loss(),
        f.trainAfter().loss(),
        f.trainBefore().within(),
        f.trainAfter().within(),
        f.trainAfter().cases());
    out.printf(
        Locale.ROOT,
        "test (held out): loss %.4f -> %.4f, within band %d -> %d of %d%n",
        f.testBefore().loss(),
        f.testAfter().loss(),
        f.testBefore().within(),
        f.testAfter().within(),
        f.testAfter().cases());
    out.printf(Locale.ROOT, "%d evaluations of the training half%n", f.evaluations());
    return ExitCodes.OK;
  }

  private static String num(double v) {
    return v >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
