package org.karvan.core.profile;

import java.util.Objects;

/**
 * One profile parameter value with its provenance.
 *
 * @param source where the value comes from (a citation or URL)
 * @param estimate true when the value is a documented estimate rather than a sourced figure
 */
public record Parameter(
    String key, double value, String unit, String source, boolean estimate, String note) {
  public Parameter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(unit, "unit");
    source = source == null ? "" : source;
    note = note == null ? "" : note;
  }
}
