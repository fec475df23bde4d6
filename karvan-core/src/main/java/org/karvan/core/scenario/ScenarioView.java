package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.karvan.core.graph.Closures;
import org.karvan.core.graph.NetworkView;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * A base network seen through a chain of scenarios: effective links, crossings and services, closed
 * elements, an effective profile and a default year. Built by {@link #apply}, which checks every
 * modification against the network and reports all problems at once. Elements not touched by a
 * scenario are the base's own objects; nothing of the base is copied or changed.
 */
public final class ScenarioView implements NetworkView {
  private final Network base;
  private final Network network;
  private final Profile profile;
  private final List<Scenario> chain;
  private final Integer year;
  private final Map<String, Link> links;
  private final Map<String, BorderCrossing> crossings;
  private final Map<String, Service> services;
  private final Closures closures;
  private final List<org.karvan.core.model.NetworkEvent> events;

  private ScenarioView(ScenarioBuilder b, List<Scenario> chain) {
    this.base = b.base;
    this.network = b.network;
    this.profile = b.profile;
    this.chain = List.copyOf(chain);
    this.year = b.year;
    this.links = Map.copyOf(b.links);
    this.crossings = Map.copyOf(b.crossings);
    this.services = Map.copyOf(b.services);
    this.closures = b.closures();
    List<org.karvan.core.model.NetworkEvent> all = new ArrayList<>(b.network.events());
    all.addAll(b.events);
    this.events = List.copyOf(all);
  }

  /**
   * Applies {@code chain} (root scenario first; resolve {@code extends} with {@link #resolveChain})
   * to a base network and profile.
   *
   * @throws InvalidInputException listing every modification that names a missing element, has a
   *     bad value or contradicts another
   */
  public static ScenarioView apply(Network base, Profile profile, List<Scenario> chain) {
    ScenarioBuilder b = new ScenarioBuilder(base, profile);
    b.run(chain);
    return new ScenarioView(b, chain);
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
  @Override
  public Network network() {
    return network;
  }

  /** True when the scenarios add elements, so the graph must be compiled anew. */
  @Override
  public boolean addsElements() {
    return network != base;
  }

  @Override
  public Profile profile() {
    return profile;
  }

  public List<Scenario> chain() {
    return chain;
  }

  /** The default network year of requests under this view, or {@code null}. */
  @Override
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

  /** Every element the scenarios close; routers turn them into one edge mask. */
  @Override
  public Closures closures() {
    return closures;
  }

  /** The network's dated events and those the scenarios add. */
  @Override
  public List<org.karvan.core.model.NetworkEvent> events() {
    return events;
  }

  public boolean isLinkClosed(String id) {
    return closures.links().contains(id);
  }

  public boolean isNodeClosed(String id) {
    return closures.nodes().contains(id);
  }

  public boolean isCrossingClosed(String id) {
    return closures.crossings().contains(id);
  }

  public boolean isCountryClosed(String code) {
    return closures.countries().contains(code);
  }

  public boolean isChokepointClosed(String id) {
    return closures.chokepoints().contains(id);
  }
}
