package org.karvan.core.graph;

import org.karvan.core.model.Gauge;
import org.karvan.core.model.Mode;
import org.karvan.core.model.ModeGauge;

/**
 * The state of cargo at a node in the virtual network: at the place itself (the hub, where a trip
 * starts or ends), on a rail wagon of a gauge, on a truck, or on a ship or ferry, either waiting
 * ashore to board or aboard. Boarding from ashore waits for a sailing; staying aboard through a
 * port does not.
 */
public enum State {
  HUB(null, null, false),
  RAIL_1435(Mode.RAIL, Gauge.G1435, false),
  RAIL_1520(Mode.RAIL, Gauge.G1520, false),
  ROAD(Mode.ROAD, null, false),
  SEA_ASHORE(Mode.SEA, null, false),
  SEA_ABOARD(Mode.SEA, null, true),
  FERRY_ASHORE(Mode.FERRY, null, false),
  FERRY_ABOARD(Mode.FERRY, null, true),
  IWW_ASHORE(Mode.INLAND_WATERWAY, null, false),
  IWW_ABOARD(Mode.INLAND_WATERWAY, null, true);

  private final Mode mode;
  private final Gauge gauge;
  private final boolean aboard;

  State(Mode mode, Gauge gauge, boolean aboard) {
    this.mode = mode;
    this.gauge = gauge;
    this.aboard = aboard;
  }

  public Mode mode() {
    return mode;
  }

  public Gauge gauge() {
    return gauge;
  }

  public boolean isAboard() {
    return aboard;
  }

  public boolean isWater() {
    return mode != null && mode.isWater();
  }

  /** The state where cargo enters a mode from a terminal or from the origin. */
  public static State entry(ModeGauge mg) {
    return switch (mg.mode()) {
      case RAIL -> mg.gauge() == Gauge.G1520 ? RAIL_1520 : RAIL_1435;
      case ROAD -> ROAD;
      case SEA -> SEA_ASHORE;
      case FERRY -> FERRY_ASHORE;
      case INLAND_WATERWAY -> IWW_ASHORE;
    };
  }

  /** The state from which cargo leaves a mode to a terminal or the destination. */
  public static State exit(ModeGauge mg) {
    return switch (mg.mode()) {
      case SEA -> SEA_ABOARD;
      case FERRY -> FERRY_ABOARD;
      case INLAND_WATERWAY -> IWW_ABOARD;
      default -> entry(mg);
    };
  }

  public static State ashore(Mode water) {
    return entry(new ModeGauge(water, null));
  }

  public static State aboard(Mode water) {
    return exit(new ModeGauge(water, null));
  }
}
