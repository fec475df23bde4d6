package org.karvan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A physical link between two nodes.
 *
 * @param lengthKm route length in km
 * @param gauge rail gauge; {@code null} for non-rail modes
 * @param electrified {@code null} when unknown
 * @param speedKmh commercial speed in km/h including stops, or {@code null} for the profile default
 * @param capacityTpy capacity in tonnes per year, or {@code null} when unknown
 * @param openingYear year opened or expected, or {@code null}
 * @param borderCrossing id of the border crossing this link physically is, or {@code null}
 * @param geometry intermediate vertices (endpoints come from the nodes)
 */
public record Link(
    String id,
    String from,
    String to,
    Mode mode,
    double lengthKm,
    Direction direction,
    Gauge gauge,
    Boolean electrified,
    Double speedKmh,
    Double capacityTpy,
    LinkStatus status,
    Integer openingYear,
    String borderCrossing,
    List<String> chokepoints,
    List<LatLon> geometry,
    Provenance provenance,
    Origin origin) {
  public Link {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(status, "status");
    chokepoints = List.copyOf(chokepoints);
    geometry = List.copyOf(geometry);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** The end other than {@code nodeId}. */
  public String other(String nodeId) {
    return from.equals(nodeId) ? to : from;
  }

  /**
   * True when the link exists in the given year: operational links always, links under construction
   * or planned from their opening year on (never when the year is unknown), defunct links never.
   */
  public boolean isOpenIn(int year) {
    return switch (status) {
      case OPERATIONAL -> true;
      case UNDER_CONSTRUCTION, PLANNED -> openingYear != null && openingYear <= year;
      case DEFUNCT -> false;
    };
  }
}
