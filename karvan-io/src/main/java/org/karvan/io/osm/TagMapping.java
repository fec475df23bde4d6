package org.karvan.io.osm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NodeKind;

/**
 * How OSM tags become Karvan attributes (docs/import.md, "Tag mapping"). Every default taken or
 * element left out is counted in the {@link ImportSummary}.
 */
public final class TagMapping {
  private TagMapping() {}

  /** Countries whose railways are 1520 mm (the former Soviet states, Mongolia; Finland 1524). */
  public static final Set<String> BROAD_GAUGE_COUNTRIES =
      Set.of(
          "RU", "BY", "UA", "MD", "KZ", "UZ", "TM", "KG", "TJ", "AZ", "AM", "GE", "LT", "LV", "EE",
          "MN", "FI");

  /** The gauge a rail line without a {@code gauge} tag has by default in a country. */
  public static Gauge defaultGauge(String country) {
    return country != null && BROAD_GAUGE_COUNTRIES.contains(country) ? Gauge.G1520 : Gauge.G1435;
  }

  /**
   * The attributes of an imported way, before the country-dependent defaults.
   *
   * @param gauge the tagged gauge, or null (default by country)
   * @param maxspeedKmh the tagged {@code maxspeed}, or null
   * @param oneway true when only usable from the way's first node to its last (after {@code
   *     reverse})
   * @param reverse true for {@code oneway=-1}: usable from the last node to the first
   * @param durationH ferry crossing time of the whole way, or null
   * @param openingYear from {@code opening_date}, or null
   * @param note what the link's note says of its tags
   */
  public record WayClass(
      Mode mode,
      Gauge gauge,
      Boolean electrified,
      Double maxspeedKmh,
      LinkStatus status,
      boolean oneway,
      boolean reverse,
      Double durationH,
      Integer openingYear,
      String note) {
    WayClass withFerry(Double newDurationH, String newNote) {
      return new WayClass(
          mode,
          gauge,
          electrified,
          maxspeedKmh,
          status,
          false,
          false,
          newDurationH,
          openingYear,
          newNote);
    }
  }

  /** The class of a way, or null when it is not imported (the reason counted in summary). */
  public static WayClass classify(Tags t, OsmImportOptions o, ImportSummary s) {
    String railway = t.get("railway");
    if (railway != null && o.modes().contains(Mode.RAIL)) {
      WayClass r = rail(railway, t, s);
      if (r != null) {
        return r;
      }
    }
    String highway = t.get("highway");
    if (highway != null && o.modes().contains(Mode.ROAD)) {
      WayClass r = road(highway, t, o, s);
      if (r != null) {
        return r;
      }
    }
    if (t.is("route", "ferry") && o.modes().contains(Mode.FERRY)) {
      return ferry(t, s);
    }
    return null;
  }

  private static WayClass rail(String railway, Tags t, ImportSummary s) {
    LinkStatus status;
    switch (railway) {
      case "rail" -> status = LinkStatus.OPERATIONAL;
      case "construction" -> {
        String c = first(t, "construction", "construction:railway");
        if (c != null && !c.equals("rail")) {
          return null;
        }
        if (c == null) {
          s.count("railway=construction ways without construction=rail: taken as rail");
        }
        status = LinkStatus.UNDER_CONSTRUCTION;
      }
      case "proposed" -> {
        String c = first(t, "proposed", "proposed:railway");
        if (c != null && !c.equals("rail")) {
          return null;
        }
        if (c == null) {
          s.count("railway=proposed ways without proposed=rail: taken as rail");
        }
        status = LinkStatus.PLANNED;
      }
      case "disused", "abandoned", "razed", "narrow_gauge", "preserved" -> {
        s.count("railway=" + railway + " ways: left out");
        return null;
      }
      default -> {
        return null;
      }
    }
    String usage = t.get("usage");
    if ("tourism".equals(usage) || "test".equals(usage)) {
      s.count("rail ways with usage=" + usage + ": left out");
      return null;
    }
    Gauge gauge = null;
    String g = t.get("gauge");
    if (g != null) {
      gauge = gauge(g);
      if (gauge == null) {
        s.count("rail ways of gauge " + g + " mm: left out (Karvan models 1435 and 1520 mm)");
        return null;
      }
    }
    Boolean electrified = null;
    String e = t.get("electrified");
    if (e != null) {
      electrified = !e.equals("no");
    } else {
      s.count("rail ways without electrified: left unknown");
    }
    StringBuilder note = new StringBuilder("railway=").append(railway);
    if (usage != null) {
      note.append(" usage=").append(usage);
    } else {
      s.count("rail ways without usage: taken as a line like any other");
    }
    String service = t.get("service");
    if (service != null) {
      note.append(" service=").append(service);
    }
    Double maxspeed = maxspeed(t, s);
    return new WayClass(
        Mode.RAIL,
        gauge,
        electrified,
        maxspeed,
        status,
        false,
        false,
        null,
        status == LinkStatus.OPERATIONAL ? null : year(t.get("opening_date")),
        note.toString());
  }

  private static WayClass road(String highway, Tags t, OsmImportOptions o, ImportSummary s) {
    LinkStatus status = LinkStatus.OPERATIONAL;
    String cls = highway;
    if (highway.equals("construction") || highway.equals("proposed")) {
      String c = t.get(highway);
      if (c == null) {
        return null;
      }
      cls = c;
      status = highway.equals("construction") ? LinkStatus.UNDER_CONSTRUCTION : LinkStatus.PLANNED;
    }
    String base = cls.endsWith("_link") ? cls.substring(0, cls.length() - 5) : cls;
    if (!o.roadClasses().contains(base)) {
      return null;
    }
    String hgv = t.get("hgv");
    String access = t.get("access");
    if ("no".equals(hgv)) {
      s.count("road ways with hgv=no: left out");
      return null;
    }
    if (("no".equals(access) || "private".equals(access))
        && !("yes".equals(hgv) || "designated".equals(hgv))) {
      s.count("road ways with access=" + access + " and no hgv=yes: left out");
      return null;
    }
    String ow = t.get("oneway");
    boolean reverse = "-1".equals(ow) || "reverse".equals(ow);
    boolean oneway =
        reverse
            || "yes".equals(ow)
            || "true".equals(ow)
            || "1".equals(ow)
            || (ow == null
                && (base.equals("motorway")
                    || t.is("junction", "roundabout")
                    || t.is("junction", "circular")));
    StringBuilder note = new StringBuilder("highway=").append(highway);
    if (status != LinkStatus.OPERATIONAL) {
      note.append(' ').append(highway).append('=').append(cls);
    }
    if (hgv != null) {
      note.append(" hgv=").append(hgv);
    }
    return new WayClass(
        Mode.ROAD,
        null,
        null,
        maxspeed(t, s),
        status,
        oneway,
        reverse,
        null,
        status == LinkStatus.OPERATIONAL ? null : year(t.get("opening_date")),
        note.toString());
  }

  /** A ferry way, or a way of a {@code route=ferry} relation with the relation's tags. */
  public static WayClass ferry(Tags t, ImportSummary s) {
    String d = t.get("duration");
    Double hours = d == null ? null : durationH(d);
    if (d == null) {
      s.count("ferries without duration: sailing time from the profile's ferry speed");
    } else if (hours == null) {
      s.count("ferries with unreadable duration '" + d + "': sailing time from the ferry speed");
    }
    StringBuilder note = new StringBuilder("route=ferry");
    String name = t.get("name");
    if (name != null) {
      note.append(" name=").append(name);
    }
    for (String k : List.of("motor_vehicle", "hgv")) {
      if ("no".equals(t.get(k))) {
        note.append(' ').append(k).append("=no");
        s.count("ferries tagged " + k + "=no (passenger only): imported, check before use");
      }
    }
    return new WayClass(
        Mode.FERRY,
        null,
        null,
        null,
        LinkStatus.OPERATIONAL,
        false,
        false,
        hours,
        null,
        note.toString());
  }

  /** {@code 1520}, {@code 1524}, {@code 1435}, {@code 1435;1520} (dual); null for other gauges. */
  public static Gauge gauge(String tag) {
    boolean standard = false;
    boolean broad = false;
    for (String part : tag.split(";")) {
      switch (part.trim()) {
        case "1435" -> standard = true;
        case "1520", "1524" -> broad = true;
        default -> {}
      }
    }
    if (standard && broad) {
      return Gauge.DUAL;
    }
    return standard ? Gauge.G1435 : broad ? Gauge.G1520 : null;
  }

  private static final Pattern SPEED = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(mph|km/h|kmh)?");

  /** {@code maxspeed} in km/h (the lowest of {@code ;} values; mph converted), or null. */
  static Double maxspeed(Tags t, ImportSummary s) {
    String v = t.get("maxspeed");
    if (v == null) {
      return null;
    }
    Double min = null;
    for (String part : v.split(";")) {
      Matcher m = SPEED.matcher(part.trim().toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        s.count("ways with a maxspeed that is not a number (e.g. '" + v + "'): ignored");
        return null;
      }
      double kmh = Double.parseDouble(m.group(1)) * ("mph".equals(m.group(2)) ? 1.609344 : 1);
      if (kmh > 0 && (min == null || kmh < min)) {
        min = kmh;
      }
    }
    return min;
  }

  private static final Pattern HMS = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?");
  private static final Pattern ISO = Pattern.compile("PT(?:(\\d+)H)?(?:(\\d+)M)?");

  /** OSM {@code duration}: {@code HH:MM}, {@code HH:MM:SS}, minutes, or ISO {@code PT1H30M}. */
  public static Double durationH(String d) {
    String v = d.trim();
    Matcher m = HMS.matcher(v);
    if (m.matches()) {
      double h = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) / 60.0;
      return m.group(3) == null ? h : h + Integer.parseInt(m.group(3)) / 3600.0;
    }
    if (v.matches("\\d+")) {
      return Integer.parseInt(v) / 60.0;
    }
    m = ISO.matcher(v.toUpperCase(Locale.ROOT));
    if (m.matches() && (m.group(1) != null || m.group(2) != null)) {
      return (m.group(1) == null ? 0 : Integer.parseInt(m.group(1)))
          + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))) / 60.0;
    }
    return null;
  }

  private static Integer year(String date) {
    if (date == null || !date.matches("\\d{4}.*")) {
      return null;
    }
    int y = Integer.parseInt(date.substring(0, 4));
    return y >= 1800 && y <= 2200 ? y : null;
  }

  private static String first(Tags t, String a, String b) {
    String v = t.get(a);
    return v != null ? v : t.get(b);
  }

  /** The kinds a tagged node adds to the network, or an empty set for an ordinary node. */
  public static Set<NodeKind> placeKinds(Tags t) {
    Set<NodeKind> k = EnumSet.noneOf(NodeKind.class);
    String railway = t.get("railway");
    if (("station".equals(railway) || "halt".equals(railway) || "yard".equals(railway))
        && !urbanRail(t)) {
      k.add(NodeKind.RAIL_STATION);
    }
    if ("yard".equals(railway)
        || "container_terminal".equals(railway)
        || t.is("industrial", "intermodal_freight_terminal")) {
      k.add(NodeKind.TERMINAL);
    }
    if (t.is("amenity", "ferry_terminal") || t.is("industrial", "port")) {
      k.add(NodeKind.PORT);
    }
    if (t.is("barrier", "border_control")) {
      k.add(NodeKind.BORDER_CROSSING);
    }
    return k;
  }

  /** A metro, light rail, monorail, tram or funicular station: not a freight place. */
  static boolean urbanRail(Tags t) {
    String station = t.get("station");
    if (station != null && !station.equals("train")) {
      return true;
    }
    for (String k : List.of("subway", "light_rail", "monorail", "tram", "funicular")) {
      if (t.is(k, "yes")) {
        return !t.is("train", "yes");
      }
    }
    return false;
  }

  /** {@code name:*}, {@code int_name}, {@code alt_name}, {@code old_name}, other than the name. */
  public static List<String> aliases(Tags t) {
    String name = t.get("name");
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < t.size(); i++) {
      String k = t.key(i);
      if (k.startsWith("name:")
          || k.equals("int_name")
          || k.equals("alt_name")
          || k.equals("official_name")
          || k.equals("old_name")) {
        for (String v : t.value(i).split(";")) {
          String a = v.trim();
          if (!a.isEmpty() && !a.equals(name) && a.indexOf('|') < 0) {
            out.add(a);
          }
        }
      }
    }
    return new ArrayList<>(out);
  }
}
