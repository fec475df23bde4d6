package org.karvan.core.graph;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The departures of one service from one port, as a function {@link #next(double)}: the first
 * departure at or after a time. Times are hours since {@link #REFERENCE} (local time, no zones).
 * Either a weekly timetable (sorted offsets within the week) or evenly spaced departures {@code
 * anchor + k × headway} for every integer {@code k}. Both make {@code t ↦ next(t)} non-decreasing,
 * so a search that waits for the next departure is FIFO: leaving later never arrives earlier.
 * Immutable; {@code next} is O(log n) in the departures of a week.
 */
public final class Sailings {
  /** Hour 0 of the clock: Monday 2024-01-01 00:00 (a Monday, so weekly offsets are simple). */
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

  private Sailings(double[] weekly, double anchorH, double headwayH, boolean estimated) {
    this.weekly = weekly;
    this.anchorH = anchorH;
    this.headwayH = headwayH;
    this.estimated = estimated;
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

  /** The first departure at or after {@code t} (hours since {@link #REFERENCE}). */
  public double next(double t) {
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
   * The same departures {@code h} hours later: a train's departures from a stop {@code h} hours
   * down the line from its first.
   */
  public Sailings shifted(double h) {
    if (weekly == null) {
      return new Sailings(null, anchorH + h, headwayH, estimated);
    }
    double[] off = new double[weekly.length];
    for (int i = 0; i < off.length; i++) {
      double o = (weekly[i] + h) % WEEK_H;
      off[i] = o < 0 ? o + WEEK_H : o;
    }
    Arrays.sort(off);
    return new Sailings(off, 0, 0, estimated);
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

  /** Hours since {@link #REFERENCE}. */
  public static double hours(LocalDateTime t) {
    return Duration.between(REFERENCE, t).getSeconds() / 3600.0;
  }

  /** The local date-time {@code h} hours after {@link #REFERENCE}, to the nearest minute. */
  public static LocalDateTime time(double h) {
    return REFERENCE.plusMinutes(Math.round(h * 60.0)).truncatedTo(ChronoUnit.MINUTES);
  }
}
