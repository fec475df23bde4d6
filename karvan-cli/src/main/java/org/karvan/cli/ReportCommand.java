package org.karvan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.karvan.app.ChartService;
import org.karvan.app.Karvan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan report}: a self-contained HTML report of a route under scenarios. */
@Command(
    name = "report",
    header = "Write a self-contained HTML report of a route under scenarios.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Write one self-contained HTML page (viewable offline) with the route itinerary, the time and",
      "cost-distance charts, the CPMM indicators and the change under each --scenario."
    },
    footer = {
      "",
      "Example:",
      "  karvan report --from \"Nhava Sheva\" --to Moscow --scenario rasht-astara-built --scenario suez-closed --out report.html"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Mixin OdOptions od;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Scenario to compare with the base (repeatable).")
  List<String> scenarios = new ArrayList<>();

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "The HTML file to write (default: standard output).")
  Path out;

  @Mixin RequestOptions opts;

  @Override
  public Integer call() {
    Karvan k = Cli.open(network, opts.profile());
    ChartService.ReportResult res =
        k.charts()
            .report(
                new ChartService.ReportRequest(
                    opts.spec(od.from, od.to, List.of(), null).build(), scenarios));
    if (out == null) {
      spec.commandLine().getOut().print(res.html());
      return ExitCodes.OK;
    }
    try {
      Files.writeString(out, res.html(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(
          "--out",
          "cannot write " + out + ": " + e.getMessage(),
          "check the folder exists and is writable");
    }
    spec.commandLine().getErr().println("wrote " + out);
    return ExitCodes.OK;
  }
}
