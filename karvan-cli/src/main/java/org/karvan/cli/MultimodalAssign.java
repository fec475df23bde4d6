package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.karvan.app.AssignService;
import org.karvan.app.Karvan;
import org.karvan.app.ResultJson;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.io.profile.ProfileReader;

/**
 * The {@code --demand} side of {@code karvan assign}: the application layer's assignment, printed
 * as tables and written as CSV and GeoJSON files.
 */
final class MultimodalAssign {
  private MultimodalAssign() {}

  static int run(AssignCommand c) {
    PrintWriter err = c.spec.commandLine().getErr();
    PrintWriter out = c.spec.commandLine().getOut();
    boolean xlsx = c.format.equalsIgnoreCase("xlsx");
    if (!c.format.equalsIgnoreCase("json") && !c.format.equalsIgnoreCase("table") && !xlsx) {
      throw new UserException(
          "--format", "unknown value '" + c.format + "'", "allowed: table, json, xlsx");
    }
    Karvan k = Cli.open(c.network, ProfileReader.readDefault());
    AssignCommand.Progress bar = new AssignCommand.Progress(err, c.gap);
    AssignService.Result r =
        k.assignments()
            .assign(
                new AssignService.Request(
                    c.demand,
                    c.method,
                    c.gap,
                    c.maxIter,
                    c.threads,
                    c.scenario,
                    c.theta,
                    c.alternatives),
                bar::update);
    bar.done();
    r.demandProblems().forEach(x -> err.println("karvan: " + x));
    if (xlsx) {
      Cli.writeXlsx(c.out, org.karvan.app.ResultTables.assign(r), err);
      return ExitCodes.OK;
    }
    if (c.format.equalsIgnoreCase("json")) {
      Cli.printJson(out, ResultJson.assign(r));
    } else {
      table(r, out);
    }
    if (c.out != null) {
      write(c.out, r);
      out.println(
          "wrote link_loads.csv, node_loads.csv, bottlenecks.csv, countries.csv, corridors.csv,"
              + " od_routes.csv, link_loads.geojson"
              + (r.convergence() != null ? ", convergence.csv" : "")
              + " to "
              + c.out);
    }
    return ExitCodes.OK;
  }

  static String num(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }

  private static void table(AssignService.Result r, PrintWriter out) {
    if (r.convergence() != null) {
      out.printf(
          Locale.ROOT,
          "user equilibrium (%s): %d iterations, relative gap %.3e (%s)%n",
          r.method(),
          r.convergence().iterations(),
          r.convergence().gap(),
          r.convergence().converged() ? "converged" : "target NOT reached");
    }
    double total = r.totalTonnes();
    out.printf(
        Locale.ROOT,
        "demand: %d OD rows, %.0f t/yr; unserved %.0f t/yr%n",
        r.demandRows(),
        total,
        r.unservedTonnes());
    out.println("corridor shares (tonnes):");
    r.corridorTonnes()
        .forEach(
            (k, v) ->
                out.printf(
                    Locale.ROOT,
                    "  %-11s %12.0f  %5.1f %%%n",
                    k,
                    v,
                    total > 0 ? 100 * v / total : 0));
    out.println("top bottlenecks (volume / capacity):");
    for (int i = 0; i < Math.min(10, r.bottlenecks().size()); i++) {
      AssignService.Bottleneck b = r.bottlenecks().get(i);
      out.printf(
          Locale.ROOT,
          "  %-24s %12.0f t / %12.0f t  v/c %.2f%n",
          b.element(),
          b.tonnes(),
          b.capacityTpy(),
          b.vc());
    }
    out.println("tonnes entering or starting in each country, and freight revenue earned there:");
    countries(r)
        .forEach(
            k ->
                out.printf(
                    Locale.ROOT,
                    "  %-4s %12.0f t  USD %,14.0f%n",
                    k,
                    r.countryTonnes().getOrDefault(k, 0.0),
                    r.countryRevenueUsd().getOrDefault(k, 0.0)));
  }

  private static java.util.Set<String> countries(AssignService.Result r) {
    java.util.Set<String> keys = new java.util.TreeSet<>(r.countryTonnes().keySet());
    keys.addAll(r.countryRevenueUsd().keySet());
    return keys;
  }

  private static void write(Path dir, AssignService.Result r) {
    Network net = r.network();
    StringBuilder lc = new StringBuilder("link,from,to,mode,tonnes,capacity_tpy,v_c\n");
    for (Link l : net.links()) {
      double t = r.linkTonnes().getOrDefault(l.id(), 0.0);
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
    AssignCommand.write(dir.resolve("link_loads.csv"), lc.toString());
    StringBuilder nc = new StringBuilder("node,name,country,tonnes\n");
    r.nodeTonnes()
        .forEach(
            (k, v) ->
                nc.append(
                    String.format(
                        Locale.ROOT,
                        "%s,\"%s\",%s,%.1f%n",
                        k,
                        net.getNode(k).name().replace("\"", "\"\""),
                        net.countryOf(k) == null ? "" : net.countryOf(k),
                        v)));
    AssignCommand.write(dir.resolve("node_loads.csv"), nc.toString());
    StringBuilder ec = new StringBuilder("element,tonnes,capacity_tpy,v_c\n");
    for (AssignService.Bottleneck b : r.bottlenecks()) {
      ec.append(
          String.format(
              Locale.ROOT,
              "%s,%.1f,%.1f,%.4f%n",
              b.element(),
              b.tonnes(),
              b.capacityTpy(),
              b.vc()));
    }
    AssignCommand.write(dir.resolve("bottlenecks.csv"), ec.toString());
    StringBuilder cc = new StringBuilder("country,tonnes,revenue_usd\n");
    countries(r)
        .forEach(
            k ->
                cc.append(
                    String.format(
                        Locale.ROOT,
                        "%s,%.1f,%.2f%n",
                        k,
                        r.countryTonnes().getOrDefault(k, 0.0),
                        r.countryRevenueUsd().getOrDefault(k, 0.0))));
    AssignCommand.write(dir.resolve("countries.csv"), cc.toString());
    double total = r.totalTonnes();
    StringBuilder sc = new StringBuilder("corridor,tonnes,share\n");
    r.corridorTonnes()
        .forEach(
            (k, v) ->
                sc.append(
                    String.format(Locale.ROOT, "%s,%.1f,%.4f%n", k, v, total > 0 ? v / total : 0)));
    AssignCommand.write(dir.resolve("corridors.csv"), sc.toString());
    StringBuilder oc =
        new StringBuilder("origin,destination,tonnes,usd_per_tonne,corridor,route\n");
    for (AssignService.OdRoute x : r.odRoutes()) {
      oc.append(
              String.join(
                  ",",
                  x.origin(),
                  x.destination(),
                  num(x.tonnes()),
                  x.usdPerTonne() == null
                      ? ""
                      : String.format(Locale.ROOT, "%.2f", x.usdPerTonne()),
                  x.corridor(),
                  "\"" + (x.nodes().isEmpty() ? "no route" : String.join(" > ", x.nodes())) + "\""))
          .append('\n');
    }
    AssignCommand.write(dir.resolve("od_routes.csv"), oc.toString());
    if (r.convergence() != null) {
      AssignCommand.write(dir.resolve("convergence.csv"), r.convergence().csv());
    }
    AssignCommand.write(dir.resolve("link_loads.geojson"), geojson(net, r.linkTonnes()));
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
}
