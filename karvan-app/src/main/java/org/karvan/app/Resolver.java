package org.karvan.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.karvan.core.model.Mode;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Overlay;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.validate.InvalidInputException;

/**
 * Turns what a user typed ({@link RouteSpec}) into a core {@link RouteRequest} on the network it
 * names (base or scenario): places, cargo, objective, constraints, year. The one implementation of
 * place resolution and of a scenario's default year; every problem is reported by field.
 */
public final class Resolver {
  /**
   * A request ready for the router, the network (base or scenario) it runs on, the workspace (this
   * one, or its variant for the request's customs regime) and the day whose dated events apply.
   */
  public record Resolved(
      RouteRequest request,
      Scenarios.Applied on,
      Karvan workspace,
      LocalDate date,
      java.time.LocalDateTime depart,
      List<Snapped> snapped) {
    public Resolved {
      snapped = snapped == null ? List.of() : List.copyOf(snapped);
    }

    public Resolved(
        RouteRequest request,
        Scenarios.Applied on,
        Karvan workspace,
        LocalDate date,
        java.time.LocalDateTime depart) {
      this(request, on, workspace, date, depart, List.of());
    }

    /** The router of the network under the events in force on the date. */
    public Router router() {
      return on.router().on(date);
    }
  }

  private final Karvan k;

  Resolver(Karvan k) {
    this.k = k;
  }

  /** Resolves a spec; throws {@link InvalidRequestException} listing every field at fault. */
  public Resolved resolve(RouteSpec s) {
    Fields f = new Fields();
    Resolved r = resolve(s, f, true);
    f.throwIfAny();
    return r;
  }

  /**
   * The parts of a spec that do not depend on its places: the network it runs on (base or
   * scenario), its place index, objective, cargo and constraints ({@code null} where at fault).
   */
  public record Common(
      Karvan workspace,
      Scenarios.Applied on,
      Places places,
      Objective objective,
      Cargo cargo,
      Constraints constraints,
      LocalDate date) {
    public boolean complete() {
      return objective != null && cargo != null && constraints != null && date != null;
    }

    /** The router of the network under the events in force on the date. */
    public Router router() {
      return on.router().on(date);
    }
  }

  /** Resolves everything of a spec but its from, to and via. */
  public Common common(RouteSpec s, Fields f) {
    Karvan w = workspace(s, f);
    Scenarios.Applied on = w.scenarios().applied(s.scenario(), "scenario", f);
    Places places = on.network() == w.network() ? w.places() : new Places(on.network());
    Objective o = objective(s.optimize(), f);
    Cargo c = cargo(s.cargo(), f, "cargo");
    if (c != null && s.drivers() != null) {
      if (s.drivers() != 1 && s.drivers() != 2) {
        f.error("drivers", s.drivers() + " is out of range; give 1 or 2");
      } else {
        c = c.withDrivers(s.drivers());
      }
    }
    Constraints cons = constraints(s, on, places, f);
    return new Common(w, on, places, o, c, cons, date(s.date(), f));
  }

  /**
   * The workspace a spec runs on: this one, or its variant with the request's customs regime (which
   * sets the entry clearance times of ports, so the costs are compiled for it). Under the import
   * regime the cargo is imported into the destination's country: its port entries take the import
   * times, and entries elsewhere on the way the transit times. A request without a destination in
   * the base network (a matrix, or a place only a scenario adds) takes the import times at every
   * entry.
   */
  Karvan workspace(RouteSpec s, Fields f) {
    if (blank(s.regime())) {
      return k;
    }
    String r = s.regime().trim().toLowerCase(java.util.Locale.ROOT);
    if (!r.equals("transit") && !r.equals("import")) {
      f.error("regime", "unknown value '" + s.regime() + "'; allowed: transit, import");
      return k;
    }
    if (r.equals("transit")) {
      return k.variant(java.util.Map.of("customs.regime", 0.0));
    }
    String country = null;
    if (!blank(s.to())) {
      try {
        country = k.places().resolve(s.to()).country();
      } catch (IllegalArgumentException e) {
        // Reported where the places are resolved (the scenario's network may know it).
      }
    }
    return country == null
        ? k.variant(java.util.Map.of("customs.regime", 1.0))
        : k.variant(java.util.Map.of("customs.regime", 1.0, "customs.import_in." + country, 1.0));
  }

  /**
   * Resolves a spec, recording problems in {@code f} (a null request where a field is at fault).
   */
  public Resolved resolve(RouteSpec s, Fields f, boolean placesRequired) {
    Common cm = common(s, f);
    Places places = cm.places();
    String from =
        placesRequired ? required(places, s.from(), "from", f) : place(places, s.from(), "from", f);
    String to = placesRequired ? required(places, s.to(), "to", f) : place(places, s.to(), "to", f);
    boolean tooMany = s.via().size() > k.limits().maxVia();
    if (tooMany) {
      f.error(
          "via", s.via().size() + " via places are too many; give at most " + k.limits().maxVia());
    }
    List<String> via = new ArrayList<>();
    // Too many vias are not looked up at all: resolving each costs a place search.
    for (String v : tooMany ? List.<String>of() : s.via()) {
      String id = place(places, v, "via", f);
      if (id != null) {
        via.add(id);
      }
    }
    if (from != null && from.equals(to)) {
      f.error("to", "from and to name the same place (" + from + "); give two different places");
    }
    java.time.LocalDateTime depart = depart(s.depart(), f);
    if (!cm.complete() || from == null || to == null) {
      return new Resolved(null, cm.on(), cm.workspace(), day(cm, s, depart), depart);
    }
    List<Snapped> snapped = new ArrayList<>();
    snapped(places, "from", s.from(), snapped);
    s.via().forEach(v -> snapped(places, "via", v, snapped));
    snapped(places, "to", s.to(), snapped);
    return new Resolved(
        new RouteRequest(from, to, via, cm.cargo(), cm.objective(), cm.constraints()),
        cm.on(),
        cm.workspace(),
        day(cm, s, depart),
        depart,
        snapped);
  }

  /** The request's day: {@code YYYY-MM-DD}, or today by the workspace's clock when blank. */
  public LocalDate date(String text, Fields f) {
    if (blank(text)) {
      return LocalDate.now(k.clock());
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      f.error("date", "'" + text + "' is not a date; give YYYY-MM-DD, e.g. 2026-12-01");
      return null;
    }
  }

  /** The request's day: its date, else the day it departs, else today. */
  private static LocalDate day(Common cm, RouteSpec s, java.time.LocalDateTime depart) {
    return blank(s.date()) && depart != null ? depart.toLocalDate() : cm.date();
  }

  private static final java.util.regex.Pattern DEPART =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  /**
   * A departure {@code YYYY-MM-DDTHH:MM} (local time at the origin, in its time zone), or {@code
   * null} when not given.
   */
  public static java.time.LocalDateTime depart(String text, Fields f) {
    if (blank(text)) {
      return null;
    }
    String t = text.trim();
    try {
      if (DEPART.matcher(t).matches()) {
        return java.time.LocalDateTime.parse(t);
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    f.error(
        "depart",
        "'" + text + "' is not a local date-time; give YYYY-MM-DDTHH:MM, e.g. 2026-12-01T08:00");
    return null;
  }

  public Objective objective(String text, Fields f) {
    Objective o = f.parseEnum(Objective.class, blank(text) ? "time" : text, "optimize");
    return o;
  }

  public Cargo cargo(String text, Fields f, String field) {
    try {
      return Cargo.parse(blank(text) ? "1x40ft" : text, k.profile());
    } catch (IllegalArgumentException e) {
      f.error(field, e.getMessage());
      return null;
    }
  }

  private static String required(Places places, String text, String field, Fields f) {
    if (blank(text)) {
      f.error(field, "is required; give a place id, name or alias");
      return null;
    }
    return place(places, text, field, f);
  }

  /**
   * A place of the base network by id, name or alias (see {@link #place(Places, String, String,
   * Fields)}).
   */
  public String place(String text, String field, Fields f) {
    return place(k.places(), text, field, f);
  }

  /**
   * A place given as {@code LAT,LON} snapped to its nearest node: the field, the point, the node
   * and the distance to it (km).
   */
  public record Snapped(String field, double lat, double lon, String node, double km) {}

  private static void snapped(Places places, String field, String text, List<Snapped> out) {
    if (Places.isCoordinate(text)) {
      Places.Snap sn = places.snap(text);
      out.add(new Snapped(field, sn.lat(), sn.lon(), sn.node().id(), sn.km()));
    }
  }

  /**
   * A place by id, name or alias, or {@code LAT,LON} (the nearest node); a miss is an error with
   * "did you mean" suggestions, a coordinate out of range an error naming it.
   */
  public static String place(Places places, String text, String field, Fields f) {
    if (blank(text)) {
      return null;
    }
    try {
      if (Places.isCoordinate(text)) {
        return places.snap(text).node().id();
      }
      return places.resolve(text).id();
    } catch (IllegalArgumentException e) {
      f.error(field, e.getMessage());
      return null;
    }
  }

  /**
   * The constraints of a spec, checked against the network it runs on; the scenario's year when the
   * spec names none (and does not ask for every planned link).
   */
  private Constraints constraints(RouteSpec s, Scenarios.Applied on, Places places, Fields f) {
    int before = f.errors().size();
    String include = s.include();
    boolean planned = false;
    if (!blank(include)) {
      if (include.trim().equalsIgnoreCase("planned")) {
        planned = true;
      } else {
        f.error("include", "unknown value '" + include + "'; allowed: planned");
      }
    }
    if (planned && s.year() != null) {
      f.error(
          "year",
          "a year and every planned link cannot be combined; drop one (planned already allows every future link)");
    }
    Set<Mode> modes = new LinkedHashSet<>();
    for (String m : s.modes()) {
      Mode x = f.parseEnum(Mode.class, m, "modes");
      if (x != null) {
        modes.add(x);
      }
    }
    Set<String> avoidNodes = new LinkedHashSet<>();
    for (String v : s.avoidNode()) {
      String id = place(places, v, "avoidNode", f);
      if (id != null) {
        avoidNodes.add(id);
      }
    }
    Integer year = s.year();
    if (year == null && !planned) {
      year = on.defaultYear();
    }
    Constraints c =
        new Constraints(
            year,
            planned,
            upper(s.avoidCountry()),
            new LinkedHashSet<>(s.avoidBorder()),
            upper(s.avoidChokepoint()),
            avoidNodes,
            modes);
    try {
      Overlay.check(on.network(), c);
    } catch (InvalidInputException e) {
      f.addAll(e, null);
    }
    return f.errors().size() > before ? null : c;
  }

  private static Set<String> upper(List<String> l) {
    return l.stream()
        .map(x -> x.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
