package org.karvan.core.model;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a network holds, in figures: nodes, links by mode and status, countries, crossings, breaks
 * of gauge, chokepoints and sources.
 *
 * @param linksByMode mode → status → count
 * @param nodesByCountry country code (or "-" for sea waypoints) → count
 * @param breakOfGaugeNodes ids of nodes with a 1435 ↔ 1520 terminal
 * @param crossingsByStatus crossing status → count
 */
public record NetworkSummary(
    String name,
    String version,
    LocalDate asOf,
    String licence,
    int nodes,
    int links,
    Map<Mode, Map<LinkStatus, Integer>> linksByMode,
    SortedMap<String, Integer> nodesByCountry,
    int countries,
    int crossings,
    Map<CrossingStatus, Integer> crossingsByStatus,
    int terminals,
    List<String> breakOfGaugeNodes,
    List<String> chokepoints,
    int services,
    int sources,
    int estimatedRows,
    int warnings) {

  public static NetworkSummary of(Network n) {
    Map<Mode, Map<LinkStatus, Integer>> byMode = new EnumMap<>(Mode.class);
    for (Link l : n.links()) {
      byMode
          .computeIfAbsent(l.mode(), k -> new EnumMap<>(LinkStatus.class))
          .merge(l.status(), 1, Integer::sum);
    }
    SortedMap<String, Integer> byCountry = new TreeMap<>();
    for (Node node : n.nodes()) {
      byCountry.merge(node.country() == null ? "-" : node.country(), 1, Integer::sum);
    }
    Map<CrossingStatus, Integer> cs = new EnumMap<>(CrossingStatus.class);
    n.crossings().forEach(c -> cs.merge(c.status(), 1, Integer::sum));
    List<String> bog =
        n.terminals().stream()
            .filter(Terminal::isBreakOfGauge)
            .map(Terminal::node)
            .distinct()
            .toList();
    int estimated = 0;
    for (Node x : n.nodes()) {
      estimated += x.provenance().estimated().isEmpty() ? 0 : 1;
    }
    for (Link x : n.links()) {
      estimated += x.provenance().estimated().isEmpty() ? 0 : 1;
    }
    for (BorderCrossing x : n.crossings()) {
      estimated += x.provenance().estimated().isEmpty() ? 0 : 1;
    }
    for (Terminal x : n.terminals()) {
      estimated += x.provenance().estimated().isEmpty() ? 0 : 1;
    }
    for (Service x : n.services()) {
      estimated += x.provenance().estimated().isEmpty() ? 0 : 1;
    }
    return new NetworkSummary(
        n.manifest().name(),
        n.manifest().version(),
        n.manifest().asOf(),
        n.manifest().licence(),
        n.nodes().size(),
        n.links().size(),
        byMode,
        byCountry,
        n.countries().size(),
        n.crossings().size(),
        cs,
        n.terminals().size(),
        bog,
        n.chokepoints().stream().map(Chokepoint::name).toList(),
        n.services().size(),
        n.sources().size(),
        estimated,
        n.warnings().size());
  }
}
