package org.karvan.core.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.karvan.core.graph.DataView;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.EventOverlay;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.NetworkView;
import org.karvan.core.graph.Sailings;
import org.karvan.core.graph.Timetables;
import org.karvan.core.graph.ZoneClock;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;

/**
 * Routes on a compiled multimodal graph: best route (A* with a great-circle bound), k alternatives,
 * Pareto fronts and matrices. Thread-safe: each thread gets its own search workspace; the graph is
 * shared and never changed.
 */
public final class Router implements ShortestRoute, AlternativeRoutes, ParetoFront, RouteMatrix {
  final MultimodalGraph g;
  private final Network net;
  private final ThreadLocal<Dijkstra> engine;
  private final ConcurrentHashMap<WeightKey, Weights> weightCache = new ConcurrentHashMap<>();
  private final org.karvan.core.ch.HierarchyCache hierarchies;
  private final LandmarkCache landmarks;
  private final ConcurrentHashMap<WeightKey, double[]> baseWeightCache = new ConcurrentHashMap<>();

  private final Chords chords;

  final NetworkView view;
  final BitSet closed; // the view's closures and the closed events as edges, or null
  final BitSet scenarioClosed; // the view's closures alone, or null
  private final EdgeCost[] costs;
  private final org.karvan.core.profile.Profile profile;
  final EventOverlay dated; // the events in force (NONE for an undated router)
  private final Router undated; // this router without events
  private final ConcurrentHashMap<List<String>, Router> byEvents = new ConcurrentHashMap<>();

  public Router(MultimodalGraph g) {
    this(g, null);
  }

  /**
   * A router under a scenario: the base graph's structure is shared and only edge costs and masks
   * change (O(E) once). Scenarios that add elements need their own graph, compiled here.
   */
  public Router(MultimodalGraph base, NetworkView view) {
    this.view = view;
    this.g =
        view != null && view.addsElements()
            ? MultimodalGraph.compile(view.network(), view.profile())
            : base;
    BitSet c = view == null ? null : view.closures().edges(g);
    this.closed = c == null || c.isEmpty() ? null : c;
    this.scenarioClosed = closed;
    this.dated = EventOverlay.NONE;
    this.undated = this;
    this.costs = view == null ? g.edgeCosts() : g.costsUnder(view, view.profile());
    this.profile = view == null ? g.profile() : view.profile();
    this.net = g.network();
    this.engine = ThreadLocal.withInitial(() -> new Dijkstra(g.csr()));
    this.hierarchies = new org.karvan.core.ch.HierarchyCache();
    this.landmarks = LandmarkCache.of(g.csr());
    this.chords = new Chords(g);
  }

  /** The same router under the dated events {@code ov}: closed edges join the mask. */
  private Router(Router base, EventOverlay ov) {
    this.view = base.view;
    this.g = base.g;
    this.scenarioClosed = base.scenarioClosed;
    BitSet all = new BitSet(g.csr().edgeCount());
    if (base.scenarioClosed != null) {
      all.or(base.scenarioClosed);
    }
    all.or(ov.closed());
    this.closed = all.isEmpty() ? null : all;
    this.costs = base.costs;
    this.profile = base.profile;
    this.net = base.net;
    this.engine = ThreadLocal.withInitial(() -> new Dijkstra(g.csr()));
    this.hierarchies = base.hierarchies;
    this.landmarks = base.landmarks;
    this.chords = base.chords;
    this.dated = ov;
    this.undated = base;
  }

  /** The dated events of the network routed on (with those its scenario adds). */
  public List<NetworkEvent> allEvents() {
    return view != null ? view.events() : net.events();
  }

  /** The events in force on {@code day} (RISK rows excluded), in input order. */
  public List<NetworkEvent> eventsOn(LocalDate day) {
    List<NetworkEvent> out = new ArrayList<>();
    for (NetworkEvent e : allEvents()) {
      if (e.severity() != NetworkEvent.Severity.RISK && e.activeOn(day)) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * This router under the events in force on {@code day}: CLOSED events mask their elements,
   * RESTRICTED ones add delay and cost on theirs. Cached per set of active events, so a day costs
   * O(E × events) once; {@code null} means no date (no events).
   */
  public Router on(LocalDate day) {
    if (day == null) {
      return undated;
    }
    List<NetworkEvent> active = undated.eventsOn(day);
    if (active.isEmpty()) {
      return undated;
    }
    List<String> key = active.stream().map(NetworkEvent::id).toList();
    Router r = undated.byEvents.get(key);
    if (r == null) {
      if (undated.byEvents.size() >= 64) {
        undated.byEvents.clear();
      }
      r = new Router(undated, EventOverlay.of(g, active));
      undated.byEvents.put(key, r);
    }
    return r;
  }

  /** The dated events this router applies ({@link EventOverlay#NONE} when undated). */
  public EventOverlay events() {
    return dated;
  }

  public MultimodalGraph graph() {
    return g;
  }

  /** The view (scenario) this router routes under, or {@code null} for the base network. */
  public NetworkView scenario() {
    return view;
  }

  /** The profile in force (the scenario's when it changes parameters). */
  public org.karvan.core.profile.Profile profile() {
    return profile;
  }

  /** Edge costs in force (shared; do not modify). */
  public EdgeCost[] edgeCosts() {
    return costs;
  }

  /** A request without a year takes the scenario's year, if it states one. */
  Constraints effective(Constraints c) {
    return Overlay.effective(c, view);
  }

  private record WeightKey(Objective o, Cargo shape, boolean tie) {}

  /**
   * Edge weights for an objective and cargo, with {@code perGcKm}: the least weight per km of
   * straight-line (chord) distance between the ends of any move, which makes {@code perGcKm ×
   * chord(v, target)} an admissible and consistent A* bound (chord distance is a metric, so the
   * triangle inequality holds). A chord is cheaper to compute than a great circle and never longer.
   */
  public record Weights(double[] w, double perGcKm) {}

  /**
   * Among routes of equal time, the cheaper: TIME weights carry 1e-9 h per USD (USD 1 million adds
   * 3.6 s), so that rail layers of equal time but different tariffs (national, through, transit) do
   * not give a direction-dependent cost.
   */
  static final double TIME_TIE_H_PER_USD = 1e-9;

  public Weights weights(Objective o, Cargo c) {
    return weights(o, c, true);
  }

  /**
   * As {@link #weights(Objective, Cargo)}; without {@code tie}, TIME weights are hours only (the
   * earliest-arrival search, whose labels are clock times).
   */
  public Weights weights(Objective o, Cargo c, boolean tieBreak) {
    boolean tie = tieBreak && o == Objective.TIME; // the flag changes TIME weights only
    WeightKey k = new WeightKey(o, c.shape(), tie);
    Weights cached = weightCache.get(k);
    if (cached != null) {
      return cached;
    }
    Weights ws = compute(o, c, costs, profile, dated, tie, 1);
    if (weightCache.size() < 64) {
      weightCache.put(k, ws);
    }
    return ws;
  }

  /**
   * The weights of the compiled graph itself, without the scenario's costs and the dated events:
   * the base that ALT landmarks are prepared on (the same array as {@link #weights} for the base
   * network, so every router on one graph shares them).
   */
  private double[] baseWeights(Objective o, Cargo c) {
    if (view == null) {
      return undated.weights(o, c).w();
    }
    WeightKey k = new WeightKey(o, c.shape(), o == Objective.TIME);
    double[] w = undated.baseWeightCache.get(k);
    if (w == null) {
      w = compute(o, c, g.edgeCosts(), g.profile(), EventOverlay.NONE, true, 1).w();
      if (undated.baseWeightCache.size() < 64) {
        undated.baseWeightCache.put(k, w);
      }
    }
    return w;
  }

  private Weights compute(
      Objective o,
      Cargo c,
      EdgeCost[] costs,
      org.karvan.core.profile.Profile profile,
      EventOverlay dated,
      boolean tie,
      double restFactor) {
    double vot = profile.get("value_of_time.usd_per_teu_h");
    double restScale = c.restScale(profile) * restFactor;
    int m = g.csr().edgeCount();
    double[] w = new double[m];
    double ratio = Double.POSITIVE_INFINITY;
    for (int e = 0; e < m; e++) {
      EdgeCost ec = costs[e];
      double h = c.hours(ec, restScale);
      double usd = c.usd(ec);
      if (dated.restrictions(e).length > 0) {
        double u = usd;
        h += dated.hours(e);
        usd += dated.usd(e, c.teu(), u);
      }
      w[e] =
          switch (o) {
            case TIME -> tie ? h + TIME_TIE_H_PER_USD * usd : h;
            case COST -> usd;
            case CO2 -> c.kg(ec);
            case GENERALIZED -> usd + vot * c.teu() * h;
          };
      if (g.kind(e) == EdgeKind.MOVE) {
        int a = g.physOf(g.csr().tail(e));
        int b = g.physOf(g.csr().head(e));
        double chord = chords.km(a, b);
        if (chord > 0) {
          ratio = Math.min(ratio, w[e] / chord);
        }
      }
    }
    return new Weights(w, ratio == Double.POSITIVE_INFINITY ? 0 : ratio * (1 - 1e-9));
  }

  /**
   * The ALT landmarks for a one-to-one search at weights {@code w} of objective {@code o} and cargo
   * {@code c}: those of the graph's base weights when the policy says they pay and {@code w} is
   * nowhere below the base (masks, closures, restrictions and penalties only raise or remove edges;
   * a scenario that makes an edge cheaper does not), else {@code null} and the search keeps the
   * great-circle bound alone.
   */
  Landmarks landmarksFor(Objective o, Cargo c, double[] w) {
    if (!landmarks.policy().pays(g.csr().nodeCount())) {
      return null;
    }
    Landmarks lm = landmarks.forBase(g.csr(), baseWeights(o, c));
    return lm != null && lm.admits(w) ? lm : null;
  }

  /** The ALT landmarks one-to-one searches on this router use, with the policy of when they pay. */
  public LandmarkCache landmarks() {
    return landmarks;
  }

  /**
   * The disabled edges of a request: its constraints and the view's closures. Computed once per
   * distinct constraints (an O(E) pass that was a quarter of a server's time per route, issue 12)
   * and shared read-only: no search writes to a mask.
   */
  private BitSet mask(Constraints c) {
    BitSet m = masks.get(c);
    if (m == null) {
      BitSet computed = Overlay.mask(g, c, view, closed);
      m = computed == null ? NO_MASK : computed;
      if (masks.size() >= Math.max(4, Math.min(1_024, MASK_BITS / (g.csr().edgeCount() + 1)))) {
        masks.clear();
      }
      masks.put(c, m);
    }
    return m == NO_MASK ? null : m;
  }

  /**
   * Cached masks per constraints, at most 1,024 and about 8 MB of bits in all; cleared when full
   * (requests rarely vary this much).
   */
  private static final long MASK_BITS = 64L << 20;

  private static final BitSet NO_MASK = new BitSet();
  private final ConcurrentHashMap<Constraints, BitSet> masks = new ConcurrentHashMap<>();

  private int phys(String id, String field) {
    int i = g.physIndex(id);
    if (i < 0) {
      throw new IllegalArgumentException(field + ": unknown node '" + id + "'");
    }
    return i;
  }

  /** Raw search between hubs on given weights and mask; exposed for tests and benchmarks. */
  PathResult search(int fromPhys, int toPhys, Weights ws, BitSet off, boolean astar) {
    return search(fromPhys, toPhys, ws, off, astar, null);
  }

  /**
   * As {@link #search(int, int, Weights, BitSet, boolean)}; with landmarks (see {@link
   * #landmarksFor}) the A* bound is the larger of the great-circle and the landmark bound (both
   * admissible and consistent, so their maximum is).
   */
  PathResult search(
      int fromPhys, int toPhys, Weights ws, BitSet off, boolean astar, Landmarks alt) {
    Heuristic h =
        astar
            ? Chords.max(
                chords.bound(ws.perGcKm(), toPhys), alt == null ? null : alt.toward(g.hub(toPhys)))
            : null;
    return engine.get().route(g.hub(fromPhys), g.hub(toPhys), ws.w(), off, g.hubs(), h);
  }

  /**
   * The best route, or empty when the constraints leave none (see {@link #explainNoRoute}). With
   * via places the route passes through each in turn (each part optimal on its own).
   */
  @Override
  public Optional<Route> route(RouteRequest r) {
    Overlay.check(net, r.constraints());
    BitSet off = mask(effective(r.constraints()));
    Weights ws = weights(r.objective(), r.cargo());
    Path p = path(r, ws, off);
    if (p == null) {
      return Optional.empty();
    }
    double value = objectiveValue(r, p.edges());
    Route best = itinerary(r, p, value);
    // The search charges driver rest per road hour without the weekly rest; the itinerary books
    // the real schedule. Where the booked route is much longer than the search thought, a second
    // search charges the weekly rest too, and the faster of the two as booked is the answer.
    if (r.objective() == Objective.TIME && best.totals().durationHours() > value + RECHECK_H) {
      Path q = path(r, longHaulWeights(r.cargo()), off);
      if (q != null) {
        Route alt = itinerary(r, q, objectiveValue(r, q.edges()));
        if (alt.totals().durationHours() < best.totals().durationHours() - 1e-9) {
          best = alt;
        }
      }
    }
    return Optional.of(best);
  }

  /** The request's objective summed over a path, without the time tie-break on cost. */
  private double objectiveValue(RouteRequest r, int[] edges) {
    double[] w = weights(r.objective(), r.cargo(), false).w();
    double value = 0;
    for (int e : edges) {
      value += w[e];
    }
    return value;
  }

  /** Booked hours above the search's label that make the fastest route check its alternatives. */
  static final double RECHECK_H = 12;

  /**
   * TIME weights whose road edges also charge the weekly rest, spread over a week's driving (one
   * second look: on the default network a third or two thirds of it found nothing this missed).
   */
  private Weights longHaulWeights(Cargo c) {
    Weights w = longHaul.get(c.shape());
    if (w == null) {
      var hos = org.karvan.core.graph.HoursOfService.Rules.of(profile, 1);
      double factor = hos.longHaulRestPerDrivingH() / hos.expectedRestPerDrivingH();
      w = compute(Objective.TIME, c, costs, profile, dated, true, factor);
      if (longHaul.size() < 64) {
        longHaul.put(c.shape(), w);
      }
    }
    return w;
  }

  private final ConcurrentHashMap<Cargo, Weights> longHaul = new ConcurrentHashMap<>();

  /**
   * The route leaving {@code from} at {@code depart} (the local time at the origin, in its zone:
   * {@link Network#zoneOf}; UTC where it has none), timed over the timetables: legs and stops carry
   * their departure and arrival times in the local time where they are, waits for sailings are the
   * waits for the next departure. With {@link Objective#TIME} the route is the earliest arrival
   * ({@link EarliestArrival}, exact for via places too); with another objective it is the
   * objective's best route (expected waits), then timed. Empty when the constraints leave no route.
   */
  public Optional<Route> route(RouteRequest r, java.time.LocalDateTime depart) {
    Overlay.check(net, r.constraints());
    BitSet off = mask(effective(r.constraints()));
    Weights ws = weights(r.objective(), r.cargo(), r.objective() != Objective.TIME);
    Timetables tt = timetables();
    ZoneClock clock = ZoneClock.of(g.network().zoneOf(g.physNode(phys(r.from(), "from")).id()));
    double t0 = ZoneClock.hours(depart.atZone(clock.zone()).toInstant());
    Path p;
    EarliestArrival ea = r.objective() == Objective.TIME ? earliestArrival(ws, tt, clock) : null;
    if (ea != null) {
      BitSet sinks = g.hubs();
      p =
          staged(
              r,
              t0,
              new Stages() {
                @Override
                public double[] reach(int[] from, double[] init, int[] targets) {
                  return ea.arrivals(from, init, targets, off, sinks);
                }

                @Override
                public PathResult route(int[] from, double[] init, int target) {
                  return ea.routeFrom(from, init, target, off, sinks);
                }
              });
    } else {
      p = path(r, ws, off);
    }
    if (p == null) {
      return Optional.empty();
    }
    double value = 0;
    if (ea != null) {
      double t = t0;
      for (int e : p.edges()) {
        t = ea.arrive(e, t);
      }
      value = t - t0;
    } else {
      for (int e : p.edges()) {
        value += ws.w()[e];
      }
    }
    return Optional.of(
        Itineraries.build(
            g,
            costs,
            profile,
            p.edges(),
            r.cargo(),
            value,
            p.viaAt(),
            r.via(),
            new Itineraries.Timing(t0, tt, clock)));
  }

  /**
   * The earliest-arrival search on TIME weights {@code ws} on the route's {@code clock} (a new
   * engine per call: O(1)).
   */
  EarliestArrival earliestArrival(Weights ws, Timetables tt, ZoneClock clock) {
    timetables();
    TimeData d = timeData;
    return new EarliestArrival(g.csr(), ws.w(), d.expectedWait(), d.sailings(), clock);
  }

  /** The timetables, and per edge its expected wait and its departures, built once. */
  private record TimeData(Timetables tt, double[] expectedWait, Sailings[] sailings) {}

  private volatile TimeData timeData;

  /** The departures behind the boarding edges under this router's view (built once, on demand). */
  public Timetables timetables() {
    TimeData d = timeData;
    if (d == null) {
      Timetables t = Timetables.of(g, view == null ? DataView.of(net) : view, profile);
      int m = g.csr().edgeCount();
      double[] wait = new double[m];
      Sailings[] s = new Sailings[m];
      for (int e = 0; e < m; e++) {
        wait[e] = costs[e].waitH();
        s[e] = t.at(e);
      }
      d = new TimeData(t, wait, s);
      timeData = d;
    }
    return d.tt();
  }

  /**
   * A path of edges and, for each via place, the number of edges before the path reaches it (where
   * its stop goes in the itinerary).
   */
  record Path(int[] edges, int[] viaAt) {}

  private Route itinerary(RouteRequest r, Path p, double value) {
    return Itineraries.build(
        g, costs, profile, p.edges(), r.cargo(), value, p.viaAt(), r.via(), dated);
  }

  Path path(RouteRequest r, Weights ws, BitSet off) {
    List<String> stops = new ArrayList<>();
    stops.add(r.from());
    stops.addAll(r.via());
    stops.add(r.to());
    if (stops.size() == 2) {
      PathResult p =
          search(
              phys(r.from(), "from"),
              phys(r.to(), "to"),
              ws,
              off,
              true,
              landmarksFor(r.objective(), r.cargo(), ws.w()));
      return p.isFound() ? new Path(p.edges(), new int[0]) : null;
    }
    Dijkstra d = engine.get();
    BitSet sinks = g.hubs();
    return staged(
        r,
        0,
        new Stages() {
          @Override
          public double[] reach(int[] from, double[] init, int[] targets) {
            return d.distancesFrom(from, init, targets, ws.w(), off, sinks);
          }

          @Override
          public PathResult route(int[] from, double[] init, int target) {
            return d.routeFrom(from, init, target, ws.w(), off, sinks);
          }
        });
  }

  /** A multi-source search, with the labels it starts from: costs, or times of departure. */
  private interface Stages {
    double[] reach(int[] from, double[] init, int[] targets);

    PathResult route(int[] from, double[] init, int target);
  }

  /**
   * Through each via, exactly: stage i holds the least label (cost or arrival time) of reaching
   * each state of via i (multi-source searches seeded with the previous stage's labels); then the
   * path is rebuilt backwards, one stage at a time, from the state each stage actually started
   * from.
   */
  private Path staged(RouteRequest r, double start, Stages d) {
    List<String> stops = new ArrayList<>();
    stops.add(r.from());
    stops.addAll(r.via());
    stops.add(r.to());
    List<int[]> stageStates = new ArrayList<>();
    List<double[]> stageCosts = new ArrayList<>();
    stageStates.add(new int[] {g.hub(phys(r.from(), "from"))});
    stageCosts.add(new double[] {start});
    for (int i = 1; i < stops.size() - 1; i++) {
      int via = phys(stops.get(i), "via");
      List<Integer> states = new ArrayList<>();
      for (int v = g.hub(via) + 1; v < g.csr().nodeCount() && g.physOf(v) == via; v++) {
        states.add(v);
      }
      int[] st = states.stream().mapToInt(Integer::intValue).toArray();
      double[] c = d.reach(stageStates.get(i - 1), stageCosts.get(i - 1), st);
      if (java.util.Arrays.stream(c).allMatch(x -> x == Double.POSITIVE_INFINITY)) {
        return null;
      }
      stageStates.add(st);
      stageCosts.add(c);
    }
    int k = stageStates.size() - 1;
    int target = g.hub(phys(r.to(), "to"));
    List<int[]> parts = new ArrayList<>();
    for (int i = k; i >= 0; i--) {
      PathResult p = d.route(stageStates.get(i), stageCosts.get(i), target);
      if (!p.isFound()) {
        return null;
      }
      parts.add(0, p.edges());
      target = p.source();
    }
    List<Integer> all = new ArrayList<>();
    int[] viaAt = new int[k];
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        viaAt[i - 1] = all.size();
      }
      for (int e : parts.get(i)) {
        all.add(e);
      }
    }
    return new Path(all.stream().mapToInt(Integer::intValue).toArray(), viaAt);
  }

  /**
   * Why there is no route: the restrictions whose removal alone reconnects the places, or that only
   * relaxing them together helps, or that the places are not connected even with everything
   * allowed. Structured; the front ends word it ({@link NoRouteExplainer}).
   */
  @Override
  public NoRoute explainNoRoute(RouteRequest r) {
    return new NoRouteExplainer(this).explain(r);
  }

  /**
   * Up to {@code k} meaningfully different routes by the penalty method: after each route found,
   * the weights of its links are multiplied by {@code 1 + penalty} and the search repeats; a
   * candidate is kept when at most {@code maxShare} of its km is shared with any kept route.
   * Reported figures are the true ones: the penalty changes preference only. Routes are sorted by
   * their true objective value.
   */
  @Override
  public List<Route> alternatives(RouteRequest r, int k, double penalty, double maxShare) {
    if (k < 1) {
      throw new IllegalArgumentException("alternatives: k must be at least 1, got " + k);
    }
    Overlay.check(net, r.constraints());
    BitSet off = mask(effective(r.constraints()));
    Weights base = weights(r.objective(), r.cargo());
    double[] w = base.w().clone();
    List<Route> kept = new ArrayList<>();
    List<Set<String>> keptLinks = new ArrayList<>();
    int attempts = 0;
    while (kept.size() < k && attempts++ < PenaltyMethod.maxSearches(k)) {
      Path p = path(r, new Weights(w, base.perGcKm()), off);
      if (p == null) {
        break;
      }
      int[] edges = p.edges();
      double value = objectiveValue(r, edges);
      Route route = itinerary(r, p, value);
      Set<String> ls = new HashSet<>(route.links());
      boolean distinct = true;
      for (int i = 0; i < kept.size(); i++) {
        if (sharedShare(route, kept.get(i), ls, keptLinks.get(i)) > maxShare) {
          distinct = false;
          break;
        }
      }
      if (distinct) {
        kept.add(route);
        keptLinks.add(ls);
      }
      PenaltyMethod.penalise(g, edges, w, 1 + penalty);
    }
    kept.sort(java.util.Comparator.comparingDouble(Route::objectiveValue));
    return kept;
  }

  private double sharedShare(Route a, Route b, Set<String> la, Set<String> lb) {
    double shared = 0;
    for (String id : la) {
      if (lb.contains(id)) {
        Link l = net.getLink(id);
        shared += l.lengthKm();
      }
    }
    double min = Math.min(a.totals().distanceKm(), b.totals().distanceKm());
    return min <= 0 ? 1 : shared / min;
  }

  /**
   * The contraction hierarchies that matrices on this router (and on its dated variants) prepare
   * and reuse, with the policy of when one pays.
   */
  public org.karvan.core.ch.HierarchyCache hierarchies() {
    return hierarchies;
  }

  /**
   * Objective values from each origin to each destination ({@code +∞} where unreachable). Without
   * avoidances or mode limits, and where {@link #hierarchies()} says it pays, by buckets on a
   * contraction hierarchy of the request's weights and mask (prepared once, then reused); else, and
   * as the reference, one Dijkstra per origin, rows in parallel.
   */
  @Override
  public double[][] matrix(
      List<String> from, List<String> to, Objective o, Cargo c, Constraints cons) {
    Overlay.check(net, cons);
    BitSet off = mask(effective(cons));
    Weights ws = weights(o, c);
    int[] targets = to.stream().mapToInt(id -> g.hub(phys(id, "to"))).toArray();
    int[] sources = from.stream().mapToInt(id -> g.hub(phys(id, "from"))).toArray();
    double[][] out = new double[sources.length][];
    BitSet sinks = g.hubs();
    Constraints eff = effective(cons);
    boolean plain =
        eff.avoidCountries().isEmpty()
            && eff.avoidCrossings().isEmpty()
            && eff.avoidChokepoints().isEmpty()
            && eff.avoidNodes().isEmpty()
            && eff.modes().isEmpty();
    org.karvan.core.ch.ContractionHierarchy ch =
        plain ? hierarchies.forMatrix(g.csr(), ws.w(), off, sinks, sources.length) : null;
    if (ch != null) {
      return org.karvan.core.ch.ChMatrix.compute(
          ch, sources, targets, Runtime.getRuntime().availableProcessors(), ws.w());
    }
    java.util.stream.IntStream.range(0, sources.length)
        .parallel()
        .forEach(i -> out[i] = engine.get().oneToMany(sources[i], targets, ws.w(), off, sinks));
    return out;
  }

  /**
   * A Pareto front of routes over (time, cost, CO2e); {@code truncated} when the label bound hit.
   */
  public record ParetoRoutes(List<Route> routes, boolean truncated, int labels, int maxLabels) {}

  /**
   * The routes no other route beats as booked: the front is found on the search's labels, whose
   * driver rest is expected per road hour, while the itineraries book the real rests, so a label-
   * optimal route can be dominated on the figures a user sees (docs/routing.md).
   */
  private static List<Route> bookedFront(List<Route> routes) {
    List<Route> out = new ArrayList<>();
    for (Route a : routes) {
      boolean dominated = false;
      for (Route b : routes) {
        if (b != a && dominates(b.totals(), a.totals())) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        out.add(a);
      }
    }
    return out;
  }

  private static boolean dominates(Route.Totals b, Route.Totals a) {
    double e = 1e-9;
    boolean noWorse =
        b.durationHours() <= a.durationHours() + e
            && b.costUsd() <= a.costUsd() + e
            && b.co2eKg() <= a.co2eKg() + e;
    boolean better =
        b.durationHours() < a.durationHours() - e
            || b.costUsd() < a.costUsd() - e
            || b.co2eKg() < a.co2eKg() - e;
    return noWorse && better;
  }

  /**
   * The Pareto-optimal routes over hours, USD and kg CO2e (via places are not supported here).
   *
   * @param maxLabels bound on labels created; see {@link Pareto}
   */
  @Override
  public ParetoRoutes pareto(RouteRequest r, int maxLabels) {
    if (!r.via().isEmpty()) {
      throw new IllegalArgumentException("pareto: --via is not supported with the Pareto front");
    }
    if (maxLabels < 1) {
      throw new IllegalArgumentException("pareto: the label bound must be positive");
    }
    Overlay.check(net, r.constraints());
    BitSet off = mask(effective(r.constraints()));
    int s = g.hub(phys(r.from(), "from"));
    int t = g.hub(phys(r.to(), "to"));
    double[][] w = new double[3][];
    double[] scale = new double[3];
    Objective[] os = {Objective.TIME, Objective.COST, Objective.CO2};
    for (int i = 0; i < 3; i++) {
      Weights ws = weights(os[i], r.cargo());
      w[i] = ws.w();
      PathResult best =
          search(g.physOf(s), g.physOf(t), ws, off, true, landmarksFor(os[i], r.cargo(), ws.w()));
      if (!best.isFound()) {
        return new ParetoRoutes(List.of(), false, 0, maxLabels);
      }
      scale[i] = best.weight() > 0 ? 1.0 / best.weight() : 1.0;
    }
    Pareto.Result res = Pareto.search(g.csr(), s, t, w, scale, off, g.hubs(), maxLabels);
    List<Route> routes = new ArrayList<>();
    for (Pareto.Solution sol : res.front()) {
      routes.add(
          Itineraries.build(
              g,
              costs,
              profile,
              sol.edges(),
              r.cargo(),
              sol.criteria()[0],
              new int[0],
              List.of(),
              dated));
    }
    return new ParetoRoutes(bookedFront(routes), res.truncated(), res.labels(), maxLabels);
  }
}
