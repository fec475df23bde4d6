package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;

/** The human-readable itinerary table. */
final class RouteTable {
  private RouteTable() {}

  private static String name(Network n, String id) {
    String s = n.getNode(id).name();
    return s.length() > 28 ? s.substring(0, 27) + "…" : s;
  }

  static void print(
      PrintWriter out, Network n, Route r, RouteRequest req, Objective o, String basis) {
    out.printf(
        Locale.ROOT,
        "%s -> %s   cargo %s (%.1f TEU, %.0f t), optimised for %s%n  %s%n",
        n.getNode(req.from()).name(),
        n.getNode(req.to()).name(),
        req.cargo().label(),
        req.cargo().teu(),
        req.cargo().tonnes(),
        o.name().toLowerCase(Locale.ROOT),
        basis);
    boolean timed = r.departs() != null;
    out.printf(
        Locale.ROOT,
        "%3s  %-17s %-60s %-5s %8s %8s %9s %9s%s%n",
        "#",
        "step",
        "where",
        "ctry",
        "km",
        "hours",
        "USD",
        "kg CO2e",
        timed ? String.format(Locale.ROOT, "  %-20s %-20s", "from", "until") : "");
    record Row(int seq, String text) {}
    List<Row> rows = new ArrayList<>();
    for (Route.Leg l : r.legs()) {
      String mode = l.gauge() == null ? l.mode() : l.mode() + " " + l.gauge();
      rows.add(
          new Row(
              l.seq(),
              String.format(
                      Locale.ROOT,
                      "%-17s %-60s %-5s %8.0f %8.1f %9.0f %9.0f",
                      mode,
                      name(n, l.from()) + " -> " + name(n, l.to()),
                      l.country() == null ? "sea" : l.country(),
                      l.distanceKm(),
                      l.durationHours(),
                      l.costUsd(),
                      l.co2eKg())
                  + times(timed, l.departs(), l.arrives())));
    }
    for (Route.Event e : r.events()) {
      String where = name(n, e.at()) + ": " + e.detail();
      if (where.length() > 60) {
        where = where.substring(0, 59) + "…";
      }
      String c = n.countryOf(e.at());
      rows.add(
          new Row(
              e.seq(),
              String.format(
                      Locale.ROOT,
                      "%-17s %-60s %-5s %8s %8.1f %9.0f %9.0f",
                      "· " + e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                      where,
                      c == null ? "" : c,
                      "",
                      e.durationHours(),
                      e.costUsd(),
                      e.co2eKg())
                  + times(timed, e.arrives(), e.departs())));
    }
    rows.sort(Comparator.comparingInt(Row::seq));
    int i = 1;
    for (Row row : rows) {
      out.printf(Locale.ROOT, "%3d  %s%n", i++, row.text());
    }
    Route.Totals t = r.totals();
    out.printf(
        Locale.ROOT,
        "Total: %,.0f km, %.1f h (%.1f days), USD %,.0f, %,.0f kg CO2e%n",
        t.distanceKm(),
        t.durationHours(),
        t.durationDays(),
        t.costUsd(),
        t.co2eKg());
    if (timed) {
      out.println("Departs " + when(r.departs()) + ", arrives " + when(r.arrives()));
    }
    out.println(
        "Countries: "
            + (r.countries().isEmpty()
                ? "-"
                : r.countries().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.0f km", c.code(), c.distanceKm()))
                    .collect(Collectors.joining(", "))));
    out.println(
        "Border crossings: "
            + (r.crossings().isEmpty()
                ? "none"
                : r.crossings().stream()
                    .map(id -> n.getCrossing(id).name() + " [" + id + "]")
                    .collect(Collectors.joining("; "))));
    out.println(
        "Chokepoints: "
            + (r.chokepoints().isEmpty()
                ? "none"
                : r.chokepoints().stream()
                    .map(id -> n.findChokepoint(id).map(c -> c.name()).orElse(id))
                    .collect(Collectors.joining(", "))));
    out.println("Disruptions on this route: " + (r.disruptions().isEmpty() ? "none" : ""));
    for (Route.Disruption d : r.disruptions()) {
      out.printf(
          Locale.ROOT,
          "  %s (%s %s): %s; %d passage(s), +%.1f h, +USD %,.0f [sources: %s]%n",
          d.id(),
          d.targetType().toLowerCase(Locale.ROOT),
          String.join("|", d.targets()),
          d.effect(),
          d.passages(),
          d.hours(),
          d.usd(),
          String.join("; ", d.sources()));
    }
    printCpmm(out, org.karvan.core.scenario.Cpmm.of(n, r, req.cargo()));
  }

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.ROOT);

  private static String when(java.time.LocalDateTime t) {
    return t == null ? "" : WHEN.format(t);
  }

  /** The start and end of a step of a timed route (a stop: arrival, then departure). */
  private static String times(boolean timed, java.time.LocalDateTime a, java.time.LocalDateTime b) {
    return timed ? String.format(Locale.ROOT, "  %-20s %-20s", when(a), when(b)) : "";
  }

  static void printCpmm(PrintWriter out, org.karvan.core.scenario.Cpmm c) {
    out.printf(
        Locale.ROOT,
        "CPMM: TFI1 border clearance %.1f h, TFI2 border cost USD %,.0f, TFI3 USD %,.0f per 500 km per 20 t, TFI4 SWOD %.1f km/h, SWD %.1f km/h%n",
        c.tfi1BorderHours(),
        c.tfi2BorderUsd(),
        c.tfi3UsdPer500kmPer20t(),
        c.swodKmh(),
        c.swdKmh());
    for (var s : c.sections()) {
      out.printf(
          Locale.ROOT,
          "  section %-4s %7.0f km  TFI3 USD %,6.0f  SWOD %5.1f km/h  SWD %5.1f km/h%n",
          s.country(),
          s.km(),
          s.tfi3(),
          s.swod(),
          s.swd());
    }
  }
}
