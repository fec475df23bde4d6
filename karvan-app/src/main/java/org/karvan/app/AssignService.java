package org.karvan.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Freight;
import org.karvan.core.assign.FreightDemand;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.PathSizeLogit;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.PathResult;
import org.karvan.core.routing.PenaltyMethod;

/**
 * Use case: assign freight demand to the multimodal network (all-or-nothing, path-size logit over
 * penalty alternatives, or user equilibrium), and the loads, corridor shares, bottlenecks and
 * country figures that follow. See docs/analysis.md.
 */
public final class AssignService {
  /**
   * @param demand a demand CSV, or {@code null} for the built-in demand
   * @param method aon, logit, ue (= bfw), msa, fw, cfw or bfw
   */
  public record Request(
      Path demand,
      String method,
      double gap,
      int maxIter,
      int threads,
      String scenario,
      double theta,
      int alternatives) {}

  /** One OD row's share on one route. */
  public record OdRoute(
      String origin,
      String destination,
      double tonnes,
      Double usdPerTonne,
      String corridor,
      List<String> nodes) {}

  /** Volume against capacity of a link, border or terminal. */
  public record Bottleneck(String element, double tonnes, double capacityTpy) {
    public double vc() {
      return tonnes / capacityTpy;
    }
  }

  /** Equilibrium convergence (only for UE methods). */
  public record Convergence(int iterations, double gap, boolean converged, String csv) {}

  /**
   * The assignment's figures, on the network it ran on.
   *
   * @param countryTonnes tonnes entering or starting in each country
   * @param countryRevenueUsd freight revenue earned in each country ("sea" for sea moves)
   */
  public record Result(
      Network network,
      String scenario,
      String method,
      int demandRows,
      double totalTonnes,
      double unservedTonnes,
      Map<String, Double> corridorTonnes,
      List<OdRoute> odRoutes,
      List<Bottleneck> bottlenecks,
      Map<String, Double> linkTonnes,
      Map<String, Double> nodeTonnes,
      Map<String, Double> countryTonnes,
      Map<String, Double> countryRevenueUsd,
      Convergence convergence,
      List<String> demandProblems) {}

  /** A loaded demand and the freight model over the network it runs on. */
  record Setup(
      Network net, Freight f, List<FreightDemand> demand, String scenario, List<String> problems) {}

  private final Karvan k;

  AssignService(Karvan k) {
    this.k = k;
  }

  /** Parses a method name; {@code null} stands for logit. */
  static Method method(String m, Fields f) {
    String s = m == null ? "ue" : m.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "ue", "bfw" -> Method.BFW;
      case "aon" -> Method.AON;
      case "msa" -> Method.MSA;
      case "fw" -> Method.FW;
      case "cfw" -> Method.CFW;
      case "logit" -> null;
      default -> {
        f.error("method", "unknown value '" + m + "'; allowed: aon, logit, ue, msa, fw, cfw, bfw");
        yield Method.BFW;
      }
    };
  }

  static void threads(int threads, Fields f) {
    if (threads < 1 || threads > 64) {
      f.error("threads", threads + " is out of range; give 1 to 64");
    }
  }

  /** Loads demand and builds the freight model; problems in {@code f}. */
  Setup setup(Path demand, String scenario, Fields f) {
    Scenarios.Applied on = k.scenarios().applied(scenario, "scenario", f);
    f.throwIfAny();
    var d =
        demand == null
            ? org.karvan.io.demand.DemandReader.readDefault(on.network(), k.profile())
            : org.karvan.io.demand.DemandReader.read(demand, on.network(), k.profile());
    List<String> problems = new ArrayList<>();
    d.problems().sorted().forEach(p -> problems.add(p.toString()));
    if (d.skipped() > 0) {
      problems.add("skipped " + d.skipped() + " bad row(s); continuing with the rest");
    }
    if (d.rows().isEmpty()) {
      throw new InvalidRequestException(
          "demand", "no valid demand row" + (demand == null ? "" : " in " + demand) + problems);
    }
    Freight fr = new Freight(k.graph(), Constraints.NONE, on.view());
    return new Setup(on.network(), fr, d.rows(), on.name(), problems);
  }

  public Result assign(Request r, Consumer<Equilibrium.Iteration> progress) {
    Fields f = new Fields();
    Method m = method(r.method(), f);
    if (!(r.gap() > 0) || !(r.gap() < 1)) {
      f.error("gap", r.gap() + " is out of range; give a gap above 0 and below 1, e.g. 1e-4");
    }
    if (r.maxIter() < 1) {
      f.error("maxIter", r.maxIter() + " is out of range; give 1 or more");
    }
    threads(r.threads(), f);
    if (r.alternatives() < 1 || r.alternatives() > k.limits().maxAlternatives()) {
      f.error(
          "alternatives",
          r.alternatives() + " is out of range; give 1 to " + k.limits().maxAlternatives());
    }
    if (!(r.theta() >= 0)) {
      f.error("theta", r.theta() + " is out of range; give 0 or more");
    }
    f.throwIfAny();
    Setup s = setup(r.demand(), r.scenario(), f);
    Freight fr = s.f();
    MultimodalGraph g = fr.graph();
    int edges = g.csr().edgeCount();
    double[] flow = new double[edges];
    Map<String, Double> corridor = new LinkedHashMap<>();
    for (String c : Freight.CORRIDORS) {
      corridor.put(c, 0.0);
    }
    List<OdRoute> odRows = new ArrayList<>();
    double unserved = 0;
    Convergence conv = null;
    Dijkstra d = new Dijkstra(g.csr());
    if (m == Method.AON || m == null) {
      BitSet off = fr.off();
      for (FreightDemand fd : s.demand()) {
        double[] w = fr.weights(fd);
        int src = g.hub(g.physIndex(fd.origin()));
        int dst = g.hub(g.physIndex(fd.destination()));
        List<int[]> paths =
            m == null
                ? PenaltyMethod.paths(g, d, src, dst, w, off, r.alternatives(), 1.5)
                : PenaltyMethod.paths(g, d, src, dst, w, off, 1, 1);
        if (paths.isEmpty()) {
          unserved += fd.tonnesPerYear();
          odRows.add(
              new OdRoute(
                  fd.origin(), fd.destination(), fd.tonnesPerYear(), null, "NONE", List.of()));
          continue;
        }
        List<PathSizeLogit.Alternative> alts = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        for (int[] p : paths) {
          double cst = 0;
          List<String> els = new ArrayList<>();
          List<Double> len = new ArrayList<>();
          for (int e : p) {
            cst += w[e];
            if (g.kind(e) == EdgeKind.MOVE) {
              els.add(g.link(e).id());
              len.add(g.link(e).lengthKm());
            }
          }
          min = Math.min(min, cst);
          alts.add(
              new PathSizeLogit.Alternative(
                  cst, els, len.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        double[] share = PathSizeLogit.shares(alts, min > 0 ? r.theta() / min : 0);
        for (int i = 0; i < paths.size(); i++) {
          double t = fd.tonnesPerYear() * share[i];
          for (int e : paths.get(i)) {
            flow[e] += t;
          }
          String cor = fr.corridor(paths.get(i));
          corridor.merge(cor, t, Double::sum);
          odRows.add(
              new OdRoute(
                  fd.origin(),
                  fd.destination(),
                  t,
                  alts.get(i).cost(),
                  cor,
                  fr.nodes(paths.get(i))));
        }
      }
    } else {
      Freight.Model model = fr.model(s.demand());
      Equilibrium.Result er =
          Equilibrium.solve(
              model.network(),
              model.demand(),
              new Equilibrium.Settings(m, r.gap(), r.maxIter(), r.threads()),
              progress == null ? it -> {} : progress);
      conv = new Convergence(er.iterations().size(), er.gap(), er.converged(), er.convergenceCsv());
      double[] cost = new double[edges];
      Arrays.fill(cost, Double.POSITIVE_INFINITY);
      for (int e = 0; e < model.network().edgeCount(); e++) {
        flow[model.edgeOf()[e]] = er.flows()[e];
        cost[model.edgeOf()[e]] = er.costs()[e];
      }
      // Corridor shares: each OD on its shortest route at equilibrium costs (an approximation:
      // UE may split an OD over several routes).
      for (FreightDemand fd : s.demand()) {
        PathResult pr =
            d.route(
                g.hub(g.physIndex(fd.origin())),
                g.hub(g.physIndex(fd.destination())),
                cost,
                null,
                g.hubs(),
                null);
        if (!pr.isFound()) {
          unserved += fd.tonnesPerYear();
          continue;
        }
        String cor = fr.corridor(pr.edges());
        corridor.merge(cor, fd.tonnesPerYear(), Double::sum);
        odRows.add(
            new OdRoute(
                fd.origin(),
                fd.destination(),
                fd.tonnesPerYear(),
                pr.weight(),
                cor,
                fr.nodes(pr.edges())));
      }
    }
    return loads(s, r, m, flow, corridor, odRows, unserved, conv);
  }

  private Result loads(
      Setup s,
      Request r,
      Method m,
      double[] flow,
      Map<String, Double> corridor,
      List<OdRoute> odRows,
      double unserved,
      Convergence conv) {
    MultimodalGraph g = s.f().graph();
    Network net = s.net();
    Map<String, Double> linkT = new LinkedHashMap<>();
    Map<String, Double> crossingT = new TreeMap<>();
    Map<String, Double> terminalT = new TreeMap<>();
    Map<String, Double> nodeT = new TreeMap<>();
    Map<String, Double> countryT = new TreeMap<>();
    // Freight revenue earned in each country (USD/yr): tonnes on each edge times its USD per tonne
    // for a reference 40-foot container, booked to the country where the edge lies (the tail node
    // of a land move, the node of a transfer or loading); sea moves are booked to "sea".
    Map<String, Double> countryUsd = new TreeMap<>();
    Cargo ref = Cargo.parse("1x40ft", s.f().profile());
    for (int e = 0; e < flow.length; e++) {
      double x = flow[e];
      if (x <= 0) {
        continue;
      }
      var ec = s.f().cost(e);
      double usdPerT = ref.usd(ec) / ref.tonnes();
      String tail = g.physNode(g.physOf(g.csr().tail(e))).id();
      String where =
          g.kind(e) == EdgeKind.MOVE && g.link(e).mode().isWater() ? "sea" : net.countryOf(tail);
      if (where != null && usdPerT > 0) {
        countryUsd.merge(where, x * usdPerT, Double::sum);
      }
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = g.link(e);
        linkT.merge(l.id(), x, Double::sum);
        if (l.borderCrossing() != null) {
          crossingT.merge(l.borderCrossing(), x, Double::sum);
        }
        String to = g.physNode(g.physOf(g.csr().head(e))).id();
        nodeT.merge(to, x, Double::sum);
        String ct = net.countryOf(to);
        String cf = net.countryOf(tail);
        if (ct != null && !ct.equals(cf)) {
          countryT.merge(ct, x, Double::sum);
        }
      } else if (g.kind(e) == EdgeKind.TRANSFER) {
        terminalT.merge(g.terminal(e).id(), x, Double::sum);
      } else if (g.kind(e) == EdgeKind.LOAD) {
        nodeT.merge(tail, x, Double::sum);
        String ct = net.countryOf(tail);
        if (ct != null) {
          countryT.merge(ct, x, Double::sum);
        }
      }
    }
    double total = s.demand().stream().mapToDouble(FreightDemand::tonnesPerYear).sum();
    List<Bottleneck> vc = new ArrayList<>();
    double tPerVeh =
        g.profile().get("cargo.tonnes_per_teu") * g.profile().get("cargo.teu_per_vehicle");
    for (Link l : net.links()) {
      if (l.capacityTpy() != null && l.capacityTpy() > 0) {
        vc.add(new Bottleneck("link " + l.id(), linkT.getOrDefault(l.id(), 0.0), l.capacityTpy()));
      }
    }
    for (var b : net.crossings()) {
      if (b.capacityPerDay() != null && b.capacityPerDay() > 0) {
        vc.add(
            new Bottleneck(
                "border " + b.id(),
                crossingT.getOrDefault(b.id(), 0.0),
                b.capacityPerDay() * 365 * tPerVeh));
      }
    }
    for (var t : net.terminals()) {
      if (t.capacityTpy() != null && t.capacityTpy() > 0) {
        vc.add(
            new Bottleneck(
                "terminal " + t.id(), terminalT.getOrDefault(t.id(), 0.0), t.capacityTpy()));
      }
    }
    vc.sort((a, b) -> Double.compare(b.vc(), a.vc()));
    return new Result(
        net,
        s.scenario(),
        m == null ? "logit" : m.name().toLowerCase(Locale.ROOT),
        s.demand().size(),
        total,
        unserved,
        corridor,
        odRows,
        vc,
        linkT,
        nodeT,
        countryT,
        countryUsd,
        conv,
        s.problems());
  }
}
