package org.karvan.core.ch;

/**
 * Bounds of the witness searches of a contraction: settled nodes and hops, for the cheap search
 * that estimates a node's edge difference and for the search of the contraction itself. A search
 * cut short finds fewer witnesses and so adds superfluous shortcuts; distances stay exact.
 */
public record WitnessLimits(
    int simulationSettled, int simulationHops, int contractionSettled, int contractionHops) {
  /** The defaults, tuned on the bench's synthetic road graphs. */
  public static final WitnessLimits DEFAULT = new WitnessLimits(40, 4, 600, 64);

  public WitnessLimits {
    if (simulationSettled < 1
        || simulationHops < 1
        || contractionSettled < 1
        || contractionHops < 1) {
      throw new IllegalArgumentException("witness limits must be positive");
    }
  }
}
