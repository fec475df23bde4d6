package org.karvan.cli;

/** Exit codes of the {@code karvan} command. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /** An unexpected internal failure (a bug): reported without a stack trace unless --debug. */
  public static final int INTERNAL = 1;

  /** Invalid input: a bad file, flag value or request. */
  public static final int INVALID_INPUT = 2;

  /** A malformed command line (unknown option, missing argument). */
  public static final int USAGE = 2;
}
