package org.karvan.core.validate;

import java.util.List;

/**
 * Thrown when input (a network bundle, a profile, a request) has errors. Carries every problem
 * found, errors and warnings; nothing from the input was kept.
 */
public final class InvalidInputException extends RuntimeException {
  private final transient List<Problem> problems;

  public InvalidInputException(String what, Problems problems) {
    super(what + ": " + problems.errorCount() + " error(s)");
    this.problems = problems.sorted();
  }

  /**
   * With problems in the given order (e.g. root causes first), not sorted by position.
   *
   * @param ordered the problems, errors and warnings
   */
  public InvalidInputException(String what, List<Problem> ordered) {
    super(what + ": " + ordered.stream().filter(Problem::isError).count() + " error(s)");
    this.problems = List.copyOf(ordered);
  }

  public List<Problem> problems() {
    return problems;
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }
}
