package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Freight;
import org.karvan.core.assign.FreightDemand;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.PathSizeLogit;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.PathResult;
import org.karvan.io.demand.DemandReader;
import org.karvan.io.profile.ProfileReader;

/** Multimodal assignment of freight demand (the {@code --demand} side of {@code karvan assign}). */
final class MultimodalAssign {
  private MultimodalAssign() {}

  /** Loads the network, profile and demand (reporting and skipping bad rows). */
  record Setup(Network net, MultimodalGraph g, Freight f, List<FreightDemand> demand) {}

  static Setup setup(NetworkOption network, Path demandFile, PrintWriter err) {
    return setup(network, demandFile, null, err);
  }

  /** With a scenario (built-in name or file), or {@code null} for the base network. */
  static Setup setup(NetworkOption network, Path demandFile, String scenario, PrintWriter err) {
    Network net = network.load();
    Profile prof = ProfileReader.readDefault();
    DemandReader.Result d =
        demandFile == null
            ? DemandReader.readDefault(net, prof)
            : DemandReader.read(demandFile, net, prof);
    AssignCommand.report(err, d.problems().sorted(), d.skipped());
    if (d.rows().isEmpty()) {
      throw new UserException(
          "no valid demand row" + (demandFile == null ? "" : " in " + demandFile));
    }
    MultimodalGraph g = MultimodalGraph.compile(net, prof);
    org.karvan.core.scenario.ScenarioView view =
        scenario == null
            ? null
            : org.karvan.core.scenario.ScenarioView.apply(
                net,
                prof,
                org.karvan.io.scenario.BuiltInScenarios.chain(
                    org.karvan.io.scenario.BuiltInScenarios.resolve(scenario, "--scenario")));
    Freight f = new Freight(g, Constraints.NONE, view);
    return new Setup(net, f.graph(), f, d.rows());
  }

  static int run(AssignCommand c, Method m) {
    PrintWriter err = c.spec.commandLine().getErr();
    PrintWriter out = c.spec.commandLine().getOut();
    Setup s = setup(c.network, c.demand, c.scenario, err);
    Freight f = s.f();
    MultimodalGraph g = s.g();
    int edges = g.csr().edgeCount();
    double[] flow = new double[edges];
    Map<String, Double> corridor = new LinkedHashMap<>();
    for (String k : Freight.CORRIDORS) {
      corridor.put(k, 0.0);
    }
    List<String[]> odRows = new ArrayList<>();
    double unserved = 0;
    String conv = null;
    Map<String, double[]> resourceLoad = new TreeMap<>();
    double[] cost;
    if (m == Method.AON || m == null) {
      Dijkstra d = new Dijkstra(g.csr());
      BitSet off = f.off();
      for (FreightDemand fd : s.demand()) {
        double[] w = f.weights(fd);
        int src = g.hub(g.physIndex(fd.origin()));
        int dst = g.hub(g.physIndex(fd.destination()));
        List<int[]> paths = new ArrayList<>();
        List<PathSizeLogit.Alternative> alts = new ArrayList<>();
        if (m == null) {
          double[] pw = w.clone();
          for (int k = 0; k < 4 * c.alternatives && paths.size() < c.alternatives; k++) {
            PathResult p = d.route(src, dst, pw, off, g.hubs(), null);
            if (!p.isFound()) {
              break;
            }
            boolean dup = paths.stream().anyMatch(q -> java.util.Arrays.equals(q, p.edges()));
            if (!dup) {
              paths.add(p.edges());
            }
            for (int e : p.edges()) {
              if (g.kind(e) == EdgeKind.MOVE) {
                int ref = g.ref(e);
                for (int x = 0; x < edges; x++) {
                  if (g.kind(x) == EdgeKind.MOVE && g.ref(x) == ref) {
                    pw[x] *= 1.5;
                  }
                }
              }
            }
          }
        } else {
          PathResult p = d.route(src, dst, w, off, g.hubs(), null);
          if (p.isFound()) {
            paths.add(p.edges());
          }
        }
        if (paths.isEmpty()) {
          unserved += fd.tonnesPerYear();
          odRows.add(
              new String[] {
                fd.origin(), fd.destination(), num(fd.tonnesPerYear()), "", "NONE", "no route"
              });
          continue;
        }
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
        double[] share = PathSizeLogit.shares(alts, min > 0 ? c.theta / min : 0);
        for (int i = 0; i < paths.size(); i++) {
          double t = fd.tonnesPerYear() * share[i];
          for (int e : paths.get(i)) {
            flow[e] += t;
          }
          String cor = f.corridor(paths.get(i));
          corridor.merge(cor, t, Double::sum);
          odRows.add(
              new String[] {
                fd.origin(),
                fd.destination(),
                num(t),
                String.format(Locale.ROOT, "%.2f", alts.get(i).cost()),
                cor,
                String.join(" > ", f.nodes(paths.get(i)))
              });
        }
      }
      cost = new double[edges];
    } else {
      Freight.Model model = f.model(s.demand());
      Progress p = new Progress(err, c.gap);
      Equilibrium.Result r =
          Equilibrium.solve(
              model.network(),
              model.demand(),
              new Equilibrium.Settings(m, c.gap, c.maxIter, c.threads),
              p::update);
      p.done();
      conv = r.convergenceCsv();
      out.printf(
          Locale.ROOT,
          "user equilibrium (%s): %d iterations, relative gap %.3e (%s)%n",
          m.name().toLowerCase(Locale.ROOT),
          r.iterations().size(),
          r.gap(),
          r.converged() ? "converged" : "target NOT reached");
      cost = new double[edges];
      java.util.Arrays.fill(cost, Double.POSITIVE_INFINITY);
      for (int e = 0; e < model.network().edgeCount(); e++) {
        flow[model.edgeOf()[e]] = r.flows()[e];
        cost[model.edgeOf()[e]] = r.costs()[e];
      }
      double[] vol = model.network().resourceVolumes(r.flows());
      for (int i = 0; i < model.resources().size(); i++) {
        Freight.Resource res = model.resources().get(i);
        resourceLoad.put(res.kind() + " " + res.id(), new double[] {vol[i], res.capacityTpy()});
      }
      // Corridor shares: each OD on its shortest route at equilibrium costs (an approximation:
      // UE may split an OD over several routes).
      Dijkstra d = new Dijkstra(g.csr());
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
        String cor = f.corridor(pr.edges());
        corridor.merge(cor, fd.tonnesPerYear(), Double::sum);
        odRows.add(
            new String[] {
              fd.origin(),
              fd.destination(),
              num(fd.tonnesPerYear()),
              String.format(Locale.ROOT, "%.2f", pr.weight()),
              cor,
              String.join(" > ", f.nodes(pr.edges()))
            });
      }
    }
    report(c, s, flow, corridor, odRows, unserved, conv, resourceLoad, out);
    return ExitCodes.OK;
  }

  static String num(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  private static void report(
      AssignCommand c,
      Setup s,
      double[] flow,
      Map<String, Double> corridor,
      List<String[]> odRows,
      double unserved,
      String conv,
      Map<String, double[]> resourceLoad,
      PrintWriter out) {
    MultimodalGraph g = s.g();
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
    org.karvan.core.routing.Cargo ref =
        org.karvan.core.routing.Cargo.parse("1x40ft", s.f().profile());
    for (int e = 0; e < flow.length; e++) {
      double x = flow[e];
      if (x <= 0) {
        continue;
      }
      {
        var ec = s.f().cost(e);
        double usdPerT = ref.usd(ec) / ref.tonnes();
        String node = g.physNode(g.physOf(g.csr().tail(e))).id();
        String where =
            g.kind(e) == EdgeKind.MOVE && g.link(e).mode().isWater() ? "sea" : net.countryOf(node);
        if (where != null && usdPerT > 0) {
          countryUsd.merge(where, x * usdPerT, Double::sum);
        }
      }
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = g.link(e);
        linkT.merge(l.id(), x, Double::sum);
        if (l.borderCrossing() != null) {
          crossingT.merge(l.borderCrossing(), x, Double::sum);
        }
        String to = g.physNode(g.physOf(g.csr().head(e))).id();
        String from = g.physNode(g.physOf(g.csr().tail(e))).id();
        nodeT.merge(to, x, Double::sum);
        String ct = net.countryOf(to);
        String cf = net.countryOf(from);
        if (ct != null && !ct.equals(cf)) {
          countryT.merge(ct, x, Double::sum);
        }
      } else if (g.kind(e) == EdgeKind.TRANSFER) {
        terminalT.merge(g.terminal(e).id(), x, Double::sum);
      } else if (g.kind(e) == EdgeKind.LOAD) {
        String at = g.physNode(g.physOf(g.csr().tail(e))).id();
        nodeT.merge(at, x, Double::sum);
        String ct = net.countryOf(at);
        if (ct != null) {
          countryT.merge(ct, x, Double::sum);
        }
      }
    }
    double total = s.demand().stream().mapToDouble(FreightDemand::tonnesPerYear).sum();
    out.printf(
        Locale.ROOT,
        "demand: %d OD rows, %.0f t/yr; unserved %.0f t/yr%n",
        s.demand().size(),
        total,
        unserved);
    out.println("corridor shares (tonnes):");
    corridor.forEach(
        (k, v) ->
            out.printf(
                Locale.ROOT, "  %-11s %12.0f  %5.1f %%%n", k, v, total > 0 ? 100 * v / total : 0));
    // Bottlenecks: v/c on links with capacity, crossings and terminals with capacity.
    List<Object[]> vc = new ArrayList<>();
    double tPerVeh =
        g.profile().get("cargo.tonnes_per_teu") * g.profile().get("cargo.teu_per_vehicle");
    for (Link l : net.links()) {
      if (l.capacityTpy() != null && l.capacityTpy() > 0) {
        vc.add(new Object[] {"link " + l.id(), linkT.getOrDefault(l.id(), 0.0), l.capacityTpy()});
      }
    }
    for (var b : net.crossings()) {
      if (b.capacityPerDay() != null && b.capacityPerDay() > 0) {
        vc.add(
            new Object[] {
              "border " + b.id(),
              crossingT.getOrDefault(b.id(), 0.0),
              b.capacityPerDay() * 365 * tPerVeh
            });
      }
    }
    for (var t : net.terminals()) {
      if (t.capacityTpy() != null && t.capacityTpy() > 0) {
        vc.add(
            new Object[] {
              "terminal " + t.id(), terminalT.getOrDefault(t.id(), 0.0), t.capacityTpy()
            });
      }
    }
    vc.sort((a, b) -> Double.compare((double) b[1] / (double) b[2], (double) a[1] / (double) a[2]));
    out.println("top bottlenecks (volume / capacity):");
    for (int i = 0; i < Math.min(10, vc.size()); i++) {
      Object[] r = vc.get(i);
      out.printf(
          Locale.ROOT,
          "  %-24s %12.0f t / %12.0f t  v/c %.2f%n",
          r[0],
          r[1],
          r[2],
          (double) r[1] / (double) r[2]);
    }
    out.println("tonnes entering or starting in each country, and freight revenue earned there:");
    java.util.Set<String> keys = new java.util.TreeSet<>(countryT.keySet());
    keys.addAll(countryUsd.keySet());
    keys.forEach(
        k ->
            out.printf(
                Locale.ROOT,
                "  %-4s %12.0f t  USD %,14.0f%n",
                k,
                countryT.getOrDefault(k, 0.0),
                countryUsd.getOrDefault(k, 0.0)));
    if (c.out != null) {
      StringBuilder lc = new StringBuilder("link,from,to,mode,tonnes,capacity_tpy,v_c\n");
      for (Link l : net.links()) {
        double t = linkT.getOrDefault(l.id(), 0.0);
        lc.append(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%s,%.1f,%s,%s%n",
                l.id(),
                l.from(),
                l.to(),
                l.mode(),
                t,
                l.capacityTpy() == null ? "" : num(l.capacityTpy()),
                l.capacityTpy() == null
                    ? ""
                    : String.format(Locale.ROOT, "%.4f", t / l.capacityTpy())));
      }
      AssignCommand.write(c.out.resolve("link_loads.csv"), lc.toString());
      StringBuilder nc = new StringBuilder("node,name,country,tonnes\n");
      nodeT.forEach(
          (k, v) ->
              nc.append(
                  String.format(
                      Locale.ROOT,
                      "%s,\"%s\",%s,%.1f%n",
                      k,
                      net.getNode(k).name().replace("\"", "\"\""),
                      net.countryOf(k) == null ? "" : net.countryOf(k),
                      v)));
      AssignCommand.write(c.out.resolve("node_loads.csv"), nc.toString());
      StringBuilder ec = new StringBuilder("element,tonnes,capacity_tpy,v_c\n");
      for (Object[] r : vc) {
        ec.append(
            String.format(
                Locale.ROOT,
                "%s,%.1f,%.1f,%.4f%n",
                r[0],
                r[1],
                r[2],
                (double) r[1] / (double) r[2]));
      }
      AssignCommand.write(c.out.resolve("bottlenecks.csv"), ec.toString());
      StringBuilder cc = new StringBuilder("country,tonnes,revenue_usd\n");
      keys.forEach(
          k ->
              cc.append(
                  String.format(
                      Locale.ROOT,
                      "%s,%.1f,%.2f%n",
                      k,
                      countryT.getOrDefault(k, 0.0),
                      countryUsd.getOrDefault(k, 0.0))));
      AssignCommand.write(c.out.resolve("countries.csv"), cc.toString());
      StringBuilder sc = new StringBuilder("corridor,tonnes,share\n");
      corridor.forEach(
          (k, v) ->
              sc.append(
                  String.format(Locale.ROOT, "%s,%.1f,%.4f%n", k, v, total > 0 ? v / total : 0)));
      AssignCommand.write(c.out.resolve("corridors.csv"), sc.toString());
      StringBuilder oc =
          new StringBuilder("origin,destination,tonnes,usd_per_tonne,corridor,route\n");
      for (String[] r : odRows) {
        oc.append(String.join(",", r[0], r[1], r[2], r[3], r[4], "\"" + r[5] + "\"")).append('\n');
      }
      AssignCommand.write(c.out.resolve("od_routes.csv"), oc.toString());
      if (conv != null) {
        AssignCommand.write(c.out.resolve("convergence.csv"), conv);
      }
      AssignCommand.write(c.out.resolve("link_loads.geojson"), geojson(net, linkT));
      out.println(
          "wrote link_loads.csv, node_loads.csv, bottlenecks.csv, countries.csv, corridors.csv, od_routes.csv, link_loads.geojson"
              + (conv != null ? ", convergence.csv" : "")
              + " to "
              + c.out);
    }
  }

  /** Links as GeoJSON LineStrings with their tonnes (and v/c where capacity is known). */
  static String geojson(Network net, Map<String, Double> tonnes) {
    StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
    boolean first = true;
    for (Link l : net.links()) {
      double t = tonnes.getOrDefault(l.id(), 0.0);
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[");
      List<double[]> pts = new ArrayList<>();
      Node a = net.getNode(l.from());
      Node b = net.getNode(l.to());
      pts.add(new double[] {a.lon(), a.lat()});
      for (LatLon p : l.geometry()) {
        pts.add(new double[] {p.lon(), p.lat()});
      }
      pts.add(new double[] {b.lon(), b.lat()});
      for (int i = 0; i < pts.size(); i++) {
        sb.append(i > 0 ? "," : "")
            .append(String.format(Locale.ROOT, "[%.5f,%.5f]", pts.get(i)[0], pts.get(i)[1]));
      }
      sb.append("]},\"properties\":{\"id\":\"")
          .append(l.id())
          .append("\",\"mode\":\"")
          .append(l.mode())
          .append("\",\"tonnes\":")
          .append(String.format(Locale.ROOT, "%.1f", t));
      if (l.capacityTpy() != null && l.capacityTpy() > 0) {
        sb.append(",\"v_c\":").append(String.format(Locale.ROOT, "%.4f", t / l.capacityTpy()));
      }
      sb.append("}}");
    }
    return sb.append("]}\n").toString();
  }

  /** Progress alias. */
  static final class Progress {
    private final AssignCommand.Progress p;

    Progress(PrintWriter err, double gap) {
      p = new AssignCommand.Progress(err, gap);
    }

    void update(Equilibrium.Iteration it) {
      p.update(it);
    }

    void done() {
      p.done();
    }
  }
}
