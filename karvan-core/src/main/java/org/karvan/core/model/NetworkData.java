package org.karvan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The raw, not yet validated content of a network: what a reader produces and {@link
 * Network#build(NetworkData)} checks.
 */
public record NetworkData(
    Manifest manifest,
    List<Source> sources,
    List<Country> countries,
    List<Chokepoint> chokepoints,
    List<Node> nodes,
    List<Link> links,
    List<BorderCrossing> crossings,
    List<Terminal> terminals,
    List<Service> services,
    List<NetworkEvent> events,
    List<Departures> departures,
    List<RailService> railServices) {
  /** A network without dated events, departures or rail services. */
  public NetworkData(
      Manifest manifest,
      List<Source> sources,
      List<Country> countries,
      List<Chokepoint> chokepoints,
      List<Node> nodes,
      List<Link> links,
      List<BorderCrossing> crossings,
      List<Terminal> terminals,
      List<Service> services) {
    this(
        manifest,
        sources,
        countries,
        chokepoints,
        nodes,
        links,
        crossings,
        terminals,
        services,
        List.of(),
        List.of(),
        List.of());
  }

  public NetworkData {
    Objects.requireNonNull(manifest, "manifest");
    sources = List.copyOf(sources);
    countries = List.copyOf(countries);
    chokepoints = List.copyOf(chokepoints);
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
    crossings = List.copyOf(crossings);
    terminals = List.copyOf(terminals);
    services = List.copyOf(services);
    events = events == null ? List.of() : List.copyOf(events);
    departures = departures == null ? List.of() : List.copyOf(departures);
    railServices = railServices == null ? List.of() : List.copyOf(railServices);
  }

  /** The same content with other dated events. */
  public NetworkData withEvents(List<NetworkEvent> e) {
    return new NetworkData(
        manifest,
        sources,
        countries,
        chokepoints,
        nodes,
        links,
        crossings,
        terminals,
        services,
        e,
        departures,
        railServices);
  }
}
