package org.karvan.core.model;

/** Whether a border crossing lets freight through. */
public enum CrossingStatus {
  OPEN,
  CLOSED,
  PLANNED
}
