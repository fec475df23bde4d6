package org.karvan.core.assign;

import java.util.Objects;

/**
 * One row of multimodal demand: annual tonnes from one place to another, priced as the given cargo
 * shape, with an optional value of time.
 *
 * @param cargo a cargo text for {@code Cargo.parse} (e.g. {@code 1x40ft}, {@code 20t bulk}): the
 *     shipment unit that tariffs are applied to
 * @param tonnesPerYear annual volume in tonnes (TEU converted with {@code cargo.tonnes_per_teu})
 * @param valueOfTime USD per TEU-hour, or {@code null} for the profile's
 * @param line the line it was read from (0 when built in code)
 */
public record FreightDemand(
    String origin,
    String destination,
    String cargo,
    double tonnesPerYear,
    Double valueOfTime,
    int line) {
  public FreightDemand {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(cargo, "cargo");
  }
}
