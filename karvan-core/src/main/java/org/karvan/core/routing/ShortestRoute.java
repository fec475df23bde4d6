package org.karvan.core.routing;

import java.util.Optional;

/**
 * The best route between two places (optionally through via places) under constraints, minimising
 * one objective. "No route" is {@link Optional#empty()}; {@link #explainNoRoute} says, as data,
 * which restriction disconnected the places. Results are immutable.
 */
public interface ShortestRoute {
  Optional<Route> route(RouteRequest request);

  NoRoute explainNoRoute(RouteRequest request);
}
