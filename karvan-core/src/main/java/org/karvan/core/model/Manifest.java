package org.karvan.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A bundle's identity: name, data version, as-of date, licence and bundle-wide sources, and the
 * geometry files it names (each under its own licence).
 */
public record Manifest(
    int formatVersion,
    String name,
    String version,
    LocalDate asOf,
    String licence,
    String description,
    List<String> sources,
    List<GeometryLayer> geometry) {
  /** A manifest without geometry files. */
  public Manifest(
      int formatVersion,
      String name,
      String version,
      LocalDate asOf,
      String licence,
      String description,
      List<String> sources) {
    this(formatVersion, name, version, asOf, licence, description, sources, List.of());
  }

  /** This manifest with other geometry files. */
  public Manifest withGeometry(List<GeometryLayer> layers) {
    return new Manifest(formatVersion, name, version, asOf, licence, description, sources, layers);
  }

  public Manifest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(licence, "licence");
    description = description == null ? "" : description;
    sources = List.copyOf(sources);
    geometry = List.copyOf(geometry);
  }
}
