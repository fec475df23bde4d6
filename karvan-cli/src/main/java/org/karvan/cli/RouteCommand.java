package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.io.route.RouteCsv;
import org.karvan.io.route.RouteGeoJson;
import org.karvan.io.route.RouteJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan route}: the best route, alternatives or the Pareto front between two places. */
@Command(
    name = "route",
    header = "The fastest, cheapest or lowest-CO2e route between two places.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Find the fastest, cheapest or lowest-CO2e multimodal route between two places, with its legs,",
      "border crossings, transshipments and breaks of gauge. Places are ids, names or aliases."
    },
    footer = {
      "",
      "Examples:",
      "  karvan route --from \"Nhava Sheva\" --to Moscow",
      "  karvan route --from Mumbai --to Moscow --optimize cost --cargo 2x20ft --avoid-country AZ",
      "  karvan route --from \"Nhava Sheva\" --to Baku --year 2030 --alternatives 3",
      "  karvan route --from \"Nhava Sheva\" --to Moscow --scenario suez-closed",
      "  karvan route --from \"Nhava Sheva\" --to Moscow --pareto --format json"
    })
final class RouteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Mixin OdOptions od;

  @Option(
      names = "--via",
      paramLabel = "PLACE",
      split = ",",
      description = "Places to pass through, in order (repeatable).")
  List<String> via = new ArrayList<>();

  @Mixin RequestOptions opts;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description =
          "Route under a scenario: a built-in name (karvan scenario list) or a scenario file.")
  String scenario;

  @Option(
      names = "--alternatives",
      paramLabel = "N",
      description = "Up to N meaningfully different routes (penalty method).")
  Integer alternatives;

  @Option(names = "--pareto", description = "The Pareto front over time, cost and CO2e.")
  boolean pareto;

  @Option(
      names = "--max-labels",
      paramLabel = "N",
      defaultValue = "200000",
      description = "Label bound for --pareto (default: ${DEFAULT-VALUE}).")
  int maxLabels;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, geojson or csv (default: ${DEFAULT-VALUE}).")
  String format;

  enum Format {
    TABLE,
    JSON,
    GEOJSON,
    CSV
  }

  @Override
  public Integer call() {
    Objective objective = opts.objective();
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    List<String> conflicts = new ArrayList<>();
    if (pareto && alternatives != null) {
      conflicts.add("--pareto and --alternatives cannot be combined");
    }
    if (pareto && !via.isEmpty()) {
      conflicts.add("--pareto does not support --via");
    }
    if (alternatives != null && (alternatives < 1 || alternatives > 20)) {
      conflicts.add("--alternatives must be between 1 and 20, got " + alternatives);
    }
    if (maxLabels < 1) {
      conflicts.add("--max-labels must be positive");
    }
    if (!conflicts.isEmpty()) {
      throw new UserException(String.join("; ", conflicts));
    }
    Network net = network.load();
    RequestOptions.Resolved rq = opts.resolve(net, od.from, od.to, via);
    Profile prof = rq.profile();
    Cargo c = rq.cargo();
    RouteRequest req = rq.request(objective);
    MultimodalGraph graph = MultimodalGraph.compile(net, prof);
    ScenarioView view = scenario == null ? null : RequestOptions.scenario(net, prof, scenario);
    Router router = new Router(graph, view);
    List<Route> routes;
    String header;
    if (pareto) {
      Router.ParetoRoutes pr = router.pareto(req, maxLabels);
      routes = pr.routes();
      header = "Pareto front over time, cost and CO2e: " + routes.size() + " route(s)";
      if (pr.truncated()) {
        spec.commandLine()
            .getErr()
            .println(
                "karvan: warning: the Pareto search hit its label bound (--max-labels "
                    + maxLabels
                    + "); the front shown may be incomplete. Raise --max-labels or add constraints.");
      }
    } else if (alternatives != null) {
      routes = router.alternatives(req, alternatives, 0.5, 0.8);
      header =
          routes.size()
              + " alternative route(s), best first by "
              + objective.name().toLowerCase(Locale.ROOT);
    } else {
      Optional<Route> r = router.route(req);
      routes = r.map(List::of).orElse(List.of());
      header = null;
    }
    if (routes.isEmpty()) {
      throw new UserException(NoRouteText.of(router.explainNoRoute(req), router.graph().network()));
    }
    if (view != null && header == null) {
      header = "Scenario: " + view.name();
    } else if (view != null) {
      header = "Scenario: " + view.name() + "\n" + header;
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case JSON -> {
        Object json =
            routes.size() == 1
                    && (header == null || view != null && !pareto && alternatives == null)
                ? RouteJson.route(net, routes.get(0), c)
                : RouteJson.routes(
                    net,
                    routes,
                    RouteJson.MAPPER
                        .createObjectNode()
                        .put("kind", pareto ? "pareto" : "alternatives"));
        out.println(RouteJson.MAPPER.valueToTree(json).toPrettyString());
      }
      case GEOJSON -> out.println(RouteGeoJson.of(net, routes).toPrettyString());
      case CSV -> out.print(RouteCsv.of(net, routes));
      case TABLE -> {
        if (header != null) {
          out.println(header);
        }
        for (int i = 0; i < routes.size(); i++) {
          if (routes.size() > 1) {
            out.println();
            out.println("Route " + (i + 1) + " of " + routes.size());
          }
          RouteTable.print(out, net, routes.get(i), req, objective);
        }
      }
    }
    return ExitCodes.OK;
  }
}
