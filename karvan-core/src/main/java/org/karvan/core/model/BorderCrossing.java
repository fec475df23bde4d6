package org.karvan.core.model;

import java.util.Objects;
import java.util.Set;

/**
 * A border crossing point between {@code nodeA} (in one country) and {@code nodeB} (in another).
 * Land routes change country only over a link that names a crossing.
 *
 * @param ab clearance time from a to b
 * @param ba clearance time from b to a
 * @param feeAbUsd fee per vehicle or wagon from a to b, USD
 * @param feeBaUsd fee per vehicle or wagon from b to a, USD
 * @param capacityPerDay vehicles or wagons per day, or {@code null}
 */
public record BorderCrossing(
    String id,
    String name,
    String nodeA,
    String nodeB,
    Set<Mode> modes,
    Clearance ab,
    Clearance ba,
    double feeAbUsd,
    double feeBaUsd,
    CrossingStatus status,
    Integer openingYear,
    Double capacityPerDay,
    Provenance provenance,
    Origin origin) {
  public BorderCrossing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nodeA, "nodeA");
    Objects.requireNonNull(nodeB, "nodeB");
    modes = Set.copyOf(modes);
    Objects.requireNonNull(ab, "ab");
    Objects.requireNonNull(ba, "ba");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** True when freight may cross in the given year. */
  public boolean isOpenIn(int year) {
    return switch (status) {
      case OPEN -> true;
      case PLANNED -> openingYear != null && openingYear <= year;
      case CLOSED -> false;
    };
  }
}
