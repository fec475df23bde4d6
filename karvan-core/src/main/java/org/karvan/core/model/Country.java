package org.karvan.core.model;

import java.util.Objects;

/** A country by its ISO 3166-1 alpha-2 code. */
public record Country(String code, String name, Origin origin) {
  public Country {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(origin, "origin");
  }
}
