package org.karvan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.NetworkService;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkSummary;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karvan network}: inspect, validate and export networks. */
@Command(
    name = "network",
    header = "Inspect, validate and export a network.",
    mixinStandardHelpOptions = true,
    description = "Inspect, validate and export a network.",
    subcommands = {
      NetworkCommand.Info.class,
      NetworkCommand.Validate.class,
      NetworkCommand.Export.class,
      NetworkMergeCommand.class
    })
final class NetworkCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static void printSummary(PrintWriter out, Network n) {
    printSummary(out, n, null);
  }

  /** The summary; {@code path} is the bundle's path for the validate hint (null: default). */
  static void printSummary(PrintWriter out, Network n, Path path) {
    NetworkSummary s = NetworkSummary.of(n);
    out.printf(
        Locale.ROOT,
        "Network   %s %s (as of %s, licence %s)%n",
        s.name(),
        s.version(),
        s.asOf(),
        s.licence());
    out.printf(
        Locale.ROOT,
        "Nodes     %d in %d countries: %s%n",
        s.nodes(),
        s.countries(),
        s.nodesByCountry().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "Links     %d%n", s.links());
    out.printf(
        Locale.ROOT,
        "  %-16s %11s %18s %8s %8s %6s%n",
        "mode",
        "operational",
        "under construction",
        "planned",
        "defunct",
        "total");
    for (Mode m : Mode.values()) {
      Map<LinkStatus, Integer> by = s.linksByMode().get(m);
      if (by == null) {
        continue;
      }
      int total = by.values().stream().mapToInt(Integer::intValue).sum();
      out.printf(
          Locale.ROOT,
          "  %-16s %11d %18d %8d %8d %6d%n",
          m,
          by.getOrDefault(LinkStatus.OPERATIONAL, 0),
          by.getOrDefault(LinkStatus.UNDER_CONSTRUCTION, 0),
          by.getOrDefault(LinkStatus.PLANNED, 0),
          by.getOrDefault(LinkStatus.DEFUNCT, 0),
          total);
    }
    out.printf(
        Locale.ROOT,
        "Border crossings  %d (%s)%n",
        s.crossings(),
        s.crossingsByStatus().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "  %-13s %-5s %-9s %-11s %8s %8s  %s%n",
        "id",
        "pair",
        "modes",
        "status",
        "a->b h",
        "b->a h",
        "name");
    for (var c : n.crossings()) {
      String status =
          c.status().name().toLowerCase(Locale.ROOT)
              + (c.openingYear() != null && c.status() != CrossingStatus.OPEN
                  ? " " + c.openingYear()
                  : "");
      out.printf(
          Locale.ROOT,
          "  %-13s %-5s %-9s %-11s %8s %8s  %s%n",
          c.id(),
          n.countryOf(c.nodeA()) + "-" + n.countryOf(c.nodeB()),
          c.modes().stream().sorted().map(Mode::name).collect(Collectors.joining("+")),
          status,
          BundleWriter.num(c.ab().meanH()),
          BundleWriter.num(c.ba().meanH()),
          c.name());
    }
    out.printf(
        Locale.ROOT,
        "Break-of-gauge points  %d: %s%n",
        s.breakOfGaugeNodes().size(),
        s.breakOfGaugeNodes().stream()
            .map(id -> n.getNode(id).name())
            .collect(Collectors.joining(", ")));
    out.printf(
        Locale.ROOT,
        "Terminals  %d capabilities; services  %d sea/ferry lines%n",
        s.terminals(),
        s.services());
    out.printf(
        Locale.ROOT,
        "Chokepoints  %d: %s%n",
        s.chokepoints().size(),
        String.join(", ", s.chokepoints()));
    out.printf(
        Locale.ROOT,
        "Sources  %d cited; %d rows carry estimated figures (see the 'estimated' columns)%n",
        s.sources(),
        s.estimatedRows());
    if (s.warnings() > 0) {
      out.printf(
          Locale.ROOT,
          "Warnings  %d (run 'karvan network validate%s' to list them)%n",
          s.warnings(),
          path == null ? "" : " " + path);
    }
  }

  @Command(
      name = "info",
      header = "Summarise a network.",
      mixinStandardHelpOptions = true,
      description =
          "Summarise a network: nodes, links by mode and status, crossings, breaks of gauge, chokepoints, sources.")
  static final class Info implements Runnable {
    @Mixin NetworkOption network;
    @Spec CommandSpec spec;

    @Override
    public void run() {
      printSummary(spec.commandLine().getOut(), network.load(), network.path);
    }
  }

  @Command(
      name = "validate",
      header = "Validate a network bundle (exit 2 with every problem).",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a network bundle. Prints the summary when it is valid, or every problem as",
        "file:line:column: field: message and exits with code 2."
      })
  static final class Validate implements java.util.concurrent.Callable<Integer> {
    @Parameters(
        paramLabel = "PATH",
        arity = "0..1",
        description = "Bundle directory or .zip file (default: the embedded default network).")
    Path path;

    @Option(names = "--quiet", description = "Print only problems, not the summary.")
    boolean quiet;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      NetworkService.Validated v = NetworkService.validate(path);
      Network n = v.network();
      PrintWriter out = spec.commandLine().getOut();
      for (Problem p : v.warnings()) {
        out.println(p);
      }
      out.println("valid: 0 errors, " + v.warnings().size() + " warning(s) in " + v.source());
      if (!quiet) {
        printSummary(out, n);
      }
      return ExitCodes.OK;
    }
  }

  enum Format {
    geojson,
    csv
  }

  @Command(
      name = "export",
      header = "Export a network as GeoJSON or a CSV bundle.",
      mixinStandardHelpOptions = true,
      description = {
        "Export a network as RFC 7946 GeoJSON (every attribute and source as properties)",
        "or as a CSV bundle (a directory)."
      })
  static final class Export implements Runnable {
    @Mixin NetworkOption network;

    @Option(
        names = "--format",
        required = true,
        paramLabel = "FORMAT",
        description = "geojson or csv")
    Format format;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "PATH",
        description =
            "Output file (geojson; default: standard output), or a directory or .zip (csv; required).")
    Path out;

    @Spec CommandSpec spec;

    @Option(
        names = "--force",
        description = "Overwrite a target that exists and is not empty (it is refused otherwise).")
    boolean force;

    @Override
    public void run() {
      Network n = network.load();
      Path wrote;
      try {
        wrote =
            NetworkService.export(
                n,
                format == Format.geojson
                    ? NetworkService.Format.GEOJSON
                    : NetworkService.Format.CSV,
                out,
                force,
                new java.io.FilterOutputStream(System.out) {
                  @Override
                  public void close() throws IOException {
                    flush();
                  }
                });
      } catch (InvalidRequestException e) {
        String m = e.errors().get(0).message();
        throw new UserException(
            "--out",
            m.replace(" without force", ""),
            "give --force to replace it, or another --out");
      }
      if (wrote == null) {
        System.out.println();
      } else {
        spec.commandLine()
            .getErr()
            .println((format == Format.csv ? "wrote bundle to " : "wrote ") + wrote);
      }
    }
  }
}
