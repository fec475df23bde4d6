package org.karvan.core.graph;

import java.util.BitSet;
import java.util.Set;
import org.karvan.core.model.Link;
import org.karvan.core.model.Node;

/**
 * Elements closed by a scenario: a closed link, crossing or chokepoint carries nothing; a closed
 * node or country is neither entered, left nor passed through (so the borders into a closed country
 * go with it). {@link #edges} turns them into the one edge mask a router adds to every request's.
 */
public record Closures(
    Set<String> links,
    Set<String> nodes,
    Set<String> crossings,
    Set<String> countries,
    Set<String> chokepoints) {
  public static final Closures NONE =
      new Closures(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public Closures {
    links = Set.copyOf(links);
    nodes = Set.copyOf(nodes);
    crossings = Set.copyOf(crossings);
    countries = Set.copyOf(countries);
    chokepoints = Set.copyOf(chokepoints);
  }

  public boolean isEmpty() {
    return links.isEmpty()
        && nodes.isEmpty()
        && crossings.isEmpty()
        && countries.isEmpty()
        && chokepoints.isEmpty();
  }

  /** True when the node itself or its country is closed. */
  public boolean closesNode(Node n) {
    return nodes.contains(n.id()) || (n.country() != null && countries.contains(n.country()));
  }

  /** True when the link, its border crossing or one of its chokepoints is closed. */
  public boolean closesLink(Link l) {
    if (links.contains(l.id())
        || (l.borderCrossing() != null && crossings.contains(l.borderCrossing()))) {
      return true;
    }
    for (String cp : l.chokepoints()) {
      if (chokepoints.contains(cp)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The edges of {@code g} these closures disable: every edge at a closed node or in a closed
   * country, and every move over a closed link, crossing or chokepoint. Empty when nothing is
   * closed. O(E).
   */
  public BitSet edges(MultimodalGraph g) {
    BitSet off = new BitSet(g.csr().edgeCount());
    if (isEmpty()) {
      return off;
    }
    boolean[] closedPhys = new boolean[g.physCount()];
    for (int i = 0; i < closedPhys.length; i++) {
      closedPhys[i] = closesNode(g.physNode(i));
    }
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      if (closedPhys[g.physOf(g.csr().tail(e))]
          || closedPhys[g.physOf(g.csr().head(e))]
          || (g.kind(e) == EdgeKind.MOVE && closesLink(g.link(e)))) {
        off.set(e);
      }
    }
    return off;
  }
}
