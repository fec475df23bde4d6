package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.karvan.core.assign.Criticality;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Comparison;
import org.karvan.io.xlsx.Sheet;

/**
 * The tables of each result, for workbooks ({@code --format xlsx}, {@code format=xlsx}): typed
 * cells, units in the headers, one sheet per table. The same figures as {@link ResultJson}.
 */
public final class ResultTables {
  private ResultTables() {}

  private static String name(Network n, String id) {
    return id == null ? null : n.findNode(id).map(Node::name).orElse(id);
  }

  private static String join(List<String> l) {
    return l == null ? null : String.join("; ", l);
  }

  /** The local time at the place of a timed route's time (a date cell), or {@code null}. */
  private static java.time.LocalDateTime local(java.time.OffsetDateTime t) {
    return t == null ? null : t.toLocalDateTime();
  }

  /** Its UTC offset, e.g. {@code +04} or {@code +03:30}, or {@code null}. */
  private static String offset(java.time.OffsetDateTime t) {
    return t == null ? null : org.karvan.io.route.RouteTimes.offset(t.getOffset());
  }

  /** Routes: a summary per route, the itinerary (legs and stops in travel order), km by country. */
  public static List<Sheet> routes(RoutesResult res) {
    Network n = res.network();
    List<Route> routes = res.routes();
    List<RouteDistinctions.Distinction> ds = RouteDistinctions.of(n, routes);
    Sheet.Builder sum =
        new Sheet.Builder("Routes")
            .col("route", null)
            .col("label", null)
            .col("differs", null)
            .col("distance", "km")
            .col("duration", "h")
            .col("duration", "days")
            .col("cost", "USD")
            .col("CO2e", "kg")
            .col("border crossings", null)
            .col("chokepoints", null)
            .col("departs", "local time")
            .col("departs", "UTC offset")
            .col("arrives", "local time")
            .col("arrives", "UTC offset");
    Sheet.Builder it =
        new Sheet.Builder("Itinerary")
            .col("route", null)
            .col("step", null)
            .col("kind", null)
            .col("mode or stop", null)
            .col("from or at", null)
            .col("to", null)
            .col("country", null)
            .col("distance", "km")
            .col("duration", "h")
            .col("cost", "USD")
            .col("CO2e", "kg")
            .col("detail", null)
            .col("from", "local time")
            .col("from", "UTC offset")
            .col("until", "local time")
            .col("until", "UTC offset");
    Sheet.Builder ctry =
        new Sheet.Builder("Countries")
            .col("route", null)
            .col("country", null)
            .col("distance", "km");
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      Route.Totals t = r.totals();
      sum.row(
          i + 1,
          ds.get(i).label(),
          join(ds.get(i).differs()),
          t.distanceKm(),
          t.durationHours(),
          t.durationDays(),
          t.costUsd(),
          t.co2eKg(),
          join(r.crossings()),
          join(r.chokepoints()),
          local(r.departs()),
          offset(r.departs()),
          local(r.arrives()),
          offset(r.arrives()));
      record Step(int seq, Object[] cells) {}
      List<Step> steps = new ArrayList<>();
      for (Route.Leg l : r.legs()) {
        steps.add(
            new Step(
                l.seq(),
                new Object[] {
                  i + 1,
                  0,
                  "leg",
                  l.gauge() == null ? l.mode() : l.mode() + " " + l.gauge(),
                  name(n, l.from()),
                  name(n, l.to()),
                  l.country(),
                  l.distanceKm(),
                  l.durationHours(),
                  l.costUsd(),
                  l.co2eKg(),
                  null,
                  local(l.departs()),
                  offset(l.departs()),
                  local(l.arrives()),
                  offset(l.arrives())
                }));
      }
      for (Route.Event e : r.events()) {
        steps.add(
            new Step(
                e.seq(),
                new Object[] {
                  i + 1,
                  0,
                  "stop",
                  e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                  name(n, e.at()),
                  null,
                  n.countryOf(e.at()),
                  null,
                  e.durationHours(),
                  e.costUsd(),
                  e.co2eKg(),
                  e.detail(),
                  local(e.arrives()),
                  offset(e.arrives()),
                  local(e.departs()),
                  offset(e.departs())
                }));
      }
      steps.sort(java.util.Comparator.comparingInt(Step::seq));
      int k = 1;
      for (Step s : steps) {
        s.cells()[1] = k++;
        it.row(s.cells());
      }
      for (Route.CountryKm c : r.countries()) {
        ctry.row(i + 1, c.code(), c.distanceKm());
      }
    }
    return List.of(sum.build(), it.build(), ctry.build());
  }

  /** A matrix: one row per origin, one column per destination, in the objective's unit. */
  public static List<Sheet> matrix(MatrixService.Result m) {
    Sheet.Builder b = new Sheet.Builder("Matrix").col("origin", null).col("origin name", null);
    for (String to : m.to()) {
      b.col(to, m.unit());
    }
    for (int i = 0; i < m.from().size(); i++) {
      List<Object> row = new ArrayList<>();
      row.add(m.from().get(i));
      row.add(name(m.network(), m.from().get(i)));
      for (double v : m.values()[i]) {
        row.add(Double.isFinite(v) ? v : null);
      }
      b.row(row.toArray());
    }
    return List.of(b.build());
  }

  /**
   * Scenario comparison: one row per OD pair and scenario, the base and the scenario side by side.
   */
  public static List<Sheet> compare(CompareService.Result res) {
    Sheet.Builder b =
        new Sheet.Builder("Compare")
            .col("origin", null)
            .col("destination", null)
            .col("scenario", null)
            .col("corridor", null)
            .col("base distance", "km")
            .col("base duration", "days")
            .col("base cost", "USD")
            .col("base CO2e", "kg")
            .col("distance", "km")
            .col("duration", "days")
            .col("cost", "USD")
            .col("CO2e", "kg")
            .col("change in distance", "km")
            .col("change in duration", "days")
            .col("change in cost", "USD")
            .col("change in CO2e", "kg")
            .col("countries gained", null)
            .col("countries lost", null)
            .col("crossings gained", null)
            .col("crossings lost", null)
            .col("no route", null);
    for (CompareService.Row row : res.rows()) {
      Comparison c = row.comparison();
      Route.Totals bt = c.base() == null ? null : c.base().totals();
      Route.Totals st = c.route() == null ? null : c.route().totals();
      b.row(
          c.from(),
          c.to(),
          c.scenario(),
          join(c.corridors()),
          bt == null ? null : bt.distanceKm(),
          bt == null ? null : bt.durationDays(),
          bt == null ? null : bt.costUsd(),
          bt == null ? null : bt.co2eKg(),
          st == null ? null : st.distanceKm(),
          st == null ? null : st.durationDays(),
          st == null ? null : st.costUsd(),
          st == null ? null : st.co2eKg(),
          c.delta().km(),
          c.delta().days(),
          c.delta().usd(),
          c.delta().kgCo2e(),
          join(c.countriesGained()),
          join(c.countriesLost()),
          join(c.crossingsGained()),
          join(c.crossingsLost()),
          c.noRoute());
    }
    return List.of(b.build());
  }

  /** Assignment: corridor shares, countries, bottlenecks, link loads and the OD routes. */
  public static List<Sheet> assign(AssignService.Result a) {
    Sheet.Builder corr =
        new Sheet.Builder("Corridors").col("corridor", null).col("flow", "t").col("share", "%");
    a.corridorTonnes()
        .forEach((k, v) -> corr.row(k, v, a.totalTonnes() > 0 ? 100 * v / a.totalTonnes() : 0.0));
    Sheet.Builder ctry =
        new Sheet.Builder("Countries")
            .col("country", null)
            .col("transit and local flow", "t")
            .col("share of all flow", "%")
            .col("revenue", "USD");
    TreeSet<String> keys = new TreeSet<>(a.countryTonnes().keySet());
    keys.addAll(a.countryRevenueUsd().keySet());
    for (String k : keys) {
      double t = a.countryTonnes().getOrDefault(k, 0.0);
      ctry.row(
          k,
          t,
          a.totalTonnes() > 0 ? 100 * t / a.totalTonnes() : 0.0,
          a.countryRevenueUsd().getOrDefault(k, 0.0));
    }
    Sheet.Builder bott =
        new Sheet.Builder("Bottlenecks")
            .col("element", null)
            .col("flow", "t")
            .col("capacity", "t/year")
            .col("volume/capacity", null);
    a.bottlenecks().forEach(b -> bott.row(b.element(), b.tonnes(), b.capacityTpy(), b.vc()));
    Sheet.Builder links =
        new Sheet.Builder("Link loads").col("link", null).col("mode", null).col("flow", "t");
    a.linkTonnes()
        .forEach(
            (k, v) ->
                links.row(k, a.network().findLink(k).map(l -> l.mode().name()).orElse(null), v));
    Sheet.Builder od =
        new Sheet.Builder("OD routes")
            .col("origin", null)
            .col("destination", null)
            .col("flow", "t")
            .col("cost", "USD/t")
            .col("corridor", null)
            .col("route", null);
    a.odRoutes()
        .forEach(
            x ->
                od.row(
                    x.origin(),
                    x.destination(),
                    x.tonnes(),
                    x.usdPerTonne(),
                    x.corridor(),
                    String.join(" > ", x.nodes())));
    return List.of(corr.build(), ctry.build(), bott.build(), links.build(), od.build());
  }

  /** Criticality: every element closed in turn, ranked. */
  public static List<Sheet> criticality(CriticalityService.Result c) {
    Sheet.Builder b =
        new Sheet.Builder("Criticality")
            .col("rank", null)
            .col("type", null)
            .col("element", null)
            .col("flow affected", "t")
            .col("unserved", "t")
            .col("extra cost", "USD")
            .col("extra time", "h")
            .col("extra distance", "km")
            .col("main OD", null)
            .col("new main route", null);
    for (CriticalityService.Row row : c.rows()) {
      Criticality.Impact im = row.impact();
      b.row(
          row.rank(),
          im.element().type(),
          im.element().id(),
          im.tonnesAffected(),
          im.unservedTonnes(),
          im.extraCost(),
          im.extraHours(),
          im.extraKm(),
          im.mainOd(),
          row.newMainRoute() == null ? null : String.join(" > ", row.newMainRoute()));
    }
    return List.of(b.build());
  }

  /** The back-test: each published case, Karvan's figure, the band and the deviation. */
  public static List<Sheet> backtest(BacktestService.Result res) {
    Sheet.Builder b =
        new Sheet.Builder("Backtest")
            .col("case", null)
            .col("half", null)
            .col("quantity", null)
            .col("year", null)
            .col("published low", null)
            .col("published high", null)
            .col("Karvan", null)
            .col("deviation", "%")
            .col("within band", null)
            .col("corridors", null)
            .col("published route", null)
            .col("source", null)
            .col("skipped", null);
    for (BacktestService.Outcome x : res.outcomes()) {
      BacktestService.Case c = x.c();
      b.row(
          c.id(),
          c.half(),
          c.quantity(),
          c.year(),
          c.low(),
          c.high(),
          x.figure(),
          x.deviation() == null ? null : 100 * x.deviation(),
          x.within(),
          join(x.corridors()),
          c.route(),
          c.source(),
          x.skipped());
    }
    return List.of(b.build());
  }
}
