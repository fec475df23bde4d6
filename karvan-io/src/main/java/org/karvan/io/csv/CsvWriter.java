package org.karvan.io.csv;

import java.util.List;

/** Writes RFC 4180 CSV with LF line ends, quoting only cells that need it. */
public final class CsvWriter {
  private final StringBuilder sb = new StringBuilder();

  public CsvWriter row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    sb.append('\n');
    return this;
  }

  public static String quote(String s) {
    if (s == null) {
      return "";
    }
    boolean needs =
        s.indexOf(',') >= 0
            || s.indexOf('"') >= 0
            || s.indexOf('\n') >= 0
            || s.indexOf('\r') >= 0
            || s.startsWith("#")
            || (!s.isEmpty() && (Character.isWhitespace(s.charAt(0))));
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
