package org.karvan.bench;

import org.karvan.core.graph.Csr;
import org.karvan.io.dimacs.DimacsReader.DimacsGraph;

/**
 * One benchmark graph in the form every engine is loaded from: Karvan's {@link Csr} with, per CSR
 * edge id, a length in metres and a speed in m/s (integers, so GraphHopper stores both exactly),
 * and the weight {@code length / speed} in seconds that all three engines minimise. Node
 * coordinates are optional (a DIMACS graph without a {@code .co} file has none).
 *
 * <p>Lengths are whole millimetres, GraphHopper's storage resolution, so that GraphHopper's {@code
 * SpeedWeighting} ({@code distance / speed}) yields bit for bit the same weights as {@link
 * #weight()}.
 */
public final class BenchGraph {
  private final Csr csr;
  private final double[] lengthM;
  private final int[] speedMps;
  private final double[] weight;
  private final double[] lat;
  private final double[] lon;
  private final int maxSpeed;

  private BenchGraph(Csr csr, double[] lengthM, int[] speedMps, double[] lat, double[] lon) {
    this.csr = csr;
    this.lengthM = lengthM;
    this.speedMps = speedMps;
    this.lat = lat;
    this.lon = lon;
    int m = csr.edgeCount();
    weight = new double[m];
    int max = 1;
    for (int e = 0; e < m; e++) {
      if (speedMps[e] <= 0) {
        throw new IllegalArgumentException("speed of edge " + e + " must be positive");
      }
      weight[e] = lengthM[e] / speedMps[e];
      max = Math.max(max, speedMps[e]);
    }
    maxSpeed = max;
  }

  /**
   * A graph from arcs in any order; {@code lat}/{@code lon} may be {@code null}.
   *
   * @param lengthM length of each arc in metres, a whole number of millimetres
   * @param speedMps speed of each arc in m/s, positive
   */
  public static BenchGraph fromArcs(
      int nodeCount,
      int[] tails,
      int[] heads,
      int arcCount,
      double[] lengthM,
      int[] speedMps,
      double[] lat,
      double[] lon) {
    int[] order = new int[arcCount];
    Csr csr = Csr.of(nodeCount, tails, heads, arcCount, order);
    double[] len = new double[arcCount];
    int[] speed = new int[arcCount];
    for (int e = 0; e < arcCount; e++) {
      len[e] = lengthM[order[e]];
      speed[e] = speedMps[order[e]];
    }
    return new BenchGraph(csr, len, speed, lat, lon);
  }

  /**
   * A DIMACS graph: each weight becomes a length in metres at 1 m/s, so the weight in "seconds" is
   * the DIMACS weight itself.
   */
  public static BenchGraph fromDimacs(DimacsGraph g) {
    int m = g.csr().edgeCount();
    int[] speed = new int[m];
    java.util.Arrays.fill(speed, 1);
    return new BenchGraph(g.csr(), g.weight().clone(), speed, g.lat(), g.lon());
  }

  public Csr csr() {
    return csr;
  }

  public int nodeCount() {
    return csr.nodeCount();
  }

  public int edgeCount() {
    return csr.edgeCount();
  }

  /** Weight (seconds) per CSR edge id. Shared, do not modify. */
  public double[] weight() {
    return weight;
  }

  /** Length in metres per CSR edge id. Shared, do not modify. */
  public double[] lengthM() {
    return lengthM;
  }

  /** Speed in m/s per CSR edge id. Shared, do not modify. */
  public int[] speedMps() {
    return speedMps;
  }

  public boolean hasCoordinates() {
    return lat != null;
  }

  /** Latitude per node in degrees, or {@code null}. */
  public double[] lat() {
    return lat;
  }

  /** Longitude per node in degrees, or {@code null}. */
  public double[] lon() {
    return lon;
  }

  /** The highest speed of any edge, for the A* bound. */
  public int maxSpeed() {
    return maxSpeed;
  }

  /** Heap bytes of what Karvan routes on: the CSR arrays plus the weight array. */
  public long karvanBytes() {
    return csr.bytes() + 8L * weight.length;
  }
}
