package org.karvan.core.graph;

/** What a virtual edge stands for. */
public enum EdgeKind {
  /** From the origin hub onto a mode (loading). */
  LOAD,
  /** From a mode to the destination hub (unloading). */
  UNLOAD,
  /** Along a physical link, in one state (including border clearance or ferry wait). */
  MOVE,
  /** Between two states at a terminal: transshipment, port handling or break of gauge. */
  TRANSFER,
  /** Off one service line at a port, ashore to board another (docs/routing.md). */
  TRANSSHIP,
  /** Off a scheduled train at one of its stops, onto the rail there (docs/routing.md). */
  ALIGHT
}
