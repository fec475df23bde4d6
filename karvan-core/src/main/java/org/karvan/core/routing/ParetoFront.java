package org.karvan.core.routing;

/**
 * The Pareto-optimal routes over hours, USD and kg CO2e; an empty front when there is no route, and
 * {@code truncated} when the label bound stopped the search.
 */
public interface ParetoFront {
  Router.ParetoRoutes pareto(RouteRequest request, int maxLabels);
}
