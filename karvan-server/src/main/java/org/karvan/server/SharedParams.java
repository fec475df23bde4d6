package org.karvan.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parameters several endpoints share, named once. */
final class SharedParams {
  private SharedParams() {}

  /** Parameters every routing endpoint accepts. */
  static final List<String> ROUTE =
      List.of(
          "from",
          "to",
          "via",
          "cargo",
          "optimize",
          "avoidCountry",
          "avoidBorder",
          "avoidChokepoint",
          "avoidNode",
          "modes",
          "year",
          "include",
          "format");

  /** The routing parameters and {@code extra}. */
  static Set<String> route(String... extra) {
    Set<String> s = new LinkedHashSet<>(ROUTE);
    s.addAll(List.of(extra));
    return s;
  }
}
