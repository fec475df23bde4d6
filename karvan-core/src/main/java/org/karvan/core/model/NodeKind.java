package org.karvan.core.model;

/** What a node is; a node may have several kinds. */
public enum NodeKind {
  PORT,
  RAIL_STATION,
  ROAD_NODE,
  BORDER_CROSSING,
  DRY_PORT,
  JUNCTION,
  TERMINAL,
  CITY,
  /** A point at sea that shapes a route; the only kind that may have no country. */
  WAYPOINT
}
