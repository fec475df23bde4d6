package org.karvan.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karvan.server.ApiException.FieldError;

/**
 * Request parameters from a query string or a JSON object, read the same way: strings, lists
 * (repeated, comma-separated or a JSON array), integers and booleans. Wrong types are collected as
 * field errors rather than thrown, so one answer names every field at fault.
 */
abstract class Params {
  final List<FieldError> errors = new ArrayList<>();

  abstract Set<String> names();

  /** The raw text of a parameter, or null when absent; a wrong type is recorded. */
  abstract String string(String name);

  /** The values of a list parameter (empty when absent). */
  abstract List<String> list(String name);

  abstract Integer integer(String name);

  abstract boolean flag(String name);

  /** A number, or null when absent; a value that is not a finite number is recorded. */
  Double number(String name) {
    String s = numberText(name);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    error(name, "must be a number, got '" + s + "'");
    return null;
  }

  /** The text of a number parameter (a JSON number's text in a body). */
  String numberText(String name) {
    return string(name);
  }

  void error(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  /** Records an error for every parameter not in {@code allowed}. */
  void allowOnly(Set<String> allowed) {
    for (String n : names()) {
      if (!allowed.contains(n)) {
        error(n, "unknown parameter; allowed: " + String.join(", ", allowed));
      }
    }
  }

  String required(String name) {
    String s = string(name);
    if (s == null || s.isBlank()) {
      if (s != null || errors.stream().noneMatch(e -> e.field().equals(name))) {
        error(name, "is required");
      }
      return null;
    }
    return s;
  }

  String orDefault(String name, String def) {
    String s = string(name);
    return s == null || s.isBlank() ? def : s;
  }

  void throwIfErrors() {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  static List<String> splitAll(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      for (String s : r.split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }

  static Params query(Map<String, List<String>> q) {
    return new Params() {
      @Override
      Set<String> names() {
        return new LinkedHashSet<>(q.keySet());
      }

      @Override
      String string(String name) {
        List<String> v = q.get(name);
        if (v == null || v.isEmpty()) {
          return null;
        }
        if (v.size() > 1) {
          error(name, "given " + v.size() + " times; give it once");
        }
        return v.get(0);
      }

      @Override
      List<String> list(String name) {
        return splitAll(q.getOrDefault(name, List.of()));
      }

      @Override
      Integer integer(String name) {
        String s = string(name);
        if (s == null || s.isBlank()) {
          return null;
        }
        try {
          return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
          error(name, "must be an integer, got '" + s + "'");
          return null;
        }
      }

      @Override
      boolean flag(String name) {
        String s = string(name);
        if (s == null) {
          return false;
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
          case "", "true", "1", "yes" -> {
            return true;
          }
          case "false", "0", "no" -> {
            return false;
          }
          default -> {
            error(name, "must be true or false, got '" + s + "'");
            return false;
          }
        }
      }
    };
  }

  static Params json(JsonNode obj) {
    return new Params() {
      @Override
      Set<String> names() {
        Set<String> s = new LinkedHashSet<>();
        obj.fieldNames().forEachRemaining(s::add);
        return s;
      }

      @Override
      String numberText(String name) {
        JsonNode n = get(name);
        return n != null && n.isNumber() ? n.asText() : string(name);
      }

      private JsonNode get(String name) {
        JsonNode n = obj.get(name);
        return n == null || n.isNull() ? null : n;
      }

      @Override
      String string(String name) {
        JsonNode n = get(name);
        if (n == null) {
          return null;
        }
        if (!n.isTextual()) {
          error(name, "must be a string, got " + n.getNodeType().name().toLowerCase(Locale.ROOT));
          return null;
        }
        return n.asText();
      }

      @Override
      List<String> list(String name) {
        JsonNode n = get(name);
        if (n == null) {
          return List.of();
        }
        if (n.isTextual()) {
          return splitAll(List.of(n.asText()));
        }
        if (!n.isArray()) {
          error(name, "must be an array of strings");
          return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
          if (!x.isTextual()) {
            error(name, "must be an array of strings");
            return List.of();
          }
          out.addAll(Arrays.asList(x.asText().trim()));
        }
        return out.stream().filter(s -> !s.isBlank()).toList();
      }

      @Override
      Integer integer(String name) {
        JsonNode n = get(name);
        if (n == null) {
          return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
          return n.asInt();
        }
        error(name, "must be an integer, got " + n);
        return null;
      }

      @Override
      boolean flag(String name) {
        JsonNode n = get(name);
        if (n == null) {
          return false;
        }
        if (!n.isBoolean()) {
          error(name, "must be true or false, got " + n);
          return false;
        }
        return n.asBoolean();
      }
    };
  }
}
