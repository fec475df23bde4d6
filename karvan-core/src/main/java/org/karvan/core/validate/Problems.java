package org.karvan.core.validate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found instead of stopping at the first. Not thread-safe. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  public void add(Problem p) {
    list.add(p);
  }

  public void error(String file, int line, int column, String field, String message) {
    list.add(new Problem(Severity.ERROR, file, line, column, field, message));
  }

  public void warning(String file, int line, int column, String field, String message) {
    list.add(new Problem(Severity.WARNING, file, line, column, field, message));
  }

  /** An error located at an element's origin and the column of {@code field}. */
  public void error(Location at, String field, String message) {
    list.add(new Problem(Severity.ERROR, at.file(), at.line(), at.column(field), field, message));
  }

  public void warning(Location at, String field, String message) {
    list.add(new Problem(Severity.WARNING, at.file(), at.line(), at.column(field), field, message));
  }

  public void addAll(Problems other) {
    list.addAll(other.list);
  }

  public boolean hasErrors() {
    return list.stream().anyMatch(Problem::isError);
  }

  public int errorCount() {
    return (int) list.stream().filter(Problem::isError).count();
  }

  public int warningCount() {
    return list.size() - errorCount();
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** All problems, sorted by file, line and column (stable for equal positions). */
  public List<Problem> sorted() {
    List<Problem> copy = new ArrayList<>(list);
    copy.sort(
        Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column));
    return Collections.unmodifiableList(copy);
  }

  public List<Problem> errors() {
    return sorted().stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return sorted().stream().filter(p -> !p.isError()).toList();
  }
}
