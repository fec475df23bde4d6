package org.karvan.app;

/**
 * Bounds on what one request may ask, so that no request exhausts memory or threads. The CLI runs
 * with {@link #CLI} (a user's own machine); the server with its configured limits.
 *
 * @param maxAlternatives most alternatives per request
 * @param maxLabels most Pareto labels
 * @param maxMatrixCells most origin × destination cells
 * @param maxScenarios most scenarios compared at once
 * @param maxVia most via places
 * @param maxOdPairs most OD pairs in one compare
 * @param maxSamples most Monte Carlo samples per route
 */
public record Limits(
    int maxAlternatives,
    int maxLabels,
    long maxMatrixCells,
    int maxScenarios,
    int maxVia,
    int maxOdPairs,
    int maxSamples) {
  public static final Limits CLI =
      new Limits(20, 2_000_000, 1_000_000, 64, 50, 1_000_000, 10_000_000);
}
