package org.karvan.core.model;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A scheduled rail service (one row of {@code rail_services.csv}): a block train that runs along
 * {@code path} in one direction, stops for cargo at {@code stops}, and leaves its first stop at the
 * listed weekdays and times, or evenly spaced at its frequency through an {@code anchor}. A box
 * stays on the train between stops and waits only where it boards (docs/routing.md, "Scheduled rail
 * services"). Times are local, the same clock as {@code --depart}.
 *
 * @param path node ids in running order; consecutive nodes are joined by a rail link
 * @param stops the nodes where cargo boards or leaves, in running order; the first and the last
 *     node of the path are stops
 * @param runsPerWeek departures a week from the first stop
 * @param capacityTeu boxes a train carries (TEU), or {@code null}: reported, not yet a constraint
 */
public record RailService(
    String id,
    String name,
    String operator,
    List<String> path,
    List<Stop> stops,
    double runsPerWeek,
    List<DayOfWeek> weekdays,
    List<LocalTime> times,
    LocalDateTime anchor,
    Double capacityTeu,
    Provenance provenance,
    Origin origin) {

  /**
   * A stop of the train.
   *
   * @param atH scheduled hours after the departure from the first stop (everything included:
   *     running, border and gauge-change stops), or {@code null}: interpolated along the path by
   *     running time between the stops around it (an estimate)
   */
  public record Stop(String node, Double atH) {
    public Stop {
      Objects.requireNonNull(node, "node");
    }
  }

  public RailService {
    Objects.requireNonNull(id, "id");
    name = name == null || name.isBlank() ? id : name;
    operator = operator == null ? "" : operator;
    path = List.copyOf(path);
    stops = List.copyOf(stops);
    weekdays = List.copyOf(weekdays);
    times = List.copyOf(times);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** True for a weekly timetable, false for evenly spaced departures from an anchor. */
  public boolean isTimetable() {
    return !weekdays.isEmpty();
  }

  /** Expected wait in hours for a box arriving at a random time: half the headway. */
  public double expectedWaitH() {
    return 0.5 * 168.0 / runsPerWeek;
  }

  /** The stop at {@code node}, or {@code null}. */
  public Stop stopAt(String node) {
    for (Stop s : stops) {
      if (s.node().equals(node)) {
        return s;
      }
    }
    return null;
  }
}
