package org.karvan.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dated closure or restriction of network elements (a row of {@code events.csv}), or a declared
 * closure risk. Dates are inclusive; an open end ({@code end == null}) lasts until further notice.
 *
 * @param targetType what {@code targets} names
 * @param targets element ids (for {@link Target#COUNTRY_PAIR}: pairs such as {@code AZ-IR})
 * @param modes the modes affected; empty: every mode
 * @param delayMeanH RESTRICTED: extra delay, mean hours, per passage
 * @param delayP90H RESTRICTED: extra delay, 90th percentile hours (the reliability model's spread)
 * @param surchargeUsdPerTeu RESTRICTED: surcharge (e.g. war-risk insurance), USD per TEU
 * @param surchargePct RESTRICTED: surcharge in percent of the affected edge's own cost
 * @param capacityCut RESTRICTED: share of capacity lost, 0..1 (reported; routing does not use it)
 * @param ratePerYear RISK: closures per year ({@code null} otherwise)
 * @param durationMeanDays RISK: length of one closure, days ({@code null} otherwise)
 */
public record NetworkEvent(
    String id,
    Target targetType,
    List<String> targets,
    LocalDate start,
    LocalDate end,
    Severity severity,
    Set<Mode> modes,
    double delayMeanH,
    double delayP90H,
    double surchargeUsdPerTeu,
    double surchargePct,
    double capacityCut,
    Double ratePerYear,
    Double durationMeanDays,
    Provenance provenance,
    Origin origin) {

  /** What an event applies to. */
  public enum Target {
    CROSSING,
    CHOKEPOINT,
    COUNTRY,
    LINK,
    NODE,
    /** Every crossing between two countries, named as {@code AZ-IR}. */
    COUNTRY_PAIR
  }

  /** What an event does. */
  public enum Severity {
    /** The elements carry nothing. */
    CLOSED,
    /** The elements stay open with extra delay, a surcharge and less capacity. */
    RESTRICTED,
    /** No effect on routes: a declared closure rate for the reliability model. */
    RISK
  }

  public NetworkEvent {
    Objects.requireNonNull(id, "id");
    targets = List.copyOf(targets);
    modes = Set.copyOf(modes);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** True when the event is in force on {@code day} (start and end inclusive). */
  public boolean activeOn(LocalDate day) {
    return start != null && !day.isBefore(start) && (end == null || !day.isAfter(end));
  }

  /** True when the event applies to {@code m} (an event without modes applies to all). */
  public boolean affects(Mode m) {
    return modes.isEmpty() || (m != null && modes.contains(m));
  }

  /** Its length in days up to {@code day} (inclusive), for an open end counted to that day. */
  public double daysUntil(LocalDate day) {
    LocalDate last = end == null || end.isAfter(day) ? day : end;
    return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start, last) + 1);
  }
}
