package org.karvan.core.routing;

/**
 * A shortest path as the sequence of CSR edge ids and its total weight. When no path exists the
 * weight is {@code +∞} and the edge array is empty ({@link #isFound()} is false); a path from a
 * node to itself has weight 0 and no edges.
 */
public record PathResult(int source, int target, double weight, int[] edges, int settled) {
  public boolean isFound() {
    return weight != Double.POSITIVE_INFINITY;
  }

  static PathResult none(int source, int target, int settled) {
    return new PathResult(source, target, Double.POSITIVE_INFINITY, new int[0], settled);
  }
}
