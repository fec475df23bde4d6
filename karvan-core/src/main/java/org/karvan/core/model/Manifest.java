package org.karvan.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A bundle's identity: name, data version, as-of date, licence and bundle-wide sources. */
public record Manifest(
    int formatVersion,
    String name,
    String version,
    LocalDate asOf,
    String licence,
    String description,
    List<String> sources) {
  public Manifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(licence, "licence");
    description = description == null ? "" : description;
    sources = List.copyOf(sources);
  }
}
