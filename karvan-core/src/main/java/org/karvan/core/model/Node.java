package org.karvan.core.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A place in the network: a port, station, junction, border post or sea waypoint.
 *
 * @param id stable id (UN/LOCODE where one exists)
 * @param country ISO code, or {@code null} for a {@link NodeKind#WAYPOINT} at sea
 * @param lat WGS84 latitude in degrees
 * @param lon WGS84 longitude in degrees
 * @param timeZone the IANA time zone where it differs from its country's, or {@code null}
 */
public record Node(
    String id,
    String name,
    List<String> aliases,
    String country,
    double lat,
    double lon,
    Set<NodeKind> kinds,
    ZoneId timeZone,
    Provenance provenance,
    Origin origin) {
  /** A node in its country's time zone. */
  public Node(
      String id,
      String name,
      List<String> aliases,
      String country,
      double lat,
      double lon,
      Set<NodeKind> kinds,
      Provenance provenance,
      Origin origin) {
    this(id, name, aliases, country, lat, lon, kinds, null, provenance, origin);
  }

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** This node in {@code zone} ({@code null}: its country's). */
  public Node withTimeZone(ZoneId zone) {
    return new Node(id, name, aliases, country, lat, lon, kinds, zone, provenance, origin);
  }

  public boolean is(NodeKind kind) {
    return kinds.contains(kind);
  }
}
