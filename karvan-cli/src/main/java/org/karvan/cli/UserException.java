package org.karvan.cli;

/**
 * A user mistake reported as one line and exit code 2, e.g. an output file that cannot be written.
 */
final class UserException extends RuntimeException {
  UserException(String message) {
    super(message);
  }
}
