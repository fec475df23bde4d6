package org.karvan.io.osm;

import java.io.IOException;
import java.nio.file.Path;

/** A malformed OSM file: which file, where (line and column of XML, when known) and what. */
public final class OsmFormatException extends IOException {
  private final String file;
  private final int line;
  private final int column;
  private final String what;

  public OsmFormatException(Path file, int line, int column, String what, Throwable cause) {
    super(
        file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + what,
        cause);
    this.file = file.toString();
    this.line = line;
    this.column = column;
    this.what = what;
  }

  public OsmFormatException(Path file, String what) {
    this(file, 0, 0, what, null);
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the position. */
  public String what() {
    return what;
  }
}
