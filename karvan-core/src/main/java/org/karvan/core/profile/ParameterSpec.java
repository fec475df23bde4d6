package org.karvan.core.profile;

/**
 * A known profile parameter: its key, unit, allowed range and meaning. Keys with a {@code *} take a
 * suffix, e.g. {@code grid.g_per_kwh.*} is set per country as {@code grid.g_per_kwh.IR}.
 */
public record ParameterSpec(String key, String unit, double min, double max, String meaning) {
  public boolean matches(String k) {
    return key.endsWith("*")
        ? k.startsWith(key.substring(0, key.length() - 1)) && k.length() > key.length() - 1
        : key.equals(k);
  }
}
