package org.karvan.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;

/**
 * A validated, immutable transport network. The only way to get one is {@link #build}, which
 * refuses input with errors, so every {@code Network} satisfies the rules in {@link
 * NetworkValidator}. Lookups follow one vocabulary: {@code getX(id)} throws when missing, {@code
 * findX(id)} returns an {@link Optional}, {@code xs()} lists in input order.
 */
public final class Network {
  private final NetworkData data;
  private final List<Problem> warnings;
  private final Map<String, Source> sources;
  private final Map<String, Country> countries;
  private final Map<String, Chokepoint> chokepoints;
  private final Map<String, Node> nodes;
  private final Map<String, Link> links;
  private final Map<String, BorderCrossing> crossings;
  private final Map<String, Terminal> terminals;
  private final Map<String, Service> services;
  private final Map<String, List<Link>> linksAt;
  private final Map<String, List<Terminal>> terminalsAt;

  private Network(NetworkData data, List<Problem> warnings) {
    this.data = data;
    this.warnings = List.copyOf(warnings);
    this.sources = index(data.sources(), Source::id);
    this.countries = index(data.countries(), Country::code);
    this.chokepoints = index(data.chokepoints(), Chokepoint::id);
    this.nodes = index(data.nodes(), Node::id);
    this.links = index(data.links(), Link::id);
    this.crossings = index(data.crossings(), BorderCrossing::id);
    this.terminals = index(data.terminals(), Terminal::id);
    this.services = index(data.services(), Service::link);
    Map<String, List<Link>> at = new LinkedHashMap<>();
    for (Link l : data.links()) {
      at.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
      if (!l.to().equals(l.from())) {
        at.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l);
      }
    }
    at.replaceAll((k, v) -> List.copyOf(v));
    this.linksAt = Collections.unmodifiableMap(at);
    Map<String, List<Terminal>> tat = new LinkedHashMap<>();
    for (Terminal t : data.terminals()) {
      tat.computeIfAbsent(t.node(), k -> new ArrayList<>()).add(t);
    }
    tat.replaceAll((k, v) -> List.copyOf(v));
    this.terminalsAt = Collections.unmodifiableMap(tat);
  }

  /**
   * Validates {@code data} and returns the network, or throws {@link InvalidInputException} with
   * every problem found when there is any error. Warnings are kept in {@link #warnings()}.
   */
  public static Network build(NetworkData data) {
    return build(data, new Problems());
  }

  /**
   * Like {@link #build(NetworkData)}, adding problems already found while reading (e.g. unknown
   * columns) to the report.
   */
  public static Network build(NetworkData data, Problems alreadyFound) {
    Problems problems = new Problems();
    problems.addAll(alreadyFound);
    problems.addAll(NetworkValidator.validate(data));
    if (problems.hasErrors()) {
      throw new InvalidInputException("invalid network", problems);
    }
    return new Network(data, problems.sorted());
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> m = new LinkedHashMap<>();
    for (T t : items) {
      m.put(key.apply(t), t);
    }
    return Collections.unmodifiableMap(m);
  }

  private static <T> T get(Map<String, T> m, String id, String what) {
    T t = m.get(id);
    if (t == null) {
      throw new NoSuchElementException("no " + what + " with id '" + id + "'");
    }
    return t;
  }

  /** The content this network was built from. */
  public NetworkData data() {
    return data;
  }

  public Manifest manifest() {
    return data.manifest();
  }

  /** Warnings found at validation. */
  public List<Problem> warnings() {
    return warnings;
  }

  public List<Source> sources() {
    return data.sources();
  }

  public List<Country> countries() {
    return data.countries();
  }

  public List<Chokepoint> chokepoints() {
    return data.chokepoints();
  }

  public List<Node> nodes() {
    return data.nodes();
  }

  public List<Link> links() {
    return data.links();
  }

  public List<BorderCrossing> crossings() {
    return data.crossings();
  }

  public List<Terminal> terminals() {
    return data.terminals();
  }

  public List<Service> services() {
    return data.services();
  }

  /** Dated closures, restrictions and declared closure risks ({@code events.csv}). */
  public List<NetworkEvent> events() {
    return data.events();
  }

  public Node getNode(String id) {
    return get(nodes, id, "node");
  }

  public Optional<Node> findNode(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public Link getLink(String id) {
    return get(links, id, "link");
  }

  public Optional<Link> findLink(String id) {
    return Optional.ofNullable(links.get(id));
  }

  public BorderCrossing getCrossing(String id) {
    return get(crossings, id, "border crossing");
  }

  public Optional<BorderCrossing> findCrossing(String id) {
    return Optional.ofNullable(crossings.get(id));
  }

  public Country getCountry(String code) {
    return get(countries, code, "country");
  }

  public Optional<Country> findCountry(String code) {
    return Optional.ofNullable(countries.get(code));
  }

  public Optional<Chokepoint> findChokepoint(String id) {
    return Optional.ofNullable(chokepoints.get(id));
  }

  public Optional<Source> findSource(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  /**
   * A source reference as a reader can follow it: for an id of sources.csv its URL (or its title
   * and publisher when it has none); anything else (a URL or a citation) as it is.
   */
  public String cite(String ref) {
    Source s = sources.get(ref);
    if (s == null) {
      return ref;
    }
    if (s.url() != null && !s.url().isBlank()) {
      return s.url();
    }
    return s.publisher() == null || s.publisher().isBlank()
        ? s.title()
        : s.title() + " (" + s.publisher() + ")";
  }

  public Optional<Terminal> findTerminal(String id) {
    return Optional.ofNullable(terminals.get(id));
  }

  /** The service on a sea or ferry link, if any. */
  public Optional<Service> findService(String linkId) {
    return Optional.ofNullable(services.get(linkId));
  }

  /** The scheduled rail services ({@code rail_services.csv}), in input order. */
  public List<RailService> railServices() {
    return data.railServices();
  }

  /** The departures rows ({@code departures.csv}), in input order. */
  public List<Departures> departures() {
    return data.departures();
  }

  /**
   * The departures of sailings on {@code linkId} leaving {@code fromNode}: the row for that end,
   * else the row for both ends, if any.
   */
  public Optional<Departures> findDepartures(String linkId, String fromNode) {
    Departures both = null;
    for (Departures d : data.departures()) {
      if (d.link().equals(linkId)) {
        if (fromNode.equals(d.from())) {
          return Optional.of(d);
        }
        if (d.from() == null) {
          both = d;
        }
      }
    }
    return Optional.ofNullable(both);
  }

  /** Links incident to a node (either end), in input order; empty for an unknown node. */
  public List<Link> linksAt(String nodeId) {
    return linksAt.getOrDefault(nodeId, List.of());
  }

  /** Terminal capabilities at a node, in input order. */
  public List<Terminal> terminalsAt(String nodeId) {
    return terminalsAt.getOrDefault(nodeId, List.of());
  }

  /** The country of a node, or {@code null} for a sea waypoint. */
  public String countryOf(String nodeId) {
    return getNode(nodeId).country();
  }

  /**
   * The IANA time zone of a node: its own ({@code nodes.csv} {@code time_zone}), else its
   * country's, else {@code null} (no zone known: the route's clock).
   */
  public java.time.ZoneId zoneOf(String nodeId) {
    Node n = getNode(nodeId);
    if (n.timeZone() != null) {
      return n.timeZone();
    }
    Country c = n.country() == null ? null : countries.get(n.country());
    return c == null ? null : c.timeZone();
  }
}
