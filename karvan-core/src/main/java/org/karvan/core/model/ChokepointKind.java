package org.karvan.core.model;

/** The kind of a maritime or river chokepoint. */
public enum ChokepointKind {
  STRAIT,
  CANAL,
  RIVER
}
