package org.karvan.io.csv;

import java.util.List;
import java.util.Map;

/**
 * A parsed CSV file: its display name, header (column name to 1-based column) and data rows.
 *
 * @param file the name used in messages
 * @param header column name to 1-based column number
 */
public record CsvTable(String file, Map<String, Integer> header, List<CsvRow> rows) {
  public CsvTable {
    header = Map.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One data record: the line it starts on and its cells. */
  public record CsvRow(int line, List<String> cells) {
    public CsvRow {
      cells = List.copyOf(cells);
    }
  }
}
