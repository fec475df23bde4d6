package org.karvan.bench;

import java.util.SplittableRandom;
import org.karvan.core.geo.Geo;

/**
 * A seeded, road-like test graph: nodes on a jittered square grid around 40°N 50°E (about 500 m
 * apart), each joined to its four grid neighbours by a two-way road, plus a few longer and faster
 * "highway" shortcuts (some one-way). Every arc's length is the great-circle distance between its
 * ends ({@link Geo#distanceKm}, rounded up to the millimetre) and its weight is the travel time in
 * seconds at the road's speed class. The grid keeps the graph strongly connected.
 *
 * <p>Deterministic for a given (nodes, seed). A million nodes build in about a second and the arcs
 * take 20 bytes each while building (≈ 80 MB for 1M nodes).
 */
public final class SyntheticRoadGraph {
  /** Grid spacing in degrees of latitude (≈ 500 m). */
  static final double STEP_LAT = 0.0045;

  static final double CENTER_LAT = 40.0;
  static final double CENTER_LON = 50.0;

  /** Local road speeds in m/s (29, 40, 50, 61, 79 km/h) and their cumulative weights. */
  private static final int[] ROAD_SPEEDS = {8, 11, 14, 17, 22};

  private static final int[] ROAD_CUMULATIVE = {15, 45, 75, 90, 100};

  /** Highway speeds in m/s (90 and 108 km/h). */
  private static final int[] HIGHWAY_SPEEDS = {25, 30};

  /** One highway per this many nodes. */
  static final int NODES_PER_SHORTCUT = 50;

  private SyntheticRoadGraph() {}

  /** The arcs before they become a {@link BenchGraph}, so tests can add to them. */
  public record Arcs(
      int nodeCount,
      int count,
      int[] tails,
      int[] heads,
      double[] lengthM,
      int[] speedMps,
      double[] lat,
      double[] lon) {
    public BenchGraph toGraph() {
      return BenchGraph.fromArcs(nodeCount, tails, heads, count, lengthM, speedMps, lat, lon);
    }
  }

  public static BenchGraph generate(int nodes, long seed) {
    return arcs(nodes, seed).toGraph();
  }

  public static Arcs arcs(int nodes, long seed) {
    if (nodes < 2) {
      throw new IllegalArgumentException("need at least 2 nodes, got " + nodes);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int width = (int) Math.ceil(Math.sqrt(nodes));
    int rows = (nodes + width - 1) / width;
    double stepLon = STEP_LAT / Math.cos(Math.toRadians(CENTER_LAT));
    double lat0 = CENTER_LAT - rows * STEP_LAT / 2;
    double lon0 = CENTER_LON - width * stepLon / 2;
    double[] lat = new double[nodes];
    double[] lon = new double[nodes];
    for (int v = 0; v < nodes; v++) {
      int r = v / width;
      int c = v % width;
      lat[v] = lat0 + (r + jitter(rnd)) * STEP_LAT;
      lon[v] = lon0 + (c + jitter(rnd)) * stepLon;
    }

    int shortcuts = nodes / NODES_PER_SHORTCUT;
    int capacity = 4 * nodes + 2 * shortcuts;
    Arcs a =
        new Arcs(
            nodes,
            0,
            new int[capacity],
            new int[capacity],
            new double[capacity],
            new int[capacity],
            lat,
            lon);
    int m = 0;
    for (int v = 0; v < nodes; v++) {
      int c = v % width;
      if (c + 1 < width && v + 1 < nodes) {
        m = road(a, m, v, v + 1, roadSpeed(rnd), false);
      }
      if (v + width < nodes) {
        m = road(a, m, v, v + width, roadSpeed(rnd), false);
      }
    }
    for (int i = 0; i < shortcuts; i++) {
      int u = rnd.nextInt(nodes);
      int r = u / width;
      int c = u % width;
      int dr;
      int dc;
      int v;
      do {
        dr = rnd.nextInt(-30, 31);
        dc = rnd.nextInt(-30, 31);
        v = (r + dr) * width + (c + dc);
      } while (Math.abs(dr) + Math.abs(dc) < 5
          || r + dr < 0
          || c + dc < 0
          || c + dc >= width
          || v >= nodes);
      int speed = HIGHWAY_SPEEDS[rnd.nextInt(HIGHWAY_SPEEDS.length)];
      m = road(a, m, u, v, speed, rnd.nextInt(5) == 0);
    }
    return new Arcs(nodes, m, a.tails, a.heads, a.lengthM, a.speedMps, lat, lon);
  }

  private static double jitter(SplittableRandom rnd) {
    return (rnd.nextDouble() - 0.5) * 0.7;
  }

  private static int roadSpeed(SplittableRandom rnd) {
    int p = rnd.nextInt(100);
    int i = 0;
    while (p >= ROAD_CUMULATIVE[i]) {
      i++;
    }
    return ROAD_SPEEDS[i];
  }

  /** Adds u→v and, unless one-way, v→u, with the same length and speed. */
  private static int road(Arcs a, int m, int u, int v, int speed, boolean oneWay) {
    double len = lengthM(a.lat(), a.lon(), u, v);
    a.tails()[m] = u;
    a.heads()[m] = v;
    a.lengthM()[m] = len;
    a.speedMps()[m] = speed;
    m++;
    if (!oneWay) {
      a.tails()[m] = v;
      a.heads()[m] = u;
      a.lengthM()[m] = len;
      a.speedMps()[m] = speed;
      m++;
    }
    return m;
  }

  /** Great-circle length in metres rounded up to whole millimetres (never below the bound). */
  static double lengthM(double[] lat, double[] lon, int u, int v) {
    double km = Geo.distanceKm(lat[u], lon[u], lat[v], lon[v]);
    long mm = (long) Math.ceil(km * 1e6);
    return Math.max(1, mm) / 1000.0;
  }
}
