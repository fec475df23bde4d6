package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.NetworkEvent.Severity;

/**
 * The dated events in force on one day, as a per-request overlay over a compiled graph: the edges
 * CLOSED events disable, and for each edge the extra hours and money of the RESTRICTED events on
 * it. The graph never changes; building one is O(E × events), and routers cache them per set of
 * active events.
 *
 * <p>Which edges an event touches ({@link #edgesOf}): a link, crossing (or every crossing of a
 * country pair) or chokepoint touches the moves over it; a CLOSED node or country touches every
 * edge at it (like a scenario closure); a RESTRICTED node touches its loading, unloading and
 * transfer edges (the cargo handled there), a RESTRICTED country the moves that cross its boundary.
 * Only edges of the event's modes count (all modes when it names none).
 */
public final class EventOverlay {
  /** No events. */
  public static final EventOverlay NONE = new EventOverlay(List.of(), new BitSet(), null);

  private final List<NetworkEvent> events;
  private final BitSet closed;
  private final int[][] restrictionsOf; // per edge: indices into events, or null

  private EventOverlay(List<NetworkEvent> events, BitSet closed, int[][] restrictionsOf) {
    this.events = List.copyOf(events);
    this.closed = closed;
    this.restrictionsOf = restrictionsOf;
  }

  /** The overlay of {@code active} events (CLOSED and RESTRICTED; RISK rows are ignored). */
  public static EventOverlay of(MultimodalGraph g, List<NetworkEvent> active) {
    List<NetworkEvent> used = new ArrayList<>();
    BitSet closed = new BitSet(g.csr().edgeCount());
    int[][] of = null;
    for (NetworkEvent e : active) {
      if (e.severity() == Severity.RISK) {
        continue;
      }
      int idx = used.size();
      used.add(e);
      BitSet edges = edgesOf(g, e);
      if (e.severity() == Severity.CLOSED) {
        closed.or(edges);
        continue;
      }
      if (of == null) {
        of = new int[g.csr().edgeCount()][];
      }
      for (int x = edges.nextSetBit(0); x >= 0; x = edges.nextSetBit(x + 1)) {
        int[] cur = of[x];
        int[] next = cur == null ? new int[1] : java.util.Arrays.copyOf(cur, cur.length + 1);
        next[next.length - 1] = idx;
        of[x] = next;
      }
    }
    return used.isEmpty() ? NONE : new EventOverlay(used, closed, of);
  }

  /** The events of this overlay (CLOSED and RESTRICTED), in input order. */
  public List<NetworkEvent> events() {
    return events;
  }

  public boolean isEmpty() {
    return events.isEmpty();
  }

  /** The edges CLOSED events disable (shared; do not modify). */
  public BitSet closed() {
    return closed;
  }

  /** The RESTRICTED events on edge {@code e} (indices into {@link #events}), or an empty array. */
  public int[] restrictions(int e) {
    int[] r = restrictionsOf == null ? null : restrictionsOf[e];
    return r == null ? EMPTY : r;
  }

  private static final int[] EMPTY = new int[0];

  /** Extra hours on edge {@code e}: the mean delays of its restrictions. */
  public double hours(int e) {
    double h = 0;
    for (int i : restrictions(e)) {
      h += events.get(i).delayMeanH();
    }
    return h;
  }

  /**
   * Extra USD on edge {@code e} for {@code teu} TEU whose own cost on it is {@code edgeUsd}: the
   * per-TEU surcharges plus the percentage surcharges of that cost.
   */
  public double usd(int e, double teu, double edgeUsd) {
    double u = 0;
    for (int i : restrictions(e)) {
      u += usd(events.get(i), teu, edgeUsd);
    }
    return u;
  }

  /**
   * One restriction's surcharge for {@code teu} TEU on an edge whose own cost is {@code edgeUsd}.
   */
  public static double usd(NetworkEvent ev, double teu, double edgeUsd) {
    return teu * ev.surchargeUsdPerTeu() + edgeUsd * ev.surchargePct() / 100.0;
  }

  /** The edges an event touches (see the class comment). O(E). */
  public static BitSet edgesOf(MultimodalGraph g, NetworkEvent e) {
    Network n = g.network();
    Set<String> ids = new HashSet<>(e.targets());
    if (e.targetType() == NetworkEvent.Target.COUNTRY_PAIR) {
      ids = crossingsOf(n, e.targets());
    }
    boolean closed = e.severity() != Severity.RESTRICTED; // a RISK row closes like CLOSED
    int m = g.csr().edgeCount();
    BitSet out = new BitSet(m);
    for (int x = 0; x < m; x++) {
      EdgeKind kind = g.kind(x);
      String tail = g.physNode(g.physOf(g.csr().tail(x))).id();
      String head = g.physNode(g.physOf(g.csr().head(x))).id();
      Link l = kind == EdgeKind.MOVE ? g.link(x) : null;
      if (l != null ? !e.affects(l.mode()) : !affectsState(g, e, x)) {
        continue;
      }
      boolean hit =
          switch (e.targetType()) {
            case LINK -> l != null && ids.contains(l.id());
            case CROSSING, COUNTRY_PAIR ->
                l != null && l.borderCrossing() != null && ids.contains(l.borderCrossing());
            case CHOKEPOINT -> l != null && l.chokepoints().stream().anyMatch(ids::contains);
            case NODE ->
                closed
                    ? ids.contains(tail) || ids.contains(head)
                    : l == null && (ids.contains(tail) || ids.contains(head));
            case COUNTRY -> {
              boolean a = ids.contains(String.valueOf(n.countryOf(tail)));
              boolean b = ids.contains(String.valueOf(n.countryOf(head)));
              yield closed ? a || b : l != null && a != b;
            }
          };
      if (hit) {
        out.set(x);
      }
    }
    return out;
  }

  /** A non-move edge counts when the mode it boards, leaves or changes from or to is affected. */
  private static boolean affectsState(MultimodalGraph g, NetworkEvent e, int x) {
    if (e.modes().isEmpty()) {
      return true;
    }
    Mode a = g.stateOf(g.csr().tail(x)).mode();
    Mode b = g.stateOf(g.csr().head(x)).mode();
    return (a != null && e.affects(a)) || (b != null && e.affects(b));
  }

  /** Every crossing between the countries of each pair such as {@code AZ-IR}. */
  static Set<String> crossingsOf(Network n, List<String> pairs) {
    Set<String> out = new HashSet<>();
    for (String p : pairs) {
      String[] ab = p.toUpperCase(Locale.ROOT).split("-");
      if (ab.length != 2) {
        continue;
      }
      for (BorderCrossing c : n.crossings()) {
        String x = n.countryOf(c.nodeA());
        String y = n.countryOf(c.nodeB());
        if ((ab[0].equals(x) && ab[1].equals(y)) || (ab[0].equals(y) && ab[1].equals(x))) {
          out.add(c.id());
        }
      }
    }
    return out;
  }
}
