package org.karvan.server;

import java.util.List;

/** The RFC 9457 problem body, for the OpenAPI document. */
public record ProblemDoc(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String field,
    List<FieldErrorDoc> errors) {
  /** One field at fault. */
  public record FieldErrorDoc(String field, String message) {}
}
