package org.karvan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.karvan.core.assign.Criticality;
import org.karvan.core.model.Network;
import org.karvan.core.reliability.Component;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.core.routing.Constraints;
import org.karvan.core.scenario.Comparison;
import org.karvan.io.chart.TcdChart;
import org.karvan.io.route.RouteJson;

/**
 * The JSON of every result, one writer each, so that {@code karvan ... --format json} and the HTTP
 * API answer the same document for the same request (the parity tests check it).
 */
public final class ResultJson {
  private ResultJson() {}

  private static ObjectNode obj() {
    return RouteJson.MAPPER.createObjectNode();
  }

  static double r(double v, int digits) {
    return RouteJson.round(v, digits);
  }

  private static void putNullable(ObjectNode o, String k, Double v, int digits) {
    if (v == null || !Double.isFinite(v)) {
      o.putNull(k);
    } else {
      o.put(k, r(v, digits));
    }
  }

  /**
   * What network a result was computed on: the bundle, its data date, the scenario, and the year or
   * status rule of the request.
   */
  public static ObjectNode basis(Network n, String scenario, Constraints c) {
    ObjectNode o = obj();
    o.put("name", n.manifest().name());
    o.put("version", n.manifest().version());
    o.put("dataAsOf", n.manifest().asOf().toString());
    o.put("scenario", scenario);
    if (c == null || c.year() == null) {
      o.putNull("year");
    } else {
      o.put("year", c.year());
    }
    o.put("includePlanned", c != null && c.includePlanned());
    return o;
  }

  /** {@link #basis} with the request's date and the dated events in force that day. */
  public static ObjectNode basis(
      Network n,
      String scenario,
      Constraints c,
      java.time.LocalDate date,
      List<org.karvan.core.model.NetworkEvent> inForce) {
    ObjectNode o = basis(n, scenario, c);
    o.put("date", date == null ? null : date.toString());
    ArrayNode a = o.putArray("eventsInForce");
    inForce.forEach(e -> a.add(RouteJson.event(e, n)));
    return o;
  }

  /**
   * The dated events in force on {@code date}, one line each for tables: {@code none} when there
   * are none (normal operation).
   */
  public static List<String> eventsText(
      Network n, java.time.LocalDate date, List<org.karvan.core.model.NetworkEvent> inForce) {
    List<String> out = new java.util.ArrayList<>();
    out.add(
        "Dated events on "
            + date
            + ": "
            + (inForce.isEmpty() ? "none (normal operation)" : inForce.size() + " in force"));
    for (var e : inForce) {
      out.add(
          "  "
              + e.id()
              + " "
              + e.targetType().name().toLowerCase(Locale.ROOT)
              + " "
              + String.join("|", e.targets())
              + " "
              + e.start()
              + ".."
              + (e.end() == null ? "open" : e.end())
              + ": "
              + org.karvan.core.routing.Route.describe(e)
              + " [sources: "
              + String.join("; ", e.provenance().sources().stream().map(n::cite).toList())
              + (e.provenance().estimated().isEmpty() ? "" : "; estimates marked")
              + "]");
    }
    return out;
  }

  /** The one-line wording of {@link #basis}, for tables and headers. */
  public static String basisText(Network n, String scenario, Constraints c) {
    String links =
        c != null && c.includePlanned()
            ? "every planned and under-construction link included"
            : c != null && c.year() != null
                ? "links and crossings open in " + c.year()
                : "links and crossings open at the data date";
    return "network "
        + n.manifest().name()
        + " "
        + n.manifest().version()
        + " (data as of "
        + n.manifest().asOf()
        + "; "
        + links
        + (scenario == null ? "" : "; scenario " + scenario)
        + ")";
  }

  /** Routes: one route as {@code karvan route --format json}, or a list with its kind. */
  public static ObjectNode routes(RoutesResult res) {
    Network n = res.network();
    ObjectNode o;
    if (res.kind() == RoutesResult.Kind.ROUTE) {
      o = RouteJson.route(n, res.best(), res.request().cargo());
    } else {
      ObjectNode meta = obj().put("kind", res.kind().name().toLowerCase(Locale.ROOT));
      if (res.pareto() != null) {
        meta.put("truncated", res.pareto().truncated());
        meta.put("labels", res.pareto().labels());
        meta.put("maxLabels", res.pareto().maxLabels());
      }
      o = RouteJson.routes(n, res.routes(), meta);
      List<RouteDistinctions.Distinction> ds = RouteDistinctions.of(n, res.routes());
      for (int i = 0; i < ds.size(); i++) {
        ObjectNode rt = (ObjectNode) o.get("routes").get(i);
        RouteDistinctions.Distinction d = ds.get(i);
        rt.put("label", d.label());
        ArrayNode c = rt.putArray("corridors");
        d.corridors().forEach(c::add);
        ArrayNode m = rt.putArray("modes");
        d.modes().forEach(m::add);
        ArrayNode df = rt.putArray("differs");
        d.differs().forEach(df::add);
      }
    }
    o.set(
        "network",
        basis(n, res.scenario(), res.request().constraints(), res.date(), res.eventsInForce()));
    if (!res.snapped().isEmpty()) {
      ArrayNode sa = o.putArray("snapped");
      for (Resolver.Snapped sn : res.snapped()) {
        ObjectNode x = sa.addObject();
        x.put("field", sn.field());
        x.put("lat", sn.lat());
        x.put("lon", sn.lon());
        x.put("node", sn.node());
        x.put("name", n.getNode(sn.node()).name());
        x.put("snapKm", Math.round(sn.km() * 1000) / 1000.0);
      }
    }
    return o;
  }

  /** One line per place given as LAT,LON: the node it was snapped to and how far that is. */
  public static List<String> snappedText(RoutesResult res) {
    List<String> out = new ArrayList<>();
    for (Resolver.Snapped sn : res.snapped()) {
      out.add(
          String.format(
              Locale.ROOT,
              "%s %.5f,%.5f snapped to %s (%s), %.3f km away",
              sn.field(),
              sn.lat(),
              sn.lon(),
              sn.node(),
              res.network().getNode(sn.node()).name(),
              sn.km()));
    }
    return out;
  }

  public static ObjectNode matrix(MatrixService.Result m) {
    ObjectNode out = obj();
    out.put("objective", m.objective().name().toLowerCase(Locale.ROOT));
    out.put("unit", m.unit());
    out.put("cargo", m.cargo().label());
    ArrayNode fa = out.putArray("from");
    m.from().forEach(fa::add);
    ArrayNode ta = out.putArray("to");
    m.to().forEach(ta::add);
    ArrayNode rows = out.putArray("values");
    for (double[] row : m.values()) {
      ArrayNode a = rows.addArray();
      for (double v : row) {
        if (Double.isFinite(v)) {
          a.add(r(v, 2));
        } else {
          a.addNull();
        }
      }
    }
    out.set("network", basis(m.network(), m.scenario(), null));
    return out;
  }

  public static ObjectNode compare(CompareService.Result res, int skippedRows) {
    ObjectNode root = obj();
    root.put("skippedRows", skippedRows);
    ArrayNode arr = root.putArray("comparisons");
    for (CompareService.Row row : res.rows()) {
      Comparison c = row.comparison();
      ObjectNode o = arr.addObject();
      o.put("origin", c.from());
      o.put("destination", c.to());
      o.put("scenario", c.scenario());
      o.set("base", c.base() == null ? null : RouteJson.route(res.base(), c.base()).get("totals"));
      o.set("route", c.route() == null ? null : RouteJson.route(row.network(), c.route()));
      o.put("noRoute", c.noRoute());
      ObjectNode d = o.putObject("delta");
      putNullable(d, "distanceKm", c.delta().km(), 2);
      putNullable(d, "durationDays", c.delta().days(), 2);
      putNullable(d, "costUsd", c.delta().usd(), 2);
      putNullable(d, "co2eKg", c.delta().kgCo2e(), 2);
      c.corridors().forEach(o.putArray("corridors")::add);
      c.countriesGained().forEach(o.putArray("countriesGained")::add);
      c.countriesLost().forEach(o.putArray("countriesLost")::add);
      c.crossingsGained().forEach(o.putArray("crossingsGained")::add);
      c.crossingsLost().forEach(o.putArray("crossingsLost")::add);
    }
    return root;
  }

  public static ObjectNode tcd(ChartService.TcdResult t) {
    ObjectNode o = obj();
    o.put("title", t.title());
    o.put("y", t.chart().axis().name().toLowerCase(Locale.ROOT));
    ArrayNode names = o.putArray("series");
    t.chart().series().forEach(x -> names.add(x.name()));
    ArrayNode segs = o.putArray("segments");
    for (TcdChart.Segment g : t.chart().segments()) {
      segs.addObject()
          .put("series", g.series())
          .put("seq", g.seq())
          .put("stop", g.stop())
          .put("kind", g.kind())
          .put("label", g.label())
          .put("x0", g.x0())
          .put("y0", g.y0())
          .put("x1", g.x1())
          .put("y1", g.y1());
    }
    ArrayNode notes = o.putArray("notes");
    t.notes().forEach(notes::add);
    return o;
  }

  private static ObjectNode map(Map<String, Double> m, int digits) {
    ObjectNode o = obj();
    m.forEach((k, v) -> o.put(k, r(v, digits)));
    return o;
  }

  public static ObjectNode assign(AssignService.Result a) {
    ObjectNode o = obj();
    o.put("method", a.method());
    o.put("scenario", a.scenario());
    o.put("demandRows", a.demandRows());
    o.put("totalTonnes", r(a.totalTonnes(), 1));
    o.put("unservedTonnes", r(a.unservedTonnes(), 1));
    if (a.convergence() != null) {
      o.putObject("convergence")
          .put("iterations", a.convergence().iterations())
          .put("relativeGap", a.convergence().gap())
          .put("converged", a.convergence().converged());
    }
    ArrayNode cs = o.putArray("corridors");
    a.corridorTonnes()
        .forEach(
            (k, v) ->
                cs.addObject()
                    .put("corridor", k)
                    .put("tonnes", r(v, 1))
                    .put("share", a.totalTonnes() > 0 ? r(v / a.totalTonnes(), 4) : 0));
    ArrayNode bs = o.putArray("bottlenecks");
    for (AssignService.Bottleneck b : a.bottlenecks()) {
      bs.addObject()
          .put("element", b.element())
          .put("tonnes", r(b.tonnes(), 1))
          .put("capacityTpy", r(b.capacityTpy(), 1))
          .put("vc", r(b.vc(), 4));
    }
    ArrayNode ctry = o.putArray("countries");
    java.util.Set<String> keys = new java.util.TreeSet<>(a.countryTonnes().keySet());
    keys.addAll(a.countryRevenueUsd().keySet());
    for (String k : keys) {
      ctry.addObject()
          .put("country", k)
          .put("tonnes", r(a.countryTonnes().getOrDefault(k, 0.0), 1))
          .put("revenueUsd", r(a.countryRevenueUsd().getOrDefault(k, 0.0), 2));
    }
    o.set("linkTonnes", map(a.linkTonnes(), 1));
    ArrayNode od = o.putArray("odRoutes");
    for (AssignService.OdRoute x : a.odRoutes()) {
      ObjectNode e =
          od.addObject()
              .put("origin", x.origin())
              .put("destination", x.destination())
              .put("tonnes", r(x.tonnes(), 1))
              .put("corridor", x.corridor());
      putNullable(e, "usdPerTonne", x.usdPerTonne(), 2);
      x.nodes().forEach(e.putArray("route")::add);
    }
    ArrayNode pr = o.putArray("demandProblems");
    a.demandProblems().forEach(pr::add);
    return o;
  }

  public static ArrayNode criticalityRows(List<CriticalityService.Row> rows) {
    ArrayNode arr = RouteJson.MAPPER.createArrayNode();
    for (CriticalityService.Row row : rows) {
      Criticality.Impact im = row.impact();
      ObjectNode e =
          arr.addObject()
              .put("rank", row.rank())
              .put("type", im.element().type())
              .put("id", im.element().id())
              .put("tonnesAffected", r(im.tonnesAffected(), 1))
              .put("unservedTonnes", r(im.unservedTonnes(), 1))
              .put("extraCostUsd", r(im.extraCost(), 1))
              .put("extraHours", r(im.extraHours(), 3))
              .put("extraKm", r(im.extraKm(), 3))
              .put("mainOd", im.mainOd());
      if (row.newMainRoute() == null) {
        e.putNull("newMainRoute");
      } else {
        row.newMainRoute().forEach(e.putArray("newMainRoute")::add);
      }
    }
    return arr;
  }

  public static ObjectNode criticality(CriticalityService.Result c) {
    ObjectNode o = obj();
    o.put("scenario", c.scenario());
    o.put("demandRows", c.demandRows());
    o.set("elements", criticalityRows(c.rows()));
    ArrayNode pr = o.putArray("demandProblems");
    c.demandProblems().forEach(pr::add);
    return o;
  }

  public static ObjectNode reliability(ReliabilityService.Result res) {
    ObjectNode o = obj();
    ReliabilityService.Request s = res.settings();
    o.put("from", res.request().from());
    o.put("to", res.request().to());
    o.put("samples", s.samples());
    o.put("seed", s.seed());
    putNullable(o, "deadlineDays", s.deadlineDays(), 3);
    o.put("usdPerHour", r(res.usdPerHour(), 3));
    if (res.best() < 0) {
      o.putNull("mostReliable");
    } else {
      o.put("mostReliable", res.best() + 1);
    }
    ArrayNode arr = o.putArray("routes");
    for (ReliabilityService.RouteRow row : res.routes()) {
      TransitSimulation.Summary x = row.summary();
      ObjectNode e = arr.addObject();
      e.put("route", x.name());
      e.put("meanDays", r(x.meanH() / 24, 3));
      e.put("p50Days", r(x.p50H() / 24, 3));
      e.put("p90Days", r(x.p90H() / 24, 3));
      e.put("p95Days", r(x.p95H() / 24, 3));
      e.put("p50Usd", r(x.p50Usd(), 2));
      e.put("p90Usd", r(x.p90Usd(), 2));
      e.put("p95Usd", r(x.p95Usd(), 2));
      putNullable(e, "onTime", s.deadlineDays() == null ? null : x.onTime(), 4);
      e.put("disruptedShare", r(x.disrupted(), 4));
      e.put("reroutedShare", r(x.rerouted(), 4));
      ArrayNode risks = e.putArray("closureRisks");
      for (var cr : row.model().risks()) {
        ObjectNode c = risks.addObject();
        c.put("event", cr.label());
        c.put("probability", r(cr.probability(), 6));
        c.put("closureDays", r(cr.durationH() / 24, 3));
        putNullable(c, "rerouteExtraHours", cr.canReroute() ? cr.rerouteExtraH() : null, 2);
        putNullable(c, "rerouteExtraUsd", cr.canReroute() ? cr.rerouteExtraUsd() : null, 2);
        c.put("sampledShare", r(x.byCause().getOrDefault(cr.label(), 0.0), 4));
      }
      ObjectNode hist = e.putObject("histogram");
      hist.put("fromDays", r(row.histogram().fromDays(), 4));
      hist.put("widthDays", r(row.histogram().widthDays(), 6));
      ArrayNode counts = hist.putArray("counts");
      for (int c : row.histogram().counts()) {
        counts.add(c);
      }
      ArrayNode comps = e.putArray("components");
      for (Component c : ReliabilityService.varying(row.model())) {
        comps.addObject().put("label", c.label()).put("meanHours", r(c.meanH(), 2));
      }
    }
    o.put("historyYears", s.history());
    o.set(
        "network",
        basis(
            res.network(),
            res.scenario(),
            res.request().constraints(),
            res.date(),
            res.eventsInForce()));
    return o;
  }

  public static ObjectNode backtest(BacktestService.Result res) {
    ObjectNode o = obj();
    o.put("cases", res.outcomes().size());
    o.put("computed", res.computed());
    o.put("withinBand", res.within());
    ArrayNode arr = o.putArray("outcomes");
    for (BacktestService.Outcome x : res.outcomes()) {
      BacktestService.Case c = x.c();
      ObjectNode e =
          arr.addObject()
              .put("id", c.id())
              .put("half", c.half())
              .put("quantity", c.quantity())
              .put("low", c.low())
              .put("high", c.high())
              .put("year", c.year())
              .put("type", c.type())
              .put("source", c.source())
              .put("publishedRoute", c.route());
      putNullable(e, "karvan", x.figure(), 2);
      putNullable(e, "deviation", x.deviation(), 4);
      e.put("withinBand", x.within());
      x.corridors().forEach(e.putArray("corridors")::add);
      e.put("skipped", x.skipped());
    }
    ArrayNode pr = o.putArray("problems");
    res.problems().forEach(pr::add);
    return o;
  }
}
