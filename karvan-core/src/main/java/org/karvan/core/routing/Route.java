package org.karvan.core.routing;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An itinerary: totals, legs (moving) and events (stops) in travel order ({@code seq} orders legs
 * and events together), the countries crossed with km in each, the crossings and chokepoints used.
 * Totals equal the sums over legs and events.
 *
 * @param objectiveValue the value of the objective the route was found with
 * @param nodes the physical node ids visited, in order
 * @param disruptions the RESTRICTED dated events the route passes, with what they added
 */
public record Route(
    Totals totals,
    List<Leg> legs,
    List<Event> events,
    List<CountryKm> countries,
    List<String> crossings,
    List<String> chokepoints,
    List<String> nodes,
    List<String> links,
    double objectiveValue,
    List<Disruption> disruptions) {
  /** A route on which no dated event applies. */
  public Route(
      Totals totals,
      List<Leg> legs,
      List<Event> events,
      List<CountryKm> countries,
      List<String> crossings,
      List<String> chokepoints,
      List<String> nodes,
      List<String> links,
      double objectiveValue) {
    this(
        totals,
        legs,
        events,
        countries,
        crossings,
        chokepoints,
        nodes,
        links,
        objectiveValue,
        List.of());
  }

  public Route {
    legs = List.copyOf(legs);
    events = List.copyOf(events);
    countries = List.copyOf(countries);
    crossings = List.copyOf(crossings);
    chokepoints = List.copyOf(chokepoints);
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    disruptions = List.copyOf(disruptions);
  }

  /**
   * A dated event applied on the route: its id, severity and targets, what it did ({@code effect}),
   * how often the route met it ({@code passages}), the hours and USD it added in total, and its
   * sources.
   */
  public record Disruption(
      String id,
      String severity,
      String targetType,
      List<String> targets,
      String effect,
      int passages,
      double hours,
      double usd,
      double capacityCut,
      List<String> sources,
      boolean estimated) {
    public Disruption {
      targets = List.copyOf(targets);
      sources = List.copyOf(sources);
    }
  }

  /** Door-to-door figures. */
  public record Totals(double distanceKm, double durationHours, double costUsd, double co2eKg) {
    public double durationDays() {
      return durationHours / 24.0;
    }
  }

  /**
   * When the route leaves its origin (local time there, with its UTC offset), or {@code null} when
   * it was not timed ({@code --depart}).
   */
  public OffsetDateTime departs() {
    OffsetDateTime l = legs.isEmpty() ? null : legs.get(0).departs();
    OffsetDateTime e = events.isEmpty() ? null : events.get(0).arrives();
    return l == null ? e : e == null || l.isBefore(e) ? l : e;
  }

  /** When the route reaches its destination, or {@code null} when it was not timed. */
  public OffsetDateTime arrives() {
    OffsetDateTime l = legs.isEmpty() ? null : legs.get(legs.size() - 1).arrives();
    OffsetDateTime e = events.isEmpty() ? null : events.get(events.size() - 1).departs();
    return l == null ? e : e == null || l.isAfter(e) ? l : e;
  }

  /**
   * A stretch moved in one mode (and gauge) within one country, or over one border link.
   *
   * @param gauge rail gauge code, or {@code null}
   * @param country ISO code, or {@code null} at sea
   * @param departs when the leg starts (with {@code --depart}), in the local time of {@code from}
   *     with its UTC offset, else {@code null}
   * @param arrives when the leg ends (with {@code --depart}), in the local time of {@code to}, else
   *     {@code null}
   */
  public record Leg(
      int seq,
      String mode,
      String gauge,
      String from,
      String to,
      String country,
      double distanceKm,
      double durationHours,
      double costUsd,
      double co2eKg,
      List<String> links,
      OffsetDateTime departs,
      OffsetDateTime arrives) {
    public Leg {
      links = List.copyOf(links);
    }

    /**
     * The decimals a leg's km are shown with: one for a leg under 1 km (a bridge, a border link),
     * none otherwise, so that no leg reads as 0 km (the route table and the HTML report).
     */
    public int kmDecimals() {
      return distanceKm > 0 && distanceKm < 0.95 ? 1 : 0;
    }

    /** An untimed leg (a route without {@code --depart}). */
    public Leg(
        int seq,
        String mode,
        String gauge,
        String from,
        String to,
        String country,
        double distanceKm,
        double durationHours,
        double costUsd,
        double co2eKg,
        List<String> links) {
      this(
          seq,
          mode,
          gauge,
          from,
          to,
          country,
          distanceKm,
          durationHours,
          costUsd,
          co2eKg,
          links,
          null,
          null);
    }

    /** This leg, timed. */
    public Leg at(OffsetDateTime dep, OffsetDateTime arr) {
      return new Leg(
          seq,
          mode,
          gauge,
          from,
          to,
          country,
          distanceKm,
          durationHours,
          costUsd,
          co2eKg,
          links,
          dep,
          arr);
    }
  }

  /**
   * A stop: loading, unloading, border crossing, transshipment, break of gauge, port handling, wait
   * for a sailing, driver rest, or a via place the request asked to pass through.
   *
   * @param at node id where it happens
   * @param detail e.g. the crossing's name or the transfer {@code RAIL/1520 -> RAIL/1435}
   * @param departs when the stop ends (with {@code --depart}), local time at {@code at}, else
   *     {@code null}
   * @param arrives when the stop begins (with {@code --depart}), local time at {@code at}, else
   *     {@code null}
   * @param kmFromOrigin route km from the origin where it happens (a driver rest may fall inside a
   *     leg: then {@code at} is the node the truck last passed)
   */
  public record Event(
      int seq,
      EventType type,
      String at,
      String detail,
      double durationHours,
      double costUsd,
      double co2eKg,
      double kmFromOrigin,
      OffsetDateTime departs,
      OffsetDateTime arrives) {
    /** An untimed stop (a route without {@code --depart}). */
    public Event(
        int seq,
        EventType type,
        String at,
        String detail,
        double durationHours,
        double costUsd,
        double co2eKg,
        double kmFromOrigin) {
      this(seq, type, at, detail, durationHours, costUsd, co2eKg, kmFromOrigin, null, null);
    }

    /** This stop, timed: {@code arrives} when it starts, {@code departs} when it ends. */
    public Event at(OffsetDateTime arr, OffsetDateTime dep) {
      return new Event(
          seq, type, at, detail, durationHours, costUsd, co2eKg, kmFromOrigin, dep, arr);
    }
  }

  public enum EventType {
    LOADING,
    UNLOADING,
    BORDER_CROSSING,
    BREAK_OF_GAUGE,
    TRANSSHIPMENT,
    PORT_HANDLING,
    FERRY_WAIT,
    SHIP_WAIT,
    /** Waiting for the next departure of a scheduled train (a rail service). */
    TRAIN_WAIT,
    DRIVER_REST,
    /** Entering or leaving a country by sea or ferry. */
    CUSTOMS,
    /** A place the request asked to pass through; no time or cost of its own. */
    VIA,
    /** The delay and surcharge of a RESTRICTED dated event (see {@link Route#disruptions}). */
    DISRUPTION
  }

  public record CountryKm(String code, double distanceKm) {}

  /** What a dated event does, in words (e.g. {@code restricted: +48 h delay (P90 120 h)}). */
  public static String describe(org.karvan.core.model.NetworkEvent e) {
    return Disruptions.effect(e);
  }
}
