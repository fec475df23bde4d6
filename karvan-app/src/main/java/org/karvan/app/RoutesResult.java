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
 */
public record RoutesResult(
    Kind kind,
    Network network,
    String scenario,
    RouteRequest request,
    List<Route> routes,
    ParetoStats pareto) {
  public enum Kind {
    ROUTE,
    ALTERNATIVES,
    PARETO
  }

  /** How far the Pareto search went: truncated when it hit the label bound. */
  public record ParetoStats(boolean truncated, int labels, int maxLabels) {}

  public RoutesResult {
    routes = List.copyOf(routes);
  }

  /** The best route (the first). */
  public Route best() {
    return routes.get(0);
  }
}
