package org.karvan.app;

import java.util.List;

/** A request with one or more field problems; every problem is listed, none is dropped. */
public final class InvalidRequestException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid request" : errors.get(0).toString());
    this.errors = List.copyOf(errors);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
