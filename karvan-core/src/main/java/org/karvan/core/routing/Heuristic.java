package org.karvan.core.routing;

/**
 * A lower bound on the remaining weight from a node to the current target, for A*. It must be
 * admissible (never above the true remaining weight) and consistent ({@code h(u) <= w(u,v) + h(v)})
 * for A* to return shortest paths.
 */
@FunctionalInterface
public interface Heuristic {
  double lowerBound(int node);
}
