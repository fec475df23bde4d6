package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karvan.core.assign.Criticality;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Comparison;

/**
 * The columns and cells of the results' CSV forms, shared by every front end that writes them (the
 * CLI's {@code --format csv} and {@code --out}, the Spark jobs), so that their rows are equal cell
 * for cell. Cells are plain strings; an absent value is the empty string.
 */
public final class ResultCsv {
  private ResultCsv() {}

  /** The columns of {@code compare --format csv}. */
  public static final List<String> COMPARE =
      List.of(
          "origin",
          "destination",
          "scenario",
          "corridor",
          "distance_km",
          "duration_days",
          "cost_usd",
          "co2e_kg",
          "delta_km",
          "delta_days",
          "delta_usd",
          "delta_co2e_kg",
          "countries_gained",
          "countries_lost",
          "crossings_gained",
          "crossings_lost",
          "no_route");

  /** One comparison's cells, in the order of {@link #COMPARE}. */
  public static List<String> compare(Comparison c) {
    Route r = c.route();
    return List.of(
        c.from(),
        c.to(),
        c.scenario(),
        String.join("|", c.corridors()),
        r == null ? "" : f(r.totals().distanceKm(), "%.1f"),
        r == null ? "" : f(r.totals().durationDays(), "%.2f"),
        r == null ? "" : f(r.totals().costUsd(), "%.2f"),
        r == null ? "" : f(r.totals().co2eKg(), "%.1f"),
        f(c.delta().km(), "%.1f"),
        f(c.delta().days(), "%.2f"),
        f(c.delta().usd(), "%.2f"),
        f(c.delta().kgCo2e(), "%.1f"),
        String.join("|", c.countriesGained()),
        String.join("|", c.countriesLost()),
        String.join("|", c.crossingsGained()),
        String.join("|", c.crossingsLost()),
        c.noRoute() == null ? "" : c.noRoute());
  }

  /** The columns of {@code matrix --format csv}: origin, destination and the objective's value. */
  public static List<String> matrix(Objective o) {
    return List.of(
        "origin",
        "destination",
        o.name().toLowerCase(Locale.ROOT) + "_" + MatrixService.Result.unit(o).replace(' ', '_'));
  }

  /** One matrix cell; empty where no route exists. */
  public static List<String> matrix(String from, String to, double value) {
    return List.of(
        from, to, Double.isInfinite(value) ? "" : String.format(Locale.ROOT, "%.3f", value));
  }

  /** The columns of {@code criticality.csv}. */
  public static final List<String> CRITICALITY =
      List.of(
          "rank",
          "type",
          "id",
          "tonnes_affected",
          "unserved_tonnes",
          "extra_cost_usd",
          "extra_hours",
          "extra_km",
          "main_od",
          "new_main_route");

  /** One ranked element's cells, in the order of {@link #CRITICALITY}. */
  public static List<String> criticality(int rank, Criticality.Impact im, List<String> newMain) {
    String route =
        newMain == null ? (im.tonnesAffected() > 0 ? "none" : "") : String.join(" > ", newMain);
    return List.of(
        Integer.toString(rank),
        im.element().type(),
        im.element().id(),
        f(im.tonnesAffected(), "%.1f"),
        f(im.unservedTonnes(), "%.1f"),
        f(im.extraCost(), "%.1f"),
        f(im.extraHours(), "%.3f"),
        f(im.extraKm(), "%.3f"),
        im.mainOd(),
        route);
  }

  /** The columns of {@code reliability --format csv}: one row per route compared. */
  public static final List<String> RELIABILITY =
      List.of(
          "origin",
          "destination",
          "scenario",
          "seed",
          "samples",
          "route",
          "name",
          "most_reliable",
          "mean_days",
          "p50_days",
          "p90_days",
          "p95_days",
          "p50_usd",
          "p90_usd",
          "p95_usd",
          "on_time",
          "disrupted_share",
          "rerouted_share",
          "no_route");

  /** The rows of one reliability result, route by route. */
  public static List<List<String>> reliability(ReliabilityService.Result res) {
    List<List<String>> out = new ArrayList<>();
    ReliabilityService.Request s = res.settings();
    for (int i = 0; i < res.routes().size(); i++) {
      TransitSimulation.Summary x = res.routes().get(i).summary();
      out.add(
          List.of(
              res.request().from(),
              res.request().to(),
              scenario(res.scenario()),
              Long.toString(s.seed()),
              Integer.toString(s.samples()),
              Integer.toString(i + 1),
              x.name(),
              i == res.best() ? "true" : "false",
              f(x.meanH() / 24, "%.3f"),
              f(x.p50H() / 24, "%.3f"),
              f(x.p90H() / 24, "%.3f"),
              f(x.p95H() / 24, "%.3f"),
              f(x.p50Usd(), "%.2f"),
              f(x.p90Usd(), "%.2f"),
              f(x.p95Usd(), "%.2f"),
              s.deadlineDays() == null ? "" : f(x.onTime(), "%.4f"),
              f(x.disrupted(), "%.4f"),
              f(x.rerouted(), "%.4f"),
              ""));
    }
    return out;
  }

  /** The one row of a reliability request that found no route. */
  public static List<String> reliabilityNoRoute(
      String from, String to, String scenario, long seed, int samples, String why) {
    List<String> row = new ArrayList<>();
    row.addAll(List.of(from, to, scenario(scenario), Long.toString(seed), "" + samples));
    while (row.size() < RELIABILITY.size() - 1) {
      row.add("");
    }
    row.add(why);
    return row;
  }

  /** The scenario column: "base" for the base network. */
  private static String scenario(String name) {
    return name == null ? "base" : name;
  }

  private static String f(Double v, String fmt) {
    return v == null ? "" : String.format(Locale.ROOT, fmt, v);
  }
}
