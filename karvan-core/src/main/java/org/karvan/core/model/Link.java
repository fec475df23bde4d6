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

  /** This link with another status and opening year. */
  public Link withStatus(LinkStatus newStatus, Integer newOpeningYear) {
    return new Link(
        id,
        from,
        to,
        mode,
        lengthKm,
        direction,
        gauge,
        electrified,
        speedKmh,
        capacityTpy,
        newStatus,
        newOpeningYear,
        borderCrossing,
        chokepoints,
        geometry,
        provenance,
        origin);
  }

  /** This link with another speed (km/h; {@code null} = the profile default). */
  public Link withSpeed(Double newSpeedKmh) {
    return new Link(
        id,
        from,
        to,
        mode,
        lengthKm,
        direction,
        gauge,
        electrified,
        newSpeedKmh,
        capacityTpy,
        status,
        openingYear,
        borderCrossing,
        chokepoints,
        geometry,
        provenance,
        origin);
  }

  /** This link with another capacity (tonnes per year; {@code null} = unknown). */
  public Link withCapacity(Double newCapacityTpy) {
    return new Link(
        id,
        from,
        to,
        mode,
        lengthKm,
        direction,
        gauge,
        electrified,
        speedKmh,
        newCapacityTpy,
        status,
        openingYear,
        borderCrossing,
        chokepoints,
        geometry,
        provenance,
        origin);
  }

  /** This link with other intermediate vertices. */
  public Link withGeometry(List<LatLon> newGeometry) {
    return new Link(
        id,
        from,
        to,
        mode,
        lengthKm,
        direction,
        gauge,
        electrified,
        speedKmh,
        capacityTpy,
        status,
        openingYear,
        borderCrossing,
        chokepoints,
        newGeometry,
        provenance,
        origin);
  }

  /** The end other than {@code nodeId}. */
  public String other(String nodeId) {
    return from.equals(nodeId) ? to : from;
  }

  /**
   * True when the link exists in the given year: operational links from their opening year on
   * (always when it is unknown), links under construction or planned from their opening year on
   * (never when it is unknown), defunct links never.
   */
  public boolean isOpenIn(int year) {
    return switch (status) {
      case OPERATIONAL -> openingYear == null || openingYear <= year;
      case UNDER_CONSTRUCTION, PLANNED -> openingYear != null && openingYear <= year;
      case DEFUNCT -> false;
    };
  }
}
