package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.karvan.core.graph.Closures;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Node;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;
import org.karvan.core.profile.ProfileKeys;
import org.karvan.core.scenario.Modification.Target;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * The state a chain of scenarios builds up while its {@link Modification}s check and apply
 * themselves ({@link Modification#apply}): effective elements, closures, profile parameters and
 * every problem found. The lookups and checks here are shared by the modifications; a view is made
 * of the result by {@link ScenarioView#apply}.
 */
public final class ScenarioBuilder {
  final Network base;
  Network network;
  Profile profile;
  Integer year;
  final Map<String, Link> links = new LinkedHashMap<>();
  final Map<String, BorderCrossing> crossings = new LinkedHashMap<>();
  final Map<String, Service> services = new LinkedHashMap<>();
  private final Map<Target, Set<String>> closed = new HashMap<>();
  final Map<String, Double> params = new LinkedHashMap<>();
  final Problems problems = new Problems();
  // Per scenario: "TARGET:id" -> where it was closed or opened, to refuse both in one scenario.
  private final Map<String, String> closedHere = new HashMap<>();
  private final Map<String, String> openedHere = new HashMap<>();
  // Elements added by the chain, before the network is rebuilt.
  private final List<Node> addedNodes = new ArrayList<>();
  private final List<Link> addedLinks = new ArrayList<>();
  private final List<BorderCrossing> addedCrossings = new ArrayList<>();
  private final List<Terminal> addedTerminals = new ArrayList<>();
  // Dated events the chain adds (checked against the network as built, after the additions).
  final List<NetworkEvent> events = new ArrayList<>();

  ScenarioBuilder(Network base, Profile profile) {
    this.base = base;
    this.network = base;
    this.profile = profile;
    for (Target t : Target.values()) {
      closed.put(t, new HashSet<>());
    }
  }

  /** Applies the chain: additions first (later modifications may name them), then the rest. */
  void run(List<Scenario> chain) {
    for (Scenario s : chain) {
      for (Modification m : s.modifications()) {
        if (m instanceof Modification.Addition a) {
          a.addTo(this);
        }
      }
    }
    if (!addedNodes.isEmpty()
        || !addedLinks.isEmpty()
        || !addedCrossings.isEmpty()
        || !addedTerminals.isEmpty()) {
      extend();
    }
    for (Scenario s : chain) {
      if (s.year() != null) {
        year = s.year();
      }
      closedHere.clear();
      openedHere.clear();
      for (Modification m : s.modifications()) {
        m.apply(this);
      }
    }
    if (!params.isEmpty() && !problems.hasErrors()) {
      try {
        profile = profile.with(params, "scenario");
      } catch (InvalidInputException e) {
        e.problems().forEach(problems::add);
      }
    }
    if (problems.hasErrors()) {
      throw new InvalidInputException("invalid scenario", problems);
    }
  }

  void addNode(Node n) {
    addedNodes.add(n);
  }

  void addLink(Link l) {
    addedLinks.add(l);
  }

  void addCrossing(BorderCrossing c) {
    addedCrossings.add(c);
  }

  void addTerminal(Terminal t) {
    addedTerminals.add(t);
  }

  /** Adds a dated event, checked like a row of events.csv (unique id, known targets, dates). */
  void addEvent(Modification m, NetworkEvent e) {
    NetworkData d = network.data();
    Problems found =
        org.karvan.core.model.NetworkValidator.validateEvents(
            d.withEvents(concat(d.events(), events)), List.of(e));
    for (var x : found.sorted()) {
      if (x.isError()) {
        err(m, x.field(), x.message());
      }
    }
    if (!found.hasErrors()) {
      events.add(e);
    }
  }

  private void extend() {
    NetworkData d = base.data();
    try {
      network =
          Network.build(
              new NetworkData(
                  d.manifest(),
                  d.sources(),
                  d.countries(),
                  d.chokepoints(),
                  concat(d.nodes(), addedNodes),
                  concat(d.links(), addedLinks),
                  concat(d.crossings(), addedCrossings),
                  concat(d.terminals(), addedTerminals),
                  d.services(),
                  d.events(),
                  d.departures(),
                  d.railServices()));
    } catch (InvalidInputException e) {
      e.errors().forEach(problems::add);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  Closures closures() {
    return new Closures(
        closed.get(Target.LINK),
        closed.get(Target.NODE),
        closed.get(Target.CROSSING),
        closed.get(Target.COUNTRY),
        closed.get(Target.CHOKEPOINT));
  }

  // ---- checks shared by the modifications ----

  void err(Modification m, String field, String msg) {
    problems.error(
        m.origin().file(),
        m.origin().line(),
        0,
        m.where() + (field.isEmpty() ? "" : "." + field),
        msg);
  }

  void positive(Modification m, String field, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      err(m, field, "must be a positive number, got " + v);
    }
  }

  /** The effective link, or {@code null} (reported) when the network has none of that id. */
  Link link(Modification m, String id, String field) {
    Optional<Link> l = network.findLink(id);
    if (l.isEmpty()) {
      err(m, field, "unknown link '" + id + "'");
      return null;
    }
    return links.getOrDefault(id, l.get());
  }

  /** The effective crossing, or {@code null} (reported) when the network has none of that id. */
  BorderCrossing crossing(Modification m, String id, String field) {
    Optional<BorderCrossing> c = network.findCrossing(id);
    if (c.isEmpty()) {
      err(m, field, "unknown border crossing '" + id + "'");
      return null;
    }
    return crossings.getOrDefault(id, c.get());
  }

  /** The effective service of a link, or {@code null}. */
  Service service(String linkId) {
    return services.getOrDefault(linkId, network.findService(linkId).orElse(null));
  }

  boolean exists(Modification m, Target t, String id) {
    boolean ok =
        switch (t) {
          case LINK -> network.findLink(id).isPresent();
          case NODE -> network.findNode(id).isPresent();
          case CROSSING -> network.findCrossing(id).isPresent();
          case COUNTRY -> network.findCountry(id).isPresent();
          case CHOKEPOINT -> network.findChokepoint(id).isPresent();
        };
    if (!ok) {
      err(m, "ids", "unknown " + t.name().toLowerCase(Locale.ROOT) + " '" + id + "'");
    }
    return ok;
  }

  /** Closes (or opens) an element; one scenario may not do both to the same element. */
  void close(Modification m, Target t, String id, boolean close) {
    String key = t + ":" + id;
    Map<String, String> other = close ? openedHere : closedHere;
    if (other.containsKey(key)) {
      String[] verbs =
          close ? new String[] {"opened", "closed"} : new String[] {"closed", "opened"};
      err(
          m,
          "ids",
          "'"
              + id
              + "' is both "
              + verbs[0]
              + " ("
              + other.get(key)
              + ") and "
              + verbs[1]
              + " in one scenario");
    }
    (close ? closedHere : openedHere).put(key, m.where());
    if (close) {
      closed.get(t).add(id);
    } else {
      closed.get(t).remove(id);
    }
  }

  /** A profile parameter's current value under the chain, or NaN (reported) when it has none. */
  double parameter(Modification m, String key) {
    if (params.containsKey(key)) {
      return params.get(key);
    }
    try {
      return profile.get(key);
    } catch (java.util.NoSuchElementException e) {
      err(m, "key", "parameter '" + key + "' has no value to scale");
      return Double.NaN;
    }
  }

  boolean knownParameter(Modification m, String key) {
    if (ProfileKeys.find(key).isEmpty()) {
      err(m, "key", "unknown profile parameter '" + key + "'");
      return false;
    }
    return true;
  }

  /** The profile's default speed of a mode, km/h. */
  double defaultSpeed(Mode mode) {
    return profile.get(
        switch (mode) {
          case RAIL -> "rail.speed_kmh";
          case ROAD -> "road.speed_kmh";
          case SEA -> "sea.speed_kmh";
          case FERRY -> "ferry.speed_kmh";
          case INLAND_WATERWAY -> "iww.speed_kmh";
        });
  }

  /** The effective links named, or every link of {@code mode} (one of the two must be given). */
  List<Link> selectLinks(Modification m, List<String> ids, Mode mode) {
    List<Link> out = new ArrayList<>();
    if (!ids.isEmpty() && mode != null) {
      err(m, "", "give either links or mode, not both");
      return out;
    }
    if (ids.isEmpty() && mode == null) {
      err(m, "", "give links or a mode");
      return out;
    }
    if (mode != null) {
      for (Link l : network.links()) {
        if (l.mode() == mode) {
          out.add(links.getOrDefault(l.id(), l));
        }
      }
      return out;
    }
    for (String id : ids) {
      Link l = link(m, id, "links");
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  /** The effective crossings named, or every crossing between a country pair such as AZ-IR. */
  List<BorderCrossing> selectCrossings(Modification m, List<String> ids, String pair) {
    List<BorderCrossing> out = new ArrayList<>();
    if (!ids.isEmpty() == (pair != null)) {
      err(m, "", "give either crossings or country_pair");
      return out;
    }
    if (pair != null) {
      String[] ab = pair.toUpperCase(Locale.ROOT).split("-");
      if (ab.length != 2
          || network.findCountry(ab[0]).isEmpty()
          || network.findCountry(ab[1]).isEmpty()) {
        err(m, "country_pair", "'" + pair + "' is not a pair of known country codes like AZ-IR");
        return out;
      }
      for (BorderCrossing c : network.crossings()) {
        String x = network.countryOf(c.nodeA());
        String y = network.countryOf(c.nodeB());
        if ((x.equals(ab[0]) && y.equals(ab[1])) || (x.equals(ab[1]) && y.equals(ab[0]))) {
          out.add(crossings.getOrDefault(c.id(), c));
        }
      }
      if (out.isEmpty()) {
        err(m, "country_pair", "no border crossing between " + ab[0] + " and " + ab[1]);
      }
      return out;
    }
    for (String id : ids) {
      BorderCrossing c = crossing(m, id, "crossings");
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }
}
