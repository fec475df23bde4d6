package org.karvan.bench;

/**
 * A one-to-one shortest-path engine loaded with a {@link BenchGraph}. Instances hold per-query
 * workspaces and are not thread-safe.
 */
public interface Engine {
  /** The name used on the command line and in result tables. */
  String name();

  /** The shortest distance (seconds) from {@code source} to {@code target}, +∞ if unreachable. */
  double distance(int source, int target);

  /** Nodes settled by the last query, or -1 when the engine does not tell. */
  default long lastSettled() {
    return -1;
  }
}
