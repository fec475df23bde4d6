package org.karvan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.ChartService;
import org.karvan.app.Karvan;
import org.karvan.app.ResultJson;
import org.karvan.io.chart.TcdChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan tcd}: the UNESCAP time/cost-distance chart of routes and scenarios. */
@Command(
    name = "tcd",
    header = "Draw the UNESCAP time/cost-distance chart (SVG or PNG, and CSV).",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draw the UNESCAP time/cost-distance chart: cumulative km against cumulative hours or USD, a",
      "sloped segment per leg coloured by mode, a vertical segment per stop. One line per route:",
      "the base and each --scenario, or --alternatives N. Writes SVG or PNG (by --out's extension)",
      "and the CSV behind the chart beside it."
    },
    footer = {
      "",
      "Example:",
      "  karvan tcd --from \"Nhava Sheva\" --to Moscow --scenario rasht-astara-built --out tcd.svg"
    })
final class TcdCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Mixin OdOptions od;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Add the route under this scenario (repeatable).")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = "--alternatives",
      paramLabel = "N",
      description = "Draw N alternative routes of the base network instead.")
  Integer alternatives;

  @Option(
      names = "--y",
      paramLabel = "AXIS",
      defaultValue = "time",
      description = "time or cost (default: ${DEFAULT-VALUE}).")
  String y;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "chart.svg or chart.png; chart.csv is written beside it.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "json",
      description = "'json': print the chart's segments (as /api/tcd) instead of or besides --out.")
  String format;

  @Mixin RequestOptions opts;

  @Override
  public Integer call() throws IOException {
    String name = out == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean json = format != null && format.equalsIgnoreCase("json");
    if (format != null && !json) {
      throw new UserException(
          "--format", "unknown value '" + format + "'", "allowed: json (charts go to --out)");
    }
    if (out == null && !json) {
      throw new UserException(
          "--out", "no output named", "give --out FILE.svg|FILE.png, or --format json");
    }
    if (out != null && !name.endsWith(".svg") && !name.endsWith(".png")) {
      throw new UserException(
          "--out",
          "'" + out + "' is neither .svg nor .png",
          "give a file name ending in .svg or .png");
    }
    Karvan k = Cli.open(network, opts.profile());
    ChartService.TcdResult res =
        k.charts()
            .tcd(
                new ChartService.TcdRequest(
                    opts.spec(od.from, od.to, List.of(), null).build(),
                    scenarios,
                    alternatives,
                    y));
    res.notes().forEach(n -> spec.commandLine().getErr().println("karvan: " + n));
    if (json) {
      Cli.printJson(spec.commandLine().getOut(), ResultJson.tcd(res));
      if (out == null) {
        return ExitCodes.OK;
      }
    }
    TcdChart chart = res.chart();
    try {
      if (name.endsWith(".png")) {
        Files.write(out, chart.png());
      } else {
        Files.writeString(out, chart.svg(), StandardCharsets.UTF_8);
      }
      Path csv =
          out.resolveSibling(out.getFileName().toString().replaceAll("\\.(svg|png)$", "") + ".csv");
      Files.writeString(csv, chart.csv(), StandardCharsets.UTF_8);
      spec.commandLine().getErr().println("wrote " + out + " and " + csv);
    } catch (IOException e) {
      throw new UserException(
          "--out",
          "cannot write " + out + ": " + e.getMessage(),
          "check the folder exists and is writable");
    }
    return ExitCodes.OK;
  }
}
