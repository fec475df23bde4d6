package org.karvan.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where an element's figures come from: the ids of its sources, the date its facts were checked,
 * the fields whose values are estimates ({@code "*"} means all), and a free note that explains
 * estimates.
 */
public record Provenance(List<String> sources, LocalDate asOf, Set<String> estimated, String note) {
  public Provenance {
    sources = List.copyOf(sources);
    Objects.requireNonNull(asOf, "asOf");
    estimated = Set.copyOf(estimated);
    note = note == null ? "" : note;
  }

  /** True when the value of {@code field} is an estimate rather than a sourced figure. */
  public boolean isEstimated(String field) {
    return estimated.contains("*") || estimated.contains(field);
  }
}
