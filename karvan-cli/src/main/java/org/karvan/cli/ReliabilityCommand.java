package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.karvan.core.assign.Freight;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.reliability.RouteModels;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.PathResult;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.Router;
import org.karvan.io.profile.ProfileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan reliability}: Monte Carlo transit time and cost over alternative routes. */
@Command(
    name = "reliability",
    header = "Monte Carlo reliability of transit time and cost.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Monte Carlo of door-to-door time and cost over border clearance (lognormal from mean and",
      "P90), waits for sailings (uniform over the headway, optional cancellations), sailing and",
      "terminal dwell: P50/P90/P95, on-time probability and the most reliable alternative."
    })
final class ReliabilityCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin NetworkOption network;

  @Option(names = "--from", required = true, paramLabel = "PLACE", description = "Origin.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "PLACE", description = "Destination.")
  String to;

  @Option(
      names = "--samples",
      paramLabel = "N",
      defaultValue = "100000",
      description = "Samples per route (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--deadline", paramLabel = "DAYS", description = "Deadline in days.")
  Double deadline;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--alternatives",
      paramLabel = "K",
      defaultValue = "3",
      description = "Routes compared (default: ${DEFAULT-VALUE}).")
  int alternatives;

  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description = "Cargo, as for route (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--cancel-prob",
      paramLabel = "P",
      defaultValue = "0",
      description = "Probability a sailing is cancelled (weather) (default: ${DEFAULT-VALUE}).")
  double cancel;

  @Option(
      names = "--sailing-cv",
      paramLabel = "CV",
      defaultValue = "0.1",
      description = "Coefficient of variation of sailing time (default: ${DEFAULT-VALUE}).")
  double sailingCv;

  @Option(
      names = "--dwell-cv",
      paramLabel = "CV",
      defaultValue = "0.5",
      description = "Coefficient of variation of terminal dwell (default: ${DEFAULT-VALUE}).")
  double dwellCv;

  @Override
  public Integer call() {
    List<String> bad = new ArrayList<>();
    if (samples < 1 || samples > 10_000_000) {
      bad.add("--samples must be between 1 and 10000000, got " + samples);
    }
    if (deadline != null && !(deadline > 0)) {
      bad.add("--deadline must be a positive number of days");
    }
    if (alternatives < 1 || alternatives > 10) {
      bad.add("--alternatives must be between 1 and 10");
    }
    if (!(cancel >= 0 && cancel < 1)) {
      bad.add("--cancel-prob must be in [0, 1)");
    }
    if (!(sailingCv >= 0) || !(dwellCv >= 0)) {
      bad.add("--sailing-cv and --dwell-cv must be >= 0");
    }
    if (!bad.isEmpty()) {
      throw new UserException(String.join("; ", bad));
    }
    Network net = network.load();
    Profile prof = ProfileReader.readDefault();
    Cargo c;
    try {
      c = Cargo.parse(cargo, prof);
    } catch (IllegalArgumentException e) {
      throw new UserException("--cargo: " + e.getMessage());
    }
    Places places = new Places(net);
    String a;
    String b;
    try {
      a = places.resolve(from).id();
    } catch (IllegalArgumentException e) {
      throw new UserException("--from: " + e.getMessage());
    }
    try {
      b = places.resolve(to).id();
    } catch (IllegalArgumentException e) {
      throw new UserException("--to: " + e.getMessage());
    }
    if (a.equals(b)) {
      throw new UserException("--from and --to name the same place (" + a + ")");
    }
    MultimodalGraph g = MultimodalGraph.compile(net, prof);
    Router router = new Router(g);
    Freight f = new Freight(g, Constraints.NONE);
    double[] time = router.weights(Objective.TIME, c).w();
    double[] usd = router.weights(Objective.COST, c).w();
    BitSet off = f.off();
    Dijkstra d = new Dijkstra(g.csr());
    double[] w = time.clone();
    List<int[]> paths = new ArrayList<>();
    for (int k = 0; k < 4 * alternatives + 4 && paths.size() < alternatives; k++) {
      PathResult p = d.route(g.hub(g.physIndex(a)), g.hub(g.physIndex(b)), w, off, g.hubs(), null);
      if (!p.isFound()) {
        break;
      }
      if (paths.stream().noneMatch(q -> Arrays.equals(q, p.edges()))) {
        paths.add(p.edges());
      }
      BitSet links = new BitSet();
      for (int e : p.edges()) {
        if (g.kind(e) == EdgeKind.MOVE) {
          links.set(g.ref(e));
        }
      }
      for (int e = 0; e < w.length; e++) {
        if (g.kind(e) == EdgeKind.MOVE && links.get(g.ref(e))) {
          w[e] *= 1.5;
        }
      }
    }
    if (paths.isEmpty()) {
      throw new UserException("no route from " + from + " to " + to + " on today's network");
    }
    RouteModels rm = new RouteModels(sailingCv, dwellCv, cancel);
    List<TransitSimulation.RouteModel> models = new ArrayList<>();
    for (int[] p : paths) {
      double cost = 0;
      for (int e : p) {
        cost += usd[e];
      }
      List<String> nodes = f.nodes(p);
      models.add(rm.of(g, String.join(" > ", nodes), p, cost));
    }
    double usdPerHour = prof.get("value_of_time.usd_per_teu_h") * c.teu();
    long t0 = System.nanoTime();
    List<TransitSimulation.Summary> res =
        TransitSimulation.run(
            models, samples, seed, deadline == null ? Double.NaN : deadline * 24, usdPerHour);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "%d route(s), %d samples each, seed %d (%d ms); time in days, cost in USD (freight +"
            + " value of time %.1f USD/h)%n",
        res.size(),
        samples,
        seed,
        ms,
        usdPerHour);
    int best = deadline == null ? -1 : TransitSimulation.best(res);
    for (int i = 0; i < res.size(); i++) {
      TransitSimulation.Summary s = res.get(i);
      o.printf(
          Locale.ROOT,
          "%nRoute %d%s: %s%n  mean %.2f  P50 %.2f  P90 %.2f  P95 %.2f days;"
              + "  cost P50 %.0f  P90 %.0f  P95 %.0f USD%s%n",
          i + 1,
          i == best ? " (most reliable)" : "",
          s.name(),
          s.meanH() / 24,
          s.p50H() / 24,
          s.p90H() / 24,
          s.p95H() / 24,
          s.p50Usd(),
          s.p90Usd(),
          s.p95Usd(),
          deadline == null
              ? ""
              : String.format(
                  Locale.ROOT, "; on time (<= %.1f days): %.1f %%", deadline, 100 * s.onTime()));
      for (var comp : models.get(i).components()) {
        if (!(comp instanceof org.karvan.core.reliability.Component.Fixed)) {
          o.printf(Locale.ROOT, "    %-40s mean %.1f h%n", comp.label(), comp.meanH());
        }
      }
    }
    return ExitCodes.OK;
  }
}
