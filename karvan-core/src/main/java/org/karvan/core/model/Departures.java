package org.karvan.core.model;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * When the sailings of a service leave (one row of {@code departures.csv}): either a weekly
 * timetable (every listed weekday at every listed local time) or, where only a frequency is known,
 * an anchor: one departure, the others evenly spaced at the service's headway ({@code 168 /
 * sailings_per_week} h) before and after it. Times are the local wall-clock time of the port the
 * departures leave from, in its time zone ({@link Network#zoneOf}; docs/routing.md, "Time zones").
 *
 * @param link the sea or ferry link (it has a row in services.csv)
 * @param from the end the departures leave from, or {@code null}: the same times at both ends
 * @param weekdays timetable weekdays (empty for an anchor row)
 * @param times timetable times of day (empty for an anchor row)
 * @param anchor one departure of an evenly spaced service, or {@code null} for a timetable
 */
public record Departures(
    String link,
    String from,
    List<DayOfWeek> weekdays,
    List<LocalTime> times,
    LocalDateTime anchor,
    Provenance provenance,
    Origin origin) {
  public Departures {
    Objects.requireNonNull(link, "link");
    from = from == null || from.isBlank() ? null : from;
    weekdays = List.copyOf(weekdays);
    times = List.copyOf(times);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** True for a weekly timetable, false for evenly spaced departures from an anchor. */
  public boolean isTimetable() {
    return !weekdays.isEmpty();
  }

  /** True when the departures apply to sailings leaving {@code node}. */
  public boolean leaves(String node) {
    return from == null || from.equals(node);
  }
}
