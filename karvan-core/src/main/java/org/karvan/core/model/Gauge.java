package org.karvan.core.model;

/** Rail track gauge. {@link #DUAL} track carries both 1435 mm and 1520 mm trains. */
public enum Gauge {
  G1435("1435"),
  G1520("1520"),
  DUAL("DUAL");

  private final String code;

  Gauge(String code) {
    this.code = code;
  }

  /** The bundle spelling: {@code 1435}, {@code 1520} or {@code DUAL}. */
  public String code() {
    return code;
  }

  /** True when a train of the single gauge {@code g} can run on this track. */
  public boolean carries(Gauge g) {
    return this == g || this == DUAL;
  }

  /** Parses the bundle spelling (case-insensitive); also accepts {@code 1524} as 1520. */
  public static Gauge parse(String s) {
    String t = s.trim().toUpperCase(java.util.Locale.ROOT);
    return switch (t) {
      case "1435" -> G1435;
      case "1520", "1524" -> G1520;
      case "DUAL" -> DUAL;
      default -> throw new IllegalArgumentException("expected 1435, 1520 or DUAL, got '" + s + "'");
    };
  }

  @Override
  public String toString() {
    return code;
  }
}
