package org.karvan.io.osm;

/**
 * Receives the elements of one pass over an OSM file. Arrays and {@link Tags} are reused by the
 * reader: copy what you keep.
 */
public interface OsmHandler {
  /** A node; {@code lat}, {@code lon} in WGS84 degrees. */
  default void node(long id, double lat, double lon, Tags tags) {}

  /** A way with {@code n} node references in {@code refs[0..n)}. */
  default void way(long id, long[] refs, int n, Tags tags) {}

  /**
   * A relation with {@code n} members: {@code ids[i]} of type {@code types[i]} (0 node, 1 way, 2
   * relation) in role {@code roles[i]}.
   */
  default void relation(long id, long[] ids, byte[] types, String[] roles, int n, Tags tags) {}
}
