package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.karvan.app.CriticalityService;
import org.karvan.app.Karvan;
import org.karvan.app.ResultCsv;
import org.karvan.app.ResultJson;
import org.karvan.app.TntpService;
import org.karvan.core.assign.Criticality;
import org.karvan.io.profile.ProfileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan criticality}: close each element in turn and re-route the demand. */
@Command(
    name = "criticality",
    header = "Rank links, crossings, terminals and ferries by the cost of losing them.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Close each link, border crossing, terminal or ferry in turn (an overlay on the unchanged",
      "network) and re-route the demand that used it: unserved tonnes, extra cost, time and km,",
      "tonnes affected and the new main route, ranked. See docs/analysis.md."
    })
final class CriticalityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(names = "--demand", paramLabel = "FILE", description = "Demand CSV (default: built-in).")
  Path demand;

  @Option(
      names = "--elements",
      paramLabel = "TYPES",
      split = ",",
      defaultValue = "all",
      description = "links, borders, terminals, ferries or all (default: ${DEFAULT-VALUE}).")
  List<String> elements;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows shown (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Threads.")
  int threads;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Under a scenario: a built-in name or a scenario file.")
  String scenario;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table, json (as /api/criticality) or xlsx (--out FILE.xlsx) (default:"
              + " ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "DIR", description = "Write CSV, JSON and GeoJSON here.")
  Path out;

  @Option(
      names = "--tntp",
      paramLabel = "DIR",
      description =
          "A TNTP network directory instead: close each link in turn and re-route its trips at"
              + " free-flow cost.")
  Path tntp;

  @Override
  public Integer call() {
    Set<String> types = new LinkedHashSet<>();
    for (String e : elements) {
      String t = e.trim().toLowerCase(Locale.ROOT);
      if (!Set.of("links", "borders", "terminals", "ferries", "all").contains(t)) {
        throw new UserException(
            "--elements",
            "unknown value '" + e + "'",
            "allowed: links, borders, terminals, ferries, all");
      }
      types.add(t);
    }
    if (top < 1) {
      throw new UserException("--top", top + " is out of range", "give 1 or more");
    }
    if (threads < 1 || threads > 64) {
      throw new UserException("--threads", threads + " is out of range", "give 1 to 64");
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    if (tntp != null) {
      if (demand != null || network.path != null) {
        throw new UserException(
            "--tntp", "cannot be combined with --demand or --network", "give one of them");
      }
      return tntp(err, o);
    }
    Karvan k = Cli.open(network, ProfileReader.readDefault());
    CriticalityService.Result cr =
        k.criticality()
            .run(
                new CriticalityService.Request(demand, elements, threads, scenario),
                total -> progress(err, total, "elements"));
    cr.demandProblems().forEach(x -> err.println("karvan: " + x));
    if (format.equalsIgnoreCase("json")) {
      Cli.printJson(o, ResultJson.criticality(cr));
      return ExitCodes.OK;
    }
    if (format.equalsIgnoreCase("xlsx")) {
      Cli.writeXlsx(out, org.karvan.app.ResultTables.criticality(cr), err);
      return ExitCodes.OK;
    }
    int n = cr.rows().size();
    List<Criticality.Impact> res = cr.rows().stream().map(CriticalityService.Row::impact).toList();
    o.printf(Locale.ROOT, "%d elements closed in turn; demand %d OD rows%n", n, cr.demandRows());
    o.printf(
        Locale.ROOT,
        "%-4s %-9s %-16s %12s %12s %14s %9s %9s  %s%n",
        "rank",
        "type",
        "id",
        "affected_t",
        "unserved_t",
        "extra_usd",
        "extra_h",
        "extra_km",
        "new main route");
    StringBuilder csv = new StringBuilder(String.join(",", ResultCsv.CRITICALITY) + "\n");
    StringBuilder json = new StringBuilder("[\n");
    for (int i = 0; i < res.size(); i++) {
      Criticality.Impact im = res.get(i);
      List<String> nodes = cr.rows().get(i).newMainRoute();
      String route =
          nodes == null ? (im.tonnesAffected() > 0 ? "none" : "") : String.join(" > ", nodes);
      if (i < top) {
        o.printf(
            Locale.ROOT,
            "%-4d %-9s %-16s %12.0f %12.0f %14.0f %9.1f %9.0f  %s%n",
            i + 1,
            im.element().type(),
            im.element().id(),
            im.tonnesAffected(),
            im.unservedTonnes(),
            im.extraCost(),
            im.extraHours(),
            im.extraKm(),
            route);
      }
      List<String> cells = ResultCsv.criticality(i + 1, im, nodes);
      csv.append(String.join(",", cells.subList(0, 9)))
          .append(",\"")
          .append(cells.get(9))
          .append("\"\n");
      json.append(
          String.format(
              Locale.ROOT,
              "  {\"rank\":%d,\"type\":\"%s\",\"id\":\"%s\",\"tonnes_affected\":%.1f,"
                  + "\"unserved_tonnes\":%.1f,\"extra_cost_usd\":%.1f,\"extra_hours\":%.3f,"
                  + "\"extra_km\":%.3f,\"main_od\":\"%s\",\"new_main_route\":\"%s\"}%s%n",
              i + 1,
              im.element().type(),
              im.element().id(),
              im.tonnesAffected(),
              im.unservedTonnes(),
              im.extraCost(),
              im.extraHours(),
              im.extraKm(),
              im.mainOd(),
              route,
              i + 1 < res.size() ? "," : ""));
    }
    json.append("]\n");
    if (out != null) {
      AssignCommand.write(out.resolve("criticality.csv"), csv.toString());
      AssignCommand.write(out.resolve("criticality.json"), json.toString());
      java.util.Map<String, Double> score = new java.util.HashMap<>();
      for (Criticality.Impact im : res) {
        if (im.element().type().equals("link") || im.element().type().equals("ferry")) {
          score.put(im.element().id(), im.extraCost() + 1e6 * im.unservedTonnes());
        }
      }
      AssignCommand.write(
          out.resolve("criticality.geojson"),
          MultimodalAssign.geojson(cr.network(), score).replace("\"tonnes\"", "\"criticality\""));
      o.println("wrote criticality.csv, criticality.json, criticality.geojson to " + out);
    }
    return ExitCodes.OK;
  }

  /** Criticality of every link of a TNTP network, re-routing at free-flow cost. */
  private int tntp(PrintWriter err, PrintWriter o) {
    TntpService.Critical c = TntpService.criticality(tntp, threads, n -> progress(err, n, "links"));
    c.loaded().problems().forEach(x -> err.println("karvan: " + x));
    List<Criticality.Impact> res = c.impacts();
    int n = res.size();
    o.printf(
        Locale.ROOT,
        "%s: %d links closed in turn; %d OD pairs, re-routed at free-flow cost%n",
        c.loaded().instance().name(),
        n,
        c.odPairs());
    o.printf(
        Locale.ROOT,
        "%-4s %-12s %14s %14s %16s%n",
        "rank",
        "link",
        "trips_affected",
        "unserved",
        "extra_cost");
    StringBuilder csv =
        new StringBuilder(
            "rank,link,trips_affected,unserved_trips,extra_cost,extra_cost_per_trip\n");
    for (int i = 0; i < res.size(); i++) {
      Criticality.Impact im = res.get(i);
      if (i < top) {
        o.printf(
            Locale.ROOT,
            "%-4d %-12s %14.1f %14.1f %16.1f%n",
            i + 1,
            im.element().id(),
            im.tonnesAffected(),
            im.unservedTonnes(),
            im.extraCost());
      }
      csv.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%.3f,%.3f,%.3f,%.6f%n",
              i + 1,
              im.element().id(),
              im.tonnesAffected(),
              im.unservedTonnes(),
              im.extraCost(),
              im.tonnesAffected() > im.unservedTonnes()
                  ? im.extraCost() / (im.tonnesAffected() - im.unservedTonnes())
                  : 0));
    }
    if (out != null) {
      AssignCommand.write(out.resolve("criticality.csv"), csv.toString());
      err.println("wrote criticality.csv to " + out);
    }
    return ExitCodes.OK;
  }

  /** Prints progress every tenth of {@code n} elements on standard error. */
  private static java.util.function.IntConsumer progress(PrintWriter err, int n, String what) {
    return k -> {
      if (k % Math.max(1, n / 10) == 0 || k == n) {
        err.printf(Locale.ROOT, "karvan: %d / %d %s%n", k, n, what);
        err.flush();
      }
    };
  }
}
