package org.karvan.core.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.karvan.core.routing.Cancellation;

/**
 * Monte Carlo of door-to-door transit time over routes made of {@link Component}s (independent
 * draws), with the cost of a sample {@code fixedUsd + usdPerHour × hours} (freight charges plus the
 * time value of the cargo). Seeded: the same seed, routes and sample count give the same numbers.
 * Each route uses its own random stream derived from the seed and its index, so adding a route does
 * not change the others.
 */
public final class TransitSimulation {
  private TransitSimulation() {}

  /** A route to simulate: its time components and the closure risks of its elements. */
  public record RouteModel(
      String name, List<Component> components, double fixedUsd, List<ClosureRisk> risks) {
    public RouteModel(String name, List<Component> components, double fixedUsd) {
      this(name, components, fixedUsd, List.of());
    }

    public RouteModel {
      components = List.copyOf(components);
      risks = List.copyOf(risks);
    }

    public double meanH() {
      double s = 0;
      for (Component c : components) {
        s += c.meanH();
      }
      return s;
    }
  }

  /**
   * Percentiles of time (h) and cost (USD), the on-time probability (NaN without deadline), and the
   * closure risk met: the share of samples disrupted, of samples re-routed, and per risk label the
   * share of samples in which it was closed.
   */
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
      double onTime,
      double disrupted,
      double rerouted,
      java.util.Map<String, Double> byCause) {
    public Summary(
        String name,
        int samples,
        double meanH,
        double p50H,
        double p90H,
        double p95H,
        double p50Usd,
        double p90Usd,
        double p95Usd,
        double onTime) {
      this(
          name,
          samples,
          meanH,
          p50H,
          p90H,
          p95H,
          p50Usd,
          p90Usd,
          p95Usd,
          onTime,
          0,
          0,
          java.util.Map.of());
    }

    public Summary {
      byCause = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCause));
    }
  }

  /**
   * Sorted samples of time (h) and cost (USD) of one route, with counts of disrupted and re-routed
   * samples and per risk label of samples in which it closed.
   */
  public record Samples(
      double[] hours,
      double[] usd,
      int disrupted,
      int rerouted,
      java.util.Map<String, Integer> byCause) {}

  /**
   * Samples one route: each sample draws every component, then for each closure risk whether it is
   * closed on arrival; a closed element is waited for or detoured round, whichever costs less at
   * {@code usdPerHour}. Without risks the draws are those of {@link #sample}.
   */
  public static Samples simulate(
      RouteModel r, int n, long seed, int routeIndex, double usdPerHour) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + routeIndex);
    Component[] cs = r.components().toArray(new Component[0]);
    ClosureRisk[] rs = r.risks().toArray(new ClosureRisk[0]);
    double[] t = new double[n];
    double[] u = new double[n];
    int disrupted = 0;
    int rerouted = 0;
    int[] by = new int[rs.length];
    for (int i = 0; i < n; i++) {
      if ((i & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
      double s = 0;
      for (Component c : cs) {
        s += c.sample(rnd);
      }
      double extraUsd = 0;
      boolean hit = false;
      boolean round = false;
      for (int k = 0; k < rs.length; k++) {
        ClosureRisk x = rs[k];
        if (rnd.nextDouble() >= x.probability()) {
          continue;
        }
        hit = true;
        by[k]++;
        double wait = rnd.nextDouble() * x.durationH();
        if (x.canReroute()
            && x.rerouteExtraH() * usdPerHour + x.rerouteExtraUsd() < wait * usdPerHour) {
          s += x.rerouteExtraH();
          extraUsd += x.rerouteExtraUsd();
          round = true;
        } else {
          s += wait;
        }
      }
      disrupted += hit ? 1 : 0;
      rerouted += round ? 1 : 0;
      t[i] = s;
      u[i] = r.fixedUsd() + extraUsd + usdPerHour * s;
    }
    // A sort of a million samples takes about 0.1 s: check between them too.
    Cancellation.check();
    Arrays.sort(t);
    Cancellation.check();
    Arrays.sort(u);
    java.util.Map<String, Integer> causes = new java.util.LinkedHashMap<>();
    for (int k = 0; k < rs.length; k++) {
      causes.merge(rs[k].label(), by[k], Integer::sum);
    }
    return new Samples(t, u, disrupted, rerouted, causes);
  }

  /** Sorted transit-time samples of one route. */
  public static double[] sample(RouteModel r, int n, long seed, int routeIndex) {
    SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + routeIndex);
    Component[] cs = r.components().toArray(new Component[0]);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      if ((i & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
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
      Samples sm = simulate(r, samples, seed, k, usdPerHour);
      double[] t = sm.hours();
      double mean = 0;
      for (double x : t) {
        mean += x;
      }
      mean /= samples;
      double p50 = quantile(t, 0.5);
      double p90 = quantile(t, 0.9);
      double p95 = quantile(t, 0.95);
      java.util.Map<String, Double> by = new java.util.LinkedHashMap<>();
      sm.byCause().forEach((label, c) -> by.put(label, (double) c / samples));
      out[k] =
          new Summary(
              r.name(),
              samples,
              mean,
              p50,
              p90,
              p95,
              quantile(sm.usd(), 0.5),
              quantile(sm.usd(), 0.9),
              quantile(sm.usd(), 0.95),
              Double.isNaN(deadlineH) ? Double.NaN : cdf(t, deadlineH),
              (double) sm.disrupted() / samples,
              (double) sm.rerouted() / samples,
              by);
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
