package org.karvan.io.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.io.csv.CsvWriter;

/** Routes as CSV: one row per leg or event, in travel order, for spreadsheets. */
public final class RouteCsv {
  private RouteCsv() {}

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  public static String of(Network n, List<Route> routes) {
    CsvWriter w = new CsvWriter();
    w.row(
        List.of(
            "route",
            "seq",
            "kind",
            "type",
            "from",
            "to",
            "country",
            "distance_km",
            "duration_h",
            "cost_usd",
            "co2e_kg",
            "detail"));
    for (int ri = 0; ri < routes.size(); ri++) {
      Route r = routes.get(ri);
      List<List<String>> rows = new ArrayList<>();
      List<Integer> seqs = new ArrayList<>();
      for (Route.Leg l : r.legs()) {
        seqs.add(l.seq());
        rows.add(
            List.of(
                Integer.toString(ri + 1),
                Integer.toString(l.seq()),
                "leg",
                l.gauge() == null ? l.mode() : l.mode() + "/" + l.gauge(),
                n.getNode(l.from()).name(),
                n.getNode(l.to()).name(),
                l.country() == null ? "" : l.country(),
                f(l.distanceKm()),
                f(l.durationHours()),
                f(l.costUsd()),
                f(l.co2eKg()),
                String.join("|", l.links())));
      }
      for (Route.Event e : r.events()) {
        seqs.add(e.seq());
        rows.add(
            List.of(
                Integer.toString(ri + 1),
                Integer.toString(e.seq()),
                "event",
                e.type().name(),
                n.getNode(e.at()).name(),
                "",
                n.countryOf(e.at()) == null ? "" : n.countryOf(e.at()),
                "0.00",
                f(e.durationHours()),
                f(e.costUsd()),
                f(e.co2eKg()),
                e.detail()));
      }
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        idx.add(i);
      }
      idx.sort(Comparator.comparingInt(seqs::get));
      idx.forEach(i -> w.row(rows.get(i)));
    }
    return w.toString();
  }
}
