package org.karvan.io.osm;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.karvan.core.model.Mode;

/**
 * What {@code karvan import osm} imports and how.
 *
 * @param modes the modes to import: {@link Mode#RAIL}, {@link Mode#ROAD}, {@link Mode#FERRY}
 * @param roadClasses {@code highway=*} values imported as roads (their {@code _link} roads too)
 * @param bbox only this area, or null for the whole file
 * @param countries the rules that give every node its country, first match wins
 * @param name the bundle's name
 * @param asOf the date of the data (the extract's date), used as every row's {@code as_of}
 * @param railSpeedKmh the profile's rail speed: a lower {@code maxspeed} becomes the link's speed
 * @param roadSpeedKmh the profile's road speed, the same for roads
 * @param ferrySpeedKmh the profile's ferry speed: a ferry without {@code duration} sails at it
 */
public record OsmImportOptions(
    Set<Mode> modes,
    List<String> roadClasses,
    Bbox bbox,
    List<CountryRule> countries,
    String name,
    LocalDate asOf,
    double railSpeedKmh,
    double roadSpeedKmh,
    double ferrySpeedKmh) {
  /** Roads imported by default: the classes a freight truck uses between cities. */
  public static final List<String> DEFAULT_ROAD_CLASSES =
      List.of("motorway", "trunk", "primary", "secondary");

  public static final Set<Mode> IMPORTABLE = Set.of(Mode.RAIL, Mode.ROAD, Mode.FERRY);

  public OsmImportOptions {
    modes = Set.copyOf(modes);
    roadClasses = List.copyOf(roadClasses);
    countries = List.copyOf(countries);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(asOf, "asOf");
    for (Mode m : modes) {
      if (!IMPORTABLE.contains(m)) {
        throw new IllegalArgumentException("mode " + m + " cannot be imported from OSM");
      }
    }
  }

  /** A box in degrees: south, west, north, east. */
  public record Bbox(double south, double west, double north, double east) {
    public Bbox {
      if (!(south >= -90 && north <= 90 && south <= north)) {
        throw new IllegalArgumentException(
            "south " + south + " and north " + north + " must satisfy -90 <= S <= N <= 90");
      }
      if (!(west >= -180 && east <= 180 && west <= east)) {
        throw new IllegalArgumentException(
            "west " + west + " and east " + east + " must satisfy -180 <= W <= E <= 180");
      }
    }

    public boolean contains(double lat, double lon) {
      return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    /** Parses {@code S,W,N,E}. */
    public static Bbox parse(String s) {
      String[] p = s.split(",", -1);
      if (p.length != 4) {
        throw new IllegalArgumentException("expected S,W,N,E (four numbers), got '" + s + "'");
      }
      double[] v = new double[4];
      for (int i = 0; i < 4; i++) {
        try {
          v[i] = Double.parseDouble(p[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "'" + p[i].trim() + "' in '" + s + "' is not a number");
        }
      }
      return new Bbox(v[0], v[1], v[2], v[3]);
    }
  }

  /** A node lies in {@code country} when it lies in {@code box} (null: everywhere). */
  public record CountryRule(String country, Bbox box) {
    public CountryRule {
      if (country == null || !country.matches("[A-Z]{2}")) {
        throw new IllegalArgumentException(
            "'" + country + "' is not an ISO 3166-1 alpha-2 country code (two capital letters)");
      }
    }

    /** Parses {@code CC} or {@code CC:S,W,N,E}. */
    public static CountryRule parse(String s) {
      int colon = s.indexOf(':');
      String code =
          (colon < 0 ? s : s.substring(0, colon)).trim().toUpperCase(java.util.Locale.ROOT);
      return new CountryRule(code, colon < 0 ? null : Bbox.parse(s.substring(colon + 1)));
    }

    public boolean matches(double lat, double lon) {
      return box == null || box.contains(lat, lon);
    }
  }

  /**
   * The country of a position: by the rules (first match), else by the recognised boundaries
   * (Natural Earth admin-0, {@link org.karvan.core.boundary.Boundaries#recognised()}; a point just
   * off a coast takes the nearest country within 2 km), else null.
   */
  public String countryAt(double lat, double lon) {
    for (CountryRule r : countries) {
      if (r.matches(lat, lon)) {
        return r.country();
      }
    }
    var b = org.karvan.core.boundary.Boundaries.recognised();
    return b.nearestCountry(lat, lon, 2).orElse(null);
  }
}
