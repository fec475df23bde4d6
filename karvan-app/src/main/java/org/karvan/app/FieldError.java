package org.karvan.app;

/**
 * A problem with one field of a request. {@code field} is the field's canonical name, the one the
 * HTTP API uses ({@code avoidCountry}, {@code from}); the CLI words it as its flag ({@code
 * --avoid-country}) with {@link Fields#flag}.
 */
public record FieldError(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
