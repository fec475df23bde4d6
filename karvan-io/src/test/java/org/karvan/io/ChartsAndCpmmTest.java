package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.scenario.Cpmm;
import org.karvan.io.chart.HtmlReport;
import org.karvan.io.chart.TcdChart;
import org.w3c.dom.Document;

/** TCD chart geometry, CPMM indicators (hand-solved on the tiny network) and the HTML report. */
class ChartsAndCpmmTest {
  static Route tinyFastest() {
    return TinyRoutingTest.ROUTER
        .route(
            new RouteRequest(
                "IRAAA", "AZDDD", List.of(), TinyRoutingTest.FEU, Objective.TIME, Constraints.NONE))
        .orElseThrow();
  }

  @Test
  void chartGeometryMatchesTheRoute() throws Exception {
    Route r = tinyFastest();
    for (TcdChart.Axis axis : TcdChart.Axis.values()) {
      TcdChart c =
          new TcdChart(TinyRoutingTest.NET, List.of(new TcdChart.Series("base", r)), axis, "t");
      List<TcdChart.Segment> segs = c.segments();
      long stops =
          r.events().stream()
              .filter(e -> (axis == TcdChart.Axis.TIME ? e.durationHours() : e.costUsd()) > 0)
              .count();
      assertThat(segs).hasSize(r.legs().size() + (int) stops);
      assertThat(segs.stream().filter(s -> !s.stop())).hasSize(r.legs().size());
      // Segments are contiguous: each starts where the previous ended.
      for (int i = 1; i < segs.size(); i++) {
        assertThat(segs.get(i).x0()).isCloseTo(segs.get(i - 1).x1(), within(1e-9));
        assertThat(segs.get(i).y0()).isCloseTo(segs.get(i - 1).y1(), within(1e-9));
      }
      // Vertical segments are the stops, with heights equal to their time or cost.
      for (TcdChart.Segment s : segs) {
        if (s.stop()) {
          assertThat(s.x1()).isEqualTo(s.x0());
          Route.Event e =
              r.events().stream().filter(x -> x.seq() == s.seq()).findFirst().orElseThrow();
          assertThat(s.y1() - s.y0())
              .isCloseTo(
                  axis == TcdChart.Axis.TIME ? e.durationHours() : e.costUsd(), within(1e-9));
        }
      }
      TcdChart.Segment last = segs.get(segs.size() - 1);
      assertThat(last.x1()).isCloseTo(r.totals().distanceKm(), within(1e-6));
      assertThat(last.y1())
          .isCloseTo(
              axis == TcdChart.Axis.TIME ? r.totals().durationHours() : r.totals().costUsd(),
              within(1e-6));
      // The SVG is well-formed XML with one line per segment; the PNG is a PNG; the CSV has a row
      // per segment.
      Document d =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(
                  new ByteArrayInputStream(
                      c.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      int legLines = 0;
      int stopLines = 0;
      var lines = d.getElementsByTagName("line");
      for (int i = 0; i < lines.getLength(); i++) {
        String cls =
            lines.item(i).getAttributes().getNamedItem("class") == null
                ? ""
                : lines.item(i).getAttributes().getNamedItem("class").getNodeValue();
        legLines += cls.equals("leg") ? 1 : 0;
        stopLines += cls.equals("stop") ? 1 : 0;
      }
      assertThat(legLines).isEqualTo(r.legs().size());
      assertThat(stopLines).isEqualTo((int) stops);
      byte[] png = c.png();
      assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(c.csv().lines().count()).isEqualTo(segs.size() + 1);
    }
  }

  @Test
  void cpmmOfTheHandSolvedTinyRoute() {
    Route r = tinyFastest();
    Cpmm c = Cpmm.of(TinyRoutingTest.NET, r, TinyRoutingTest.FEU);
    assertThat(c.tfi1BorderHours()).isCloseTo(10, within(1e-9));
    assertThat(c.tfi2BorderUsd()).isCloseTo(50, within(1e-9));
    double moving = 2.5 + 0.24 + 12;
    assertThat(c.swodKmh()).isCloseTo(406 / moving, within(1e-9));
    assertThat(c.swdKmh()).isCloseTo(406 / r.totals().durationHours(), within(1e-9));
    assertThat(c.tfi3UsdPer500kmPer20t())
        .isCloseTo(r.totals().costUsd() / (406 / 500.0), within(1e-9));
    assertThat(c.crossings()).singleElement().satisfies(x -> assertThat(x.hours()).isEqualTo(10.0));
    assertThat(c.sections()).extracting(Cpmm.Section::country).containsExactly("IR", "AZ");
    assertThat(c.sections().stream().mapToDouble(Cpmm.Section::km).sum())
        .isCloseTo(406, within(1e-9));
    assertThat(c.sections().stream().mapToDouble(Cpmm.Section::totalH).sum())
        .isCloseTo(r.totals().durationHours(), within(1e-9));
    assertThat(c.sections().stream().mapToDouble(Cpmm.Section::usd).sum())
        .isCloseTo(r.totals().costUsd(), within(1e-9));
  }

  @Test
  void reportIsSelfContained() {
    Route r = tinyFastest();
    Comparison same =
        Comparison.of(
            TinyRoutingTest.NET, "same", "IRAAA", "AZDDD", Optional.of(r), null, Optional.of(r));
    String html =
        HtmlReport.of(
            TinyRoutingTest.NET,
            "IRAAA",
            "AZDDD",
            TinyRoutingTest.FEU,
            "time",
            r,
            null,
            List.of(same));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg", "TFI1", "Itinerary: base", "Itinerary: same");
    assertThat(html).doesNotContain("<script", "<link", "src=\"http", "@import");
    assertThat(same.delta().km()).isZero();
  }

  @Test
  void coincidingSeriesStayVisibleAndStopLabelsNeverOverlap() {
    Route r = tinyFastest();
    String svg =
        new TcdChart(
                TinyRoutingTest.NET,
                List.of(
                    new TcdChart.Series("base", r),
                    new TcdChart.Series("same", r),
                    new TcdChart.Series("again", r)),
                TcdChart.Axis.TIME,
                "t")
            .svg();
    // the same route three times: three leg widths, widest (drawn first) underneath
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("class=\"leg\"[^>]*stroke-width=\"([\\d.]+)\"")
            .matcher(svg);
    java.util.List<Double> widths = new java.util.ArrayList<>();
    while (m.find()) {
      widths.add(Double.parseDouble(m.group(1)));
    }
    assertThat(new java.util.TreeSet<>(widths)).containsExactly(2.5, 5.0, 7.5);
    assertThat(widths.get(0)).isEqualTo(7.5);
    assertThat(widths.get(widths.size() - 1)).isEqualTo(2.5);
    // stop labels: at most one per place, none past the plot into the legend
    java.util.regex.Matcher t =
        java.util.regex.Pattern.compile(
                "<text class=\"stop-label\" x=\"([\\d.]+)\" y=\"([\\d.]+)\"[^>]*?( text-anchor=\"end\")?>([^<]*)<")
            .matcher(svg);
    java.util.List<double[]> boxes = new java.util.ArrayList<>();
    while (t.find()) {
      double x = Double.parseDouble(t.group(1));
      double y = Double.parseDouble(t.group(2));
      double w = 5.6 * t.group(4).length();
      double x0 = t.group(3) == null ? x : x - w;
      assertThat(x0 + w).isLessThanOrEqualTo(1100 - 300 + 10);
      for (double[] b : boxes) {
        boolean overlap = b[0] < x0 + w && x0 < b[2] && b[1] < y + 2 && y - 10 < b[3];
        assertThat(overlap).as(t.group(4)).isFalse();
      }
      boxes.add(new double[] {x0, y - 10, x0 + w, y + 2});
    }
    assertThat(boxes).isNotEmpty();
  }
}
