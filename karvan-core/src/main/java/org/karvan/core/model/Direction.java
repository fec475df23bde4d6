package org.karvan.core.model;

/** Whether a link can be used both ways or only from its {@code from} node to its {@code to}. */
public enum Direction {
  BOTH,
  FORWARD
}
