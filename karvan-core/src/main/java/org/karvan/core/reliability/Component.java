package org.karvan.core.reliability;

import java.util.SplittableRandom;

/** One source of transit time on a route: fixed, or random with a stated distribution. */
public sealed interface Component {
  /** What it is, for reports (e.g. "border BC-AST-RAIL"). */
  String label();

  /** A random draw in hours. */
  double sample(SplittableRandom rnd);

  /** The mean in hours. */
  double meanH();

  /** A deterministic time (moving, driver rest, endpoint handling). */
  record Fixed(String label, double hours) implements Component {
    @Override
    public double sample(SplittableRandom rnd) {
      return hours;
    }

    @Override
    public double meanH() {
      return hours;
    }
  }

  /**
   * A lognormal time, {@code exp(mu + sigma Z)}. Build with {@link #fromMeanP90} (border clearance
   * as given in the data) or {@link #fromMeanCv}.
   */
  record LogNormal(String label, double mu, double sigma) implements Component {
    /** z such that Φ(z) = 0.9. */
    public static final double Z90 = 1.2815515655446004;

    /**
     * The lognormal with the given mean and 90th percentile: {@code ln P90 − ln mean = z σ − σ²/2},
     * the smaller root {@code σ = z − sqrt(z² − 2 ln(P90/mean))}. A P90 at or below the mean gives
     * σ = 0 (no spread); P90/mean above {@code exp(z²/2) ≈ 2.27}, which no lognormal reaches, is
     * capped at σ = z (the largest P90 for that mean).
     */
    public static LogNormal fromMeanP90(String label, double mean, double p90) {
      if (!(mean > 0)) {
        return new LogNormal(label, Double.NEGATIVE_INFINITY, 0);
      }
      double r = Math.log(p90 / mean);
      double sigma;
      if (!(r > 0)) {
        sigma = 0;
      } else if (2 * r >= Z90 * Z90) {
        sigma = Z90;
      } else {
        sigma = Z90 - Math.sqrt(Z90 * Z90 - 2 * r);
      }
      return new LogNormal(label, Math.log(mean) - sigma * sigma / 2, sigma);
    }

    /** The lognormal with the given mean and coefficient of variation. */
    public static LogNormal fromMeanCv(String label, double mean, double cv) {
      if (!(mean > 0)) {
        return new LogNormal(label, Double.NEGATIVE_INFINITY, 0);
      }
      double s2 = Math.log(1 + cv * cv);
      return new LogNormal(label, Math.log(mean) - s2 / 2, Math.sqrt(s2));
    }

    @Override
    public double sample(SplittableRandom rnd) {
      if (mu == Double.NEGATIVE_INFINITY) {
        return 0;
      }
      return Math.exp(mu + sigma * gaussian(rnd));
    }

    @Override
    public double meanH() {
      return mu == Double.NEGATIVE_INFINITY ? 0 : Math.exp(mu + sigma * sigma / 2);
    }

    /** The p-quantile. */
    public double quantile(double z) {
      return Math.exp(mu + sigma * z);
    }
  }

  /**
   * Waiting for a scheduled departure when arriving at a random time: uniform on {@code [0,
   * headway)}; each departure is cancelled (weather) with probability {@code cancel}, adding a
   * further headway each time (a geometric number of extra headways).
   */
  record ScheduledWait(String label, double headwayH, double cancel) implements Component {
    @Override
    public double sample(SplittableRandom rnd) {
      double w = rnd.nextDouble() * headwayH;
      while (cancel > 0 && rnd.nextDouble() < cancel) {
        w += headwayH;
      }
      return w;
    }

    @Override
    public double meanH() {
      return headwayH / 2 + (cancel > 0 ? headwayH * cancel / (1 - cancel) : 0);
    }
  }

  /** A standard normal draw (Marsaglia polar method). */
  static double gaussian(SplittableRandom rnd) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rnd.nextDouble() - 1;
      v = 2 * rnd.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
