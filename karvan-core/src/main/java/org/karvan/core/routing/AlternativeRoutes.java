package org.karvan.core.routing;

import java.util.List;

/**
 * Up to {@code k} meaningfully different routes, best first by their true objective value; an empty
 * list when there is no route. Results are immutable.
 */
public interface AlternativeRoutes {
  List<Route> alternatives(RouteRequest request, int k, double penalty, double maxShare);
}
