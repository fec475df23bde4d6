package org.karvan.core.model;

/** A transport mode of a physical link. */
public enum Mode {
  RAIL,
  ROAD,
  SEA,
  FERRY,
  INLAND_WATERWAY;

  /** True for modes whose links lie on land and so may cross a border only at a crossing. */
  public boolean isLand() {
    return this == RAIL || this == ROAD;
  }

  /** True for modes that sail between ports. */
  public boolean isWater() {
    return !isLand();
  }
}
