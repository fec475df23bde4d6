package org.karvan.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.io.chart.HtmlReport;
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
      required = true,
      paramLabel = "FILE",
      description = "The HTML file to write.")
  Path out;

  @Mixin RequestOptions opts;

  @Override
  public Integer call() {
    Network net = network.load();
    RequestOptions.Resolved rq = opts.resolve(net, od.from, od.to, List.of());
    Profile prof = rq.profile();
    Cargo c = rq.cargo();
    String f = rq.from();
    String t = rq.to();
    RouteRequest req = rq.request(opts.objective());
    MultimodalGraph g = MultimodalGraph.compile(net, prof);
    Router base = new Router(g);
    Route b =
        base.route(req)
            .orElseThrow(() -> new UserException(NoRouteText.of(base.explainNoRoute(req), net)));
    List<Comparison> comps = new ArrayList<>();
    for (String s : scenarios) {
      ScenarioView v = RequestOptions.scenario(net, prof, s);
      Router r = new Router(g, v);
      Optional<Route> route = r.route(req);
      comps.add(
          Comparison.of(
              net,
              v.name(),
              f,
              t,
              route,
              route.isEmpty() ? NoRouteText.of(r.explainNoRoute(req), r.graph().network()) : null,
              Optional.of(b)));
    }
    String html =
        HtmlReport.of(
            net, f, t, c, opts.objective().name().toLowerCase(java.util.Locale.ROOT), b, comps);
    try {
      Files.writeString(out, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException("--out: cannot write " + out + ": " + e.getMessage());
    }
    spec.commandLine().getErr().println("wrote " + out);
    return ExitCodes.OK;
  }
}
