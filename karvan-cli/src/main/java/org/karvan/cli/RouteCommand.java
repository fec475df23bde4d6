package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.profile.ProfileReader;
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
      "  karvan route --from \"Nhava Sheva\" --to Moscow --pareto --format json"
    })
final class RouteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "PLACE",
      description = "Origin: node id, name or alias.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "PLACE", description = "Destination.")
  String to;

  @Option(
      names = "--via",
      paramLabel = "PLACE",
      split = ",",
      description = "Places to pass through, in order (repeatable).")
  List<String> via = new ArrayList<>();

  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description =
          "1x40ft, 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--optimize",
      paramLabel = "WHAT",
      defaultValue = "time",
      description =
          "time, cost, co2 or generalized (cost + value of time) (default: ${DEFAULT-VALUE}).")
  String optimize;

  @Option(
      names = "--avoid-country",
      paramLabel = "ISO",
      split = ",",
      description = "Countries to avoid (ISO codes); their borders go too.")
  List<String> avoidCountry = new ArrayList<>();

  @Option(
      names = "--avoid-border",
      paramLabel = "ID|AA-BB",
      split = ",",
      description = "Border crossings to avoid: crossing id or country pair (e.g. AZ-RU).")
  List<String> avoidBorder = new ArrayList<>();

  @Option(
      names = "--avoid-chokepoint",
      paramLabel = "ID",
      split = ",",
      description = "Chokepoints to avoid (e.g. SUEZ, HORMUZ).")
  List<String> avoidChokepoint = new ArrayList<>();

  @Option(
      names = "--avoid-node",
      paramLabel = "PLACE",
      split = ",",
      description = "Places to avoid.")
  List<String> avoidNode = new ArrayList<>();

  @Option(
      names = "--modes",
      paramLabel = "MODES",
      split = ",",
      description = "Allowed modes: rail, road, sea, ferry, inland_waterway (default: all).")
  List<String> modes = new ArrayList<>();

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "Use links and crossings open by this year (by status and opening year).")
  Integer year;

  @Option(
      names = "--include",
      paramLabel = "planned",
      description =
          "'planned': allow every link that is not defunct (under construction and planned too).")
  String include;

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
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Parameter profile (JSON or YAML); default: the built-in profile (docs/cost-model.md).")
  Path profile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      split = ",",
      description = "Override profile parameters, e.g. --set rail.speed_kmh=30.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json, geojson or csv (default: ${DEFAULT-VALUE}).")
  String format;

  private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException(
          option
              + ": unknown value '"
              + value
              + "'; allowed: "
              + EnumSet.allOf(type).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  enum Format {
    TABLE,
    JSON,
    GEOJSON,
    CSV
  }

  @Override
  public Integer call() {
    // Check flags before any work.
    Objective objective = parseEnum(Objective.class, optimize, "--optimize");
    Format fmt = parseEnum(Format.class, format, "--format");
    List<String> conflicts = new ArrayList<>();
    if (pareto && alternatives != null) {
      conflicts.add("--pareto and --alternatives cannot be combined");
    }
    if (pareto && !via.isEmpty()) {
      conflicts.add("--pareto does not support --via");
    }
    if (include != null && !include.equalsIgnoreCase("planned")) {
      conflicts.add("--include: only 'planned' is supported, got '" + include + "'");
    }
    if (include != null && year != null) {
      conflicts.add(
          "--include planned and --year cannot be combined (planned already allows every future link)");
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
    Set<Mode> allowed = new LinkedHashSet<>();
    for (String m : modes) {
      allowed.add(parseEnum(Mode.class, m, "--modes"));
    }
    Network net = network.load();
    Profile prof = profile == null ? ProfileReader.readDefault() : ProfileReader.read(profile);
    if (!set.isEmpty()) {
      Map<String, Double> o = new LinkedHashMap<>();
      for (var e : set.entrySet()) {
        try {
          o.put(e.getKey(), Double.parseDouble(e.getValue()));
        } catch (NumberFormatException ex) {
          throw new UserException(
              "--set " + e.getKey() + ": '" + e.getValue() + "' is not a number");
        }
      }
      prof = prof.with(o, "--set");
    }
    Cargo c;
    try {
      c = Cargo.parse(cargo, prof);
    } catch (IllegalArgumentException e) {
      throw new UserException("--cargo: " + e.getMessage());
    }
    Places places = new Places(net);
    List<String> placeErrors = new ArrayList<>();
    String fromId = resolve(places, from, "--from", placeErrors);
    String toId = resolve(places, to, "--to", placeErrors);
    List<String> viaIds = new ArrayList<>();
    for (String v : via) {
      viaIds.add(resolve(places, v, "--via", placeErrors));
    }
    Set<String> avoidNodeIds = new LinkedHashSet<>();
    for (String v : avoidNode) {
      avoidNodeIds.add(resolve(places, v, "--avoid-node", placeErrors));
    }
    if (!placeErrors.isEmpty()) {
      throw new UserException(String.join("\nkarvan: ", placeErrors));
    }
    if (fromId.equals(toId)) {
      throw new UserException("--from and --to name the same place (" + fromId + ")");
    }
    Constraints cons =
        new Constraints(
            year,
            include != null,
            upper(avoidCountry),
            new LinkedHashSet<>(avoidBorder),
            upper(avoidChokepoint),
            avoidNodeIds,
            allowed);
    RouteRequest req = new RouteRequest(fromId, toId, viaIds, c, objective, cons);
    Router router = new Router(MultimodalGraph.compile(net, prof));
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
              + optimize.toLowerCase(Locale.ROOT);
    } else {
      Optional<Route> r = router.route(req);
      routes = r.map(List::of).orElse(List.of());
      header = null;
    }
    if (routes.isEmpty()) {
      throw new UserException(router.explainNoRoute(req));
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case JSON -> {
        Object json =
            routes.size() == 1 && header == null
                ? RouteJson.route(net, routes.get(0))
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

  private static Set<String> upper(List<String> l) {
    return l.stream()
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String resolve(Places p, String text, String option, List<String> errors) {
    try {
      return p.resolve(text).id();
    } catch (IllegalArgumentException e) {
      errors.add(option + ": " + e.getMessage());
      return "";
    }
  }
}
