package org.karvan.core.graph;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The departures of one service from one port, as a function {@link #next(double, ZoneClock)}: the
 * first departure at or after a time. Times are hours since {@link #REFERENCE} in UTC. The schedule
 * is a local one, in the wall-clock time of the port's zone ({@link #in}): either a weekly
 * timetable (sorted offsets within the local week) or evenly spaced local departures {@code anchor
 * + k × headway} for every integer {@code k}. A port without a zone runs on the route's clock (the
 * zone handed to {@code next}). Either way the departures are a fixed set of instants and {@code
 * next(t)} is the least of them at or after {@code t}, so {@code t ↦ next(t)} is non-decreasing
 * also across a change of daylight saving time: a search that waits for the next departure is FIFO,
 * leaving later never arrives earlier. Immutable; {@code next} is O(log n) in the departures of a
 * week where the zone's offset is fixed (after its last transition), a few conversions more where
 * it is not.
 */
public final class Sailings {
  /**
   * Hour 0 of the clock: Monday 2024-01-01 00:00 UTC (a Monday, so weekly offsets are simple);
   * local schedules count their wall-clock hours from the same date-time.
   */
  public static final LocalDateTime REFERENCE = LocalDateTime.of(2024, 1, 1, 0, 0);

  /**
   * The anchor of a service without a departures row: its sailings leave at {@code REFERENCE + k ×
   * headway}, i.e. Monday 00:00 and every headway from there (an estimate).
   */
  public static final LocalDateTime DEFAULT_ANCHOR = REFERENCE;

  private static final double WEEK_H = 168.0;
  private static final double EPS = 1e-9;

  private final double[] weekly; // sorted offsets in [0, 168) h, or null
  private final double anchorH;
  private final double headwayH;
  private final boolean estimated;
  private final ZoneClock zone; // null: the route's clock
  private final double shiftH; // in elapsed hours, after the local schedule

  /** The largest change of a zone's offset within a week that {@link #next} allows for, h. */
  private static final double MAX_SHIFT_H = 3.0;

  private Sailings(double[] weekly, double anchorH, double headwayH, boolean estimated) {
    this(weekly, anchorH, headwayH, estimated, null, 0);
  }

  private Sailings(
      double[] weekly,
      double anchorH,
      double headwayH,
      boolean estimated,
      ZoneClock zone,
      double shiftH) {
    this.weekly = weekly;
    this.anchorH = anchorH;
    this.headwayH = headwayH;
    this.estimated = estimated;
    this.zone = zone;
    this.shiftH = shiftH;
  }

  /** The same local schedule read in {@code zone}'s wall-clock time ({@code null}: the route's). */
  public Sailings in(ZoneId zone) {
    return new Sailings(
        weekly, anchorH, headwayH, estimated, zone == null ? null : ZoneClock.of(zone), shiftH);
  }

  /** The zone the schedule is read in, or {@code null} (the route's clock). */
  public ZoneId zone() {
    return zone == null ? null : zone.zone();
  }

  /** Every listed weekday at every listed time of day. */
  public static Sailings weekly(List<DayOfWeek> days, List<LocalTime> times, boolean estimated) {
    if (days.isEmpty() || times.isEmpty()) {
      throw new IllegalArgumentException("a timetable needs weekdays and times");
    }
    double[] off = new double[days.size() * times.size()];
    int i = 0;
    for (DayOfWeek d : days) {
      for (LocalTime t : times) {
        off[i++] = 24.0 * (d.getValue() - 1) + t.toSecondOfDay() / 3600.0;
      }
    }
    Arrays.sort(off);
    return new Sailings(off, 0, 0, estimated);
  }

  /** Evenly spaced: one departure at {@code anchor}, the others every {@code headwayH} hours. */
  public static Sailings every(double headwayH, LocalDateTime anchor, boolean estimated) {
    if (!(headwayH > 0) || Double.isInfinite(headwayH)) {
      throw new IllegalArgumentException("headway must be positive, got " + headwayH);
    }
    return new Sailings(null, hours(anchor), headwayH, estimated);
  }

  /**
   * The first departure at or after {@code t} (hours since {@link #REFERENCE}, UTC) on a route
   * whose clock is UTC: a port without a zone reads its schedule in UTC.
   */
  public double next(double t) {
    return next(t, null);
  }

  /**
   * The first departure at or after {@code t} (hours since {@link #REFERENCE}, UTC); a port without
   * a zone reads its schedule on {@code route}'s clock ({@code null}: UTC).
   */
  public double next(double t, ZoneClock route) {
    ZoneClock z = zone != null ? zone : route;
    double u = t - shiftH;
    double d = z == null || z == ZoneClock.UTC ? localNext(u) : zoned(u, z);
    return Math.max(t, d + shiftH);
  }

  /**
   * The least departure at or after {@code u} of the local schedule read in {@code z}. Where the
   * offset is fixed, a subtraction; elsewhere the local departures from {@code MAX_SHIFT_H} before
   * the local time of {@code u} are converted one by one until none can be earlier.
   */
  private double zoned(double u, ZoneClock z) {
    if (z.fixedAt(u)) {
      double off = z.fixedOffsetH();
      return localNext(u + off) - off;
    }
    double local = z.toLocal(u);
    double off = local - u;
    double best = Double.POSITIVE_INFINITY;
    double s = localNext(local - MAX_SHIFT_H);
    while (!(s - off - MAX_SHIFT_H > best)) {
      double d = z.toUtc(s);
      if (d >= u - EPS && d < best) {
        best = d;
      }
      s = localNext(s + 1e-6);
    }
    return Math.max(u, best);
  }

  /** The first departure of the local schedule at or after local hour {@code t}. */
  private double localNext(double t) {
    if (weekly == null) {
      double k = Math.ceil((t - anchorH) / headwayH - EPS);
      return Math.max(t, anchorH + k * headwayH);
    }
    double week = Math.floor(t / WEEK_H) * WEEK_H;
    double w = t - week;
    int i = Arrays.binarySearch(weekly, w - EPS);
    i = i >= 0 ? i : -i - 1;
    double d = i < weekly.length ? week + weekly[i] : week + WEEK_H + weekly[0];
    return Math.max(t, d);
  }

  /**
   * The same departures {@code h} elapsed hours later: a train's departures from a stop {@code h}
   * hours down the line from its first (the first stop's departures in its zone, plus the scheduled
   * hours).
   */
  public Sailings shifted(double h) {
    return new Sailings(weekly, anchorH, headwayH, estimated, zone, shiftH + h);
  }

  /** True when the departures are an estimate (no published timetable). */
  public boolean estimated() {
    return estimated;
  }

  /** True for a weekly timetable, false for evenly spaced departures. */
  public boolean isTimetable() {
    return weekly != null;
  }

  /** Departures a week. */
  public double perWeek() {
    return weekly != null ? weekly.length : WEEK_H / headwayH;
  }

  /** Wall-clock hours since {@link #REFERENCE} of a date-time (UTC, or a local schedule's). */
  public static double hours(LocalDateTime t) {
    return Duration.between(REFERENCE, t).getSeconds() / 3600.0;
  }

  /** The date-time {@code h} wall-clock hours after {@link #REFERENCE}, to the nearest minute. */
  public static LocalDateTime time(double h) {
    return REFERENCE.plusMinutes(Math.round(h * 60.0)).truncatedTo(ChronoUnit.MINUTES);
  }
}
