package org.karvan.core.graph;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local clock of one time zone on the route's clock: hours since {@link Sailings#REFERENCE} in
 * UTC ({@code utcH}) against local wall-clock hours since the same date-time ({@code localH}).
 * Local times in a gap (spring forward) are moved forward by the gap, local times in an overlap
 * take the earlier offset (as {@link ZonedDateTime#ofLocal}). After a zone's last transition (most
 * zones of the corridor have no daylight saving time) the offset is a constant and both directions
 * are a subtraction. Immutable and thread-safe; one instance per zone id.
 */
public final class ZoneClock {
  /** UTC: the clock of places without a time zone when the origin has none either. */
  public static final ZoneClock UTC = new ZoneClock(ZoneOffset.UTC);

  private static final Map<ZoneId, ZoneClock> CACHE = new ConcurrentHashMap<>();
  private static final LocalDateTime REF = Sailings.REFERENCE;

  private final ZoneId zone;
  private final ZoneRules rules;

  /** From this UTC hour on, the offset is {@link #fixedOffsetH} for good. */
  private final double fixedFromH;

  private final double fixedOffsetH;

  private ZoneClock(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    List<ZoneOffsetTransition> ts = rules.getTransitions();
    if (!rules.getTransitionRules().isEmpty()) {
      fixedFromH = Double.POSITIVE_INFINITY;
      fixedOffsetH = 0;
    } else if (ts.isEmpty()) {
      fixedFromH = Double.NEGATIVE_INFINITY;
      fixedOffsetH = rules.getOffset(Instant.EPOCH).getTotalSeconds() / 3600.0;
    } else {
      ZoneOffsetTransition last = ts.get(ts.size() - 1);
      fixedFromH = hours(last.getInstant());
      fixedOffsetH = last.getOffsetAfter().getTotalSeconds() / 3600.0;
    }
  }

  /** The clock of {@code zone}, or {@link #UTC} for {@code null}. */
  public static ZoneClock of(ZoneId zone) {
    if (zone == null || zone.equals(ZoneOffset.UTC)) {
      return UTC;
    }
    return CACHE.computeIfAbsent(zone, ZoneClock::new);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * True when the offset is {@link #fixedOffsetH()} from {@code utcH} on, a day's margin past the
   * last transition included (so no local time after it is ambiguous).
   */
  boolean fixedAt(double utcH) {
    return utcH >= fixedFromH + 24;
  }

  /** The offset once it no longer changes, h (meaningful where {@link #fixedAt} holds). */
  double fixedOffsetH() {
    return fixedOffsetH;
  }

  /** The UTC offset at {@code utcH}, in hours. */
  public double offsetH(double utcH) {
    if (fixedAt(utcH)) {
      return fixedOffsetH;
    }
    return rules.getOffset(instant(utcH)).getTotalSeconds() / 3600.0;
  }

  /** Local wall-clock hours since the reference date-time at UTC hour {@code utcH}. */
  public double toLocal(double utcH) {
    return utcH + offsetH(utcH);
  }

  /**
   * The UTC hour of local wall-clock hour {@code localH} (gap: moved forward; overlap: earlier).
   */
  public double toUtc(double localH) {
    double guess = localH - fixedOffsetH;
    if (fixedAt(guess)) {
      return guess;
    }
    long sec = Math.round(localH * 3600.0);
    ZonedDateTime z = ZonedDateTime.ofLocal(REF.plusSeconds(sec), zone, null);
    return hours(z.toInstant());
  }

  /** The date-time at UTC hour {@code utcH} in this zone, to the nearest minute. */
  public OffsetDateTime at(double utcH) {
    Instant i = instant(Math.round(utcH * 60.0) / 60.0).truncatedTo(ChronoUnit.MINUTES);
    return OffsetDateTime.ofInstant(i, zone);
  }

  /** Hours since {@link Sailings#REFERENCE} (taken as UTC) of {@code i}. */
  public static double hours(Instant i) {
    return (i.getEpochSecond() - REF.toEpochSecond(ZoneOffset.UTC)) / 3600.0 + i.getNano() / 3.6e12;
  }

  static Instant instant(double utcH) {
    return Instant.ofEpochSecond(REF.toEpochSecond(ZoneOffset.UTC) + Math.round(utcH * 3600.0));
  }

  @Override
  public String toString() {
    return zone.getId();
  }
}
