package org.karvan.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * Why a request has no route, as data: front ends word it in their own vocabulary (CLI flags, API
 * parameters). {@code causes} lists the restrictions each of whose removal alone reconnects the
 * places ({@link Kind#DISCONNECTED_BY}); it is empty when only relaxing them together helps ({@link
 * Kind#COMBINATION}) or when nothing helps ({@link Kind#NOT_CONNECTED}).
 *
 * @param from origin node id
 * @param to destination node id
 * @param via via node ids, in order
 */
public record NoRoute(String from, String to, List<String> via, List<Cause> causes, Kind kind) {
  public NoRoute {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    via = List.copyOf(via);
    causes = List.copyOf(causes);
    Objects.requireNonNull(kind, "kind");
  }

  public enum Kind {
    /** Removing any one of {@link #causes} alone gives a route. */
    DISCONNECTED_BY,
    /** No single restriction is to blame; relaxing them all together gives a route. */
    COMBINATION,
    /** Not connected even with every link and crossing that is not defunct or closed. */
    NOT_CONNECTED
  }

  /** A kind of restriction of a request (or its scenario). */
  public enum Restriction {
    /** The network's year and status: today's network, or the given year ({@code values}). */
    NETWORK_YEAR,
    AVOID_COUNTRY,
    AVOID_BORDER,
    AVOID_CHOKEPOINT,
    AVOID_NODE,
    MODES,
    /** Elements the scenario closes, as {@code target:id} (e.g. {@code country:AZ}). */
    SCENARIO_CLOSURE,
    /** Dated events in force on the request's date that close elements, by event id. */
    EVENT_CLOSURE
  }

  /** One restriction and its offending values (ids, codes, mode names or the year). */
  public record Cause(Restriction restriction, List<String> values) {
    public Cause {
      Objects.requireNonNull(restriction, "restriction");
      values = List.copyOf(values);
    }
  }
}
