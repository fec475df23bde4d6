package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.Karvan;
import org.karvan.app.MatrixService;
import org.karvan.app.ResultCsv;
import org.karvan.app.ResultJson;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Objective;
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
      description = "table, csv, json or xlsx (with --out) (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "With --format xlsx: the workbook to write.")
  java.nio.file.Path outFile;

  @Option(
      names = "--scenario",
      paramLabel = "NAME|FILE",
      description = "Matrix under a scenario: a built-in name or a scenario file.")
  String scenario;

  enum Format {
    TABLE,
    CSV,
    JSON,
    XLSX
  }

  @Override
  public Integer call() {
    Format fmt = RequestOptions.parseEnum(Format.class, format, "--format");
    Karvan k = Cli.open(network, opts.profile());
    MatrixService.Result res =
        k.matrices()
            .matrix(
                new MatrixService.Request(
                    from, to, opts.spec(null, null, List.of(), scenario).build()));
    Objective o = res.objective();
    Cargo c = res.cargo();
    List<String> a = res.from();
    List<String> b = res.to();
    double[][] m = res.values();
    Network net = res.network();
    String unit = res.unit();
    PrintWriter out = spec.commandLine().getOut();
    if (fmt == Format.XLSX) {
      Cli.writeXlsx(outFile, org.karvan.app.ResultTables.matrix(res), spec.commandLine().getErr());
    } else if (fmt == Format.JSON) {
      Cli.printJson(out, ResultJson.matrix(res));
    } else if (fmt == Format.CSV) {
      CsvWriter w = new CsvWriter();
      w.row(ResultCsv.matrix(o));
      for (int i = 0; i < a.size(); i++) {
        for (int j = 0; j < b.size(); j++) {
          w.row(ResultCsv.matrix(a.get(i), b.get(j), m[i][j]));
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
}
