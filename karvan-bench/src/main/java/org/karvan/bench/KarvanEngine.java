package org.karvan.bench;

import org.karvan.core.geo.Geo;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.Heuristic;
import org.karvan.core.routing.PathResult;

/**
 * Karvan's {@link Dijkstra} on the graph's CSR and weight arrays, as plain Dijkstra or as A* with
 * the great-circle bound {@code distance(v, target) / maxSpeed}.
 */
public final class KarvanEngine implements Engine {
  /** Shaves FP noise off the bound so that it stays admissible and consistent. */
  private static final double BOUND_SAFETY = 1 - 1e-9;

  private final BenchGraph g;
  private final Dijkstra dijkstra;
  private final boolean astar;
  private long settled = -1;

  private KarvanEngine(BenchGraph g, boolean astar) {
    if (astar && !g.hasCoordinates()) {
      throw new IllegalArgumentException("A* needs node coordinates");
    }
    this.g = g;
    this.dijkstra = new Dijkstra(g.csr());
    this.astar = astar;
  }

  public static KarvanEngine dijkstra(BenchGraph g) {
    return new KarvanEngine(g, false);
  }

  public static KarvanEngine astar(BenchGraph g) {
    return new KarvanEngine(g, true);
  }

  @Override
  public String name() {
    return astar ? "karvan-astar" : "karvan";
  }

  @Override
  public double distance(int source, int target) {
    PathResult r =
        dijkstra.route(source, target, g.weight(), null, null, astar ? bound(g, target) : null);
    settled = r.settled();
    return r.weight();
  }

  @Override
  public long lastSettled() {
    return settled;
  }

  /**
   * An admissible, consistent A* bound in seconds: the great-circle distance to {@code target} (the
   * same {@link Geo#distanceKm} that gave every arc its length, lengths rounded up) at the graph's
   * top speed.
   */
  public static Heuristic bound(BenchGraph g, int target) {
    double[] lat = g.lat();
    double[] lon = g.lon();
    double tLat = lat[target];
    double tLon = lon[target];
    double secondsPerKm = 1000.0 / g.maxSpeed() * BOUND_SAFETY;
    return v -> Geo.distanceKm(lat[v], lon[v], tLat, tLon) * secondsPerKm;
  }
}
