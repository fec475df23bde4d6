package org.karvan.core.routing;

/** What a route minimises. */
public enum Objective {
  /** Door-to-door hours. */
  TIME,
  /** USD. */
  COST,
  /** kg CO2e, well to wheel. */
  CO2,
  /** USD plus value of time × TEU × hours ({@code value_of_time.usd_per_teu_h}). */
  GENERALIZED
}
