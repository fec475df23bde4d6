package org.karvan.core.assign;

import java.util.Arrays;

/**
 * Origin–destination demand between the zones of an {@link AssignmentNetwork}, stored sparsely per
 * origin. Immutable; build with {@link #builder}.
 */
public final class OdMatrix {
  private final int zones;
  private final int[][] dest;
  private final double[][] volume;
  private final double total;

  private OdMatrix(int zones, int[][] dest, double[][] volume) {
    this.zones = zones;
    this.dest = dest;
    this.volume = volume;
    double t = 0;
    for (double[] row : volume) {
      for (double v : row) {
        t += v;
      }
    }
    this.total = t;
  }

  public static Builder builder(int zones) {
    return new Builder(zones);
  }

  /** Accumulates demand; repeated pairs add up. Intrazonal demand is dropped. */
  public static final class Builder {
    private final int zones;
    private final double[][] rows;

    private Builder(int zones) {
      this.zones = zones;
      this.rows = new double[zones][];
    }

    public Builder add(int origin, int destination, double volume) {
      if (origin < 0 || origin >= zones || destination < 0 || destination >= zones) {
        throw new IllegalArgumentException(
            "zone outside [0, " + zones + "): " + origin + " -> " + destination);
      }
      if (!(volume >= 0) || Double.isInfinite(volume)) {
        throw new IllegalArgumentException("demand must be a finite number >= 0, got " + volume);
      }
      if (origin == destination || volume == 0) {
        return this;
      }
      if (rows[origin] == null) {
        rows[origin] = new double[zones];
      }
      rows[origin][destination] += volume;
      return this;
    }

    public OdMatrix build() {
      int[][] dest = new int[zones][];
      double[][] vol = new double[zones][];
      for (int o = 0; o < zones; o++) {
        double[] row = rows[o];
        int n = 0;
        if (row != null) {
          for (double v : row) {
            if (v > 0) {
              n++;
            }
          }
        }
        dest[o] = new int[n];
        vol[o] = new double[n];
        int k = 0;
        for (int d = 0; row != null && d < zones; d++) {
          if (row[d] > 0) {
            dest[o][k] = d;
            vol[o][k++] = row[d];
          }
        }
      }
      return new OdMatrix(zones, dest, vol);
    }
  }

  public int zoneCount() {
    return zones;
  }

  /** Destinations with positive demand from {@code origin}, ascending. */
  public int[] destinations(int origin) {
    return dest[origin].clone();
  }

  /** Volumes matching {@link #destinations(int)}. */
  public double[] volumes(int origin) {
    return volume[origin].clone();
  }

  int[] destShared(int origin) {
    return dest[origin];
  }

  double[] volShared(int origin) {
    return volume[origin];
  }

  public double total() {
    return total;
  }

  /** Demand from {@code o} to {@code d}. */
  public double get(int o, int d) {
    int i = Arrays.binarySearch(dest[o], d);
    return i >= 0 ? volume[o][i] : 0;
  }

  /** Number of OD pairs with positive demand. */
  public int pairCount() {
    int n = 0;
    for (int[] d : dest) {
      n += d.length;
    }
    return n;
  }
}
