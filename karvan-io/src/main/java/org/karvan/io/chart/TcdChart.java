package org.karvan.io.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.io.csv.CsvWriter;

/**
 * The UNESCAP time/cost-distance chart: x = cumulative distance (km), y = cumulative time (h) or
 * cost (USD). Each leg is a sloped segment coloured by mode; each stop (border, transshipment,
 * break of gauge, port, wait, rest, loading) is a vertical segment labelled with its type and
 * place. Several routes (scenarios, alternatives) share one chart with a legend. Rendered as
 * hand-written SVG, as PNG through Java2D, and as the CSV behind it; all three come from the same
 * segment list.
 */
public final class TcdChart {
  /** What the y axis shows. */
  public enum Axis {
    TIME("Cumulative time (h)"),
    COST("Cumulative cost (USD)");

    final String label;

    Axis(String label) {
      this.label = label;
    }
  }

  /** One segment: a leg (sloped) or a stop (vertical, x0 == x1). */
  public record Segment(
      int series,
      int seq,
      boolean stop,
      String kind,
      String label,
      double x0,
      double y0,
      double x1,
      double y1) {}

  /** A named route on the chart. */
  public record Series(String name, Route route) {}

  private final List<Series> series;
  private final Axis axis;
  private final List<Segment> segments = new ArrayList<>();
  private final String title;

  public TcdChart(Network n, List<Series> series, Axis axis, String title) {
    this.series = List.copyOf(series);
    this.axis = axis;
    this.title = title;
    for (int s = 0; s < series.size(); s++) {
      Route r = series.get(s).route();
      List<Object> steps = new ArrayList<>();
      steps.addAll(r.legs());
      steps.addAll(r.events());
      steps.sort(
          Comparator.comparingInt(
              o -> o instanceof Route.Leg l ? l.seq() : ((Route.Event) o).seq()));
      double x = 0;
      double y = 0;
      for (Object o : steps) {
        if (o instanceof Route.Leg l) {
          double dy = axis == Axis.TIME ? l.durationHours() : l.costUsd();
          String label =
              l.mode()
                  + (l.gauge() == null ? "" : " " + l.gauge())
                  + " "
                  + n.getNode(l.from()).name()
                  + " - "
                  + n.getNode(l.to()).name();
          segments.add(
              new Segment(s, l.seq(), false, l.mode(), label, x, y, x + l.distanceKm(), y + dy));
          x += l.distanceKm();
          y += dy;
        } else {
          Route.Event e = (Route.Event) o;
          double dy = axis == Axis.TIME ? e.durationHours() : e.costUsd();
          if (dy <= 0) {
            continue;
          }
          String label =
              e.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                  + ", "
                  + n.getNode(e.at()).name();
          segments.add(new Segment(s, e.seq(), true, e.type().name(), label, x, y, x, y + dy));
          y += dy;
        }
      }
    }
  }

  public Axis axis() {
    return axis;
  }

  public List<Series> series() {
    return series;
  }

  public List<Segment> segments() {
    return segments;
  }

  private static final String[] MODE_COLOURS = {
    "RAIL",
    "#1f77b4",
    "ROAD",
    "#d62728",
    "SEA",
    "#17becf",
    "FERRY",
    "#9467bd",
    "INLAND_WATERWAY",
    "#8c564b"
  };
  private static final String STOP_COLOUR = "#444444";
  private static final String[] DASHES = {"", "8 4", "2 3", "12 4 2 4", "6 6"};

  static String colour(String mode) {
    for (int i = 0; i < MODE_COLOURS.length; i += 2) {
      if (MODE_COLOURS[i].equals(mode)) {
        return MODE_COLOURS[i + 1];
      }
    }
    return STOP_COLOUR;
  }

  // Layout.
  static final int W = 1100;
  static final int H = 640;
  static final int LEFT = 80;
  static final int RIGHT = 300;
  static final int TOP = 50;
  static final int BOTTOM = 60;

  double maxX() {
    return Math.max(1, segments.stream().mapToDouble(Segment::x1).max().orElse(1));
  }

  double maxY() {
    return Math.max(1, segments.stream().mapToDouble(Segment::y1).max().orElse(1));
  }

  static double niceStep(double max) {
    double raw = max / 8;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  double px(double x, double maxX) {
    return LEFT + x / maxX * (W - LEFT - RIGHT);
  }

  double py(double y, double maxY) {
    return H - BOTTOM - y / maxY * (H - TOP - BOTTOM);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The chart as a standalone SVG document. */
  public String svg() {
    double mx = maxX() * 1.02;
    double my = maxY() * 1.05;
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            W,
            H,
            W,
            H));
    sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"28\" font-size=\"16\" font-weight=\"bold\">%s</text>%n",
            LEFT,
            esc(title)));
    double sx = niceStep(mx);
    for (double v = 0; v <= mx; v += sx) {
      double x = px(v, mx);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e5e5e5\"/>%n",
              x,
              TOP,
              x,
              H - BOTTOM));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,.0f</text>%n",
              x,
              H - BOTTOM + 18,
              v));
    }
    double sy = niceStep(my);
    for (double v = 0; v <= my; v += sy) {
      double y = py(v, my);
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>%n",
              LEFT,
              y,
              W - RIGHT,
              y));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%,.0f</text>%n",
              LEFT - 6,
              y + 4,
              v));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT,
            H - BOTTOM,
            W - RIGHT,
            H - BOTTOM));
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT,
            TOP,
            LEFT,
            H - BOTTOM));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Cumulative distance (km)</text>%n",
            (LEFT + W - RIGHT) / 2,
            H - 18));
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">%s</text>%n",
            (TOP + H - BOTTOM) / 2,
            (TOP + H - BOTTOM) / 2,
            axis.label));
    // Lines of several series may coincide: earlier series are drawn wider underneath, so every
    // later (dashed) line stays visible on top of them. Stop labels that would overlap one drawn
    // before, or run into the legend, are left out (each keeps its tooltip).
    int nSeries = series.size();
    List<double[]> placed = new ArrayList<>();
    for (Segment s : segments) {
      String dash = DASHES[s.series() % DASHES.length];
      double width = (s.stop() ? 3 : 2.5) + 2.5 * (nSeries - 1 - s.series());
      sb.append(
          String.format(
              Locale.ROOT,
              "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"%s><title>%s</title></line>%n",
              s.stop() ? "stop" : "leg",
              px(s.x0(), mx),
              py(s.y0(), my),
              px(s.x1(), mx),
              py(s.y1(), my),
              s.stop() ? STOP_COLOUR : colour(s.kind()),
              String.format(Locale.ROOT, "%.1f", width),
              dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"",
              esc(s.label() + String.format(Locale.ROOT, " (%,.1f)", s.y1() - s.y0()))));
      if (s.stop() && (s.y1() - s.y0()) / my > 0.04) {
        String text = shortLabel(s.label());
        double tw = 5.6 * text.length();
        double x = px(s.x0(), mx) + 4;
        boolean left = x + tw > W - RIGHT + 10;
        double x0 = left ? x - 8 - tw : x;
        double y = py((s.y0() + s.y1()) / 2, my) + 3;
        double[] box = {x0, y - 10, x0 + tw, y + 2};
        boolean free =
            placed.stream()
                .noneMatch(b -> b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]);
        if (free && x0 >= LEFT) {
          placed.add(box);
          sb.append(
              String.format(
                  Locale.ROOT,
                  "<text class=\"stop-label\" x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#333\"%s>%s</text>%n",
                  left ? x - 8 : x,
                  y,
                  left ? " text-anchor=\"end\"" : "",
                  esc(text)));
        }
      }
    }
    int ly = TOP + 10;
    int lx = W - RIGHT + 20;
    for (int i = 0; i < series.size(); i++) {
      String dash = DASHES[i % DASHES.length];
      Route.Totals t = series.get(i).route().totals();
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\" stroke-width=\"%.1f\"%s/>%n",
              lx,
              ly,
              lx + 30,
              ly,
              2.5 + 2.5 * (series.size() - 1 - i),
              dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              lx + 36,
              ly + 4,
              esc(series.get(i).name())));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#555\">%,.0f km, %.1f days, USD %,.0f</text>%n",
              lx + 36,
              ly + 18,
              t.distanceKm(),
              t.durationDays(),
              t.costUsd()));
      ly += 36;
    }
    ly += 6;
    for (int i = 0; i < MODE_COLOURS.length; i += 2) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
              lx,
              ly,
              lx + 30,
              ly,
              MODE_COLOURS[i + 1],
              lx + 36,
              ly + 4,
              MODE_COLOURS[i].toLowerCase(Locale.ROOT).replace('_', ' ')));
      ly += 18;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">stop (vertical)</text>%n",
            lx + 15,
            ly - 6,
            lx + 15,
            ly + 6,
            STOP_COLOUR,
            lx + 36,
            ly + 4));
    sb.append("</svg>\n");
    return sb.toString();
  }

  private static String shortLabel(String l) {
    return l.length() > 38 ? l.substring(0, 37) + "…" : l;
  }

  /** The chart as PNG bytes, drawn with Java2D from the same segments. */
  public byte[] png() throws IOException {
    System.setProperty("java.awt.headless", "true");
    double mx = maxX() * 1.02;
    double my = maxY() * 1.05;
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double sx = niceStep(mx);
    for (double v = 0; v <= mx; v += sx) {
      float x = (float) px(v, mx);
      g.setColor(new Color(0xe5e5e5));
      g.draw(new Line2D.Float(x, TOP, x, H - BOTTOM));
      g.setColor(Color.BLACK);
      String t = String.format(Locale.ROOT, "%,.0f", v);
      g.drawString(t, x - g.getFontMetrics().stringWidth(t) / 2f, H - BOTTOM + 18);
    }
    double sy = niceStep(my);
    for (double v = 0; v <= my; v += sy) {
      float y = (float) py(v, my);
      g.setColor(new Color(0xe5e5e5));
      g.draw(new Line2D.Float(LEFT, y, W - RIGHT, y));
      g.setColor(Color.BLACK);
      String t = String.format(Locale.ROOT, "%,.0f", v);
      g.drawString(t, LEFT - 6 - g.getFontMetrics().stringWidth(t), y + 4);
    }
    g.draw(new Line2D.Float(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM));
    g.draw(new Line2D.Float(LEFT, TOP, LEFT, H - BOTTOM));
    g.drawString("Cumulative distance (km)", (LEFT + W - RIGHT) / 2f - 70, H - 18);
    g.drawString(axis.label, 4, TOP - 8);
    for (Segment s : segments) {
      float[] dash = dash(s.series());
      g.setStroke(
          dash == null
              ? new BasicStroke(s.stop() ? 3f : 2.5f)
              : new BasicStroke(
                  s.stop() ? 3f : 2.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  10f,
                  dash,
                  0f));
      g.setColor(Color.decode(s.stop() ? STOP_COLOUR : colour(s.kind())));
      g.draw(new Line2D.Double(px(s.x0(), mx), py(s.y0(), my), px(s.x1(), mx), py(s.y1(), my)));
      if (s.stop() && (s.y1() - s.y0()) / my > 0.04) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(new Color(0x333333));
        g.drawString(
            shortLabel(s.label()),
            (float) px(s.x0(), mx) + 4,
            (float) py((s.y0() + s.y1()) / 2, my) + 3);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      }
    }
    int ly = TOP + 10;
    int lx = W - RIGHT + 20;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < series.size(); i++) {
      float[] dash = dash(i);
      g.setStroke(
          dash == null
              ? new BasicStroke(2.5f)
              : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Float(lx, ly, lx + 30, ly));
      g.drawString(series.get(i).name(), lx + 36, ly + 4);
      ly += 36;
    }
    for (int i = 0; i < MODE_COLOURS.length; i += 2) {
      g.setStroke(new BasicStroke(3f));
      g.setColor(Color.decode(MODE_COLOURS[i + 1]));
      g.draw(new Line2D.Float(lx, ly, lx + 30, ly));
      g.setColor(Color.BLACK);
      g.drawString(MODE_COLOURS[i].toLowerCase(Locale.ROOT).replace('_', ' '), lx + 36, ly + 4);
      ly += 18;
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  private static float[] dash(int series) {
    String d = DASHES[series % DASHES.length];
    if (d.isEmpty()) {
      return null;
    }
    String[] parts = d.split(" ");
    float[] f = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      f[i] = Float.parseFloat(parts[i]);
    }
    return f;
  }

  /** The data behind the chart, one row per segment. */
  public String csv() {
    CsvWriter w = new CsvWriter();
    w.row(
        List.of(
            "series",
            "seq",
            "segment",
            "kind",
            "label",
            "km_from",
            "km_to",
            axis == Axis.TIME ? "h_from" : "usd_from",
            axis == Axis.TIME ? "h_to" : "usd_to"));
    for (Segment s : segments) {
      w.row(
          List.of(
              series.get(s.series()).name(),
              Integer.toString(s.seq()),
              s.stop() ? "stop" : "leg",
              s.kind(),
              s.label(),
              String.format(Locale.ROOT, "%.2f", s.x0()),
              String.format(Locale.ROOT, "%.2f", s.x1()),
              String.format(Locale.ROOT, "%.2f", s.y0()),
              String.format(Locale.ROOT, "%.2f", s.y1())));
    }
    return w.toString();
  }
}
