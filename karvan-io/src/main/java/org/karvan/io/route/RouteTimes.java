package org.karvan.io.route;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the times of a timed route ({@code --depart}) are written: local time at the place with its
 * UTC offset. One place for the JSON, the table, CSV and XLSX, so they cannot drift apart.
 */
public final class RouteTimes {
  private RouteTimes() {}

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmxxx", Locale.ROOT);
  private static final DateTimeFormatter TABLE =
      DateTimeFormatter.ofPattern("EEE uuuu-MM-dd HH:mm", Locale.ROOT);

  /** ISO 8601 / RFC 3339 offset date-time to the minute: {@code 2026-12-08T12:00+04:00}. */
  public static String iso(OffsetDateTime t) {
    return t == null ? null : ISO.format(t);
  }

  /** Compact, for tables: {@code Tue 2026-12-08 12:00 +04} ({@code +03:30} off the hour). */
  public static String compact(OffsetDateTime t) {
    return t == null ? "" : TABLE.format(t) + " " + offset(t.getOffset());
  }

  /** {@code +04}, {@code +03:30}, {@code -01}, {@code +00}. */
  public static String offset(ZoneOffset o) {
    int s = o.getTotalSeconds();
    int m = Math.abs(s) / 60;
    String sign = s < 0 ? "-" : "+";
    return m % 60 == 0
        ? String.format(Locale.ROOT, "%s%02d", sign, m / 60)
        : String.format(Locale.ROOT, "%s%02d:%02d", sign, m / 60, m % 60);
  }
}
