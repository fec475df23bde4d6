package org.karvan.core.validate;

import java.util.Objects;

/**
 * One problem found in input: where (file, line, column), which field, and what is wrong.
 *
 * @param file file name, or empty for problems not tied to a file
 * @param line 1-based line, 0 when not known
 * @param column 1-based column, 0 when not known
 * @param field field (column name, flag or parameter) at fault; may be empty
 */
public record Problem(
    Severity severity, String file, int line, int column, String field, String message) {
  public Problem {
    Objects.requireNonNull(severity, "severity");
    file = file == null ? "" : file;
    field = field == null ? "" : field;
    Objects.requireNonNull(message, "message");
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code file:line:column: field: message}, with {@code warning: } before the message of a
   * warning; unknown parts are left out.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (!file.isEmpty()) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      sb.append(": ");
    }
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    if (severity == Severity.WARNING) {
      sb.append("warning: ");
    }
    return sb.append(message).toString();
  }
}
