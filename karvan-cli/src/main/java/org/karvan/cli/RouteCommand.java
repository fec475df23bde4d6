package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.Karvan;
import org.karvan.app.ResultJson;
import org.karvan.app.ResultTables;
import org.karvan.app.RouteDistinctions;
import org.karvan.app.RouteSpec;
import org.karvan.app.RoutesResult;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.io.route.RouteCsv;
import org.karvan.io.route.RouteGeoJson;
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
      "  karvan route --from \"Nhava Sheva\" --to Moscow --pareto --format json",
      "  karvan route --from Aktau --to Baku --depart 2026-12-01T08:00"
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

  @Option(
      names = "--depart",
      paramLabel = "YYYY-MM-DDTHH:MM",
      description =
          "Leave at this local time at the origin (in its time zone): the earliest arrival over"
              + " the timetables (with --optimize time; another objective's route is timed), every"
              + " leg and stop with its local times and UTC offsets.")
  String depart;

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
      description = "table, json, geojson, csv or xlsx (with --out) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "With --format xlsx: the workbook to write (Routes, Itinerary, Countries).")
  java.nio.file.Path out;

  enum Format {
    TABLE,
    JSON,
    GEOJSON,
    CSV,
    XLSX
  }

  /**
   * One row per route before the details: days, USD, kg CO2e, km, corridor and modes, crossings,
   * and what differs from the first route (wrapped under the row).
   */
  static void printSummary(
      PrintWriter out, List<Route> routes, List<RouteDistinctions.Distinction> ds) {
    out.printf(
        Locale.ROOT,
        "%3s %7s %9s %9s %7s %3s  %s%n",
        "#",
        "days",
        "USD",
        "kg CO2e",
        "km",
        "BC",
        "corridor · modes / what differs");
    for (int i = 0; i < routes.size(); i++) {
      Route.Totals t = routes.get(i).totals();
      RouteDistinctions.Distinction d = ds.get(i);
      List<String> label = RouteTable.wrap(d.label(), 70);
      out.printf(
          Locale.ROOT,
          "%3d %7.1f %,9.0f %,9.0f %,7.0f %3d  %s%n",
          i + 1,
          t.durationDays(),
          t.costUsd(),
          t.co2eKg(),
          t.distanceKm(),
          routes.get(i).crossings().size(),
          label.get(0));
      List<String> more = new ArrayList<>(label.subList(1, label.size()));
      more.addAll(RouteTable.wrap(String.join("; ", d.differs()), 70));
      for (String m : more) {
        out.printf(Locale.ROOT, "%45s%s%n", "", m);
      }
    }
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    if (pareto && alternatives != null) {
      throw new UserException(
          "--pareto", "cannot be combined with --alternatives", "give one of them");
    }
    Karvan k = Cli.open(network, opts.profile());
    RouteSpec rs = opts.spec(od.from, od.to, via, scenario).depart(depart).build();
    RoutesResult res =
        pareto
            ? k.routes().pareto(rs, maxLabels)
            : alternatives != null
                ? k.routes().alternatives(rs, alternatives)
                : k.routes().route(rs);
    List<Route> routes = res.routes();
    Objective objective = res.request().objective();
    String header = null;
    if (pareto) {
      header = "Pareto front over time, cost and CO2e: " + routes.size() + " route(s)";
      if (res.pareto().truncated()) {
        spec.commandLine()
            .getErr()
            .println(
                "karvan: warning: the Pareto search hit its label bound (--max-labels "
                    + maxLabels
                    + "); the front shown may be incomplete. Raise --max-labels or add constraints.");
      }
    } else if (alternatives != null) {
      header =
          routes.size()
              + " alternative route(s), best first by "
              + objective.name().toLowerCase(Locale.ROOT);
    }
    if (res.scenario() != null) {
      header = "Scenario: " + res.scenario() + (header == null ? "" : "\n" + header);
    }
    Network net = res.network();
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case JSON -> Cli.printJson(out, ResultJson.routes(res));
      case GEOJSON -> out.println(RouteGeoJson.of(net, routes).toPrettyString());
      case CSV -> out.print(RouteCsv.of(net, routes));
      case XLSX -> Cli.writeXlsx(this.out, ResultTables.routes(res), spec.commandLine().getErr());
      case TABLE -> {
        if (header != null) {
          out.println(header);
        }
        String basis = ResultJson.basisText(net, res.scenario(), res.request().constraints());
        ResultJson.eventsText(net, res.date(), res.eventsInForce()).forEach(out::println);
        ResultJson.snappedText(res).forEach(out::println);
        String by = objective.name().toLowerCase(Locale.ROOT);
        List<RouteDistinctions.Distinction> ds = RouteDistinctions.of(net, routes);
        if (res.kind() != RoutesResult.Kind.ROUTE) {
          printSummary(out, routes, ds);
        }
        for (int i = 0; i < routes.size(); i++) {
          String title = "optimised for " + by;
          if (res.kind() != RoutesResult.Kind.ROUTE) {
            out.println();
            title =
                (pareto ? "Pareto point " : "alternative ")
                    + (i + 1)
                    + " of "
                    + routes.size()
                    + (pareto ? "" : " by " + by)
                    + ": "
                    + String.join("; ", ds.get(i).differs());
          }
          RouteTable.print(out, net, routes.get(i), res.request(), title, basis);
        }
      }
    }
    return ExitCodes.OK;
  }
}
