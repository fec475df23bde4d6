package org.karvan.io.osm;

import java.util.Arrays;

/**
 * The tags of one OSM element, reused by a reader from element to element: a handler copies what it
 * keeps. Lookup is linear, which is faster than hashing for the few tags an element has.
 */
public final class Tags {
  private String[] keys = new String[16];
  private String[] values = new String[16];
  private int size;

  void clear() {
    size = 0;
  }

  void add(String key, String value) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size] = value;
    size++;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public String key(int i) {
    return keys[i];
  }

  public String value(int i) {
    return values[i];
  }

  /** The value of {@code key}, or null. */
  public String get(String key) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(key)) {
        return values[i];
      }
    }
    return null;
  }

  public boolean is(String key, String value) {
    return value.equals(get(key));
  }

  /**
   * A tags object built in code, e.g. for tests: {@code of("railway", "rail", "gauge", "1520")}.
   */
  public static Tags of(String... kv) {
    Tags t = new Tags();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      t.add(kv[i], kv[i + 1]);
    }
    return t;
  }
}
