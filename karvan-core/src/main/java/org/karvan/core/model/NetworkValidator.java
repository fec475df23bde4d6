package org.karvan.core.model;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.karvan.core.geo.Geo;
import org.karvan.core.validate.Problems;

/**
 * The semantic rules every network must satisfy (see docs/network-format.md, "Validation"). All
 * problems are collected; nothing stops at the first. Parsing problems (bad numbers, unknown enum
 * values) are the reader's; this class checks what can be checked on parsed elements.
 */
public final class NetworkValidator {
  /** Ids: letters, digits, underscore, hyphen and dot. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]+");

  /**
   * A length may fall short of the great-circle distance by this fraction plus {@link
   * #GC_SLACK_KM}.
   */
  public static final double GC_SLACK_FRACTION = 0.02;

  public static final double GC_SLACK_KM = 1.0;

  /** A length above this multiple of the great-circle distance draws a warning. */
  public static final double DETOUR_WARNING_FACTOR = 2.5;

  private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

  private final NetworkData d;
  private final Problems p = new Problems();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Set<String> sourceIds = new HashSet<>();
  private final Set<String> countryCodes = new HashSet<>();
  private final Set<String> chokepointIds = new HashSet<>();
  private final Map<String, BorderCrossing> crossings = new HashMap<>();
  private final Map<String, Link> links = new HashMap<>();

  private NetworkValidator(NetworkData d) {
    this.d = d;
  }

  /**
   * Checks events against a network's content (for events a scenario adds): the rules of {@code
   * events.csv}, and ids unique among {@code data}'s own events and {@code events}.
   */
  public static Problems validateEvents(NetworkData data, List<NetworkEvent> events) {
    Set<String> sourceIds = new HashSet<>();
    data.sources().forEach(s -> sourceIds.add(s.id()));
    List<NetworkEvent> all = new java.util.ArrayList<>(data.events());
    all.addAll(events);
    Problems found = new Problems();
    EventRules.check(data.withEvents(all), sourceIds, found);
    Plausibility.events(events, found);
    // The network's own events are valid already: every problem is one of {@code events}'.
    return found;
  }

  /** Checks every rule and returns all problems found (errors and warnings). */
  public static Problems validate(NetworkData data) {
    NetworkValidator v = new NetworkValidator(data);
    v.run();
    return v.p;
  }

  private void run() {
    uniqueIds(d.sources(), Source::id, Source::origin, sourceIds);
    uniqueIds(d.countries(), Country::code, Country::origin, countryCodes);
    uniqueIds(d.chokepoints(), Chokepoint::id, Chokepoint::origin, chokepointIds);
    Set<String> nodeIds = new HashSet<>();
    uniqueIds(d.nodes(), Node::id, Node::origin, nodeIds);
    d.nodes().forEach(n -> nodes.putIfAbsent(n.id(), n));
    uniqueIds(d.crossings(), BorderCrossing::id, BorderCrossing::origin, new HashSet<>());
    d.crossings().forEach(c -> crossings.putIfAbsent(c.id(), c));
    uniqueIds(d.links(), Link::id, Link::origin, new HashSet<>());
    d.links().forEach(l -> links.putIfAbsent(l.id(), l));
    uniqueIds(d.terminals(), Terminal::id, Terminal::origin, new HashSet<>());

    for (String s : d.manifest().sources()) {
      if (!sourceIds.contains(s)) {
        p.error("manifest.csv", 0, 0, "sources", "unknown source '" + s + "'");
      }
    }
    for (Country c : d.countries()) {
      if (!ISO2.matcher(c.code()).matches()) {
        p.error(c.origin(), "code", "'" + c.code() + "' is not an ISO 3166-1 alpha-2 code");
      }
    }
    d.chokepoints().forEach(c -> provenance(c.provenance(), c.origin()));
    d.nodes().forEach(this::node);
    d.crossings().forEach(this::crossing);
    Set<String> crossingsWithLinks = new HashSet<>();
    d.links().forEach(l -> link(l, crossingsWithLinks));
    d.terminals().forEach(this::terminal);
    Set<String> serviced = new HashSet<>();
    d.services().forEach(s -> service(s, serviced));
    Map<String, Set<String>> departing = new HashMap<>();
    d.departures().forEach(x -> departures(x, departing));
    d.railServices().forEach(r -> provenance(r.provenance(), r.origin()));
    RailServiceRules.check(d, p);
    gaugeChanges();
    EventRules.check(d, sourceIds, p);
    Plausibility.check(d, p);
    timeZones();
    for (Node n : d.nodes()) {
      if (!linked.contains(n.id())) {
        p.warning(n.origin(), "id", "node '" + n.id() + "' has no link");
      }
    }
    for (BorderCrossing c : d.crossings()) {
      if (!crossingsWithLinks.contains(c.id())) {
        p.warning(c.origin(), "id", "border crossing '" + c.id() + "' has no link");
      }
    }
    for (Link l : d.links()) {
      if (l.mode() == Mode.FERRY && !serviced.contains(l.id())) {
        p.warning(l.origin(), "mode", "ferry link '" + l.id() + "' has no service in services.csv");
      }
    }
  }

  private final Set<String> linked = new HashSet<>();

  private <T> void uniqueIds(
      List<T> items, Function<T, String> id, Function<T, Origin> origin, Set<String> seen) {
    Map<String, Origin> first = new HashMap<>();
    for (T t : items) {
      String key = id.apply(t);
      Origin o = origin.apply(t);
      String field = t instanceof Country ? "code" : "id";
      if (key.isEmpty()) {
        p.error(o, field, "empty id");
        continue;
      }
      if (!(t instanceof Country) && !ID.matcher(key).matches()) {
        p.error(o, field, "id '" + key + "' may hold only letters, digits, '_', '-' and '.'");
      }
      Origin prev = first.putIfAbsent(key, o);
      if (prev != null) {
        p.error(o, field, "duplicate id '" + key + "' (first at " + prev.locate(field) + ")");
      }
      seen.add(key);
    }
  }

  private void provenance(Provenance pv, Origin o) {
    if (pv.sources().isEmpty()) {
      p.error(o, "sources", "no source given; every figure needs a source");
    }
    for (String s : pv.sources()) {
      if (!sourceIds.contains(s)) {
        p.error(o, "sources", "unknown source '" + s + "'");
      }
    }
    for (String f : pv.estimated()) {
      if (!f.equals("*") && o.columns().size() > 0 && !o.columns().containsKey(f)) {
        p.error(o, "estimated", "'" + f + "' is not a column of " + o.file());
      }
    }
  }

  private void node(Node n) {
    provenance(n.provenance(), n.origin());
    if (n.country() == null || n.country().isEmpty()) {
      if (!n.is(NodeKind.WAYPOINT)) {
        p.error(n.origin(), "country", "missing country (only WAYPOINT nodes may have none)");
      }
    } else if (!countryCodes.contains(n.country())) {
      p.error(n.origin(), "country", "unknown country '" + n.country() + "'");
    }
    if (!(n.lat() >= -90 && n.lat() <= 90)) {
      p.error(n.origin(), "lat", "latitude " + n.lat() + " is outside [-90, 90]");
    }
    if (!(n.lon() >= -180 && n.lon() <= 180)) {
      p.error(n.origin(), "lon", "longitude " + n.lon() + " is outside [-180, 180]");
    }
    if (n.kinds().isEmpty()) {
      p.error(n.origin(), "kinds", "at least one kind is needed");
    }
  }

  private Node refNode(String id, Origin o, String field) {
    Node n = nodes.get(id);
    if (n == null) {
      p.error(o, field, "unknown node '" + id + "'");
    }
    return n;
  }

  private void crossing(BorderCrossing c) {
    provenance(c.provenance(), c.origin());
    Node a = refNode(c.nodeA(), c.origin(), "node_a");
    Node b = refNode(c.nodeB(), c.origin(), "node_b");
    if (a != null && b != null) {
      if (a.id().equals(b.id())) {
        p.error(c.origin(), "node_b", "a crossing joins two different nodes");
      } else if (a.country() == null || b.country() == null) {
        p.error(c.origin(), "node_a", "crossing nodes must have countries");
      } else if (a.country().equals(b.country())) {
        p.error(
            c.origin(),
            "node_b",
            "both nodes are in " + a.country() + "; a crossing joins two countries");
      }
    }
    if (c.modes().isEmpty()) {
      p.error(c.origin(), "modes", "at least one mode is needed");
    }
    clearance(c, c.ab().meanH(), c.ab().p90H(), "clearance_ab");
    clearance(c, c.ba().meanH(), c.ba().p90H(), "clearance_ba");
    if (c.feeAbUsd() < 0) {
      p.error(c.origin(), "fee_ab_usd", "fee must not be negative");
    }
    if (c.feeBaUsd() < 0) {
      p.error(c.origin(), "fee_ba_usd", "fee must not be negative");
    }
    if (c.capacityPerDay() != null && !(c.capacityPerDay() > 0)) {
      p.error(c.origin(), "capacity_per_day", "capacity must be positive");
    }
    if (c.status() == org.karvan.core.model.CrossingStatus.PLANNED && c.openingYear() == null) {
      p.warning(c.origin(), "opening_year", "PLANNED crossing without opening year");
    }
  }

  private void clearance(BorderCrossing c, double mean, double p90, String prefix) {
    if (!(mean >= 0)) {
      p.error(c.origin(), prefix + "_mean_h", "clearance time must not be negative");
    }
    if (!(p90 >= 0)) {
      p.error(c.origin(), prefix + "_p90_h", "clearance time must not be negative");
    } else if (p90 < mean) {
      p.error(
          c.origin(), prefix + "_p90_h", "P90 (" + p90 + " h) is below the mean (" + mean + " h)");
    }
  }

  private void link(Link l, Set<String> crossingsWithLinks) {
    provenance(l.provenance(), l.origin());
    Node a = refNode(l.from(), l.origin(), "from");
    Node b = refNode(l.to(), l.origin(), "to");
    linked.add(l.from());
    linked.add(l.to());
    if (l.from().equals(l.to())) {
      p.error(l.origin(), "to", "a link joins two different nodes");
    }
    if (!(l.lengthKm() > 0)) {
      p.error(l.origin(), "length_km", "length must be positive, got " + l.lengthKm());
    } else if (a != null && b != null) {
      double gc = Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon());
      if (l.lengthKm() < gc * (1 - GC_SLACK_FRACTION) - GC_SLACK_KM) {
        p.error(
            l.origin(),
            "length_km",
            String.format(
                java.util.Locale.ROOT,
                "length %.1f km is below the great-circle distance %.1f km between %s and %s",
                l.lengthKm(),
                gc,
                a.id(),
                b.id()));
      } else if (l.lengthKm() > DETOUR_WARNING_FACTOR * gc && l.lengthKm() > gc + 10) {
        p.warning(
            l.origin(),
            "length_km",
            String.format(
                java.util.Locale.ROOT,
                "length %.1f km is over %.1f times the great-circle distance %.1f km",
                l.lengthKm(),
                DETOUR_WARNING_FACTOR,
                gc));
      }
    }
    if (l.mode() == Mode.RAIL) {
      if (l.gauge() == null) {
        p.error(l.origin(), "gauge", "rail link without gauge (1435, 1520 or DUAL)");
      }
    } else {
      if (l.gauge() != null) {
        p.error(l.origin(), "gauge", "gauge given for a " + l.mode() + " link");
      }
      if (l.electrified() != null) {
        p.error(l.origin(), "electrified", "electrified applies to rail links only");
      }
    }
    if (l.speedKmh() != null && !(l.speedKmh() > 0)) {
      p.error(l.origin(), "speed_kmh", "speed must be positive");
    }
    if (l.capacityTpy() != null && !(l.capacityTpy() > 0)) {
      p.error(l.origin(), "capacity_tpy", "capacity must be positive");
    }
    if (l.openingYear() != null && (l.openingYear() < 1800 || l.openingYear() > 2200)) {
      p.error(l.origin(), "opening_year", "year " + l.openingYear() + " is out of range");
    }
    if ((l.status() == LinkStatus.PLANNED || l.status() == LinkStatus.UNDER_CONSTRUCTION)
        && l.openingYear() == null) {
      p.warning(l.origin(), "opening_year", l.status() + " link without opening year");
    }
    for (String cp : l.chokepoints()) {
      if (!chokepointIds.contains(cp)) {
        p.error(l.origin(), "chokepoints", "unknown chokepoint '" + cp + "'");
      }
    }
    for (var v : l.geometry()) {
      if (!(Math.abs(v.lat()) <= 90 && Math.abs(v.lon()) <= 180)) {
        p.error(l.origin(), "geometry", "vertex " + v.lon() + " " + v.lat() + " out of range");
      }
    }
    String ca = a == null ? null : a.country();
    String cb = b == null ? null : b.country();
    boolean crossesCountry = ca != null && cb != null && !ca.equals(cb);
    if (l.borderCrossing() != null) {
      BorderCrossing c = crossings.get(l.borderCrossing());
      if (c == null) {
        p.error(
            l.origin(), "border_crossing", "unknown border crossing '" + l.borderCrossing() + "'");
      } else {
        crossingsWithLinks.add(c.id());
        boolean sameEnds =
            (c.nodeA().equals(l.from()) && c.nodeB().equals(l.to()))
                || (c.nodeA().equals(l.to()) && c.nodeB().equals(l.from()));
        if (!sameEnds) {
          p.error(
              l.origin(),
              "border_crossing",
              "crossing '"
                  + c.id()
                  + "' joins "
                  + c.nodeA()
                  + " and "
                  + c.nodeB()
                  + ", not this link's ends "
                  + l.from()
                  + " and "
                  + l.to());
        }
        if (!c.modes().contains(l.mode())) {
          p.error(
              l.origin(),
              "border_crossing",
              "crossing '" + c.id() + "' does not serve mode " + l.mode());
        }
        if (!l.mode().isLand()) {
          p.error(
              l.origin(), "border_crossing", "only RAIL and ROAD links are border-crossing links");
        }
      }
    } else if (crossesCountry && l.mode().isLand()) {
      p.error(
          l.origin(),
          "border_crossing",
          l.mode()
              + " link from "
              + ca
              + " to "
              + cb
              + " names no border crossing; land routes cross borders only at crossings");
    }
  }

  private void terminal(Terminal t) {
    provenance(t.provenance(), t.origin());
    refNode(t.node(), t.origin(), "node");
    modeGauge(t, t.from(), "from");
    modeGauge(t, t.to(), "to");
    if (t.from().equals(t.to())) {
      p.error(t.origin(), "to_mode", "a terminal transfers between two different modes or gauges");
    }
    if (!(t.handlingH() >= 0)) {
      p.error(t.origin(), "handling_h", "handling time must not be negative");
    }
    if (t.costUsdPerTeu() != null && t.costUsdPerTeu() < 0) {
      p.error(t.origin(), "cost_usd_per_teu", "cost must not be negative");
    }
    if (t.costUsdPerTonne() != null && t.costUsdPerTonne() < 0) {
      p.error(t.origin(), "cost_usd_per_tonne", "cost must not be negative");
    }
    if (t.capacityTpy() != null && !(t.capacityTpy() > 0)) {
      p.error(t.origin(), "capacity_tpy", "capacity must be positive");
    }
  }

  private void modeGauge(Terminal t, ModeGauge mg, String side) {
    if (mg.mode() == Mode.RAIL) {
      if (mg.gauge() == null || mg.gauge() == Gauge.DUAL) {
        p.error(t.origin(), side + "_gauge", "a rail side needs a single gauge, 1435 or 1520");
      }
    } else if (mg.gauge() != null) {
      p.error(t.origin(), side + "_gauge", "gauge given for " + mg.mode());
    }
  }

  private void service(Service s, Set<String> serviced) {
    provenance(s.provenance(), s.origin());
    Link l = links.get(s.link());
    if (l == null) {
      p.error(s.origin(), "link", "unknown link '" + s.link() + "'");
    } else if (l.mode() != Mode.SEA && l.mode() != Mode.FERRY) {
      p.error(s.origin(), "link", "services run on SEA or FERRY links, not " + l.mode());
    }
    if (!serviced.add(s.link())) {
      p.error(s.origin(), "link", "a second service row for link '" + s.link() + "'");
    }
    if (!(s.sailingsPerWeek() > 0)) {
      p.error(s.origin(), "sailings_per_week", "sailings per week must be positive");
    }
    if (!(s.sailingH() > 0)) {
      p.error(s.origin(), "sailing_h", "sailing time must be positive");
    }
  }

  /** A departures row: a known service, one end of its link, a timetable or an anchor. */
  private void departures(Departures x, Map<String, Set<String>> departing) {
    provenance(x.provenance(), x.origin());
    Link l = links.get(x.link());
    Service s =
        d.services().stream().filter(v -> v.link().equals(x.link())).findFirst().orElse(null);
    if (l == null) {
      p.error(x.origin(), "link", "unknown link '" + x.link() + "'");
    } else if (s == null) {
      p.error(x.origin(), "link", "link '" + x.link() + "' has no service in services.csv");
    } else if (x.from() != null) {
      if (!x.from().equals(l.from()) && !x.from().equals(l.to())) {
        p.error(x.origin(), "from", "'" + x.from() + "' is not an end of link '" + l.id() + "'");
      } else if (l.direction() == Direction.FORWARD && x.from().equals(l.to())) {
        p.error(x.origin(), "from", "link '" + l.id() + "' runs one way, from " + l.from());
      }
    }
    Set<String> ends = departing.computeIfAbsent(x.link(), k -> new HashSet<>());
    String end = x.from() == null ? "" : x.from();
    if (!ends.add(end)) {
      p.error(x.origin(), "link", "a second departures row for link '" + x.link() + "'");
    } else if (ends.size() > 1 && ends.contains("")) {
      p.error(x.origin(), "from", "link '" + x.link() + "' has rows for both ends and for one end");
    }
    RailServiceRules.schedule(x.origin(), x.weekdays(), x.times(), x.anchor(), p);
    int perWeek = x.weekdays().size() * x.times().size();
    if (x.isTimetable() && s != null && Math.abs(perWeek - s.sailingsPerWeek()) > 1e-9) {
      p.warning(
          x.origin(),
          "weekdays",
          perWeek
              + " departures a week, but services.csv has "
              + s.sailingsPerWeek()
              + " sailings a week (used for the expected wait without --depart)");
    }
  }

  /** A node where single-gauge 1435 and 1520 rail meet needs a break-of-gauge terminal. */
  /**
   * Where a bundle gives time zones, a country without one is a warning: timetables there run on
   * the route's clock (the origin's zone), as they all do in a bundle without zones.
   */
  private void timeZones() {
    boolean zoned =
        d.countries().stream().anyMatch(c -> c.timeZone() != null)
            || d.nodes().stream().anyMatch(n -> n.timeZone() != null);
    if (!zoned) {
      return;
    }
    for (Country c : d.countries()) {
      if (c.timeZone() == null) {
        p.warning(
            c.origin(),
            "time_zone",
            "country '"
                + c.code()
                + "' has no time zone: its timetables and times run on the route's clock");
      }
    }
  }

  private void gaugeChanges() {
    Map<String, EnumSet<Gauge>> gaugesAt = new HashMap<>();
    Map<String, Link> firstLink = new HashMap<>();
    for (Link l : d.links()) {
      if (l.mode() != Mode.RAIL || l.gauge() == null || l.gauge() == Gauge.DUAL) {
        continue;
      }
      for (String n : List.of(l.from(), l.to())) {
        gaugesAt.computeIfAbsent(n, k -> EnumSet.noneOf(Gauge.class)).add(l.gauge());
        firstLink.putIfAbsent(n, l);
      }
    }
    ModeGauge g1435 = new ModeGauge(Mode.RAIL, Gauge.G1435);
    ModeGauge g1520 = new ModeGauge(Mode.RAIL, Gauge.G1520);
    Set<String> withBog = new HashSet<>();
    for (Terminal t : d.terminals()) {
      if (t.transfers(g1435, g1520)) {
        withBog.add(t.node());
      }
    }
    for (Node n : d.nodes()) {
      EnumSet<Gauge> g = gaugesAt.get(n.id());
      if (g != null && g.size() == 2 && !withBog.contains(n.id())) {
        p.error(
            n.origin(),
            "id",
            "rail of gauges 1435 and 1520 meets at '"
                + n.id()
                + "' but no terminal there transfers RAIL/1435 <-> RAIL/1520");
      }
    }
  }
}
