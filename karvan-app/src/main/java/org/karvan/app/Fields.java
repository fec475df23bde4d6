package org.karvan.app;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/**
 * Collects the field problems of one request, so that a single answer names every field at fault;
 * and the naming rules shared by both front ends.
 */
public final class Fields {
  private final List<FieldError> errors = new ArrayList<>();

  public void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<FieldError> errors() {
    return List.copyOf(errors);
  }

  /** Adds the problems of a core or I/O check under {@code field} (or their own field). */
  public void addAll(InvalidInputException e, String field) {
    for (Problem p : e.errors()) {
      String f = field != null ? field : camel(p.field());
      String where = p.file() == null || p.file().isEmpty() ? "" : p.toString();
      error(f.isEmpty() ? "request" : f, where.isEmpty() ? p.message() : where);
    }
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** A value of an enum by case-insensitive name, or an error listing the allowed values. */
  public <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      error(
          field,
          "unknown value '"
              + value
              + "'; allowed: "
              + EnumSet.allOf(type).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
      return null;
    }
  }

  /**
   * The canonical name of a field written with dashes or underscores: avoid-country → avoidCountry.
   */
  public static String camel(String field) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : field.toCharArray()) {
      if (ch == '-' || ch == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    return sb.toString();
  }

  /** The CLI flag of a canonical field name: avoidCountry → --avoid-country. */
  public static String flag(String field) {
    if (field.isEmpty() || field.equals("request")) {
      return "karvan";
    }
    StringBuilder sb = new StringBuilder("--");
    for (char ch : field.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('-').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
