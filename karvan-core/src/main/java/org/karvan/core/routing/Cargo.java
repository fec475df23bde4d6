package org.karvan.core.routing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.HoursOfService;
import org.karvan.core.model.Mode;
import org.karvan.core.profile.Profile;

/**
 * What is shipped, and in which units tariffs count it: 20ft and 40ft boxes, trucks, wagons,
 * tonnes. Parse with {@link #parse}; price an edge with {@link #usd} and {@link #kg}
 * (docs/cost-model.md, "Cargo" and "Unit costing").
 *
 * @param label the text the user gave
 * @param unit what the cargo travels in
 * @param teu TEU (bulk: the TEU-equivalent {@code tonnes / cargo.tonnes_per_teu}, used for handling
 *     and value of time only)
 * @param tonnes net cargo tonnes
 * @param boxes20 20ft containers
 * @param boxes40 40ft or 45ft containers
 * @param tareTonnes total tare of the containers
 * @param trucks trucks needed on the road (a truck carries one 40ft or two 20ft within its payload)
 * @param wagons wagons needed on rail (a flat wagon likewise; bulk by wagon payload)
 * @param drivers truck crew, 1 or 2 (multi-manning)
 */
public record Cargo(
    String label,
    Unit unit,
    double teu,
    double tonnes,
    double boxes20,
    double boxes40,
    double tareTonnes,
    double trucks,
    double wagons,
    int drivers) {

  /** The unit the cargo is given in. */
  public enum Unit {
    C20("20ft"),
    C40("40ft"),
    C45("45ft"),
    TRUCK("truck"),
    WAGON("wagon"),
    BULK("bulk");

    private final String key;

    Unit(String key) {
      this.key = key;
    }

    /** The suffix of the unit's {@code cargo.payload_t.*} and {@code cargo.tare_t.*} keys. */
    public String key() {
      return key;
    }
  }

  private static final Pattern DRIVERS = Pattern.compile("(.*?)[\\s,;]+drivers\\s*=\\s*(\\d+)");
  private static final Pattern CONTAINERS =
      Pattern.compile("(\\d+)\\s*x\\s*(20|40|45)\\s*(ft|')?(?:\\s*@\\s*([0-9.]+)\\s*t)?");
  private static final Pattern BULK = Pattern.compile("([0-9.]+)\\s*t(?:onnes?)?(?:\\s+bulk)?");
  private static final Pattern VEHICLES =
      Pattern.compile("(\\d+)\\s*(trucks?|wagons?)(?:\\s*@\\s*([0-9.]+)\\s*t)?");

  /** Trucks on the road, the unit road tolls, border fees and ferry tariffs count. */
  public double vehicles() {
    return trucks;
  }

  public boolean isBulk() {
    return boxes20 + boxes40 == 0;
  }

  /** Cargo plus container tare, tonnes. */
  public double grossTonnes() {
    return tonnes + tareTonnes;
  }

  /** The same cargo with another crew size (1 or 2). */
  public Cargo withDrivers(int n) {
    if (n != 1 && n != 2) {
      throw new IllegalArgumentException("drivers must be 1 or 2, got " + n);
    }
    return new Cargo(label, unit, teu, tonnes, boxes20, boxes40, tareTonnes, trucks, wagons, n);
  }

  /** The same cargo without its label: equal for equal shapes (a cache key). */
  public Cargo shape() {
    return new Cargo("", unit, teu, tonnes, boxes20, boxes40, tareTonnes, trucks, wagons, drivers);
  }

  /**
   * Vehicles a border or customs fee counts on an edge of this mode: wagons on rail, else trucks.
   */
  public double feeVehicles(Mode m) {
    return m == Mode.RAIL ? wagons : trucks;
  }

  /** Freight along an edge. */
  public double moveUsd(EdgeCost ec) {
    double perUnit =
        isBulk()
            ? tonnes * ec.moveUsdPerTonne()
            : boxes20 * ec.moveUsdPerTeu() + boxes40 * ec.moveUsdPerFeu();
    return trucks * ec.moveUsdPerTruck() + perUnit;
  }

  public double borderUsd(EdgeCost ec) {
    return feeVehicles(ec.mode()) * ec.borderUsdPerVehicle();
  }

  public double handlingUsd(EdgeCost ec) {
    return teu * ec.handlingUsdPerTeu() + tonnes * ec.handlingUsdPerTonne();
  }

  /** Money of an edge for this cargo. */
  public double usd(EdgeCost ec) {
    return moveUsd(ec) + borderUsd(ec) + handlingUsd(ec);
  }

  /** CO2e of an edge: per truck, per gross tonne (cargo and boxes), per TEU handled. */
  public double kg(EdgeCost ec) {
    return trucks * ec.kgPerTruck() + grossTonnes() * ec.kgPerGrossTonne() + teu * ec.kgPerTeu();
  }

  /**
   * Hours of an edge as the search charges them: the expected driver rest scaled to the crew
   * ({@code restScale}: the crew's expected rest per driving hour over a single driver's).
   */
  public double hours(EdgeCost ec, double restScale) {
    return ec.hours() - ec.restH() * (1 - restScale);
  }

  /** This crew's expected rest per driving hour over a single driver's (1 for one driver). */
  public double restScale(Profile p) {
    if (drivers == 1) {
      return 1;
    }
    return HoursOfService.Rules.of(p, drivers).expectedRestPerDrivingH()
        / HoursOfService.Rules.of(p, 1).expectedRestPerDrivingH();
  }

  /**
   * Parses {@code 1x40ft}, {@code 2x20ft}, {@code 1x40ft@24t} (net tonnes per container), {@code
   * 20t bulk}, {@code 1 truck}, {@code 3 wagons@60t}, each optionally followed by {@code
   * drivers=2}. Container weights default to {@code cargo.tonnes_per_teu} per TEU. Payloads are
   * checked against {@code cargo.payload_t.*}.
   *
   * @throws IllegalArgumentException naming the accepted forms, or the payload limit exceeded
   */
  public static Cargo parse(String text, Profile p) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int drivers = 1;
    Matcher d = DRIVERS.matcher(s);
    if (d.matches()) {
      s = d.group(1).trim();
      drivers = Integer.parseInt(d.group(2));
      if (drivers != 1 && drivers != 2) {
        throw new IllegalArgumentException(
            "cargo '" + text.trim() + "': drivers must be 1 or 2, got " + drivers);
      }
    }
    String label = text.trim();
    double tPerTeu = p.get("cargo.tonnes_per_teu");
    double truckT = p.get("cargo.payload_t.truck");
    double wagonT = p.get("cargo.payload_t.wagon");
    Matcher m = CONTAINERS.matcher(s);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      Unit u =
          switch (m.group(2)) {
            case "20" -> Unit.C20;
            case "40" -> Unit.C40;
            default -> Unit.C45;
          };
      double size = u == Unit.C20 ? 1.0 : u == Unit.C40 ? 2.0 : 2.25;
      double perBox = m.group(4) != null ? Double.parseDouble(m.group(4)) : size * tPerTeu;
      positive(label, n, perBox);
      limit(label, u, perBox, p);
      double tare = p.get("cargo.tare_t." + u.key());
      // Two 20ft share a truck or wagon when both fit its payload; a 40ft takes a whole one.
      double trucks = u == Unit.C20 && 2 * (perBox + tare) <= truckT ? Math.ceil(n / 2.0) : n;
      double wagons = u == Unit.C20 && 2 * (perBox + tare) <= wagonT ? Math.ceil(n / 2.0) : n;
      return new Cargo(
          label,
          u,
          n * size,
          n * perBox,
          u == Unit.C20 ? n : 0,
          u == Unit.C20 ? 0 : n,
          n * tare,
          trucks,
          wagons,
          drivers);
    }
    m = VEHICLES.matcher(s);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      Unit u = m.group(2).startsWith("truck") ? Unit.TRUCK : Unit.WAGON;
      double cap = u == Unit.TRUCK ? truckT : wagonT;
      double each = m.group(3) != null ? Double.parseDouble(m.group(3)) : cap;
      positive(label, n, each);
      limit(label, u, each, p);
      double tonnes = n * each;
      return bulk(label, u, tonnes, tPerTeu, truckT, wagonT, drivers);
    }
    m = BULK.matcher(s);
    if (m.matches()) {
      double tonnes = Double.parseDouble(m.group(1));
      positive(label, 1, tonnes);
      return bulk(label, Unit.BULK, tonnes, tPerTeu, truckT, wagonT, drivers);
    }
    throw new IllegalArgumentException(
        "cannot read cargo '"
            + label
            + "'; use e.g. 1x40ft, 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons@60t,"
            + " optionally followed by drivers=2");
  }

  private static Cargo bulk(
      String label, Unit u, double t, double tPerTeu, double truckT, double wagonT, int drivers) {
    return new Cargo(
        label,
        u,
        t / tPerTeu,
        t,
        0,
        0,
        0,
        Math.ceil(t / truckT - 1e-9),
        Math.ceil(t / wagonT - 1e-9),
        drivers);
  }

  private static void positive(String label, int n, double tonnes) {
    if (n <= 0 || !(tonnes > 0) || Double.isInfinite(tonnes)) {
      throw new IllegalArgumentException("cargo '" + label + "' must be a positive amount");
    }
  }

  private static void limit(String label, Unit u, double tonnes, Profile p) {
    String key = "cargo.payload_t." + u.key();
    double max = p.get(key);
    if (tonnes > max + 1e-9) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "cargo '%s': %s t exceeds the %s payload limit of %s t (%s: %s)",
              label,
              fmt(tonnes),
              u.key(),
              fmt(max),
              key,
              p.parameter(key).source()));
    }
  }

  private static String fmt(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
  }
}
