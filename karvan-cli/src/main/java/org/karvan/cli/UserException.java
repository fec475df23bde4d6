package org.karvan.cli;

/**
 * A user mistake reported as one line, {@code karvan: <where>: <what>; <hint>}, and exit code 2,
 * e.g. an output file that cannot be written.
 */
final class UserException extends RuntimeException {
  private final String where;
  private final String what;
  private final String hint;

  /**
   * @param where the flag (or command) at fault, e.g. {@code --out}
   * @param what what is wrong
   * @param hint what to do instead, naming the valid values or range
   */
  UserException(String where, String what, String hint) {
    super(Errors.line(where, what, hint));
    this.where = where;
    this.what = what;
    this.hint = hint;
  }

  String where() {
    return where;
  }

  String what() {
    return what;
  }

  String hint() {
    return hint;
  }
}
