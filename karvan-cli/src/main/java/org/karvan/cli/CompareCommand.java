package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.CompareService;
import org.karvan.app.Karvan;
import org.karvan.app.OdList;
import org.karvan.app.ResultCsv;
import org.karvan.app.ResultJson;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.scenario.Corridors;
import org.karvan.io.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan compare}: best routes under scenarios against the base network. */
@Command(
    name = "compare",
    header = "Compare best routes under scenarios with the base network.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compare the best route under one or more scenarios with the base network: change in km, days,",
      "USD and kg CO2e, countries and crossings gained or lost, and the corridor used. One OD pair",
      "(--from/--to) or a batch (--od FILE: CSV origin,destination[,cargo[,weight_t]])."
    },
    footer = {
      "",
      "Examples:",
      "  karvan compare --from \"Nhava Sheva\" --to Moscow --scenario rasht-astara-built --scenario suez-closed",
      "  karvan compare --od pairs.csv --scenario year-2030 --format csv > deltas.csv"
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(names = "--from", paramLabel = "PLACE", description = "Origin (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "PLACE", description = "Destination (with --from).")
  String to;

  @Option(
      names = "--od",
      paramLabel = "FILE",
      description = "Batch: CSV with columns origin,destination and optional cargo, weight_t.")
  Path od;

  @Option(
      names = "--scenario",
      required = true,
      paramLabel = "NAME|FILE",
      description = "Scenario to compare with the base (repeatable).")
  List<String> scenarios = new ArrayList<>();

  @Mixin RequestOptions opts;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, csv or xlsx (with --out) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "With --format xlsx: the workbook to write.")
  java.nio.file.Path outFile;

  enum Format {
    TABLE,
    JSON,
    CSV,
    XLSX
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    if (od == null && (from == null || to == null)) {
      throw new UserException("--from", "no places given", "give --from and --to, or --od FILE");
    }
    if (od != null && (from != null || to != null)) {
      throw new UserException("--od", "cannot be combined with --from/--to", "give one of them");
    }
    Karvan k = Cli.open(network, opts.profile());
    List<CompareService.OdPair> pairs = List.of();
    int skipped = 0;
    if (od != null) {
      OdList.Result list = OdList.read(k, od, opts.cargo);
      list.problems().forEach(spec.commandLine().getErr()::println);
      pairs = list.pairs();
      skipped = list.skipped();
    }
    long t0 = System.nanoTime();
    CompareService.Result res =
        k.comparisons()
            .compare(
                new CompareService.Request(
                    opts.spec(from, to, List.of(), null).build(), scenarios, pairs));
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case CSV -> out.print(csv(res));
      case JSON -> Cli.printJson(out, ResultJson.compare(res, skipped));
      case TABLE -> table(out, res);
      case XLSX ->
          Cli.writeXlsx(
              outFile, org.karvan.app.ResultTables.compare(res), spec.commandLine().getErr());
    }
    if (od != null) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "compared %d OD pair(s) x %d scenario(s) in %.1f s%s%n",
              res.pairs(),
              res.scenarios(),
              secs,
              skipped > 0 ? "; skipped " + skipped + " bad row(s) (listed above)" : "");
    }
    return ExitCodes.OK;
  }

  private static String f(Double v, String fmt) {
    return v == null ? "" : String.format(Locale.ROOT, fmt, v);
  }

  private static void table(PrintWriter out, CompareService.Result res) {
    Network n = res.base();
    for (List<CompareService.Row> pair : perPair(res)) {
      List<Comparison> row = pair.stream().map(CompareService.Row::comparison).toList();
      Comparison first = row.get(0);
      Route b = first.base();
      out.printf(
          Locale.ROOT, "%s -> %s%n", n.getNode(first.from()).name(), n.getNode(first.to()).name());
      out.printf(
          Locale.ROOT,
          "  %-22s %9s %8s %9s %10s  %s%n",
          "scenario",
          "km",
          "days",
          "USD",
          "kg CO2e",
          "corridor / change");
      if (b != null) {
        out.printf(
            Locale.ROOT,
            "  %-22s %9.0f %8.1f %9.0f %10.0f  %s%n",
            "base",
            b.totals().distanceKm(),
            b.totals().durationDays(),
            b.totals().costUsd(),
            b.totals().co2eKg(),
            String.join(" + ", Corridors.of(n, b)));
      } else {
        out.printf(Locale.ROOT, "  %-22s no route on the base network%n", "base");
      }
      for (Comparison c : row) {
        if (c.route() == null) {
          out.printf(Locale.ROOT, "  %-22s %s%n", c.scenario(), c.noRoute());
          continue;
        }
        Route r = c.route();
        out.printf(
            Locale.ROOT,
            "  %-22s %9.0f %8.1f %9.0f %10.0f  %s%n",
            c.scenario(),
            r.totals().distanceKm(),
            r.totals().durationDays(),
            r.totals().costUsd(),
            r.totals().co2eKg(),
            String.join(" + ", c.corridors()));
        if (c.delta().km() != null) {
          out.printf(
              Locale.ROOT,
              "  %-22s %+9.0f %+8.1f %+9.0f %+10.0f  %s%n",
              "  change",
              c.delta().km(),
              c.delta().days(),
              c.delta().usd(),
              c.delta().kgCo2e(),
              changes(c));
        }
      }
      out.println();
    }
  }

  private static String changes(Comparison c) {
    List<String> s = new ArrayList<>();
    if (!c.countriesGained().isEmpty()) {
      s.add("+countries " + String.join(",", c.countriesGained()));
    }
    if (!c.countriesLost().isEmpty()) {
      s.add("-countries " + String.join(",", c.countriesLost()));
    }
    if (!c.crossingsGained().isEmpty()) {
      s.add("+crossings " + String.join(",", c.crossingsGained()));
    }
    if (!c.crossingsLost().isEmpty()) {
      s.add("-crossings " + String.join(",", c.crossingsLost()));
    }
    return s.isEmpty() ? "same countries and crossings" : String.join("; ", s);
  }

  /** The rows of each OD pair, in input order. */
  static List<List<CompareService.Row>> perPair(CompareService.Result res) {
    List<List<CompareService.Row>> out = new ArrayList<>();
    int n = Math.max(1, res.scenarios());
    for (int i = 0; i < res.rows().size(); i += n) {
      out.add(res.rows().subList(i, Math.min(res.rows().size(), i + n)));
    }
    return out;
  }

  static String csv(CompareService.Result res) {
    CsvWriter w = new CsvWriter();
    w.row(ResultCsv.COMPARE);
    for (CompareService.Row row : res.rows()) {
      w.row(ResultCsv.compare(row.comparison()));
    }
    return w.toString();
  }
}
