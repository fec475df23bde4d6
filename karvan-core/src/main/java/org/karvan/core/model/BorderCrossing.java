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

  /** This crossing with another status and opening year. */
  public BorderCrossing withStatus(CrossingStatus newStatus, Integer newOpeningYear) {
    return new BorderCrossing(
        id,
        name,
        nodeA,
        nodeB,
        modes,
        ab,
        ba,
        feeAbUsd,
        feeBaUsd,
        newStatus,
        newOpeningYear,
        capacityPerDay,
        provenance,
        origin);
  }

  /** This crossing with other clearance times (a to b, b to a). */
  public BorderCrossing withClearance(Clearance newAb, Clearance newBa) {
    return new BorderCrossing(
        id,
        name,
        nodeA,
        nodeB,
        modes,
        newAb,
        newBa,
        feeAbUsd,
        feeBaUsd,
        status,
        openingYear,
        capacityPerDay,
        provenance,
        origin);
  }

  /** This crossing with other fees (USD, a to b and b to a). */
  public BorderCrossing withFees(double newFeeAbUsd, double newFeeBaUsd) {
    return new BorderCrossing(
        id,
        name,
        nodeA,
        nodeB,
        modes,
        ab,
        ba,
        newFeeAbUsd,
        newFeeBaUsd,
        status,
        openingYear,
        capacityPerDay,
        provenance,
        origin);
  }

  /**
   * True when freight may cross in the given year: open crossings from their opening year on
   * (always when it is unknown), planned ones from their opening year on (never when it is
   * unknown).
   */
  public boolean isOpenIn(int year) {
    return switch (status) {
      case OPEN -> openingYear == null || openingYear <= year;
      case PLANNED -> openingYear != null && openingYear <= year;
      case CLOSED -> false;
    };
  }
}
