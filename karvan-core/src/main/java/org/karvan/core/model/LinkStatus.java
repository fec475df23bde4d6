package org.karvan.core.model;

/** Whether a link exists today. */
public enum LinkStatus {
  OPERATIONAL,
  UNDER_CONSTRUCTION,
  PLANNED,
  DEFUNCT
}
