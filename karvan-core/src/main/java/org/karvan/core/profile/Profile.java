package org.karvan.core.profile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * Routing parameters as data: speeds, tariffs, emission factors, each with unit and source. Build
 * with {@link #of}, which checks every key, unit and range; {@link #with} overrides values per
 * request without touching the original.
 */
public final class Profile {
  private final String name;
  private final Map<String, Parameter> params;

  private Profile(String name, Map<String, Parameter> params) {
    this.name = name;
    this.params = Map.copyOf(params);
  }

  /**
   * Validates parameters: every key known, unit as declared, value in range, every non-suffixed key
   * present. {@code file} names the source in messages.
   */
  public static Profile of(String name, Collection<Parameter> parameters, String file) {
    Problems p = new Problems();
    Map<String, Parameter> m = new LinkedHashMap<>();
    int i = 0;
    for (Parameter par : parameters) {
      i++;
      check(par, file, "parameters[" + i + "]", p);
      if (m.put(par.key(), par) != null) {
        p.error(file, 0, 0, par.key(), "parameter given twice");
      }
    }
    for (ParameterSpec s : ProfileKeys.ALL) {
      if (!s.key().endsWith("*") && !m.containsKey(s.key())) {
        p.error(
            file,
            0,
            0,
            s.key(),
            "required parameter missing (" + s.meaning() + ", " + s.unit() + ")");
      }
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("invalid profile", p);
    }
    return new Profile(name, m);
  }

  private static void check(Parameter par, String file, String where, Problems p) {
    var spec = ProfileKeys.find(par.key());
    if (spec.isEmpty()) {
      p.error(file, 0, 0, par.key(), "unknown parameter (" + where + ")");
      return;
    }
    if (!spec.get().unit().equals(par.unit())) {
      p.error(
          file,
          0,
          0,
          par.key(),
          "unit must be '" + spec.get().unit() + "', got '" + par.unit() + "'");
    }
    if (!(par.value() >= spec.get().min() && par.value() <= spec.get().max())) {
      p.error(
          file,
          0,
          0,
          par.key(),
          "value " + par.value() + " outside [" + spec.get().min() + ", " + spec.get().max() + "]");
    }
    if (par.source().isBlank()) {
      p.error(file, 0, 0, par.key(), "no source given");
    }
  }

  /** A copy with some values replaced (per-request overrides); validated like {@link #of}. */
  public Profile with(Map<String, Double> overrides, String where) {
    Problems p = new Problems();
    Map<String, Parameter> m = new LinkedHashMap<>(params);
    for (var e : overrides.entrySet()) {
      var spec = ProfileKeys.find(e.getKey());
      if (spec.isEmpty()) {
        p.error("", 0, 0, where, "unknown profile parameter '" + e.getKey() + "'");
        continue;
      }
      Parameter par =
          new Parameter(
              e.getKey(), e.getValue(), spec.get().unit(), "override (" + where + ")", true, "");
      check(par, "", where, p);
      m.put(e.getKey(), par);
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("invalid profile override", p);
    }
    return new Profile(name, m);
  }

  public String name() {
    return name;
  }

  public Collection<Parameter> parameters() {
    return params.values();
  }

  /** The value of a required parameter. */
  public double get(String key) {
    Parameter par = params.get(key);
    if (par == null) {
      throw new NoSuchElementException("no profile parameter '" + key + "'");
    }
    return par.value();
  }

  /** The value of {@code key} or of {@code fallbackKey} when {@code key} is not set. */
  public double getOr(String key, String fallbackKey) {
    Parameter par = params.get(key);
    return par != null ? par.value() : get(fallbackKey);
  }

  /** The parameter of {@code key} when the profile sets it. */
  public Optional<Parameter> find(String key) {
    return Optional.ofNullable(params.get(key));
  }

  public Parameter parameter(String key) {
    return Objects.requireNonNull(params.get(key), key);
  }
}
