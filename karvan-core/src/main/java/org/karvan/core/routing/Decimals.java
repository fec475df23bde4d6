package org.karvan.core.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Fixed-point text of a number, exactly as {@code String.format(Locale.ROOT, "%.Nf", x)} writes it
 * (half up on the shortest decimal of the double), without the format string's parsing and locale
 * lookups: an itinerary writes a few of these per stop on every route (issue 12's profile).
 */
final class Decimals {
  private Decimals() {}

  /** {@code x} with {@code scale} digits after the point. */
  static String fixed(double x, int scale) {
    if (!Double.isFinite(x)) {
      return String.format(Locale.ROOT, "%." + scale + "f", x);
    }
    if (x < 0 || x == 0 && 1 / x < 0) {
      return "-" + fixed(-x, scale); // the formatter keeps the sign of what rounds to zero
    }
    return new BigDecimal(Double.toString(x)).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}
