package org.karvan.core.reliability;

/**
 * The chance that an element on a route is closed when the cargo reaches it, and what that costs. A
 * closure found in force has {@code U × durationH} hours left ({@code U} uniform on [0, 1): the
 * residual of a closure of fixed length met at a random moment). The shipment then waits, or takes
 * the detour ({@code rerouteExtraH} hours and {@code rerouteExtraUsd} more than the route),
 * whichever costs less at the shipment's value of time.
 *
 * @param label what closes (the event id), for reports
 * @param probability probability the element is closed on arrival, in [0, 1]
 * @param durationH length of one closure, hours
 * @param rerouteExtraH extra hours of the best detour around it, or NaN when there is none
 * @param rerouteExtraUsd extra USD of that detour (NaN when there is none)
 */
public record ClosureRisk(
    String label,
    double probability,
    double durationH,
    double rerouteExtraH,
    double rerouteExtraUsd) {
  public ClosureRisk {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "closure probability must be in [0, 1], got " + probability);
    }
    if (!(durationH >= 0)) {
      throw new IllegalArgumentException("closure duration must be >= 0, got " + durationH);
    }
  }

  /** True when a detour exists. */
  public boolean canReroute() {
    return Double.isFinite(rerouteExtraH) && Double.isFinite(rerouteExtraUsd);
  }

  /**
   * The probability that a closure process is found in force: closures of {@code durationDays}
   * starting at {@code ratePerYear} per year of open time (an alternating renewal process) are in
   * force a share {@code λd / (1 + λd)} of the time.
   */
  public static double inForce(double ratePerYear, double durationDays) {
    double ld = ratePerYear * durationDays / 365.25;
    return ld / (1 + ld);
  }
}
