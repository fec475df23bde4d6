package org.karvan.core.model;

import java.util.Map;
import java.util.Objects;
import org.karvan.core.validate.Location;

/**
 * Where an element was read from: a file and a 1-based line, plus the file's column numbers by
 * field name so that a problem with a field can be reported as {@code file:line:column}. Elements
 * built in code use {@link #NONE}.
 *
 * <p>An origin is diagnostics, not data: all origins are equal to each other, so that the same
 * element read from two files (or built in code) compares equal.
 */
public record Origin(String file, int line, Map<String, Integer> columns) implements Location {
  public static final Origin NONE = new Origin("", 0, Map.of());

  public Origin {
    Objects.requireNonNull(file, "file");
    columns = Map.copyOf(columns);
  }

  /** The 1-based column of a field, or 0 when unknown. */
  @Override
  public int column(String field) {
    return field == null ? 0 : columns.getOrDefault(field, 0);
  }

  /** {@code file:line:column} (omitting parts that are unknown). */
  public String locate(String field) {
    if (file.isEmpty()) {
      return "<model>";
    }
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      int col = column(field);
      if (col > 0) {
        sb.append(':').append(col);
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin;
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
