package org.karvan.core.routing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karvan.core.profile.Profile;

/**
 * What is shipped, in the three units tariffs use: TEU, gross tonnes and vehicles (trucks or
 * wagons). Parse with {@link #parse}.
 *
 * @param label the text the user gave
 */
public record Cargo(String label, double teu, double tonnes, double vehicles) {
  private static final Pattern CONTAINERS =
      Pattern.compile("(\\d+)\\s*x\\s*(20|40|45)\\s*(ft|')?(?:\\s*@\\s*([0-9.]+)\\s*t)?");
  private static final Pattern BULK = Pattern.compile("([0-9.]+)\\s*t(?:onnes?)?(?:\\s+bulk)?");
  private static final Pattern TRUCKS =
      Pattern.compile("(\\d+)\\s*(trucks?|wagons?)(?:\\s*@\\s*([0-9.]+)\\s*t)?");

  /**
   * Parses {@code 1x40ft}, {@code 2x20ft}, {@code 1x40ft@24t} (with gross weight), {@code 20t
   * bulk}, {@code 1 truck}, {@code 3 wagons}. Weights default to {@code cargo.tonnes_per_teu} per
   * TEU; vehicles to TEU / {@code cargo.teu_per_vehicle}, rounded up.
   *
   * @throws IllegalArgumentException with a message naming the accepted forms
   */
  public static Cargo parse(String text, Profile p) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    double tPerTeu = p.get("cargo.tonnes_per_teu");
    double teuPerVeh = p.get("cargo.teu_per_vehicle");
    Matcher m = CONTAINERS.matcher(s);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      double size =
          switch (m.group(2)) {
            case "20" -> 1.0;
            case "40" -> 2.0;
            default -> 2.25;
          };
      double teu = n * size;
      double tonnes = m.group(4) != null ? n * Double.parseDouble(m.group(4)) : teu * tPerTeu;
      return checked(text, teu, tonnes, Math.ceil(n / Math.max(1.0, Math.floor(teuPerVeh / size))));
    }
    m = TRUCKS.matcher(s);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      double teu = n * teuPerVeh;
      double tonnes = m.group(3) != null ? n * Double.parseDouble(m.group(3)) : teu * tPerTeu;
      return checked(text, teu, tonnes, n);
    }
    m = BULK.matcher(s);
    if (m.matches()) {
      double tonnes = Double.parseDouble(m.group(1));
      double teu = tonnes / tPerTeu;
      return checked(text, teu, tonnes, Math.ceil(teu / teuPerVeh));
    }
    throw new IllegalArgumentException(
        "cannot read cargo '"
            + text
            + "'; use e.g. 1x40ft, 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons");
  }

  private static Cargo checked(String label, double teu, double tonnes, double vehicles) {
    if (!(teu > 0) || !(tonnes > 0) || !(vehicles > 0) || Double.isInfinite(tonnes)) {
      throw new IllegalArgumentException("cargo '" + label + "' must be a positive amount");
    }
    return new Cargo(label.trim(), teu, tonnes, vehicles);
  }
}
