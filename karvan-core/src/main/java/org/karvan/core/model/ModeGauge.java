package org.karvan.core.model;

import java.util.Objects;

/** A mode with, for rail, a single gauge (never {@link Gauge#DUAL}); the unit a terminal serves. */
public record ModeGauge(Mode mode, Gauge gauge) {
  public ModeGauge {
    Objects.requireNonNull(mode, "mode");
  }

  @Override
  public String toString() {
    return gauge == null ? mode.name() : mode.name() + "/" + gauge.code();
  }
}
