package org.karvan.server;

import java.util.List;

/**
 * An error answered as RFC 9457 problem JSON: HTTP status, a problem type, a title, a detail and
 * the fields at fault.
 */
final class ApiException extends RuntimeException {
  /** One field at fault and what is wrong with it. */
  record FieldError(String field, String message) {}

  final int status;
  final String type;
  final String title;
  final transient List<FieldError> errors;

  ApiException(int status, String type, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  static ApiException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size()
                + " invalid fields: "
                + errors.get(0).field()
                + ": "
                + errors.get(0).message()
                + "; ...";
    return new ApiException(422, "invalid-request", "Invalid request", detail, errors);
  }

  static ApiException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "malformed-request", "Malformed request", detail, List.of());
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, List.of());
  }

  static ApiException tooLarge(String field, String detail) {
    return new ApiException(
        413,
        "too-large",
        "Request too large",
        detail,
        field == null ? List.of() : List.of(new FieldError(field, detail)));
  }

  static ApiException unavailable(String detail) {
    return new ApiException(503, "unavailable", "Service unavailable", detail, List.of());
  }

  static ApiException unauthorized(String detail) {
    return new ApiException(
        401,
        "unauthorized",
        "Unauthorized",
        detail,
        List.of(new FieldError("Authorization", detail)));
  }
}
