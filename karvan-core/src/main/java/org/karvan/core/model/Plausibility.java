package org.karvan.core.model;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.karvan.core.validate.Problems;

/**
 * Plausibility ranges per column: a value outside the error range is physically impossible (or
 * would break the arithmetic: 1e300 km, one sailing in 1e300 weeks) and is an error; a value
 * outside the warning range is possible but unusual and draws a warning. Signs (positive, not
 * negative) are checked by {@link NetworkValidator}; these ranges only bound magnitudes, so the
 * lower bounds apply to positive values only. The table is documented in docs/network-format.md.
 */
public final class Plausibility {
  private Plausibility() {}

  /**
   * One column's range. A lower bound of 0 means none.
   *
   * @param errorBelow values above 0 and below this are errors
   * @param warnBelow values above 0 and below this are warnings
   * @param warnAbove values above this are warnings
   * @param errorAbove values above this are errors
   * @param why the reason for the error bound
   */
  public record Range(
      String file,
      String column,
      String unit,
      double errorBelow,
      double warnBelow,
      double warnAbove,
      double errorAbove,
      String why) {}

  private static Range range(String file, String column, String unit, double... b) {
    return new Range(file, column, unit, b[0], b[1], b[2], b[3], WHY.get(column));
  }

  /** The same bounds for another column. */
  private static Range like(Range r, String file, String column) {
    return new Range(
        file, column, r.unit, r.errorBelow, r.warnBelow, r.warnAbove, r.errorAbove, r.why);
  }

  private static final java.util.Map<String, String> WHY =
      java.util.Map.ofEntries(
          java.util.Map.entry(
              "length_km", "no link is longer than the Earth's circumference (40,075 km)"),
          java.util.Map.entry(
              "speed_kmh",
              "no surface freight moves at 1,000 km/h; below 0.1 km/h nothing arrives"),
          java.util.Map.entry(
              "capacity_tpy",
              "20 bn t/year exceeds all seaborne trade of the world (about 12 bn t)"),
          java.util.Map.entry(
              "clearance_ab_mean_h", "a clearance of more than a year is no crossing"),
          java.util.Map.entry("fee_ab_usd", "a fee of a million USD per crossing is no tariff"),
          java.util.Map.entry(
              "capacity_per_day", "a million vehicles or wagons a day exceeds any crossing"),
          java.util.Map.entry("handling_h", "handling that takes more than a year is no transfer"),
          java.util.Map.entry(
              "cost_usd_per_teu", "100,000 USD per TEU is many times a container's value"),
          java.util.Map.entry(
              "cost_usd_per_tonne", "10,000 USD per tonne exceeds the value of most cargo"),
          java.util.Map.entry(
              "sailings_per_week",
              "fewer than one sailing a year is no service; one a minute is no ship"),
          java.util.Map.entry("sailing_h", "no voyage takes more than a year"),
          java.util.Map.entry("delay_mean_h", "a delay of more than ten years is a closure"),
          java.util.Map.entry("surcharge_usd_per_teu", "a million USD per TEU is no surcharge"),
          java.util.Map.entry("surcharge_pct", "a surcharge of 100 times the cost is no surcharge"),
          java.util.Map.entry("rate_per_year", "more than one closure an hour is a closed route"),
          java.util.Map.entry("duration_mean_days", "a closure of a hundred years is permanent"));

  private static final String BC = "border_crossings.csv";
  private static final Range CAPACITY =
      range("links.csv", "capacity_tpy", "t/year", 1, 1e3, 2e9, 2e10);
  private static final Range CLEARANCE = range(BC, "clearance_ab_mean_h", "h", 0, 0, 720, 8_760);
  private static final Range FEE = range(BC, "fee_ab_usd", "USD", 0, 0, 5_000, 1e6);
  private static final Range DELAY = range("events.csv", "delay_mean_h", "h", 0, 0, 2_160, 87_600);

  /**
   * Every range, by file and column (bounds: error below, warning below, warning above, error
   * above).
   */
  public static final List<Range> RANGES =
      List.of(
          range("links.csv", "length_km", "km", 0.001, 0.05, 25_000, 40_075),
          range("links.csv", "speed_kmh", "km/h", 0.1, 3, 160, 1_000),
          CAPACITY,
          CLEARANCE,
          like(CLEARANCE, BC, "clearance_ab_p90_h"),
          like(CLEARANCE, BC, "clearance_ba_mean_h"),
          like(CLEARANCE, BC, "clearance_ba_p90_h"),
          FEE,
          like(FEE, BC, "fee_ba_usd"),
          range(BC, "capacity_per_day", "units/day", 0, 1, 20_000, 1e6),
          range("terminals.csv", "handling_h", "h", 0, 0, 336, 8_760),
          range("terminals.csv", "cost_usd_per_teu", "USD/TEU", 0, 0, 2_000, 1e5),
          range("terminals.csv", "cost_usd_per_tonne", "USD/t", 0, 0, 200, 1e4),
          like(CAPACITY, "terminals.csv", "capacity_tpy"),
          range("services.csv", "sailings_per_week", "1/week", 1.0 / 53, 0.23, 168, 10_080),
          range("services.csv", "sailing_h", "h", 0.01, 0.25, 1_440, 8_760),
          DELAY,
          like(DELAY, "events.csv", "delay_p90_h"),
          range("events.csv", "surcharge_usd_per_teu", "USD/TEU", 0, 0, 1e4, 1e6),
          range("events.csv", "surcharge_pct", "%", 0, 0, 300, 1e4),
          range("events.csv", "rate_per_year", "1/year", 0, 0, 52, 8_760),
          range("events.csv", "duration_mean_days", "days", 0, 0, 365, 36_500));

  /** The range of a column. */
  public static Range of(String file, String column) {
    for (Range r : RANGES) {
      if (r.file.equals(file) && r.column.equals(column)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no range for " + file + " " + column);
  }

  /** Checks every ranged value of the network. */
  static void check(NetworkData d, Problems p) {
    for (Link l : d.links()) {
      value(p, l.origin(), "links.csv", "length_km", l.lengthKm());
      value(p, l.origin(), "links.csv", "speed_kmh", l.speedKmh());
      value(p, l.origin(), "links.csv", "capacity_tpy", l.capacityTpy());
    }
    for (BorderCrossing c : d.crossings()) {
      String f = "border_crossings.csv";
      value(p, c.origin(), f, "clearance_ab_mean_h", c.ab().meanH());
      value(p, c.origin(), f, "clearance_ab_p90_h", c.ab().p90H());
      value(p, c.origin(), f, "clearance_ba_mean_h", c.ba().meanH());
      value(p, c.origin(), f, "clearance_ba_p90_h", c.ba().p90H());
      value(p, c.origin(), f, "fee_ab_usd", c.feeAbUsd());
      value(p, c.origin(), f, "fee_ba_usd", c.feeBaUsd());
      value(p, c.origin(), f, "capacity_per_day", c.capacityPerDay());
    }
    for (Terminal t : d.terminals()) {
      value(p, t.origin(), "terminals.csv", "handling_h", t.handlingH());
      value(p, t.origin(), "terminals.csv", "cost_usd_per_teu", t.costUsdPerTeu());
      value(p, t.origin(), "terminals.csv", "cost_usd_per_tonne", t.costUsdPerTonne());
      value(p, t.origin(), "terminals.csv", "capacity_tpy", t.capacityTpy());
    }
    for (Service s : d.services()) {
      value(p, s.origin(), "services.csv", "sailings_per_week", s.sailingsPerWeek());
      value(p, s.origin(), "services.csv", "sailing_h", s.sailingH());
    }
    events(d.events(), p);
  }

  /** Checks the ranged columns of events (also those a scenario adds). */
  static void events(List<NetworkEvent> events, Problems p) {
    for (NetworkEvent e : events) {
      value(p, e.origin(), "events.csv", "delay_mean_h", e.delayMeanH());
      value(p, e.origin(), "events.csv", "delay_p90_h", e.delayP90H());
      value(p, e.origin(), "events.csv", "surcharge_usd_per_teu", e.surchargeUsdPerTeu());
      value(p, e.origin(), "events.csv", "surcharge_pct", e.surchargePct());
      value(p, e.origin(), "events.csv", "rate_per_year", e.ratePerYear());
      value(p, e.origin(), "events.csv", "duration_mean_days", e.durationMeanDays());
    }
  }

  private static void value(Problems p, Origin o, String file, String column, Double v) {
    if (v == null || !Double.isFinite(v) || v <= 0) {
      return; // absent, or a sign the validator reports
    }
    Range r = of(file, column);
    Consumer<String> error = m -> p.error(o, column, m);
    Consumer<String> warning = m -> p.warning(o, column, m);
    if (v > r.errorAbove) {
      error.accept(
          show(v, r) + " is impossible: above " + show(r.errorAbove, r) + " (" + r.why + ")");
    } else if (v < r.errorBelow) {
      error.accept(
          show(v, r) + " is impossible: below " + show(r.errorBelow, r) + " (" + r.why + ")");
    } else if (v > r.warnAbove) {
      warning.accept(show(v, r) + " is unusual: above " + show(r.warnAbove, r));
    } else if (v < r.warnBelow) {
      warning.accept(show(v, r) + " is unusual: below " + show(r.warnBelow, r));
    }
  }

  /** A value with its unit, exact for ordinary magnitudes and in e-notation for extreme ones. */
  static String show(double v, Range r) {
    String n;
    if (v != 0 && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-3)) {
      n = String.format(Locale.ROOT, "%.4g", v);
    } else {
      n = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
      if (n.length() > 12) {
        n = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
      }
    }
    return n + " " + r.unit;
  }

  static {
    if (RANGES.stream()
        .anyMatch(
            r ->
                !(r.errorBelow <= r.warnBelow)
                    || !(r.warnBelow < r.warnAbove)
                    || !(r.warnAbove < r.errorAbove))) {
      throw new ExceptionInInitializerError("Plausibility: a range is out of order");
    }
  }
}
