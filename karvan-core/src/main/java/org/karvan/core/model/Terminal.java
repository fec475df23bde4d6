package org.karvan.core.model;

import java.util.Objects;

/**
 * A terminal capability at a node: transfers cargo between two (mode, gauge) pairs, both ways. A
 * change of rail gauge is a break of gauge; other pairs are transshipments.
 *
 * @param handlingH hours per transfer
 * @param costUsdPerTeu cost per TEU transferred, or {@code null}
 * @param costUsdPerTonne cost per tonne transferred, or {@code null}
 * @param capacityTpy tonnes per year, or {@code null}
 */
public record Terminal(
    String id,
    String node,
    ModeGauge from,
    ModeGauge to,
    double handlingH,
    Double costUsdPerTeu,
    Double costUsdPerTonne,
    Double capacityTpy,
    Provenance provenance,
    Origin origin) {
  public Terminal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** True when this terminal changes rail gauge. */
  public boolean isBreakOfGauge() {
    return from.mode() == Mode.RAIL && to.mode() == Mode.RAIL && from.gauge() != to.gauge();
  }

  /** True when the terminal transfers between {@code a} and {@code b}, in either direction. */
  public boolean transfers(ModeGauge a, ModeGauge b) {
    return (from.equals(a) && to.equals(b)) || (from.equals(b) && to.equals(a));
  }
}
