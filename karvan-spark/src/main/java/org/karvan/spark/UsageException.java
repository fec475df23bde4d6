package org.karvan.spark;

/** A wrong use of the command line, reported as {@code karvan: message} with exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
