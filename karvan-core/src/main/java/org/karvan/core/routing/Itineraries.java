package org.karvan.core.routing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.EventOverlay;
import org.karvan.core.graph.HoursOfService;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.PortCustoms;
import org.karvan.core.graph.Sailings;
import org.karvan.core.graph.State;
import org.karvan.core.graph.Timetables;
import org.karvan.core.graph.ZoneClock;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Route.CountryKm;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.Route.Leg;

/**
 * Turns a path of virtual edges into an itinerary. Consecutive moves in the same state and country
 * merge into one leg; a border link is a leg of its own followed by its crossing event; a via place
 * ends the leg that reaches it and is a stop of its own. Money and CO2e come from the edges' {@link
 * EdgeCost}. Driver rest is not the search's expected rest: each road haul (consecutive road moves)
 * carries a {@link HoursOfService.Clock}, and rests are booked where the rules impose them
 * (docs/cost-model.md, "Hours of service"); the route's hours can therefore differ from the
 * objective value the search found.
 */
public final class Itineraries {
  private Itineraries() {}

  public static Route build(MultimodalGraph g, int[] edges, Cargo cargo, double objectiveValue) {
    return build(g, g.edgeCosts(), edges, cargo, objectiveValue);
  }

  /** With edge costs under a scenario ({@link MultimodalGraph#costsUnder}). */
  public static Route build(
      MultimodalGraph g, EdgeCost[] costs, int[] edges, Cargo cargo, double objectiveValue) {
    return build(g, costs, g.profile(), edges, cargo, objectiveValue, new int[0], List.of());
  }

  /**
   * With edge costs and the profile under a scenario (the profile gives the hours-of-service rules
   * and the customs regime named in events), and via places: via {@code i} ({@code viaIds.get(i)})
   * is reached after the first {@code viaAt[i]} edges. Each via is a {@link EventType#VIA} stop
   * that ends the leg before it.
   */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      Profile profile,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds) {
    return build(
        g, costs, profile, edges, cargo, objectiveValue, viaAt, viaIds, EventOverlay.NONE, null);
  }

  /**
   * A route leaving at {@code departH} (hours since {@link Sailings#REFERENCE}, UTC) over {@code
   * timetables}: each wait for a sailing is the wait for its next departure, and legs and stops
   * carry their times, in the local time of the place where they are ({@code clock}, the route's
   * clock, where a place has no zone).
   */
  public record Timing(double departH, Timetables timetables, ZoneClock clock) {
    public Timing {
      java.util.Objects.requireNonNull(timetables, "timetables");
      java.util.Objects.requireNonNull(clock, "clock");
    }

    /** Leaving at {@code depart} on the UTC clock (a network without time zones). */
    public Timing(LocalDateTime depart, Timetables timetables) {
      this(Sailings.hours(depart), timetables, ZoneClock.UTC);
    }
  }

  /** Under the dated events of {@code events}, untimed. */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      Profile profile,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds,
      EventOverlay events) {
    return build(g, costs, profile, edges, cargo, objectiveValue, viaAt, viaIds, events, null);
  }

  /** Timed by {@code timing}, without dated events. */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      Profile profile,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds,
      Timing timing) {
    return build(
        g, costs, profile, edges, cargo, objectiveValue, viaAt, viaIds, EventOverlay.NONE, timing);
  }

  /**
   * Under the dated events of {@code events} (each passage over a restricted edge is a {@link
   * EventType#DISRUPTION} stop with the event's delay and surcharge, listed in {@link
   * Route#disruptions}), and timed when {@code timing} is not {@code null}: legs and stops in
   * travel order, back to back from the departure (a driver rest inside a leg is timed after it,
   * where it is listed).
   */
  public static Route build(
      MultimodalGraph g,
      EdgeCost[] costs,
      Profile profile,
      int[] edges,
      Cargo cargo,
      double objectiveValue,
      int[] viaAt,
      List<String> viaIds,
      EventOverlay events,
      Timing timing) {
    if (viaAt.length != viaIds.size()) {
      throw new IllegalArgumentException("one position per via place is needed");
    }
    Builder b = new Builder(g, costs, profile, cargo, timing);
    b.overlay = events == null ? EventOverlay.NONE : events;
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
    final HoursOfService.Rules hos;
    HoursOfService.Clock clock;
    final List<Event> pendingRests = new ArrayList<>();
    List<String> legLinks = new ArrayList<>();
    double totKm;
    double totH;
    double totUsd;
    double totKg;

    final EdgeCost[] costs;
    EventOverlay overlay = EventOverlay.NONE;
    final Disruptions met;

    final PortCustoms portCustoms;

    final Timing timing;
    final double t0;

    Builder(MultimodalGraph g, EdgeCost[] costs, Profile profile, Cargo c, Timing timing) {
      this.timing = timing;
      this.t0 = timing == null ? 0 : timing.departH();
      this.g = g;
      this.costs = costs;
      this.n = g.network();
      this.c = c;
      this.hos = HoursOfService.Rules.of(profile, c.drivers());
      this.met = new Disruptions(g.network());
      this.portCustoms = new PortCustoms(profile, g.network());
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
      events.add(new Event(seq++, t, at, detail, hours, cost, co2, totKm));
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
      for (Event r : pendingRests) {
        events.add(
            new Event(
                seq++, r.type(), r.at(), r.detail(), r.durationHours(), 0, 0, r.kmFromOrigin()));
      }
      pendingRests.clear();
      legState = null;
      legLinks = new ArrayList<>();
      km = h = usd = kg = 0;
    }

    /** Customs of a port edge (exit when boarding, entry when leaving water), if any. */
    void customs(EdgeCost ec, String at, boolean entry) {
      if (ec.borderH() > 0 || ec.borderUsdPerVehicle() > 0) {
        event(
            EventType.CUSTOMS,
            at,
            (entry ? "entry by sea/ferry, " : "exit by sea/ferry, ") + regime(at, entry),
            ec.borderH(),
            c.borderUsd(ec),
            0);
      }
    }

    String regime(String port, boolean entry) {
      if (!entry) {
        return "export/transit exit";
      }
      return portCustoms.importsAt(port) ? "import regime" : "transit regime";
    }

    Route run(int[] edges, double objectiveValue, int[] viaAt, List<String> viaIds) {
      double[] roadAfter = roadDrivingAfter(edges);
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
        double eUsd = c.usd(ec);
        double eKg = c.kg(ec);
        Sailings sailings = timing == null ? null : timing.timetables().at(e);
        double waitH = ec.waitH();
        if (sailings != null) {
          double now = t0 + totH;
          waitH = sailings.next(now, timing.clock()) - now;
        }
        totH += ec.hours() - ec.restH() - ec.waitH() + waitH;
        totUsd += eUsd;
        totKg += eKg;
        visit(at);
        double handUsd = c.handlingUsd(ec);
        switch (g.kind(e)) {
          case LOAD -> {
            clock = null;
            event(
                EventType.LOADING,
                at,
                "onto " + label(g.stateOf(head)),
                ec.handlingH(),
                handUsd,
                eKg);
            customs(ec, at, false);
          }
          case UNLOAD -> {
            flush();
            clock = null;
            customs(ec, at, true);
            event(
                EventType.UNLOADING,
                at,
                "from " + label(g.stateOf(tail)),
                ec.handlingH(),
                handUsd,
                eKg);
          }
          case TRANSFER -> {
            flush();
            clock = null;
            Terminal t = g.terminal(e);
            State a = g.stateOf(tail);
            State b = g.stateOf(head);
            EventType type =
                a.mode() == Mode.RAIL && b.mode() == Mode.RAIL
                    ? EventType.BREAK_OF_GAUGE
                    : (a.isWater() || b.isWater())
                        ? EventType.PORT_HANDLING
                        : EventType.TRANSSHIPMENT;
            if (b.isWater() && !a.isWater()) {
              customs(ec, t.node(), false);
            }
            event(type, t.node(), label(a) + " -> " + label(b), ec.handlingH(), handUsd, eKg);
            if (a.isWater() && !b.isWater()) {
              customs(ec, t.node(), true);
            }
          }
          case TRANSSHIP -> {
            flush();
            clock = null;
            event(
                EventType.TRANSSHIPMENT,
                at,
                label(g.stateOf(tail))
                    + " "
                    + g.serviceLines().name(g.lineOf(tail))
                    + " -> next departure (change of service)",
                ec.handlingH(),
                handUsd,
                eKg);
          }
          case MOVE -> move(e, ec, waitH, sailings, roadAfter[i]);
          case ALIGHT -> flush();
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
      if (timing != null) {
        time();
      }
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

    static String waitDetail(Sailings s) {
      return s.isTimetable() && !s.estimated()
          ? "wait for the next sailing (timetable)"
          : s.isTimetable()
              ? "wait for the next sailing (timetable, estimated)"
              : String.format(
                  java.util.Locale.ROOT,
                  "wait for the next sailing (estimated: every %.0f h from an anchor)",
                  168.0 / s.perWeek());
    }

    static String trainDetail(org.karvan.core.model.RailService r, Sailings s) {
      String what = "wait for the next departure of " + r.name();
      if (s == null) {
        return String.format(
            java.util.Locale.ROOT,
            "%s (expected: half of the %.0f h between %s runs a week)",
            what,
            168.0 / r.runsPerWeek(),
            r.runsPerWeek() == Math.rint(r.runsPerWeek())
                ? String.valueOf((long) r.runsPerWeek())
                : String.valueOf(r.runsPerWeek()));
      }
      return what
          + (s.isTimetable() && !s.estimated() ? " (timetable)" : " (timetable, estimated)");
    }

    /**
     * Times legs and stops back to back, in travel order, from the departure: a leg departs in the
     * local time of where it starts and arrives in that of where it ends, a stop in its place's.
     */
    void time() {
      double h = 0;
      int i = 0;
      int j = 0;
      while (i < legs.size() || j < events.size()) {
        boolean leg =
            j == events.size() || (i < legs.size() && legs.get(i).seq() < events.get(j).seq());
        double start = t0 + h;
        if (leg) {
          Leg l = legs.get(i);
          h += l.durationHours();
          legs.set(i, l.at(local(l.from()).at(start), local(l.to()).at(t0 + h)));
          i++;
        } else {
          Event ev = events.get(j);
          h += ev.durationHours();
          ZoneClock z = local(ev.at());
          events.set(j, ev.at(z.at(start), z.at(t0 + h)));
          j++;
        }
      }
    }

    /** The clock of a place: its zone, else the route's. */
    ZoneClock local(String node) {
      java.time.ZoneId z = n.zoneOf(node);
      return z == null ? timing.clock() : ZoneClock.of(z);
    }

    /** A via place: the leg so far ends here, and the stop is shown. */
    void via(String id) {
      flush();
      visit(id);
      event(EventType.VIA, id, "requested via place", 0, 0, 0);
    }

    /** {@code roadAfterH}: the road driving that follows this edge in the same haul. */
    void move(int e, EdgeCost ec, double waitH, Sailings sailings, double roadAfterH) {
      boolean boards = ec.waitH() > 0 || sailings != null;
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
              || boards)) {
        flush();
      }
      if (l.mode() != Mode.ROAD) {
        clock = null;
      }
      var train = g.railService(e);
      if (boards && train != null) {
        event(EventType.TRAIN_WAIT, from, trainDetail(train, sailings), waitH, 0, 0);
      } else if (boards) {
        event(
            l.mode() == Mode.FERRY ? EventType.FERRY_WAIT : EventType.SHIP_WAIT,
            from,
            sailings == null ? "expected wait for a sailing" : waitDetail(sailings),
            waitH,
            0,
            0);
      }
      if (legState == null) {
        legState = s;
        legCountry = country;
        legFrom = from;
      }
      legTo = to;
      if (l.mode() == Mode.ROAD) {
        drive(ec, from, to, roadAfterH);
      }
      totKm += ec.km();
      km += ec.km();
      h += ec.moveH();
      usd += c.moveUsd(ec);
      kg += c.kg(ec);
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
            b.name()
                + " ("
                + n.countryOf(from)
                + " -> "
                + n.countryOf(to)
                + ")"
                + (clearanceEstimated(b, from) ? "; clearance time an estimate" : ""),
            ec.borderH(),
            c.borderUsd(ec),
            0);
      }
    }

    /**
     * True when the crossing's mean clearance in the direction leaving {@code from} is estimated.
     */
    boolean clearanceEstimated(org.karvan.core.model.BorderCrossing b, String from) {
      boolean ab = java.util.Objects.equals(n.countryOf(from), n.countryOf(b.nodeA()));
      return b.provenance().isEstimated(ab ? "clearance_ab_mean_h" : "clearance_ba_mean_h");
    }

    /**
     * For each edge of the path, the driving hours of the road edges that follow it in the same
     * haul (until the truck is loaded, unloaded or transferred, or the path leaves the road).
     */
    private double[] roadDrivingAfter(int[] edges) {
      double[] after = new double[edges.length];
      double acc = 0;
      for (int i = edges.length - 1; i >= 0; i--) {
        after[i] = acc;
        int e = edges[i];
        if (g.kind(e) == org.karvan.core.graph.EdgeKind.MOVE && g.link(e).mode() == Mode.ROAD) {
          acc += costs[e].moveH();
        } else {
          acc = 0;
        }
      }
      return after;
    }

    /**
     * Drives a road edge on the crew's clock, {@code afterH} hours of road driving following it in
     * the haul; rests are shown after the leg they fall in.
     */
    void drive(EdgeCost ec, String from, String to, double afterH) {
      if (clock == null) {
        clock = new HoursOfService.Clock(hos);
      }
      // The truck stands in the border queue and clearance before it crosses: a rest that is due
      // is taken there when the stop is long enough.
      clock.stop(ec.borderH());
      for (HoursOfService.Rest r : clock.drive(ec.moveH(), ec.km(), afterH)) {
        String detail =
            r.kind().label()
                + ", after "
                + Decimals.fixed(r.drivenH(), 1)
                + " h driving, "
                + Decimals.fixed(r.kmIntoDrive(), 0)
                + " km into "
                + from
                + " -> "
                + to
                + (hos.drivers() == 2 ? " (2 drivers)" : "");
        pendingRests.add(
            new Event(
                0,
                EventType.DRIVER_REST,
                from,
                detail,
                r.durationH(),
                0,
                0,
                totKm + r.kmIntoDrive()));
        totH += r.durationH();
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
