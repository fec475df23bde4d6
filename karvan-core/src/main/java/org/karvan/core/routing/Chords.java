package org.karvan.core.routing;

import org.karvan.core.geo.Geo;
import org.karvan.core.graph.MultimodalGraph;

/**
 * Straight-line (chord) distances between the physical nodes of a compiled graph, and the A* bounds
 * made of them: a chord is cheaper to compute than a great circle and never longer. Immutable.
 */
final class Chords {
  private final MultimodalGraph g;

  /** Unit vectors of the physical nodes (Earth-centred). */
  private final double[] ux;

  private final double[] uy;
  private final double[] uz;

  Chords(MultimodalGraph g) {
    this.g = g;
    int n = g.physCount();
    ux = new double[n];
    uy = new double[n];
    uz = new double[n];
    for (int i = 0; i < n; i++) {
      double lat = Math.toRadians(g.physNode(i).lat());
      double lon = Math.toRadians(g.physNode(i).lon());
      ux[i] = Math.cos(lat) * Math.cos(lon);
      uy[i] = Math.cos(lat) * Math.sin(lon);
      uz[i] = Math.sin(lat);
    }
  }

  /** Straight-line distance through the Earth between two physical nodes, km. */
  double km(int a, int b) {
    double dx = ux[a] - ux[b];
    double dy = uy[a] - uy[b];
    double dz = uz[a] - uz[b];
    return Geo.EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  /**
   * {@code perKm} × chord to {@code targetPhys}, or {@code null} when {@code perKm} is not
   * positive; admissible and consistent when no move costs less than {@code perKm} per chord km.
   */
  Heuristic bound(double perKm, int targetPhys) {
    if (perKm <= 0) {
      return null;
    }
    return v -> perKm * km(g.physOf(v), targetPhys);
  }

  /**
   * The larger of two bounds (either may be {@code null}): admissible and consistent if both are.
   */
  static Heuristic max(Heuristic a, Heuristic b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return v -> Math.max(a.lowerBound(v), b.lowerBound(v));
  }
}
