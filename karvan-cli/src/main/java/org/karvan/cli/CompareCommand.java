package org.karvan.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.scenario.Corridors;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;
import org.karvan.io.csv.CsvWriter;
import org.karvan.io.route.RouteJson;
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
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  enum Format {
    TABLE,
    JSON,
    CSV
  }

  record Pair(int line, String from, String to, Cargo cargo) {}

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    List<String> conflicts = new ArrayList<>(opts.conflicts());
    if (od == null && (from == null || to == null)) {
      conflicts.add("give --from and --to, or --od FILE");
    }
    if (od != null && (from != null || to != null)) {
      conflicts.add("--od cannot be combined with --from/--to");
    }
    if (!conflicts.isEmpty()) {
      throw new UserException(String.join("; ", conflicts));
    }
    Network net = network.load();
    Profile prof = opts.profile();
    Places places = new Places(net);
    List<String> errors = new ArrayList<>();
    Constraints cons = opts.constraints(places, errors);
    Objective obj = opts.objective();
    List<Pair> pairs = new ArrayList<>();
    int skipped = 0;
    if (od != null) {
      skipped = readPairs(od, places, prof, pairs);
      if (pairs.isEmpty()) {
        throw new UserException(
            "--od "
                + od
                + ": no valid OD pair"
                + (skipped > 0 ? " (" + skipped + " bad row(s) skipped)" : ": the file is empty"));
      }
    } else {
      String f = RequestOptions.resolve(places, from, "--from", errors);
      String t = RequestOptions.resolve(places, to, "--to", errors);
      pairs.add(new Pair(0, f, t, opts.cargo(prof)));
    }
    if (!errors.isEmpty()) {
      throw new UserException(String.join("\nkarvan: ", errors));
    }
    MultimodalGraph g = MultimodalGraph.compile(net, prof);
    Router base = new Router(g);
    Map<String, Router> routers = new LinkedHashMap<>();
    for (String s : scenarios) {
      ScenarioView v = RequestOptions.scenario(net, prof, s);
      routers.put(v.name(), new Router(g, v));
    }
    long t0 = System.nanoTime();
    List<List<Comparison>> results = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      results.add(null);
    }
    IntStream.range(0, pairs.size())
        .parallel()
        .forEach(
            i -> {
              Pair p = pairs.get(i);
              RouteRequest req =
                  new RouteRequest(p.from(), p.to(), List.of(), p.cargo(), obj, cons);
              Optional<Route> b = base.route(req);
              List<Comparison> row = new ArrayList<>();
              for (var e : routers.entrySet()) {
                Optional<Route> r = e.getValue().route(req);
                row.add(
                    Comparison.of(
                        net,
                        e.getKey(),
                        p.from(),
                        p.to(),
                        r,
                        r.isEmpty()
                            ? NoRouteText.of(
                                e.getValue().explainNoRoute(req), e.getValue().graph().network())
                            : null,
                        b));
              }
              results.set(i, row);
            });
    double secs = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case CSV -> out.print(csv(net, results));
      case JSON -> out.println(json(net, results, skipped).toPrettyString());
      case TABLE -> table(out, net, results);
    }
    if (od != null) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "compared %d OD pair(s) x %d scenario(s) in %.1f s%s%n",
              pairs.size(),
              routers.size(),
              secs,
              skipped > 0 ? "; skipped " + skipped + " bad row(s) (listed above)" : "");
    }
    return ExitCodes.OK;
  }

  private int readPairs(Path file, Places places, Profile prof, List<Pair> pairs) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserException(
          "--od "
              + file
              + ": cannot be read ("
              + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage())
              + ")");
    }
    Problems p = new Problems();
    CsvTable t = CsvParser.parse(bytes, file.toString(), p);
    for (String col : List.of("origin", "destination")) {
      if (!t.header().isEmpty() && !t.header().containsKey(col)) {
        p.error(file.toString(), 1, 0, col, "missing column '" + col + "'");
      }
    }
    if (p.hasErrors() && t.rows().isEmpty()
        || !t.header().containsKey("origin")
        || !t.header().containsKey("destination")) {
      p.sorted().forEach(x -> spec.commandLine().getErr().println(x));
      throw new UserException("--od " + file + ": cannot read the OD list");
    }
    int skipped = 0;
    PrintWriter err = spec.commandLine().getErr();
    p.sorted().forEach(err::println);
    for (CsvTable.CsvRow row : t.rows()) {
      List<String> rowErrors = new ArrayList<>();
      String o = cell(t, row, "origin");
      String d = cell(t, row, "destination");
      String of = RequestOptions.resolve(places, o, "origin", rowErrors);
      String df = RequestOptions.resolve(places, d, "destination", rowErrors);
      Cargo c = null;
      String cargo = cell(t, row, "cargo");
      String w = cell(t, row, "weight_t");
      try {
        String spec = cargo.isEmpty() ? opts.cargo : cargo;
        if (!w.isEmpty()) {
          double wt = Double.parseDouble(w);
          if (!(wt > 0)) {
            throw new NumberFormatException();
          }
          spec = spec.replaceAll("@.*$", "") + "@" + w + "t";
          if (!spec.matches("(?i)\\s*\\d+\\s*x\\s*(20|40|45).*")
              && !spec.matches("(?i)\\s*\\d+\\s*(trucks?|wagons?).*")) {
            spec = w + "t bulk";
          }
        }
        c = Cargo.parse(spec, prof);
      } catch (NumberFormatException e) {
        rowErrors.add("weight_t: '" + w + "' is not a positive number");
      } catch (IllegalArgumentException e) {
        rowErrors.add("cargo: " + e.getMessage());
      }
      if (!rowErrors.isEmpty() || of.equals(df)) {
        if (rowErrors.isEmpty()) {
          rowErrors.add("origin and destination are the same place");
        }
        skipped++;
        for (String re : rowErrors) {
          err.println(file + ":" + row.line() + ": " + re);
        }
        continue;
      }
      pairs.add(new Pair(row.line(), of, df, c));
    }
    return skipped;
  }

  private static String cell(CsvTable t, CsvTable.CsvRow row, String col) {
    Integer c = t.header().get(col);
    return c == null || c > row.cells().size() ? "" : row.cells().get(c - 1).trim();
  }

  private static String f(Double v, String fmt) {
    return v == null ? "" : String.format(Locale.ROOT, fmt, v);
  }

  private static void table(PrintWriter out, Network n, List<List<Comparison>> results) {
    for (List<Comparison> row : results) {
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

  static String csv(Network n, List<List<Comparison>> results) {
    CsvWriter w = new CsvWriter();
    w.row(
        List.of(
            "origin",
            "destination",
            "scenario",
            "corridor",
            "distance_km",
            "duration_days",
            "cost_usd",
            "co2e_kg",
            "delta_km",
            "delta_days",
            "delta_usd",
            "delta_co2e_kg",
            "countries_gained",
            "countries_lost",
            "crossings_gained",
            "crossings_lost",
            "no_route"));
    for (List<Comparison> row : results) {
      for (Comparison c : row) {
        Route r = c.route();
        w.row(
            List.of(
                c.from(),
                c.to(),
                c.scenario(),
                String.join("|", c.corridors()),
                r == null ? "" : f(r.totals().distanceKm(), "%.1f"),
                r == null ? "" : f(r.totals().durationDays(), "%.2f"),
                r == null ? "" : f(r.totals().costUsd(), "%.2f"),
                r == null ? "" : f(r.totals().co2eKg(), "%.1f"),
                f(c.delta().km(), "%.1f"),
                f(c.delta().days(), "%.2f"),
                f(c.delta().usd(), "%.2f"),
                f(c.delta().kgCo2e(), "%.1f"),
                String.join("|", c.countriesGained()),
                String.join("|", c.countriesLost()),
                String.join("|", c.crossingsGained()),
                String.join("|", c.crossingsLost()),
                c.noRoute() == null ? "" : c.noRoute()));
      }
    }
    return w.toString();
  }

  static ObjectNode json(Network n, List<List<Comparison>> results, int skipped) {
    ObjectNode root = RouteJson.MAPPER.createObjectNode();
    root.put("skippedRows", skipped);
    ArrayNode arr = root.putArray("comparisons");
    for (List<Comparison> row : results) {
      for (Comparison c : row) {
        ObjectNode o = arr.addObject();
        o.put("origin", c.from());
        o.put("destination", c.to());
        o.put("scenario", c.scenario());
        o.set("base", c.base() == null ? null : RouteJson.route(n, c.base()).get("totals"));
        o.set("route", c.route() == null ? null : RouteJson.route(n, c.route()));
        o.put("noRoute", c.noRoute());
        ObjectNode d = o.putObject("delta");
        putNullable(d, "distanceKm", c.delta().km());
        putNullable(d, "durationDays", c.delta().days());
        putNullable(d, "costUsd", c.delta().usd());
        putNullable(d, "co2eKg", c.delta().kgCo2e());
        c.corridors().forEach(o.putArray("corridors")::add);
        c.countriesGained().forEach(o.putArray("countriesGained")::add);
        c.countriesLost().forEach(o.putArray("countriesLost")::add);
        c.crossingsGained().forEach(o.putArray("crossingsGained")::add);
        c.crossingsLost().forEach(o.putArray("crossingsLost")::add);
      }
    }
    return root;
  }

  private static void putNullable(ObjectNode o, String k, Double v) {
    if (v == null) {
      o.putNull(k);
    } else {
      o.put(k, Math.round(v * 100) / 100.0);
    }
  }
}
