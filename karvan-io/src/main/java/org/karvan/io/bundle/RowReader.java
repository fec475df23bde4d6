package org.karvan.io.bundle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvTable;
import org.karvan.io.csv.CsvTable.CsvRow;

/**
 * Typed access to one CSV row. Every bad value is reported with file, line, column and field and
 * read as {@code null}; {@link #ok()} tells whether the row had no problem.
 */
final class RowReader {
  private final CsvTable table;
  private final CsvRow row;
  private final Problems problems;
  private final Origin origin;
  private final int errorsBefore;

  RowReader(CsvTable table, CsvRow row, Problems problems) {
    this.table = table;
    this.row = row;
    this.problems = problems;
    this.origin = new Origin(table.file(), row.line(), table.header());
    this.errorsBefore = problems.errorCount();
  }

  Origin origin() {
    return origin;
  }

  boolean ok() {
    return problems.errorCount() == errorsBefore;
  }

  private void error(String field, String message) {
    problems.error(origin, field, message);
  }

  /** The trimmed cell, or "" when the column or cell is absent. */
  String str(String field) {
    Integer col = table.header().get(field);
    if (col == null || col > row.cells().size()) {
      return "";
    }
    return row.cells().get(col - 1).trim();
  }

  String required(String field) {
    String s = str(field);
    if (s.isEmpty()) {
      error(field, "value required");
    }
    return s;
  }

  /** The value or {@code null} when empty. */
  String optional(String field) {
    String s = str(field);
    return s.isEmpty() ? null : s;
  }

  Double number(String field, boolean required) {
    String s = required ? required(field) : str(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(s);
      if (Double.isNaN(v)
          || Double.isInfinite(v)
          || s.endsWith("d")
          || s.endsWith("f")
          || s.endsWith("D")
          || s.endsWith("F")) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      error(field, "'" + s + "' is not a number (use a '.' decimal point, no thousands separator)");
      return null;
    }
  }

  double numberOr(String field, double dflt) {
    Double v = number(field, false);
    return v == null ? dflt : v;
  }

  Integer integer(String field, boolean required) {
    String s = required ? required(field) : str(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      error(field, "'" + s + "' is not a whole number");
      return null;
    }
  }

  Boolean bool(String field) {
    String s = str(field).toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return null;
    }
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    error(field, "'" + str(field) + "' is not true or false");
    return null;
  }

  LocalDate date(String field, boolean required) {
    String s = required ? required(field) : str(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      error(field, "'" + s + "' is not a date YYYY-MM-DD");
      return null;
    }
  }

  <E extends Enum<E>> E enumValue(Class<E> type, String field, boolean required) {
    String s = required ? required(field) : str(field);
    return s.isEmpty() ? null : parseEnum(type, field, s);
  }

  private <E extends Enum<E>> E parseEnum(Class<E> type, String field, String s) {
    try {
      return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(
          field,
          "unknown value '"
              + s
              + "'; allowed: "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
      return null;
    }
  }

  /** A {@code |}-separated list, empty entries dropped. */
  List<String> list(String field) {
    String s = str(field);
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    for (String part : s.split("\\|")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }

  <E extends Enum<E>> Set<E> enumSet(Class<E> type, String field, boolean required) {
    List<String> items = list(field);
    if (items.isEmpty() && required) {
      error(field, "value required");
    }
    Set<E> out = new LinkedHashSet<>();
    for (String item : items) {
      E e = parseEnum(type, field, item);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * Stops of a rail service as a {@code |} list of {@code NODE@HOURS} (scheduled hours after the
   * first departure) or {@code NODE} (time interpolated).
   */
  List<org.karvan.core.model.RailService.Stop> stops(String field) {
    List<org.karvan.core.model.RailService.Stop> out = new ArrayList<>();
    for (String item : list(field)) {
      int at = item.indexOf('@');
      if (at < 0) {
        out.add(new org.karvan.core.model.RailService.Stop(item, null));
        continue;
      }
      String node = item.substring(0, at).trim();
      String h = item.substring(at + 1).trim();
      try {
        double v = Double.parseDouble(h);
        if (node.isEmpty() || !Double.isFinite(v)) {
          throw new NumberFormatException(h);
        }
        out.add(new org.karvan.core.model.RailService.Stop(node, v));
      } catch (NumberFormatException e) {
        error(field, "'" + item + "' is not NODE@HOURS (hours after the first departure) or NODE");
      }
    }
    return out;
  }

  /** Weekdays as a {@code |} list: {@code MON}..{@code SUN} or full English names. */
  List<java.time.DayOfWeek> weekdays(String field) {
    List<java.time.DayOfWeek> out = new ArrayList<>();
    for (String item : list(field)) {
      String u = item.toUpperCase(Locale.ROOT);
      java.time.DayOfWeek d = null;
      for (java.time.DayOfWeek x : java.time.DayOfWeek.values()) {
        if (x.name().equals(u) || (u.length() == 3 && x.name().startsWith(u))) {
          d = x;
        }
      }
      if (d == null) {
        error(field, "'" + item + "' is not a weekday (MON, TUE, WED, THU, FRI, SAT, SUN)");
      } else {
        out.add(d);
      }
    }
    return out;
  }

  /** Times of day as a {@code |} list of {@code HH:MM} (24 h). */
  List<java.time.LocalTime> times(String field) {
    List<java.time.LocalTime> out = new ArrayList<>();
    for (String item : list(field)) {
      if (!item.matches("\\d{2}:\\d{2}")) {
        error(field, "'" + item + "' is not a time of day HH:MM (00:00 to 23:59)");
        continue;
      }
      try {
        out.add(java.time.LocalTime.parse(item));
      } catch (DateTimeParseException e) {
        error(field, "'" + item + "' is not a time of day HH:MM (00:00 to 23:59)");
      }
    }
    return out;
  }

  /**
   * An IANA time zone id known to this JDK's tz database (e.g. {@code Asia/Baku}), or {@code null}
   * when empty. Offsets such as {@code +04:00} are not zones (no daylight saving rules, no
   * history).
   */
  java.time.ZoneId zone(String field) {
    String s = str(field);
    if (s.isEmpty()) {
      return null;
    }
    if (!java.time.ZoneId.getAvailableZoneIds().contains(s)) {
      error(
          field,
          "'"
              + s
              + "' is not an IANA time zone id of the tz database "
              + TZ_VERSION
              + " (e.g. Asia/Baku, Europe/Moscow)");
      return null;
    }
    return java.time.ZoneId.of(s);
  }

  /** The version of the tz database of this JDK, e.g. {@code 2025a}. */
  static final String TZ_VERSION =
      String.join("/", java.time.zone.ZoneRulesProvider.getVersions("UTC").keySet());

  /** A local date-time {@code YYYY-MM-DDTHH:MM}, or {@code null} when empty. */
  java.time.LocalDateTime dateTime(String field) {
    String s = str(field);
    if (s.isEmpty()) {
      return null;
    }
    try {
      if (!s.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
        throw new DateTimeParseException("format", s, 0);
      }
      return java.time.LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      error(field, "'" + s + "' is not a local date-time YYYY-MM-DDTHH:MM");
      return null;
    }
  }

  Provenance provenance(LocalDate defaultAsOf) {
    LocalDate asOf = date("as_of", false);
    return new Provenance(
        list("sources"),
        asOf == null ? defaultAsOf : asOf,
        new LinkedHashSet<>(list("estimated")),
        str("note"));
  }
}
