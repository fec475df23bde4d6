package org.karvan.app;

import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;

/**
 * Routes found for one request, with the network they were computed on (a scenario's own when it
 * adds elements) and the scenario's name ({@code null}: the base network).
 *
 * @param kind one best route, alternatives, or a Pareto front
 * @param pareto the front's search statistics (only for {@link Kind#PARETO})
 * @param date the day whose dated events applied
 * @param eventsInForce the events in force that day (CLOSED and RESTRICTED), whether or not a route
 *     meets them
 * @param snapped the places given as {@code LAT,LON}, each with the node it was snapped to
 */
public record RoutesResult(
    Kind kind,
    Network network,
    String scenario,
    RouteRequest request,
    List<Route> routes,
    ParetoStats pareto,
    java.time.LocalDate date,
    List<org.karvan.core.model.NetworkEvent> eventsInForce,
    List<Resolver.Snapped> snapped) {
  /** A result whose places were all named (none given as LAT,LON). */
  public RoutesResult(
      Kind kind,
      Network network,
      String scenario,
      RouteRequest request,
      List<Route> routes,
      ParetoStats pareto,
      java.time.LocalDate date,
      List<org.karvan.core.model.NetworkEvent> eventsInForce) {
    this(kind, network, scenario, request, routes, pareto, date, eventsInForce, List.of());
  }

  public enum Kind {
    ROUTE,
    ALTERNATIVES,
    PARETO
  }

  /** How far the Pareto search went: truncated when it hit the label bound. */
  public record ParetoStats(boolean truncated, int labels, int maxLabels) {}

  public RoutesResult {
    routes = List.copyOf(routes);
    eventsInForce = List.copyOf(eventsInForce);
    snapped = snapped == null ? List.of() : List.copyOf(snapped);
  }

  /** The best route (the first). */
  public Route best() {
    return routes.get(0);
  }
}
