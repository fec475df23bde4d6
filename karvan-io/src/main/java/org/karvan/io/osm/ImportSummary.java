package org.karvan.io.osm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: counts of ways and elements read and written, and every default taken or
 * element left out, counted by reason ("312 rail ways without gauge: defaulted by country").
 */
public final class ImportSummary {
  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<String, Long> totals = new java.util.LinkedHashMap<>();

  private final List<String> warnings = new ArrayList<>();

  /** A warning about one element (kept in full, unlike the counted defaults). */
  public void warn(String what) {
    warnings.add(what);
  }

  public List<String> warnings() {
    return java.util.Collections.unmodifiableList(warnings);
  }

  /** Counts one occurrence of a default or an omission. */
  public void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }

  /** Sets a total ("rail ways", "links"). */
  public void total(String what, long n) {
    totals.put(what, n);
  }

  /** How often a default was taken or an element left out for this reason. */
  public long defaulted(String what) {
    return counts.getOrDefault(what, 0L);
  }

  public Map<String, Long> defaults() {
    return java.util.Collections.unmodifiableMap(counts);
  }

  public Map<String, Long> totals() {
    return java.util.Collections.unmodifiableMap(totals);
  }

  /** The summary as lines: totals first, then each default with its count. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    totals.forEach((k, v) -> out.add(k + ": " + v));
    counts.forEach((k, v) -> out.add(v + " " + k));
    return out;
  }
}
