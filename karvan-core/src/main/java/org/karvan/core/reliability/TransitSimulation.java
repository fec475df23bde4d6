package org.karvan.core.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Monte Carlo of door-to-door transit time over routes made of {@link Component}s (independent
 * draws), with the cost of a sample {@code fixedUsd + usdPerHour × hours} (freight charges plus the
 * time value of the cargo). Seeded: the same seed, routes and sample count give the same numbers.
 * Each route uses its own random stream derived from the seed and its index, so adding a route does
 * not change the others.
 */
public final class TransitSimulation {
  private TransitSimulation() {}

  /** A route to simulate. */
  public record RouteModel(String name, List<Component> components, double fixedUsd) {
    public RouteModel {
      components = List.copyOf(components);
    }

    public double meanH() {
      double s = 0;
      for (Component c : components) {
        s += c.meanH();
      }
      return s;
    }
  }

  /** Percentiles of time (h) and cost (USD), and the on-time probability (NaN without deadline). */
  public record Summary(
      String name,
      int samples,
      double meanH,
      double p50H,
      double p90H,
      double p95H,
      double p50Usd,
      double p90Usd,
      double p95Usd,
      double onTime) {}

  /** Sorted transit-time samples of one route. */
  public static double[] sample(RouteModel r, int n, long seed, int routeIndex) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + routeIndex);
    Component[] cs = r.components().toArray(new Component[0]);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (Component c : cs) {
        s += c.sample(rnd);
      }
      t[i] = s;
    }
    Arrays.sort(t);
    return t;
  }

  /** The p-quantile of sorted samples (nearest rank). */
  public static double quantile(double[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** Share of sorted samples at or below {@code x}. */
  public static double cdf(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (double) lo / sorted.length;
  }

  /**
   * Simulates each route.
   *
   * @param deadlineH deadline in hours, or NaN
   * @param usdPerHour time value of the shipment, USD per hour
   */
  public static List<Summary> run(
      List<RouteModel> routes, int samples, long seed, double deadlineH, double usdPerHour) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    Summary[] out = new Summary[routes.size()];
    for (int k = 0; k < routes.size(); k++) {
      RouteModel r = routes.get(k);
      double[] t = sample(r, samples, seed, k);
      double mean = 0;
      for (double x : t) {
        mean += x;
      }
      mean /= samples;
      double p50 = quantile(t, 0.5);
      double p90 = quantile(t, 0.9);
      double p95 = quantile(t, 0.95);
      out[k] =
          new Summary(
              r.name(),
              samples,
              mean,
              p50,
              p90,
              p95,
              r.fixedUsd() + usdPerHour * p50,
              r.fixedUsd() + usdPerHour * p90,
              r.fixedUsd() + usdPerHour * p95,
              Double.isNaN(deadlineH) ? Double.NaN : cdf(t, deadlineH));
    }
    return List.of(out);
  }

  /** Index of the route with the highest on-time probability (ties: lower P90), or -1. */
  public static int best(List<Summary> s) {
    int best = -1;
    for (int i = 0; i < s.size(); i++) {
      if (best < 0
          || s.get(i).onTime() > s.get(best).onTime()
          || (s.get(i).onTime() == s.get(best).onTime() && s.get(i).p90H() < s.get(best).p90H())) {
        best = i;
      }
    }
    return best;
  }
}
