package org.karvan.io.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.scenario.Corridors;
import org.karvan.core.scenario.Cpmm;

/**
 * One self-contained HTML page (inline CSS and SVG, no scripts, nothing fetched) with the route
 * itinerary, the time and cost-distance charts, the CPMM indicators and the scenario deltas, for an
 * analyst to mail to a colleague.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static String f(double v, int d) {
    return String.format(Locale.ROOT, "%,." + d + "f", v);
  }

  /**
   * The report of {@code base} against {@code comparisons}; {@code base} may be null when the base
   * network has no route ({@code baseNoRoute} says why): the report then shows the scenarios'
   * routes alone.
   */
  public static String of(
      Network n,
      String from,
      String to,
      Cargo cargo,
      String objective,
      Route base,
      String baseNoRoute,
      List<Comparison> comparisons) {
    StringBuilder h = new StringBuilder();
    String title = "Karvan route report: " + n.getNode(from).name() + " to " + n.getNode(to).name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title>\n<style>")
        .append(
            "body{font-family:sans-serif;margin:2em;max-width:1150px;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}")
        .append(
            "td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}th{background:#f3f3f3;text-align:left}td.n{text-align:right}")
        .append(
            "tr.event td{color:#555;font-style:italic}h2{margin-top:1.6em;border-bottom:1px solid #ddd}.small{color:#666;font-size:12px}")
        .append("</style></head><body>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n");
    h.append("<p class=\"small\">Cargo ")
        .append(esc(cargo.label()))
        .append(String.format(Locale.ROOT, " (%.1f TEU, %.0f t)", cargo.teu(), cargo.tonnes()))
        .append(", optimised for ")
        .append(esc(objective))
        .append(". Network ")
        .append(esc(n.manifest().name()))
        .append(' ')
        .append(esc(n.manifest().version()))
        .append(", data as of ")
        .append(n.manifest().asOf())
        .append(", licence ")
        .append(esc(n.manifest().licence()))
        .append(
            ". Every figure in the network carries a source; estimates are marked in the data.</p>\n");
    List<TcdChart.Series> series = new ArrayList<>();
    if (base != null) {
      series.add(new TcdChart.Series("base", base));
    }
    for (Comparison c : comparisons) {
      if (c.route() != null) {
        series.add(new TcdChart.Series(c.scenario(), c.route()));
      }
    }
    if (!comparisons.isEmpty()) {
      h.append(
              "<h2>Scenarios against the base network</h2>\n<table><tr><th>scenario</th><th>km</th><th>days</th><th>USD</th><th>kg CO2e</th>")
          .append(
              "<th>Δ km</th><th>Δ days</th><th>Δ USD</th><th>Δ kg CO2e</th><th>corridor</th><th>countries / crossings gained and lost</th></tr>\n");
      if (base != null) {
        h.append(row("base", base, null, String.join(" + ", Corridors.of(n, base)), ""));
      } else {
        h.append("<tr><td>base</td><td colspan=\"10\">")
            .append(esc(baseNoRoute == null ? "no route on the base network" : baseNoRoute))
            .append("</td></tr>\n");
      }
      for (Comparison c : comparisons) {
        if (c.route() == null) {
          h.append("<tr><td>")
              .append(esc(c.scenario()))
              .append("</td><td colspan=\"10\">")
              .append(esc(c.noRoute()))
              .append("</td></tr>\n");
        } else {
          List<String> ch = new ArrayList<>();
          c.countriesGained().forEach(x -> ch.add("+" + x));
          c.countriesLost().forEach(x -> ch.add("−" + x));
          c.crossingsGained().forEach(x -> ch.add("+" + x));
          c.crossingsLost().forEach(x -> ch.add("−" + x));
          h.append(
              row(
                  c.scenario(),
                  c.route(),
                  c.delta(),
                  String.join(" + ", c.corridors()),
                  String.join(", ", ch)));
        }
      }
      h.append("</table>\n");
    }
    h.append("<h2>Time-distance chart</h2>\n")
        .append(
            strip(new TcdChart(n, series, TcdChart.Axis.TIME, "Time-distance (UNESCAP)").svg()));
    h.append("<h2>Cost-distance chart</h2>\n")
        .append(
            strip(new TcdChart(n, series, TcdChart.Axis.COST, "Cost-distance (UNESCAP)").svg()));
    for (TcdChart.Series s : series) {
      h.append("<h2>Itinerary: ")
          .append(esc(s.name()))
          .append("</h2>\n")
          .append(itinerary(n, s.route()));
      h.append(cpmm(Cpmm.of(n, s.route(), cargo)));
    }
    h.append(
            "<p class=\"small\">CPMM indicators after the ADB CAREC Corridor Performance Measurement and Monitoring method: TFI1 border clearance time, ")
        .append(
            "TFI2 border crossing cost, TFI3 cost per 500 km per 20 t, TFI4 speed without delay (SWOD) and with delay (SWD). Modelled from the network ")
        .append("data, not measured. Generated by Karvan.</p>\n</body></html>\n");
    return h.toString();
  }

  private static String strip(String svg) {
    return svg.replaceFirst("^<svg ", "<svg role=\"img\" ") + "\n";
  }

  private static String row(
      String name, Route r, Comparison.Delta d, String corridor, String changes) {
    Route.Totals t = r.totals();
    StringBuilder s = new StringBuilder("<tr><td>").append(esc(name)).append("</td>");
    s.append("<td class=\"n\">")
        .append(f(t.distanceKm(), 0))
        .append("</td><td class=\"n\">")
        .append(f(t.durationDays(), 1))
        .append("</td><td class=\"n\">")
        .append(f(t.costUsd(), 0))
        .append("</td><td class=\"n\">")
        .append(f(t.co2eKg(), 0))
        .append("</td>");
    if (d == null || d.km() == null) {
      s.append("<td></td><td></td><td></td><td></td>");
    } else {
      s.append("<td class=\"n\">")
          .append(String.format(Locale.ROOT, "%+,.0f", d.km()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%+.1f", d.days()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%+,.0f", d.usd()))
          .append("</td><td class=\"n\">")
          .append(String.format(Locale.ROOT, "%+,.0f", d.kgCo2e()))
          .append("</td>");
    }
    return s.append("<td>")
        .append(esc(corridor))
        .append("</td><td>")
        .append(esc(changes))
        .append("</td></tr>\n")
        .toString();
  }

  private static String itinerary(Network n, Route r) {
    record Step(int seq, String html) {}
    List<Step> steps = new ArrayList<>();
    for (Route.Leg l : r.legs()) {
      steps.add(
          new Step(
              l.seq(),
              "<tr><td>"
                  + esc(l.mode() + (l.gauge() == null ? "" : " " + l.gauge()))
                  + "</td><td>"
                  + esc(n.getNode(l.from()).name())
                  + " → "
                  + esc(n.getNode(l.to()).name())
                  + "</td><td>"
                  + esc(l.country() == null ? "sea" : l.country())
                  + "</td><td class=\"n\">"
                  + f(l.distanceKm(), l.kmDecimals())
                  + "</td><td class=\"n\">"
                  + f(l.durationHours(), 1)
                  + "</td><td class=\"n\">"
                  + f(l.costUsd(), 0)
                  + "</td><td class=\"n\">"
                  + f(l.co2eKg(), 0)
                  + "</td></tr>\n"));
    }
    for (Route.Event e : r.events()) {
      steps.add(
          new Step(
              e.seq(),
              "<tr class=\"event\"><td>"
                  + esc(e.type().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                  + "</td><td>"
                  + esc(n.getNode(e.at()).name() + ": " + e.detail())
                  + "</td><td>"
                  + esc(n.countryOf(e.at()))
                  + "</td><td></td><td class=\"n\">"
                  + f(e.durationHours(), 1)
                  + "</td><td class=\"n\">"
                  + f(e.costUsd(), 0)
                  + "</td><td class=\"n\">"
                  + f(e.co2eKg(), 0)
                  + "</td></tr>\n"));
    }
    steps.sort(Comparator.comparingInt(Step::seq));
    StringBuilder s =
        new StringBuilder(
            "<table><tr><th>step</th><th>where</th><th>country</th><th>km</th><th>hours</th><th>USD</th><th>kg CO2e</th></tr>\n");
    steps.forEach(x -> s.append(x.html()));
    Route.Totals t = r.totals();
    s.append("<tr><th>total</th><th></th><th></th><th class=\"n\">")
        .append(f(t.distanceKm(), 0))
        .append("</th><th class=\"n\">")
        .append(f(t.durationHours(), 1))
        .append(" (")
        .append(f(t.durationDays(), 1))
        .append(" days)</th><th class=\"n\">")
        .append(f(t.costUsd(), 0))
        .append("</th><th class=\"n\">")
        .append(f(t.co2eKg(), 0))
        .append("</th></tr></table>\n");
    return s.toString();
  }

  private static String cpmm(Cpmm c) {
    StringBuilder s =
        new StringBuilder(
            "<table><tr><th>CPMM</th><th>TFI1 border h</th><th>TFI2 border USD</th><th>TFI3 USD / 500 km / 20 t</th><th>SWOD km/h</th><th>SWD km/h</th></tr>\n");
    s.append("<tr><td>route</td><td class=\"n\">")
        .append(f(c.tfi1BorderHours(), 1))
        .append("</td><td class=\"n\">")
        .append(f(c.tfi2BorderUsd(), 0))
        .append("</td><td class=\"n\">")
        .append(f(c.tfi3UsdPer500kmPer20t(), 0))
        .append("</td><td class=\"n\">")
        .append(f(c.swodKmh(), 1))
        .append("</td><td class=\"n\">")
        .append(f(c.swdKmh(), 1))
        .append("</td></tr>\n");
    for (Cpmm.Section sec : c.sections()) {
      s.append("<tr><td>section ")
          .append(esc(sec.country()))
          .append("</td><td></td><td></td><td class=\"n\">")
          .append(f(sec.tfi3(), 0))
          .append("</td><td class=\"n\">")
          .append(f(sec.swod(), 1))
          .append("</td><td class=\"n\">")
          .append(f(sec.swd(), 1))
          .append("</td></tr>\n");
    }
    return s.append("</table>\n").toString();
  }
}
