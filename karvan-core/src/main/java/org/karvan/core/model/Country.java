package org.karvan.core.model;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A country by its ISO 3166-1 alpha-2 code.
 *
 * @param timeZone the IANA time zone of its capital, the zone of its places unless a node says
 *     otherwise, or {@code null} (timetables there run on the route's clock)
 */
public record Country(String code, String name, ZoneId timeZone, Origin origin) {
  public Country {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
  }

  /** A country without a time zone. */
  public Country(String code, String name, Origin origin) {
    this(code, name, null, origin);
  }
}
