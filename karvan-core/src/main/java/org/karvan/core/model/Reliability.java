package org.karvan.core.model;

/** How much a source can be trusted. */
public enum Reliability {
  /** Official, institutional or major-news source read directly. */
  PRIMARY,
  /** A weak source: blog, mirror, promotional statement; or sources disagree. */
  SECONDARY,
  /** Computed from other data, e.g. a distance over a sea network. */
  COMPUTED,
  /** A documented estimate by the Karvan authors. */
  ESTIMATE
}
