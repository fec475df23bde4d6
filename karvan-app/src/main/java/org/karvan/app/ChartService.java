package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.scenario.Comparison;
import org.karvan.io.chart.HtmlReport;
import org.karvan.io.chart.TcdChart;

/** Use cases: the UNESCAP time/cost-distance chart and the HTML report of a route. */
public final class ChartService {
  /**
   * A chart of the route of {@code spec} (under its scenario, if any) against {@code scenarios}, or
   * of {@code alternatives} different routes; {@code y} is {@code time} (default) or {@code cost}.
   */
  public record TcdRequest(RouteSpec spec, List<String> scenarios, Integer alternatives, String y) {
    public TcdRequest {
      scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
  }

  /** The chart, and a note for each scenario left out because it has no route. */
  public record TcdResult(Network network, TcdChart chart, String title, List<String> notes) {}

  /** A report request: the route of {@code spec} against each of {@code scenarios}. */
  public record ReportRequest(RouteSpec spec, List<String> scenarios) {
    public ReportRequest {
      scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
  }

  /** The self-contained HTML page. */
  public record ReportResult(Network network, String html) {}

  private final Karvan k;

  ChartService(Karvan k) {
    this.k = k;
  }

  public TcdResult tcd(TcdRequest req) {
    Fields f = new Fields();
    TcdChart.Axis axis =
        f.parseEnum(TcdChart.Axis.class, Resolver.blank(req.y()) ? "time" : req.y(), "y");
    Integer n = req.alternatives();
    if (n != null && !req.scenarios().isEmpty()) {
      f.error(
          "k",
          "alternatives and scenarios cannot be combined; a chart compares either, so drop one");
    }
    if (n != null && (n < 1 || n > k.limits().maxAlternatives())) {
      f.error("k", n + " is out of range; give 1 to " + k.limits().maxAlternatives());
    }
    scenarioCount(req.scenarios(), f);
    Resolver.Resolved r = k.resolver().resolve(req.spec(), f, true);
    List<Scenarios.Applied> others = applied(r.workspace(), req.scenarios(), f);
    oneAddingElements(r.workspace(), r.on(), others, f);
    f.throwIfAny();
    RouteRequest q = r.request();
    List<TcdChart.Series> series = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (n != null && n > 1) {
      List<Route> alts = RouteService.alternatives(r.on().router(), q, n);
      if (alts.isEmpty()) {
        throw RouteService.noRoute(r.router(), q);
      }
      for (int i = 0; i < alts.size(); i++) {
        series.add(new TcdChart.Series("route " + (i + 1), alts.get(i)));
      }
    } else {
      Route first =
          RouteService.run(() -> r.router().route(q))
              .orElseThrow(() -> RouteService.noRoute(r.router(), q));
      series.add(new TcdChart.Series(r.on().isBase() ? "base" : r.on().name(), first));
      for (Scenarios.Applied a : others) {
        RouteRequest x = CompareService.withDefaultYear(q, a);
        Optional<Route> route = RouteService.run(() -> a.router().route(x));
        if (route.isEmpty()) {
          notes.add(
              "scenario "
                  + a.name()
                  + ": "
                  + RouteService.whyNot(a.router(), x)
                  + " (left out of the chart)");
          continue;
        }
        series.add(new TcdChart.Series(a.name(), route.get()));
      }
    }
    Network net = widest(r.workspace(), r.on(), others);
    String title =
        "Time/cost-distance: "
            + net.getNode(q.from()).name()
            + " to "
            + net.getNode(q.to()).name()
            + " ("
            + q.cargo().label()
            + ")";
    return new TcdResult(net, new TcdChart(net, series, axis, title), title, notes);
  }

  public ReportResult report(ReportRequest req) {
    Fields f = new Fields();
    scenarioCount(req.scenarios(), f);
    if (!req.spec().via().isEmpty()) {
      f.error("via", "the report does not support via places; drop them");
    }
    Resolver.Resolved r = k.resolver().resolve(req.spec().withScenario(null), f, true);
    if (!Resolver.blank(req.spec().scenario())) {
      f.error(
          "scenario", "the report compares the base with its scenario list; name only scenarios");
    }
    List<Scenarios.Applied> others = applied(r.workspace(), req.scenarios(), f);
    oneAddingElements(r.workspace(), r.on(), others, f);
    f.throwIfAny();
    RouteRequest q = r.request();
    Karvan w = r.workspace();
    // With no route on the base network the report still compares the scenarios that have one
    // (what a link to be built changes: Baku -> Nakhchivan by rail); with none at all it is an
    // error.
    Route base = RouteService.run(() -> r.router().route(q)).orElse(null);
    String baseNoRoute = base == null ? RouteService.whyNot(r.router(), q) : null;
    List<Comparison> comps = new ArrayList<>();
    for (Scenarios.Applied a : others) {
      RouteRequest x = CompareService.withDefaultYear(q, a);
      var router = a.router().on(r.date());
      Optional<Route> route = RouteService.run(() -> router.route(x));
      comps.add(
          Comparison.of(
              a.network(),
              a.name(),
              q.from(),
              q.to(),
              route,
              route.isEmpty() ? RouteService.whyNot(router, x) : null,
              Optional.ofNullable(base)));
    }
    if (base == null && comps.stream().allMatch(c -> c.route() == null)) {
      throw RouteService.noRoute(r.router(), q);
    }
    Network net = widest(w, w.scenarios().base(), others);
    String html =
        HtmlReport.of(
            net,
            q.from(),
            q.to(),
            q.cargo(),
            q.objective().name().toLowerCase(Locale.ROOT),
            base,
            baseNoRoute,
            comps);
    return new ReportResult(net, html);
  }

  private void scenarioCount(List<String> scenarios, Fields f) {
    if (scenarios.size() > k.limits().maxScenarios()) {
      f.error(
          "scenario",
          scenarios.size() + " scenarios are too many; give at most " + k.limits().maxScenarios());
    }
  }

  private static List<Scenarios.Applied> applied(Karvan w, List<String> names, Fields f) {
    List<Scenarios.Applied> out = new ArrayList<>();
    for (String s : names) {
      if (!Scenarios.isBase(s)) {
        out.add(w.scenarios().applied(s, "scenario", f));
      }
    }
    return out;
  }

  /**
   * One chart or page names its elements in one network, so at most one of its scenarios may add
   * elements (its network then contains the base's and names every route drawn).
   */
  private static void oneAddingElements(
      Karvan w, Scenarios.Applied first, List<Scenarios.Applied> others, Fields f) {
    List<String> adding = new ArrayList<>();
    for (Scenarios.Applied a : concat(first, others)) {
      if (a.network() != w.network() && !adding.contains(a.name())) {
        adding.add(a.name());
      }
    }
    if (adding.size() > 1) {
      f.error(
          "scenario",
          "more than one scenario adds elements "
              + adding
              + "; give at most one per chart or report");
    }
  }

  private static List<Scenarios.Applied> concat(Scenarios.Applied a, List<Scenarios.Applied> l) {
    List<Scenarios.Applied> out = new ArrayList<>(l);
    out.add(0, a);
    return out;
  }

  /** The network that names every element of the routes drawn ({@link #oneAddingElements}). */
  private static Network widest(Karvan w, Scenarios.Applied first, List<Scenarios.Applied> others) {
    for (Scenarios.Applied a : concat(first, others)) {
      if (a.network() != w.network()) {
        return a.network();
      }
    }
    return w.network();
  }
}
