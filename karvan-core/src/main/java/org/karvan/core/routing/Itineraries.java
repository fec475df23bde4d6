package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.EventOverlay;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.State;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Terminal;
import org.karvan.core.routing.Route.CountryKm;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.Route.Leg;

/**
 * Turns a path of virtual edges into an itinerary. Consecutive moves in the same state and country
 * merge into one leg; a border link is a leg of its own followed by its crossing event; a via place
 * ends the leg that reaches it and is a stop of its own. Every figure comes from the edges' {@link
 * EdgeCost}, so totals equal what the search optimised over.
 */
public final class Itineraries {
  private Itineraries() {}

  public static Route build(MultimodalGraph g, int[] edges, Cargo cargo, double objectiveValue) {
    return build(g, g.edgeCosts(), edges, cargo, objectiveValue);
  }

  /** With edge costs under a scenario ({@link MultimodalGraph#costsUnder}). */
  public static Route build(
      MultimodalGraph g, EdgeCost[] costs, int[] edges, Cargo cargo, double objectiveValue) {
    return build(g, costs, edges, cargo, objectiveValue, new int[0], List.of());
  }

  /**
   * With via places: via {@code i} ({@code viaIds.get(i)}) is reached after the first {@code
   * viaAt[i]} edges. Each via is a {@link EventType#VIA} stop that ends the leg before it.
   */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds) {
    return build(g, costs, edges, cargo, objectiveValue, viaAt, viaIds, EventOverlay.NONE);
  }

  /**
   * Under the dated events of {@code events}: each passage over a restricted edge is a {@link
   * EventType#DISRUPTION} stop with the event's delay and surcharge, listed in {@link
   * Route#disruptions}.
   */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds,
      EventOverlay events) {
    if (viaAt.length != viaIds.size()) {
      throw new IllegalArgumentException("one position per via place is needed");
    }
    Builder b = new Builder(g, costs, cargo);
    b.overlay = events;
    return b.run(edges, objectiveValue, viaAt, viaIds);
  }

  private static final class Builder {
    final MultimodalGraph g;
    final Network n;
    final Cargo c;
    final List<Leg> legs = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final Map<String, Double> countryKm = new LinkedHashMap<>();
    final Set<String> crossings = new LinkedHashSet<>();
    final Set<String> chokepoints = new LinkedHashSet<>();
    final List<String> nodes = new ArrayList<>();
    final List<String> links = new ArrayList<>();
    int seq;
    // The leg being accumulated.
    State legState;
    String legCountry;
    String legFrom;
    String legTo;
    double km;
    double h;
    double usd;
    double kg;
    double restH;
    double pendingRest;
    String restAt;
    List<String> legLinks = new ArrayList<>();
    double totKm;
    double totH;
    double totUsd;
    double totKg;

    final EdgeCost[] costs;
    EventOverlay overlay = EventOverlay.NONE;
    final Disruptions met = new Disruptions();

    Builder(MultimodalGraph g, EdgeCost[] costs, Cargo c) {
      this.g = g;
      this.costs = costs;
      this.n = g.network();
      this.c = c;
    }

    String phys(int v) {
      return g.physNode(g.physOf(v)).id();
    }

    void visit(String id) {
      if (nodes.isEmpty() || !nodes.get(nodes.size() - 1).equals(id)) {
        nodes.add(id);
      }
    }

    void event(EventType t, String at, String detail, double hours, double cost, double co2) {
      events.add(new Event(seq++, t, at, detail, hours, cost, co2));
    }

    void flush() {
      if (legState == null) {
        return;
      }
      legs.add(
          new Leg(
              seq++,
              legState.mode().name(),
              legState.gauge() == null ? null : legState.gauge().code(),
              legFrom,
              legTo,
              legCountry,
              km,
              h,
              usd,
              kg,
              legLinks));
      pendingRest += restH;
      restAt = legTo;
      if (pendingRest >= 1.0) {
        // Shown after the leg it belongs to; shorter rests wait for the next leg, so that a short
        // border leg does not get a rest event of its own.
        flushRest();
      }
      legState = null;
      legLinks = new ArrayList<>();
      km = h = usd = kg = restH = 0;
    }

    /** Driver rest accrued since the last rest event. */
    void flushRest() {
      if (pendingRest > 0) {
        event(EventType.DRIVER_REST, restAt, "driving-hour limits", pendingRest, 0, 0);
      }
      pendingRest = 0;
    }

    Route run(int[] edges, double objectiveValue, int[] viaAt, List<String> viaIds) {
      int nextVia = 0;
      for (int i = 0; i < edges.length; i++) {
        for (; nextVia < viaAt.length && viaAt[nextVia] == i; nextVia++) {
          via(viaIds.get(nextVia));
        }
        int e = edges[i];
        EdgeCost ec = costs[e];
        int tail = g.csr().tail(e);
        int head = g.csr().head(e);
        String at = phys(tail);
        double eUsd = ec.usd(c.vehicles(), c.teu(), c.tonnes());
        double eKg = ec.kg(c.teu(), c.tonnes());
        totKm += ec.km();
        totH += ec.hours();
        totUsd += eUsd;
        totKg += eKg;
        visit(at);
        switch (g.kind(e)) {
          case LOAD ->
              event(EventType.LOADING, at, "onto " + label(g.stateOf(head)), ec.hours(), eUsd, eKg);
          case UNLOAD -> {
            flush();
            flushRest();
            event(EventType.UNLOADING, at, "from " + label(g.stateOf(tail)), ec.hours(), eUsd, eKg);
          }
          case TRANSFER -> {
            flush();
            flushRest();
            Terminal t = g.terminal(e);
            State a = g.stateOf(tail);
            State b = g.stateOf(head);
            EventType type =
                a.mode() == Mode.RAIL && b.mode() == Mode.RAIL
                    ? EventType.BREAK_OF_GAUGE
                    : (a.isWater() || b.isWater())
                        ? EventType.PORT_HANDLING
                        : EventType.TRANSSHIPMENT;
            event(type, t.node(), label(a) + " -> " + label(b), ec.hours(), eUsd, eKg);
          }
          case MOVE -> move(e, ec);
        }
        if (overlay.restrictions(e).length > 0) {
          disrupted(e, eUsd, phys(head));
        }
        visit(phys(head));
      }
      for (; nextVia < viaAt.length; nextVia++) {
        via(viaIds.get(nextVia));
      }
      flush();
      flushRest();
      List<CountryKm> ck = new ArrayList<>();
      countryKm.forEach((k, v) -> ck.add(new CountryKm(k, v)));
      return new Route(
          new Route.Totals(totKm, totH, totUsd, totKg),
          legs,
          events,
          ck,
          List.copyOf(crossings),
          List.copyOf(chokepoints),
          nodes,
          links,
          objectiveValue,
          met.list());
    }

    /** The restrictions on edge {@code e}: a stop each, after the leg over the edge. */
    void disrupted(int e, double eUsd, String at) {
      if (g.kind(e) == org.karvan.core.graph.EdgeKind.MOVE) {
        flush();
      }
      for (int i : overlay.restrictions(e)) {
        var ev = overlay.events().get(i);
        double h = ev.delayMeanH();
        double u = EventOverlay.usd(ev, c.teu(), eUsd);
        totH += h;
        totUsd += u;
        event(EventType.DISRUPTION, at, ev.id() + ": " + Disruptions.effect(ev), h, u, 0);
        met.met(ev, h, u);
      }
    }

    /** A via place: the leg so far ends here, and the stop is shown. */
    void via(String id) {
      flush();
      visit(id);
      event(EventType.VIA, id, "requested via place", 0, 0, 0);
    }

    void move(int e, EdgeCost ec) {
      Link l = g.link(e);
      State s = g.stateOf(g.csr().head(e));
      String from = phys(g.csr().tail(e));
      String to = phys(g.csr().head(e));
      String country = l.mode().isLand() ? n.countryOf(from) : null;
      boolean border = l.borderCrossing() != null;
      if (legState != null
          && (legState != s
              || !java.util.Objects.equals(legCountry, country)
              || border
              || ec.waitH() > 0)) {
        flush();
      }
      if (l.mode() != Mode.ROAD) {
        flushRest();
      }
      if (ec.waitH() > 0) {
        event(
            l.mode() == Mode.FERRY ? EventType.FERRY_WAIT : EventType.SHIP_WAIT,
            from,
            "expected wait for a sailing",
            ec.waitH(),
            0,
            0);
      }
      if (legState == null) {
        legState = s;
        legCountry = country;
        legFrom = from;
      }
      legTo = to;
      km += ec.km();
      h += ec.moveH();
      usd += ec.moveUsd(c.vehicles(), c.teu());
      kg += ec.kg(c.teu(), c.tonnes());
      restH += ec.restH();
      legLinks.add(l.id());
      links.add(l.id());
      chokepoints.addAll(l.chokepoints());
      if (country != null) {
        countryKm.merge(country, ec.km(), Double::sum);
      }
      if (border) {
        flush();
        var b = n.getCrossing(l.borderCrossing());
        crossings.add(b.id());
        event(
            EventType.BORDER_CROSSING,
            to,
            b.name() + " (" + n.countryOf(from) + " -> " + n.countryOf(to) + ")",
            ec.borderH(),
            ec.borderUsd(c.vehicles()),
            0);
      }
    }

    static String label(State s) {
      if (s.mode() == null) {
        return "place";
      }
      return s.gauge() == null ? s.mode().name() : s.mode().name() + "/" + s.gauge().code();
    }
  }
}
