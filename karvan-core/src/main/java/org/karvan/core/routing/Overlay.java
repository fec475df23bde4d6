package org.karvan.core.routing;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.graph.DataView;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.NetworkView;
import org.karvan.core.graph.State;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * Turns {@link Constraints} into the set of disabled edges of a compiled graph. The graph is never
 * changed; a mask costs O(E) bits per request.
 */
public final class Overlay {
  private Overlay() {}

  /** Checks that every id in the constraints exists; reports all unknown ids at once. */
  public static void check(Network n, Constraints c) {
    Problems p = new Problems();
    for (String code : c.avoidCountries()) {
      if (n.findCountry(code).isEmpty()) {
        p.error(
            "", 0, 0, "avoid-country", "unknown country '" + code + "'; " + countryHint(n, code));
      }
    }
    for (String b : c.avoidCrossings()) {
      if (n.findCrossing(b).isEmpty() && !isCountryPair(n, b)) {
        p.error(
            "",
            0,
            0,
            "avoid-border",
            "unknown border crossing or country pair '"
                + b
                + "'; use a crossing id (e.g. "
                + n.crossings().stream().findFirst().map(BorderCrossing::id).orElse("BC-...")
                + ") or a country pair of country codes (e.g. AZ-RU)");
      }
    }
    for (String cp : c.avoidChokepoints()) {
      if (n.findChokepoint(cp).isEmpty()) {
        p.error(
            "",
            0,
            0,
            "avoid-chokepoint",
            "unknown chokepoint '"
                + cp
                + "'; known: "
                + String.join(
                    ", ",
                    n.chokepoints().stream().map(org.karvan.core.model.Chokepoint::id).toList()));
      }
    }
    for (String id : c.avoidNodes()) {
      if (n.findNode(id).isEmpty()) {
        p.error("", 0, 0, "avoid-node", "unknown node '" + id + "'");
      }
    }
    if (c.year() != null && (c.year() < 1900 || c.year() > 2200)) {
      p.error(
          "", 0, 0, "year", "year " + c.year() + " is out of range; give a year from 1900 to 2200");
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("invalid constraints", p);
    }
  }

  /**
   * What to type instead of an unknown country code: the code of a country whose name matches ("did
   * you mean AZ?"), else the valid codes.
   */
  static String countryHint(Network n, String text) {
    String t = fold(text);
    for (org.karvan.core.model.Country k : n.countries()) {
      String name = fold(k.name());
      if (name.equals(t) || t.length() >= 3 && (name.startsWith(t) || t.startsWith(name))) {
        return "did you mean " + k.code() + " (" + k.name() + ")?";
      }
    }
    return "use an ISO country code: "
        + String.join(
            ", ", n.countries().stream().map(org.karvan.core.model.Country::code).toList());
  }

  private static String fold(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z]", "");
  }

  private static boolean isCountryPair(Network n, String s) {
    String[] ab = s.toUpperCase(Locale.ROOT).split("-");
    return ab.length == 2 && n.findCountry(ab[0]).isPresent() && n.findCountry(ab[1]).isPresent();
  }

  /** True when a crossing is avoided by id or by its country pair. */
  static boolean crossingAvoided(Network n, BorderCrossing c, Set<String> avoid) {
    if (avoid.contains(c.id())) {
      return true;
    }
    String a = n.countryOf(c.nodeA());
    String b = n.countryOf(c.nodeB());
    for (String s : avoid) {
      String t = s.toUpperCase(Locale.ROOT);
      if (t.equals(a + "-" + b) || t.equals(b + "-" + a)) {
        return true;
      }
    }
    return false;
  }

  /** True when a link may be used under the year/status rule of the constraints. */
  public static boolean linkOpen(Link l, Constraints c) {
    if (c.includePlanned()) {
      return l.status() != LinkStatus.DEFUNCT;
    }
    return c.year() == null ? l.status() == LinkStatus.OPERATIONAL : l.isOpenIn(c.year());
  }

  /** True when a crossing may be used under the year/status rule of the constraints. */
  public static boolean crossingOpen(BorderCrossing b, Constraints c) {
    if (c.includePlanned()) {
      return b.status() != CrossingStatus.CLOSED;
    }
    return c.year() == null ? b.status() == CrossingStatus.OPEN : b.isOpenIn(c.year());
  }

  /**
   * The constraints in force under a view: a request without a year (and without {@code include
   * planned}) takes the view's year, if it states one.
   */
  public static Constraints effective(Constraints c, NetworkView v) {
    if (v != null && v.year() != null && c.year() == null && !c.includePlanned()) {
      return c.withYear(v.year());
    }
    return c;
  }

  /** The disabled edges; {@code null} when nothing is disabled. */
  public static BitSet mask(MultimodalGraph g, Constraints c) {
    return mask(g, c, null);
  }

  /**
   * The disabled edges under a view (a scenario's statuses and closures) and constraints; {@code
   * null} when nothing is disabled.
   */
  public static BitSet mask(MultimodalGraph g, Constraints c, NetworkView v) {
    return mask(g, c, v, v == null ? null : v.closures().edges(g));
  }

  /**
   * As {@link #mask(MultimodalGraph, Constraints, NetworkView)}, with the view's closures already
   * turned into edges ({@code closed}, or {@code null}): a router computes them once.
   */
  static BitSet mask(MultimodalGraph g, Constraints c, DataView v, BitSet closed) {
    Network n = g.network();
    Set<Integer> badPhys = new HashSet<>();
    for (int i = 0; i < g.physCount(); i++) {
      Node node = g.physNode(i);
      if (c.avoidNodes().contains(node.id())
          || (node.country() != null && c.avoidCountries().contains(node.country()))) {
        badPhys.add(i);
      }
    }
    BitSet off = new BitSet(g.csr().edgeCount());
    if (closed != null) {
      off.or(closed);
    }
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      if (off.get(e)) {
        continue;
      }
      int t = g.physOf(g.csr().tail(e));
      int h = g.physOf(g.csr().head(e));
      if (badPhys.contains(t) || badPhys.contains(h)) {
        off.set(e);
        continue;
      }
      if (!c.modes().isEmpty()) {
        State a = g.stateOf(g.csr().tail(e));
        State b = g.stateOf(g.csr().head(e));
        if ((a.mode() != null && !c.modes().contains(a.mode()))
            || (b.mode() != null && !c.modes().contains(b.mode()))) {
          off.set(e);
          continue;
        }
      }
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = v == null ? g.link(e) : v.link(g.link(e));
        if (!linkOpen(l, c)) {
          off.set(e);
          continue;
        }
        if (l.borderCrossing() != null) {
          BorderCrossing b =
              v == null ? n.getCrossing(l.borderCrossing()) : v.crossing(l.borderCrossing());
          if (!crossingOpen(b, c) || crossingAvoided(n, b, c.avoidCrossings())) {
            off.set(e);
            continue;
          }
        }
        for (String cp : l.chokepoints()) {
          if (c.avoidChokepoints().contains(cp)) {
            off.set(e);
            break;
          }
        }
      }
    }
    return off.isEmpty() ? null : off;
  }
}
