package org.karvan.core.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A named list of modifications applied on top of a base network at request time; the base never
 * changes. A scenario may extend another (its modifications come first) and may state a year, the
 * default network year of requests made under it.
 *
 * @param sources citations for the scenario's assumptions
 */
public record Scenario(
    String name,
    String description,
    String extendsName,
    Integer year,
    List<String> sources,
    List<Modification> modifications,
    String file) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    sources = List.copyOf(sources);
    modifications = List.copyOf(modifications);
    file = file == null ? "" : file;
  }
}
