package org.karvan.io.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One table of a workbook: a name, typed columns with their units, and rows of cells. A cell is a
 * {@link Number} (written as a number), a {@link Boolean}, a {@link java.time.LocalDate} or {@link
 * java.time.LocalDateTime} (a date cell), a {@link String}, or {@code null} (an empty cell).
 *
 * @param name the sheet's name (at most 31 characters, none of {@code []:*?/\})
 * @param columns the header row
 * @param rows the cells, one list per row, as many as there are columns
 */
public record Sheet(String name, List<Column> columns, List<List<Object>> rows) {
  /**
   * A column: its name and unit; the header reads {@code name (unit)}, or just the name when the
   * unit is {@code null}.
   */
  public record Column(String name, String unit) {
    public String header() {
      return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
    }
  }

  public Sheet {
    if (name.isEmpty() || name.length() > 31 || name.matches(".*[\\[\\]:*?/\\\\].*")) {
      throw new IllegalArgumentException("bad sheet name '" + name + "'");
    }
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> r : rows) {
      if (r.size() != columns.size()) {
        throw new IllegalArgumentException(
            "sheet "
                + name
                + ": a row has "
                + r.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(r)));
    }
    rows = List.copyOf(copy);
  }

  /** Builds a sheet row by row. */
  public static final class Builder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    public Builder(String name) {
      this.name = name;
    }

    /** Adds a column; {@code unit} may be {@code null}. */
    public Builder col(String name, String unit) {
      columns.add(new Column(name, unit));
      return this;
    }

    public Builder row(Object... cells) {
      rows.add(Arrays.asList(cells));
      return this;
    }

    public Sheet build() {
      return new Sheet(name, columns, rows);
    }
  }
}
