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
import org.karvan.core.graph.DataView;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Clearance;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;
import org.karvan.core.profile.ProfileKeys;
import org.karvan.core.scenario.Modification.Target;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * A base network seen through a chain of scenarios: effective links, crossings and services, closed
 * elements, an effective profile and a default year. Built by {@link #apply}, which checks every
 * modification against the network and reports all problems at once. Elements not touched by a
 * scenario are the base's own objects; nothing of the base is copied or changed.
 */
public final class ScenarioView implements DataView {
  private final Network base;
  private final Network network;
  private final Profile profile;
  private final List<Scenario> chain;
  private final Integer year;
  private final Map<String, Link> links;
  private final Map<String, BorderCrossing> crossings;
  private final Map<String, Service> services;
  final Set<String> closedLinks;
  final Set<String> closedNodes;
  final Set<String> closedCrossings;
  final Set<String> closedCountries;
  final Set<String> closedChokepoints;

  private ScenarioView(Builder b) {
    this.base = b.base;
    this.network = b.network;
    this.profile = b.profile;
    this.chain = List.copyOf(b.chain);
    this.year = b.year;
    this.links = Map.copyOf(b.links);
    this.crossings = Map.copyOf(b.crossings);
    this.services = Map.copyOf(b.services);
    this.closedLinks = Set.copyOf(b.closedLinks);
    this.closedNodes = Set.copyOf(b.closedNodes);
    this.closedCrossings = Set.copyOf(b.closedCrossings);
    this.closedCountries = Set.copyOf(b.closedCountries);
    this.closedChokepoints = Set.copyOf(b.closedChokepoints);
  }

  /**
   * Applies {@code chain} (root scenario first; resolve {@code extends} with {@link #resolveChain})
   * to a base network and profile.
   *
   * @throws InvalidInputException listing every modification that names a missing element, has a
   *     bad value or contradicts another
   */
  public static ScenarioView apply(Network base, Profile profile, List<Scenario> chain) {
    Builder b = new Builder(base, profile, chain);
    b.run();
    return new ScenarioView(b);
  }

  /**
   * The chain a scenario stands for: its ancestors by {@code extends}, root first. Unknown parents
   * and cycles are errors.
   */
  public static List<Scenario> resolveChain(
      Scenario s, java.util.function.Function<String, Optional<Scenario>> lookup) {
    List<Scenario> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Scenario cur = s;
    Problems p = new Problems();
    while (cur != null) {
      if (!seen.add(cur.name())) {
        p.error(cur.file(), 0, 0, "extends", "scenarios extend each other in a cycle: " + seen);
        break;
      }
      chain.add(0, cur);
      if (cur.extendsName() == null || cur.extendsName().isBlank()) {
        break;
      }
      Optional<Scenario> parent = lookup.apply(cur.extendsName());
      if (parent.isEmpty()) {
        p.error(cur.file(), 0, 0, "extends", "unknown scenario '" + cur.extendsName() + "'");
        break;
      }
      cur = parent.get();
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("invalid scenario", p);
    }
    return chain;
  }

  /** The network to compile: the base itself unless the scenarios add elements. */
  public Network network() {
    return network;
  }

  /** True when the scenarios add elements, so the graph must be compiled anew. */
  public boolean addsElements() {
    return network != base;
  }

  public Profile profile() {
    return profile;
  }

  public List<Scenario> chain() {
    return chain;
  }

  /** The default network year of requests under this view, or {@code null}. */
  public Integer year() {
    return year;
  }

  public String name() {
    return chain.isEmpty() ? "base" : chain.get(chain.size() - 1).name();
  }

  @Override
  public Link link(Link l) {
    return links.getOrDefault(l.id(), l);
  }

  @Override
  public BorderCrossing crossing(String id) {
    BorderCrossing c = crossings.get(id);
    return c != null ? c : network.getCrossing(id);
  }

  @Override
  public Optional<Service> service(String linkId) {
    Service s = services.get(linkId);
    return s != null ? Optional.of(s) : network.findService(linkId);
  }

  @Override
  public Terminal terminal(Terminal t) {
    return t;
  }

  public boolean isLinkClosed(String id) {
    return closedLinks.contains(id);
  }

  public boolean isNodeClosed(String id) {
    return closedNodes.contains(id);
  }

  public boolean isCrossingClosed(String id) {
    return closedCrossings.contains(id);
  }

  public boolean isCountryClosed(String code) {
    return closedCountries.contains(code);
  }

  public boolean isChokepointClosed(String id) {
    return closedChokepoints.contains(id);
  }

  private static final class Builder {
    final Network base;
    Network network;
    Profile profile;
    final List<Scenario> chain;
    Integer year;
    final Map<String, Link> links = new LinkedHashMap<>();
    final Map<String, BorderCrossing> crossings = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    final Set<String> closedLinks = new HashSet<>();
    final Set<String> closedNodes = new HashSet<>();
    final Set<String> closedCrossings = new HashSet<>();
    final Set<String> closedCountries = new HashSet<>();
    final Set<String> closedChokepoints = new HashSet<>();
    final Problems p = new Problems();
    final Map<String, Double> params = new LinkedHashMap<>();

    Builder(Network base, Profile profile, List<Scenario> chain) {
      this.base = base;
      this.network = base;
      this.profile = profile;
      this.chain = chain;
    }

    void err(Modification m, String field, String msg) {
      p.error(
          m.origin().file(),
          m.origin().line(),
          0,
          m.where() + (field.isEmpty() ? "" : "." + field),
          msg);
    }

    void run() {
      // Additions first, so that later modifications may name added elements.
      List<Modification> adds = new ArrayList<>();
      for (Scenario s : chain) {
        for (Modification m : s.modifications()) {
          if (m instanceof Modification.AddNode
              || m instanceof Modification.AddLink
              || m instanceof Modification.AddCrossing
              || m instanceof Modification.AddTerminal) {
            adds.add(m);
          }
        }
      }
      if (!adds.isEmpty()) {
        extend(adds);
      }
      for (Scenario s : chain) {
        if (s.year() != null) {
          year = s.year();
        }
        Map<String, String> closedHere = new HashMap<>();
        Map<String, String> openedHere = new HashMap<>();
        for (Modification m : s.modifications()) {
          apply(m, closedHere, openedHere);
        }
      }
      if (!params.isEmpty() && !p.hasErrors()) {
        try {
          profile = profile.with(params, "scenario");
        } catch (InvalidInputException e) {
          e.problems().forEach(p::add);
        }
      }
      if (p.hasErrors()) {
        throw new InvalidInputException("invalid scenario", p);
      }
    }

    private void extend(List<Modification> adds) {
      NetworkData d = base.data();
      List<org.karvan.core.model.Node> nodes = new ArrayList<>(d.nodes());
      List<Link> ls = new ArrayList<>(d.links());
      List<BorderCrossing> cs = new ArrayList<>(d.crossings());
      List<Terminal> ts = new ArrayList<>(d.terminals());
      for (Modification m : adds) {
        if (m instanceof Modification.AddNode a) {
          nodes.add(a.node());
        } else if (m instanceof Modification.AddLink a) {
          ls.add(a.link());
        } else if (m instanceof Modification.AddCrossing a) {
          cs.add(a.crossing());
        } else if (m instanceof Modification.AddTerminal a) {
          ts.add(a.terminal());
        }
      }
      try {
        network =
            Network.build(
                new NetworkData(
                    d.manifest(),
                    d.sources(),
                    d.countries(),
                    d.chokepoints(),
                    nodes,
                    ls,
                    cs,
                    ts,
                    d.services()));
      } catch (InvalidInputException e) {
        e.errors().forEach(p::add);
      }
    }

    private Link link(Modification m, String id, String field) {
      Optional<Link> l = network.findLink(id);
      if (l.isEmpty()) {
        err(m, field, "unknown link '" + id + "'");
        return null;
      }
      return links.getOrDefault(id, l.get());
    }

    private BorderCrossing crossing(Modification m, String id, String field) {
      Optional<BorderCrossing> c = network.findCrossing(id);
      if (c.isEmpty()) {
        err(m, field, "unknown border crossing '" + id + "'");
        return null;
      }
      return crossings.getOrDefault(id, c.get());
    }

    private void positive(Modification m, String field, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        err(m, field, "must be a positive number, got " + v);
      }
    }

    private void apply(
        Modification m, Map<String, String> closedHere, Map<String, String> openedHere) {
      if (m instanceof Modification.Close c) {
        List<String> ids = new ArrayList<>(c.ids());
        if (c.countryPair() != null) {
          if (c.target() != Target.CROSSING) {
            err(c, "country_pair", "country_pair applies to crossings only");
          } else {
            selectCrossings(c, List.of(), c.countryPair()).forEach(x -> ids.add(x.id()));
          }
        } else if (ids.isEmpty()) {
          err(c, "ids", "name at least one element to close");
        }
        for (String id : ids) {
          if (!exists(c, c.target(), id)) {
            continue;
          }
          String key = c.target() + ":" + id;
          if (openedHere.containsKey(key)) {
            err(
                c,
                "ids",
                "'"
                    + id
                    + "' is both opened ("
                    + openedHere.get(key)
                    + ") and closed in one scenario");
          }
          closedHere.put(key, c.where());
          switch (c.target()) {
            case LINK -> closedLinks.add(id);
            case NODE -> closedNodes.add(id);
            case CROSSING -> closedCrossings.add(id);
            case COUNTRY -> closedCountries.add(id);
            case CHOKEPOINT -> closedChokepoints.add(id);
          }
        }
      } else if (m instanceof Modification.Open o) {
        for (String id : o.ids()) {
          if (o.target() != Target.LINK && o.target() != Target.CROSSING) {
            err(
                o,
                "target",
                "only links and crossings can be opened; a closed "
                    + o.target().name().toLowerCase(Locale.ROOT)
                    + " is opened by not closing it");
            break;
          }
          if (!exists(o, o.target(), id)) {
            continue;
          }
          String key = o.target() + ":" + id;
          if (closedHere.containsKey(key)) {
            err(
                o,
                "ids",
                "'"
                    + id
                    + "' is both closed ("
                    + closedHere.get(key)
                    + ") and opened in one scenario");
          }
          openedHere.put(key, o.where());
          if (o.target() == Target.LINK) {
            closedLinks.remove(id);
            Link l = link(o, id, "ids");
            links.put(id, withStatus(l, LinkStatus.OPERATIONAL, l.openingYear()));
          } else {
            closedCrossings.remove(id);
            BorderCrossing c = crossing(o, id, "ids");
            crossings.put(id, withStatus(c, CrossingStatus.OPEN, c.openingYear()));
          }
        }
      } else if (m instanceof Modification.SetLinkStatus s) {
        Link l = link(s, s.link(), "link");
        if (l != null) {
          links.put(
              l.id(),
              withStatus(
                  l, s.status(), s.openingYear() != null ? s.openingYear() : l.openingYear()));
        }
      } else if (m instanceof Modification.SetCrossingStatus s) {
        BorderCrossing c = crossing(s, s.crossing(), "crossing");
        if (c != null) {
          crossings.put(
              c.id(),
              withStatus(
                  c, s.status(), s.openingYear() != null ? s.openingYear() : c.openingYear()));
        }
      } else if (m instanceof Modification.ScaleClearance s) {
        positive(s, "factor", s.factor());
        for (BorderCrossing c : selectCrossings(s, s.crossings(), s.countryPair())) {
          crossings.put(
              c.id(),
              new BorderCrossing(
                  c.id(),
                  c.name(),
                  c.nodeA(),
                  c.nodeB(),
                  c.modes(),
                  new Clearance(c.ab().meanH() * s.factor(), c.ab().p90H() * s.factor()),
                  new Clearance(c.ba().meanH() * s.factor(), c.ba().p90H() * s.factor()),
                  c.feeAbUsd(),
                  c.feeBaUsd(),
                  c.status(),
                  c.openingYear(),
                  c.capacityPerDay(),
                  c.provenance(),
                  c.origin()));
        }
      } else if (m instanceof Modification.SetCrossing s) {
        BorderCrossing c = crossing(s, s.crossing(), "crossing");
        if (c != null) {
          Clearance ab =
              new Clearance(or(s.abMeanH(), c.ab().meanH()), or(s.abP90H(), c.ab().p90H()));
          Clearance ba =
              new Clearance(or(s.baMeanH(), c.ba().meanH()), or(s.baP90H(), c.ba().p90H()));
          if (ab.p90H() < ab.meanH()
              || ba.p90H() < ba.meanH()
              || ab.meanH() < 0
              || ba.meanH() < 0) {
            err(s, "", "clearance P90 must be at least the mean, and times not negative");
          }
          double fa = or(s.feeAbUsd(), c.feeAbUsd());
          double fb = or(s.feeBaUsd(), c.feeBaUsd());
          if (fa < 0 || fb < 0) {
            err(s, "fee", "fees must not be negative");
          }
          crossings.put(
              c.id(),
              new BorderCrossing(
                  c.id(),
                  c.name(),
                  c.nodeA(),
                  c.nodeB(),
                  c.modes(),
                  ab,
                  ba,
                  fa,
                  fb,
                  c.status(),
                  c.openingYear(),
                  c.capacityPerDay(),
                  c.provenance(),
                  c.origin()));
        }
      } else if (m instanceof Modification.ScaleSpeed s) {
        positive(s, "factor", s.factor());
        double dflt = Double.NaN;
        for (Link l : selectLinks(s, s.links(), s.mode())) {
          double v =
              l.speedKmh() != null
                  ? l.speedKmh()
                  : profile.get(
                      switch (l.mode()) {
                        case RAIL -> "rail.speed_kmh";
                        case ROAD -> "road.speed_kmh";
                        case SEA -> "sea.speed_kmh";
                        case FERRY -> "ferry.speed_kmh";
                        case INLAND_WATERWAY -> "iww.speed_kmh";
                      });
          links.put(l.id(), withSpeed(l, v * s.factor()));
          Service svc = services.getOrDefault(l.id(), network.findService(l.id()).orElse(null));
          if (svc != null) {
            services.put(
                l.id(),
                new Service(
                    svc.link(),
                    svc.sailingsPerWeek(),
                    svc.sailingH() / s.factor(),
                    svc.operator(),
                    svc.provenance(),
                    svc.origin()));
          }
        }
      } else if (m instanceof Modification.SetSpeed s) {
        positive(s, "speed_kmh", s.speedKmh());
        Link l = link(s, s.link(), "link");
        if (l != null) {
          links.put(l.id(), withSpeed(l, s.speedKmh()));
        }
      } else if (m instanceof Modification.ScaleSailings s) {
        positive(s, "factor", s.factor());
        for (Link l : selectLinks(s, s.links(), s.mode())) {
          Service svc = services.getOrDefault(l.id(), network.findService(l.id()).orElse(null));
          if (svc == null) {
            if (s.mode() == null) {
              err(s, "links", "link '" + l.id() + "' has no service to scale");
            }
            continue;
          }
          services.put(
              l.id(),
              new Service(
                  svc.link(),
                  svc.sailingsPerWeek() * s.factor(),
                  svc.sailingH(),
                  svc.operator(),
                  svc.provenance(),
                  svc.origin()));
        }
      } else if (m instanceof Modification.SetService s) {
        Link l = link(s, s.link(), "link");
        if (l == null) {
          return;
        }
        if (l.mode().isLand()) {
          err(s, "link", "services run on SEA or FERRY links, not " + l.mode());
          return;
        }
        Service svc = services.getOrDefault(l.id(), network.findService(l.id()).orElse(null));
        double spw = or(s.sailingsPerWeek(), svc == null ? Double.NaN : svc.sailingsPerWeek());
        double sh = or(s.sailingH(), svc == null ? Double.NaN : svc.sailingH());
        positive(s, "sailings_per_week", spw);
        positive(s, "sailing_h", sh);
        services.put(
            l.id(),
            new Service(
                l.id(),
                spw,
                sh,
                svc == null ? "" : svc.operator(),
                svc == null ? l.provenance() : svc.provenance(),
                svc == null ? Origin.NONE : svc.origin()));
      } else if (m instanceof Modification.ScaleCapacity s) {
        positive(s, "factor", s.factor());
        for (Link l : selectLinks(s, s.links(), s.mode())) {
          if (l.capacityTpy() != null) {
            links.put(
                l.id(),
                new Link(
                    l.id(),
                    l.from(),
                    l.to(),
                    l.mode(),
                    l.lengthKm(),
                    l.direction(),
                    l.gauge(),
                    l.electrified(),
                    l.speedKmh(),
                    l.capacityTpy() * s.factor(),
                    l.status(),
                    l.openingYear(),
                    l.borderCrossing(),
                    l.chokepoints(),
                    l.geometry(),
                    l.provenance(),
                    l.origin()));
          }
        }
      } else if (m instanceof Modification.SetParameter s) {
        if (ProfileKeys.find(s.key()).isEmpty()) {
          err(s, "key", "unknown profile parameter '" + s.key() + "'");
        } else {
          params.put(s.key(), s.value());
        }
      } else if (m instanceof Modification.ScaleParameter s) {
        positive(s, "factor", s.factor());
        if (ProfileKeys.find(s.key()).isEmpty()) {
          err(s, "key", "unknown profile parameter '" + s.key() + "'");
        } else {
          double cur = params.containsKey(s.key()) ? params.get(s.key()) : profileValue(s);
          if (!Double.isNaN(cur)) {
            params.put(s.key(), cur * s.factor());
          }
        }
      }
    }

    private double profileValue(Modification.ScaleParameter s) {
      try {
        return profile.get(s.key());
      } catch (java.util.NoSuchElementException e) {
        err(s, "key", "parameter '" + s.key() + "' has no value to scale");
        return Double.NaN;
      }
    }

    private static double or(Double v, double dflt) {
      return v != null ? v : dflt;
    }

    private boolean exists(Modification m, Target t, String id) {
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

    private List<Link> selectLinks(
        Modification m, List<String> ids, org.karvan.core.model.Mode mode) {
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

    private List<BorderCrossing> selectCrossings(Modification m, List<String> ids, String pair) {
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

    private static Link withStatus(Link l, LinkStatus s, Integer year) {
      return new Link(
          l.id(),
          l.from(),
          l.to(),
          l.mode(),
          l.lengthKm(),
          l.direction(),
          l.gauge(),
          l.electrified(),
          l.speedKmh(),
          l.capacityTpy(),
          s,
          year,
          l.borderCrossing(),
          l.chokepoints(),
          l.geometry(),
          l.provenance(),
          l.origin());
    }

    private static Link withSpeed(Link l, double v) {
      return new Link(
          l.id(),
          l.from(),
          l.to(),
          l.mode(),
          l.lengthKm(),
          l.direction(),
          l.gauge(),
          l.electrified(),
          v,
          l.capacityTpy(),
          l.status(),
          l.openingYear(),
          l.borderCrossing(),
          l.chokepoints(),
          l.geometry(),
          l.provenance(),
          l.origin());
    }

    private static BorderCrossing withStatus(BorderCrossing c, CrossingStatus s, Integer year) {
      return new BorderCrossing(
          c.id(),
          c.name(),
          c.nodeA(),
          c.nodeB(),
          c.modes(),
          c.ab(),
          c.ba(),
          c.feeAbUsd(),
          c.feeBaUsd(),
          s,
          year,
          c.capacityPerDay(),
          c.provenance(),
          c.origin());
    }
  }
}
