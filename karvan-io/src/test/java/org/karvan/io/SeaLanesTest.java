package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.io.bundle.BundleReader;

/**
 * No sea or ferry link of the default network is drawn across land, the Caspian included: every
 * point every 3 km along its line (from node, waypoints, to node) lies outside the land of Natural
 * Earth 1:50m (the world-atlas TopoJSON the web map ships), except within 30 km of its end ports
 * and inside the narrow passages the 1:50m land closes.
 *
 * <p>The test found twelve long lanes whose hand-placed waypoints cut a coast or an island (Red
 * Sea, Aegean, Sinop, the Channel, the Dutch coast, Bornholm, the Gulf of Kutch, Jask); their
 * waypoints were redrawn along the sea (their lengths are sea distances, unchanged). Rings across
 * the antimeridian are unwrapped before the ray count (a Fiji ring once made the Cape lane look as
 * if it crossed land at 16.5 S).
 */
class SeaLanesTest {
  static final Path ATLAS =
      Path.of("../karvan-server/src/main/resources/web/vendor/world-atlas/countries-50m.json");

  /** lon0, lat0, lon1, lat1 of the passages the 1:50m land closes. */
  static final Map<String, double[]> PASSAGES =
      Map.of(
          "Suez Canal", new double[] {32.15, 29.85, 32.7, 31.35},
          "Bosphorus", new double[] {28.85, 40.95, 29.25, 41.3},
          "Dardanelles", new double[] {26.0, 39.85, 27.0, 40.6},
          "Danish straits", new double[] {9.5, 54.4, 13.0, 56.4},
          "Volga-Caspian canal and delta", new double[] {46.5, 45.2, 48.6, 46.7},
          "Lake Van", new double[] {42.2, 38.2, 43.8, 39.1});

  /** Land rings (lon, lat pairs) with their bounding boxes. */
  record Ring(double[] xs, double[] ys, double x0, double y0, double x1, double y1) {}

  static List<Ring> land() throws Exception {
    JsonNode d = new ObjectMapper().readTree(Files.readAllBytes(ATLAS));
    double sx = d.get("transform").get("scale").get(0).asDouble();
    double sy = d.get("transform").get("scale").get(1).asDouble();
    double tx = d.get("transform").get("translate").get(0).asDouble();
    double ty = d.get("transform").get("translate").get(1).asDouble();
    List<double[][]> arcs = new ArrayList<>();
    for (JsonNode a : d.get("arcs")) {
      double[][] pts = new double[a.size()][];
      long x = 0;
      long y = 0;
      for (int i = 0; i < a.size(); i++) {
        x += a.get(i).get(0).asLong();
        y += a.get(i).get(1).asLong();
        pts[i] = new double[] {x * sx + tx, y * sy + ty};
      }
      arcs.add(pts);
    }
    List<Ring> rings = new ArrayList<>();
    JsonNode land = d.get("objects").get("land");
    List<JsonNode> geoms = new ArrayList<>();
    if (land.get("type").asText().equals("GeometryCollection")) {
      land.get("geometries").forEach(geoms::add);
    } else {
      geoms.add(land);
    }
    for (JsonNode g : geoms) {
      List<JsonNode> polys = new ArrayList<>();
      if (g.get("type").asText().equals("Polygon")) {
        polys.add(g.get("arcs"));
      } else {
        g.get("arcs").forEach(polys::add);
      }
      for (JsonNode p : polys) {
        for (JsonNode r : p) {
          List<double[]> pts = new ArrayList<>();
          for (JsonNode ai : r) {
            int i = ai.asInt();
            double[][] a = i >= 0 ? arcs.get(i) : reversed(arcs.get(~i));
            for (int k = pts.isEmpty() ? 0 : 1; k < a.length; k++) {
              pts.add(a[k]);
            }
          }
          List<double[]> ring = unwrapped(pts);
          double[] xs = ring.stream().mapToDouble(q -> q[0]).toArray();
          double[] ys = ring.stream().mapToDouble(q -> q[1]).toArray();
          rings.add(
              new Ring(
                  xs,
                  ys,
                  java.util.Arrays.stream(xs).min().orElse(0),
                  java.util.Arrays.stream(ys).min().orElse(0),
                  java.util.Arrays.stream(xs).max().orElse(0),
                  java.util.Arrays.stream(ys).max().orElse(0)));
        }
      }
    }
    return rings;
  }

  /**
   * A ring that crosses the antimeridian (Fiji, Chukotka) made continuous: after a jump of 180° or
   * more, the following longitudes shift by ∓360°, so the ring spans e.g. 177°..182° instead of a
   * box across the whole globe with one edge missing. A ring round a pole (Antarctica) stays open
   * by 360° after unwrapping; it is closed along the pole.
   */
  static List<double[]> unwrapped(List<double[]> pts) {
    List<double[]> out = new ArrayList<>();
    double shift = 0;
    for (int k = 0; k < pts.size(); k++) {
      double[] q = pts.get(k);
      if (k > 0) {
        double dx = q[0] + shift - out.get(k - 1)[0];
        if (dx >= 180) {
          shift -= 360;
        } else if (dx <= -180) {
          shift += 360;
        }
      }
      out.add(new double[] {q[0] + shift, q[1]});
    }
    double[] first = out.get(0);
    double[] last = out.get(out.size() - 1);
    if (Math.abs(first[0] - last[0]) >= 180) {
      double pole = first[1] < 0 ? -90 : 90;
      out.add(new double[] {last[0], pole});
      out.add(new double[] {first[0], pole});
    }
    return out;
  }

  static double[][] reversed(double[][] a) {
    double[][] r = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = a[a.length - 1 - i];
    }
    return r;
  }

  /** Even-odd over every ring: inside an outer ring and not in its hole. */
  static boolean onLand(List<Ring> rings, double x, double y) {
    for (double[] b : PASSAGES.values()) {
      if (x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) {
        return false;
      }
    }
    boolean in = false;
    for (Ring r : rings) {
      // An unwrapped ring may reach past ±180°: test the point's copy 360° east or west too.
      for (double cx : new double[] {x, x + 360, x - 360}) {
        if (cx >= r.x0() && cx <= r.x1() && y >= r.y0() && y <= r.y1()) {
          in ^= inRing(r, cx, y);
        }
      }
    }
    return in;
  }

  /** Even-odd ray count of one (unwrapped) ring. */
  static boolean inRing(Ring r, double x, double y) {
    boolean in = false;
    double[] xs = r.xs();
    double[] ys = r.ys();
    for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
      if ((ys[i] > y) != (ys[j] > y)
          && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
        in = !in;
      }
    }
    return in;
  }

  @Test
  void noSeaOrFerryLineCrossesLand() throws Exception {
    List<Ring> rings = land();
    assertThat(onLand(rings, 2.35, 48.85)).as("Paris is on land").isTrue();
    assertThat(onLand(rings, 51.0, 42.0)).as("the middle of the Caspian is water").isFalse();
    assertThat(onLand(rings, 65.0, 15.0)).as("the Arabian Sea is water").isFalse();
    // Rings across the antimeridian: Viti Levu (Fiji), Chukotka on both sides of
    // 180°, and the open sea at Fiji's latitude elsewhere (the Cape lane's false positive).
    assertThat(onLand(rings, 178.0, -17.8)).as("Viti Levu is land").isTrue();
    assertThat(onLand(rings, 175.0, 67.5)).as("Chukotka west of 180° is land").isTrue();
    assertThat(onLand(rings, -175.0, 67.0)).as("Chukotka east of 180° is land").isTrue();
    assertThat(onLand(rings, 42.0, -16.5)).as("the Mozambique Channel is water").isFalse();
    assertThat(onLand(rings, -5.0, -16.5)).as("the South Atlantic is water").isFalse();
    assertThat(onLand(rings, 20.0, -80.0)).as("Antarctica is land").isTrue();
    Network n = BundleReader.readDefault();
    List<String> crossing = new ArrayList<>();
    int checked = 0;
    for (Link l : n.links()) {
      if (!l.mode().isWater()) {
        continue;
      }
      checked++;
      Node a = n.getNode(l.from());
      Node b = n.getNode(l.to());
      List<double[]> pts = new ArrayList<>();
      pts.add(new double[] {a.lon(), a.lat()});
      for (LatLon p : l.geometry()) {
        pts.add(new double[] {p.lon(), p.lat()});
      }
      pts.add(new double[] {b.lon(), b.lat()});
      for (int s = 0; s + 1 < pts.size(); s++) {
        double[] p = pts.get(s);
        double[] q = pts.get(s + 1);
        int steps = (int) Math.max(1, Geo.distanceKm(p[1], p[0], q[1], q[0]) / 3);
        for (int t = 0; t <= steps; t++) {
          double x = p[0] + (q[0] - p[0]) * t / steps;
          double y = p[1] + (q[1] - p[1]) * t / steps;
          if (Geo.distanceKm(y, x, a.lat(), a.lon()) < 30
              || Geo.distanceKm(y, x, b.lat(), b.lon()) < 30) {
            continue;
          }
          if (onLand(rings, x, y)) {
            crossing.add(String.format(java.util.Locale.ROOT, "%s at %.2f %.2f", l.id(), x, y));
            break;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(crossing).as("sea lines across land").isEmpty();
  }
}
