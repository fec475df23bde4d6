package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.Router;
import org.karvan.io.csv.CsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan matrix}: one-to-many and many-to-many matrices of the optimised quantity. */
@Command(
    name = "matrix",
    header = "One-to-many and many-to-many matrices of time, cost or CO2e.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Matrix of the optimised quantity (hours, USD, kg CO2e or generalized USD) from each origin",
      "to each destination; empty where no route exists. Rows run in parallel."
    },
    footer = {
      "",
      "Example:",
      "  karvan matrix --from \"Nhava Sheva,Mundra,Chabahar\" --to Moscow,Baku,Almaty --optimize cost"
    })
final class MatrixCommand implements Callable<Integer> {
  /** Largest matrix the command computes (origins × destinations). */
  static final int MAX_CELLS = 1_000_000;

  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(
      names = "--from",
      required = true,
      split = ",",
      paramLabel = "PLACES",
      description = "Origins, comma-separated ('all' = every node).")
  List<String> from = new ArrayList<>();

  @Option(
      names = "--to",
      required = true,
      split = ",",
      paramLabel = "PLACES",
      description = "Destinations, comma-separated ('all' = every node).")
  List<String> to = new ArrayList<>();

  @Mixin RequestOptions opts;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or csv (default: ${DEFAULT-VALUE}).")
  String format;

  enum Format {
    TABLE,
    CSV
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    Objective o = opts.objective();
    if (!opts.conflicts().isEmpty()) {
      throw new UserException(String.join("; ", opts.conflicts()));
    }
    Network net = network.load();
    Profile prof = opts.profile();
    Cargo c = opts.cargo(prof);
    Places places = new Places(net);
    List<String> errors = new ArrayList<>();
    List<String> a = ids(net, places, from, "--from", errors);
    List<String> b = ids(net, places, to, "--to", errors);
    Constraints cons = opts.constraints(places, errors);
    if (!errors.isEmpty()) {
      throw new UserException(String.join("\nkarvan: ", errors));
    }
    if ((long) a.size() * b.size() > MAX_CELLS) {
      throw new UserException(
          "matrix of " + a.size() + " x " + b.size() + " cells is over the limit of " + MAX_CELLS);
    }
    double[][] m = new Router(MultimodalGraph.compile(net, prof)).matrix(a, b, o, c, cons);
    String unit =
        switch (o) {
          case TIME -> "hours";
          case COST, GENERALIZED -> "USD";
          case CO2 -> "kg CO2e";
        };
    PrintWriter out = spec.commandLine().getOut();
    if (fmt == Format.CSV) {
      CsvWriter w = new CsvWriter();
      w.row(
          List.of(
              "origin",
              "destination",
              o.name().toLowerCase(Locale.ROOT) + "_" + unit.replace(' ', '_')));
      for (int i = 0; i < a.size(); i++) {
        for (int j = 0; j < b.size(); j++) {
          w.row(
              List.of(
                  a.get(i),
                  b.get(j),
                  Double.isInfinite(m[i][j]) ? "" : String.format(Locale.ROOT, "%.3f", m[i][j])));
        }
      }
      out.print(w);
    } else {
      out.printf(
          Locale.ROOT, "%s (%s), cargo %s%n", o.name().toLowerCase(Locale.ROOT), unit, c.label());
      out.printf(Locale.ROOT, "%-24s", "from \\ to");
      b.forEach(id -> out.printf(Locale.ROOT, " %10s", id));
      out.println();
      for (int i = 0; i < a.size(); i++) {
        String name = net.getNode(a.get(i)).name();
        out.printf(Locale.ROOT, "%-24s", name.length() > 24 ? name.substring(0, 23) + "…" : name);
        for (int j = 0; j < b.size(); j++) {
          out.printf(
              Locale.ROOT,
              " %10s",
              Double.isInfinite(m[i][j]) ? "-" : String.format(Locale.ROOT, "%.0f", m[i][j]));
        }
        out.println();
      }
    }
    return ExitCodes.OK;
  }

  private static List<String> ids(
      Network net, Places places, List<String> names, String option, List<String> errors) {
    if (names.size() == 1 && names.get(0).equalsIgnoreCase("all")) {
      return net.nodes().stream().map(n -> n.id()).toList();
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(RequestOptions.resolve(places, n, option, errors));
    }
    return out;
  }
}
