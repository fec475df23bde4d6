package org.karvan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;

/** The human-readable itinerary table. */
final class RouteTable {
  private RouteTable() {}

  /** Width of the "where" column; longer text wraps onto the next lines. */
  static final int WHERE = 60;

  private static String name(Network n, String id) {
    return n.getNode(id).name();
  }

  /** Splits text into lines of at most {@code width} characters, at spaces where it can. */
  static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      out.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).strip();
    }
    out.add(rest);
    return out;
  }

  /** True when a link of the leg has an estimated length. */
  static boolean lengthEstimated(Network n, Route.Leg l) {
    return l.links().stream()
        .anyMatch(id -> n.getLink(id).provenance().estimated().contains("length_km"));
  }

  /**
   * The legs printed as rows of their own: a leg of 0 km over border links only is the border
   * crossing itself, so it is folded into the crossing's stop (its figures added there) when the
   * route has one next to it.
   */
  static java.util.Map<Integer, Route.Leg> foldedBorderLegs(Network n, Route r) {
    java.util.Map<Integer, Route.Leg> folded = new java.util.HashMap<>();
    for (Route.Leg l : r.legs()) {
      if (l.distanceKm() >= 0.5 || l.links().isEmpty()) {
        continue;
      }
      boolean border = l.links().stream().allMatch(id -> n.getLink(id).borderCrossing() != null);
      if (!border) {
        continue;
      }
      r.events().stream()
          .filter(e -> e.type() == Route.EventType.BORDER_CROSSING)
          .filter(e -> Math.abs(e.seq() - l.seq()) == 1 && !folded.containsKey(e.seq()))
          .findFirst()
          .ifPresent(e -> folded.put(e.seq(), l));
    }
    return folded;
  }

  /** Prints a route under its title, e.g. {@code optimised for time} or {@code Pareto point 2}. */
  static void print(
      PrintWriter out, Network n, Route r, RouteRequest req, String title, String basis) {
    out.printf(
        Locale.ROOT,
        "%s -> %s   cargo %s (%.1f TEU, %.0f t), %s%n  %s%n",
        n.getNode(req.from()).name(),
        n.getNode(req.to()).name(),
        req.cargo().label(),
        req.cargo().teu(),
        req.cargo().tonnes(),
        title,
        basis);
    boolean timed = r.departs() != null;
    out.printf(
        Locale.ROOT,
        "%3s  %-17s %-" + WHERE + "s %-5s %8s %8s %9s %9s%s%n",
        "#",
        "step",
        "where",
        "ctry",
        "km",
        "hours",
        "USD",
        "kg CO2e",
        timed ? String.format(Locale.ROOT, "  %-24s %-24s", "from", "until") : "");
    record Row(
        int seq,
        String step,
        String where,
        String ctry,
        String km,
        double h,
        double usd,
        double co2,
        String times) {}
    List<Row> rows = new ArrayList<>();
    java.util.Map<Integer, Route.Leg> folded = foldedBorderLegs(n, r);
    java.util.Set<Route.Leg> skip = new java.util.HashSet<>(folded.values());
    java.util.Set<Route.Leg> estimated = new java.util.HashSet<>();
    for (Route.Leg l : r.legs()) {
      if (skip.contains(l)) {
        continue;
      }
      if (lengthEstimated(n, l)) {
        estimated.add(l);
      }
      String mode = l.gauge() == null ? l.mode() : l.mode() + " " + l.gauge();
      rows.add(
          new Row(
              l.seq(),
              mode,
              name(n, l.from()) + " -> " + name(n, l.to()),
              l.country() == null ? "sea" : l.country(),
              (estimated.contains(l) ? "~" : "")
                  + String.format(Locale.ROOT, "%." + l.kmDecimals() + "f", l.distanceKm()),
              l.durationHours(),
              l.costUsd(),
              l.co2eKg(),
              times(timed, l.departs(), l.arrives())));
    }
    for (Route.Event e : r.events()) {
      Route.Leg b = folded.get(e.seq());
      String where =
          (b == null ? name(n, e.at()) : name(n, b.from()) + " -> " + name(n, b.to()))
              + ": "
              + e.detail();
      String c = n.countryOf(e.at());
      rows.add(
          new Row(
              e.seq(),
              "· " + e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
              where,
              c == null ? "" : c,
              "",
              e.durationHours() + (b == null ? 0 : b.durationHours()),
              e.costUsd() + (b == null ? 0 : b.costUsd()),
              e.co2eKg() + (b == null ? 0 : b.co2eKg()),
              b == null
                  ? times(timed, e.arrives(), e.departs())
                  : times(timed, b.departs(), e.departs())));
    }
    rows.sort(Comparator.comparingInt(Row::seq));
    int i = 1;
    for (Row row : rows) {
      List<String> lines = wrap(row.where(), WHERE);
      out.printf(
          Locale.ROOT,
          "%3d  %-17s %-" + WHERE + "s %-5s %8s %8.1f %9.0f %9.0f%s%n",
          i++,
          row.step(),
          lines.get(0),
          row.ctry(),
          row.km(),
          row.h(),
          row.usd(),
          row.co2(),
          row.times());
      for (String more : lines.subList(1, lines.size())) {
        out.printf(Locale.ROOT, "%3s  %-17s %s%n", "", "", more);
      }
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
    if (!estimated.isEmpty()) {
      out.println(
          "~ km: the length of at least one link on the leg is an estimate (the link's 'estimated'"
              + " column; data/default-network/README.md lists them)");
    }
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

  /** Local time at the place with its UTC offset: {@code Tue 2026-12-08 12:00 +04}. */
  private static String when(java.time.OffsetDateTime t) {
    return org.karvan.io.route.RouteTimes.compact(t);
  }

  /** The start and end of a step of a timed route (a stop: arrival, then departure). */
  private static String times(
      boolean timed, java.time.OffsetDateTime a, java.time.OffsetDateTime b) {
    return timed ? String.format(Locale.ROOT, "  %-24s %-24s", when(a), when(b)) : "";
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
