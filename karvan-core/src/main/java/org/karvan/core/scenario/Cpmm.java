package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;

/**
 * CAREC Corridor Performance Measurement and Monitoring indicators, modelled for a route and for
 * each national section of it (docs/scenarios.md gives the definitions and their source).
 *
 * <ul>
 *   <li>TFI1: border clearance time, hours (per crossing and summed);
 *   <li>TFI2: border crossing cost, USD (per crossing and summed);
 *   <li>TFI3: cost per 500 km per 20 t, USD;
 *   <li>TFI4: speed without delay (SWOD, km over moving hours) and with delay (SWD, km over all
 *       hours), km/h.
 * </ul>
 */
public record Cpmm(
    double tfi1BorderHours,
    double tfi2BorderUsd,
    double tfi3UsdPer500kmPer20t,
    double swodKmh,
    double swdKmh,
    List<Crossing> crossings,
    List<Section> sections) {

  /** TFI1 and TFI2 at one crossing. */
  public record Crossing(String at, String name, double hours, double usd) {}

  /** A national section (sea legs form a section with country {@code SEA}). */
  public record Section(
      String country,
      double km,
      double movingH,
      double totalH,
      double usd,
      double tfi3,
      double swod,
      double swd) {}

  public static Cpmm of(Network n, Route r, Cargo c) {
    double moving = 0;
    for (Route.Leg l : r.legs()) {
      moving += l.durationHours();
    }
    List<Crossing> xs = new ArrayList<>();
    double bh = 0;
    double busd = 0;
    for (Route.Event e : r.events()) {
      // CPMM counts ports among border-crossing points (e.g. "Baku" port in the AZ report).
      if (e.type() == EventType.BORDER_CROSSING || e.type() == EventType.CUSTOMS) {
        xs.add(new Crossing(e.at(), e.detail(), e.durationHours(), e.costUsd()));
        bh += e.durationHours();
        busd += e.costUsd();
      }
    }
    // Sections: legs by country in travel order; events count in the section of the leg before them
    // (loading: the first leg's).
    Map<String, double[]> acc = new LinkedHashMap<>();
    List<Object> steps = new ArrayList<>();
    steps.addAll(r.legs());
    steps.addAll(r.events());
    steps.sort(
        java.util.Comparator.comparingInt(
            o -> o instanceof Route.Leg l ? l.seq() : ((Route.Event) o).seq()));
    String current = null;
    List<Route.Event> pending = new ArrayList<>();
    for (Object o : steps) {
      if (o instanceof Route.Leg l) {
        current = l.country() == null ? "SEA" : l.country();
        double[] a = acc.computeIfAbsent(current, k -> new double[4]);
        a[0] += l.distanceKm();
        a[1] += l.durationHours();
        a[2] += l.durationHours();
        a[3] += l.costUsd();
        for (Route.Event e : pending) {
          a[2] += e.durationHours();
          a[3] += e.costUsd();
        }
        pending.clear();
      } else {
        Route.Event e = (Route.Event) o;
        if (current == null) {
          pending.add(e);
        } else {
          double[] a = acc.get(current);
          a[2] += e.durationHours();
          a[3] += e.costUsd();
        }
      }
    }
    List<Section> sections = new ArrayList<>();
    acc.forEach(
        (k, a) ->
            sections.add(
                new Section(
                    k,
                    a[0],
                    a[1],
                    a[2],
                    a[3],
                    tfi3(a[3], a[0], c),
                    a[1] > 0 ? a[0] / a[1] : 0,
                    a[2] > 0 ? a[0] / a[2] : 0)));
    double km = r.totals().distanceKm();
    return new Cpmm(
        bh,
        busd,
        tfi3(r.totals().costUsd(), km, c),
        moving > 0 ? km / moving : 0,
        r.totals().durationHours() > 0 ? km / r.totals().durationHours() : 0,
        xs,
        sections);
  }

  private static double tfi3(double usd, double km, Cargo c) {
    return km > 0 ? usd / (km / 500.0) / (c.tonnes() / 20.0) : 0;
  }
}
