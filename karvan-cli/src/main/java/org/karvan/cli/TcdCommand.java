package org.karvan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.ScenarioView;
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
      required = true,
      paramLabel = "FILE",
      description = "chart.svg or chart.png; chart.csv is written beside it.")
  Path out;

  @Mixin RequestOptions opts;

  @Override
  public Integer call() throws IOException {
    TcdChart.Axis axis = RequestOptions.parseEnum(TcdChart.Axis.class, y, "--y");
    List<String> conflicts = new ArrayList<>();
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".svg") && !name.endsWith(".png")) {
      conflicts.add("--out must end in .svg or .png, got '" + out + "'");
    }
    if (alternatives != null && !scenarios.isEmpty()) {
      conflicts.add("--alternatives and --scenario cannot be combined (one chart compares either)");
    }
    if (alternatives != null && (alternatives < 1 || alternatives > 10)) {
      conflicts.add("--alternatives must be between 1 and 10");
    }
    if (!conflicts.isEmpty()) {
      throw new UserException(String.join("; ", conflicts));
    }
    Network net = network.load();
    RequestOptions.Resolved rq = opts.resolve(net, od.from, od.to, List.of());
    Profile prof = rq.profile();
    Cargo c = rq.cargo();
    String f = rq.from();
    String t = rq.to();
    RouteRequest req = rq.request(opts.objective());
    MultimodalGraph g = MultimodalGraph.compile(net, prof);
    Router base = new Router(g);
    List<TcdChart.Series> series = new ArrayList<>();
    if (alternatives != null) {
      List<Route> alts = base.alternatives(req, alternatives, 0.5, 0.8);
      for (int i = 0; i < alts.size(); i++) {
        series.add(new TcdChart.Series("route " + (i + 1), alts.get(i)));
      }
    } else {
      series.add(
          new TcdChart.Series(
              "base",
              base.route(req)
                  .orElseThrow(
                      () -> new UserException(NoRouteText.of(base.explainNoRoute(req), net)))));
      for (String s : scenarios) {
        ScenarioView v = RequestOptions.scenario(net, prof, s);
        Router r = new Router(g, v);
        Optional<Route> route = r.route(req);
        if (route.isEmpty()) {
          spec.commandLine()
              .getErr()
              .println(
                  "karvan: scenario "
                      + v.name()
                      + ": "
                      + NoRouteText.of(r.explainNoRoute(req), r.graph().network())
                      + " (left out of the chart)");
          continue;
        }
        series.add(new TcdChart.Series(v.name(), route.get()));
      }
    }
    String title =
        "Time/cost-distance: "
            + net.getNode(f).name()
            + " to "
            + net.getNode(t).name()
            + " ("
            + c.label()
            + ")";
    TcdChart chart = new TcdChart(net, series, axis, title);
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
      throw new UserException("--out: cannot write " + out + ": " + e.getMessage());
    }
    return ExitCodes.OK;
  }
}
