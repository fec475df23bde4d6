package org.karvan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.app.TntpService;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.validate.Problem;
import org.karvan.io.tntp.TntpReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan assign}: OD demand assignment on the multimodal network or a TNTP network. */
@Command(
    name = "assign",
    header = "Assign OD demand: all-or-nothing, logit or user equilibrium.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Assign OD demand to the network: all-or-nothing, path-size logit over alternatives, or user",
      "equilibrium with volume-delay functions (bi-conjugate Frank-Wolfe). Works on the multimodal",
      "network (--demand) or on a standard TNTP test network (--tntp). See docs/analysis.md."
    },
    footer = {
      "",
      "Examples:",
      "  karvan assign --demand od.csv --method ue --out results/",
      "  karvan assign --tntp ../shared/tntp/SiouxFalls --method ue --gap 1e-6 --out sf/"
    })
final class AssignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(
      names = "--demand",
      paramLabel = "FILE",
      description =
          "Demand CSV: origin,destination,cargo,annual_volume,unit[,value_of_time]. Default: the"
              + " built-in demand (with --network unset).")
  Path demand;

  @Option(
      names = "--tntp",
      paramLabel = "DIR",
      description = "A TNTP network directory (_net.tntp, _trips.tntp, optional _flow.tntp).")
  Path tntp;

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "ue",
      description =
          "aon, logit (multimodal only), ue (= bfw), msa, fw, cfw or bfw (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--gap",
      paramLabel = "G",
      defaultValue = "1e-4",
      description = "Target relative gap, in (0, 1) (default: ${DEFAULT-VALUE}).")
  double gap;

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Iteration limit (default: ${DEFAULT-VALUE}).")
  int maxIter;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Threads for shortest-path loadings (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--scenario",
      paramLabel = "S",
      description =
          "Assign under a scenario: a built-in name (karvan scenario list) or a scenario file.")
  String scenario;

  @Option(
      names = "--theta",
      paramLabel = "T",
      defaultValue = "5",
      description =
          "Logit dispersion per unit of relative cost (cost / cheapest route cost)"
              + " (default: ${DEFAULT-VALUE}).")
  double theta;

  @Option(
      names = "--alternatives",
      paramLabel = "K",
      defaultValue = "3",
      description = "Routes per OD pair for logit (default: ${DEFAULT-VALUE}).")
  int alternatives;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table, json (as /api/assign) or xlsx (--out FILE.xlsx); multimodal only (default:"
              + " ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write CSV and GeoJSON results into this directory (with --format xlsx: the workbook).")
  Path out;

  @Override
  public Integer call() {
    if (tntp != null && demand != null) {
      throw new UserException("--tntp", "cannot be combined with --demand", "give one of them");
    }
    if (scenario != null && tntp != null) {
      throw new UserException(
          "--scenario",
          "applies to a Karvan network, not to a TNTP network",
          "drop --scenario or --tntp");
    }
    if (tntp != null) {
      return tntp();
    }
    return MultimodalAssign.run(this);
  }

  private int tntp() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter o = spec.commandLine().getOut();
    Progress bar = new Progress(err, gap);
    TntpService.Assigned a = TntpService.assign(tntp, method, gap, maxIter, threads, bar::update);
    bar.done();
    TntpReader.Instance in = a.loaded().instance();
    AssignmentNetwork net = a.loaded().network();
    OdMatrix od = a.loaded().demand();
    a.loaded().problems().forEach(x -> err.println("karvan: " + x));
    err.printf(
        Locale.ROOT,
        "karvan: %s: %d nodes, %d links, %d zones, %d OD pairs, total demand %.6g%n",
        in.name(),
        in.net().nodes(),
        net.edgeCount(),
        net.zoneCount(),
        od.pairCount(),
        od.total());
    Equilibrium.Result r = a.result();
    Method m = a.method();
    o.printf(
        Locale.ROOT,
        "%s %s: %d iterations, relative gap %.3e (%s), Beckmann objective %.10g, %.2f s%n",
        in.name(),
        m.name().toLowerCase(Locale.ROOT),
        r.iterations().size(),
        r.gap(),
        r.converged() ? "target " + gap + " reached" : "target " + gap + " NOT reached",
        r.objective(),
        r.millis() / 1000.0);
    if (r.unreachable() > 0) {
      o.printf(
          Locale.ROOT, "warning: %.6g trips have no path and were not loaded%n", r.unreachable());
    }
    if (a.best() != null) {
      TntpService.BestKnown b = a.best();
      o.printf(
          Locale.ROOT,
          "best-known flows (%s): objective %.10g (ours %+.3e relative); max |flow difference|"
              + " %.4g (%.2e of the largest flow)%n",
          b.file(),
          b.objective(),
          (r.objective() - b.objective()) / b.objective(),
          b.maxFlowDiff(),
          b.maxFlow() > 0 ? b.maxFlowDiff() / b.maxFlow() : 0);
    }
    if (out != null) {
      StringBuilder sb = new StringBuilder("from,to,flow,cost\n");
      for (int i = 0; i < net.edgeCount(); i++) {
        int e = net.csrOf(i);
        TntpReader.Link l = in.net().links().get(i);
        sb.append(
            String.format(
                Locale.ROOT, "%d,%d,%.10g,%.10g%n", l.from(), l.to(), r.flows()[e], r.costs()[e]));
      }
      write(out.resolve("flows.csv"), sb.toString());
      write(out.resolve("convergence.csv"), r.convergenceCsv());
      o.println("wrote " + out.resolve("flows.csv") + " and " + out.resolve("convergence.csv"));
    }
    return ExitCodes.OK;
  }

  static void report(PrintWriter err, java.util.List<Problem> problems, int skipped) {
    for (Problem p : problems) {
      err.println("karvan: " + p);
    }
    if (skipped > 0) {
      err.println("karvan: skipped " + skipped + " bad row(s); continuing with the rest");
    }
  }

  static void write(Path file, String text) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(
          "--out",
          "cannot write " + file + ": " + e.getMessage(),
          "check the folder exists and is writable");
    }
  }

  /** Progress on stderr: a bar in a terminal, a line every 10 % otherwise. */
  static final class Progress {
    private final PrintWriter err;
    private final double target;
    private final boolean tty = System.console() != null;
    private int lastShown = -1;

    Progress(PrintWriter err, double target) {
      this.err = err;
      this.target = target;
    }

    /** Progress towards the target gap on a log scale, from a gap of 1. */
    void update(Equilibrium.Iteration it) {
      double g = it.gap();
      if (!(g > 0) || Double.isNaN(g)) {
        return;
      }
      int pct = (int) Math.max(0, Math.min(100, 100 * Math.log10(g) / Math.log10(target)));
      if (tty) {
        int w = pct * 30 / 100;
        err.printf(
            Locale.ROOT,
            "\r[%s%s] iteration %d, gap %.2e ",
            "#".repeat(w),
            " ".repeat(30 - w),
            it.iteration(),
            g);
        err.flush();
      } else if (pct / 10 > lastShown / 10 || it.iteration() % 100 == 0) {
        err.printf(Locale.ROOT, "karvan: iteration %d, gap %.2e%n", it.iteration(), g);
        lastShown = pct;
      }
    }

    void done() {
      if (tty) {
        err.println();
      }
    }
  }
}
