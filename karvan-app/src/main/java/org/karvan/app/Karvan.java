package org.karvan.app;

import java.time.Clock;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Places;
import org.karvan.core.routing.Router;

/**
 * A loaded network and profile with everything derived from them once (compiled graph, router,
 * place index, scenarios), and the use-case services over it. Front ends build one, then call the
 * services: the CLI once per command, the server once at start for every request. Thread-safe.
 *
 * <pre>{@code
 * Karvan k = Karvan.open(Workspaces.defaultNetwork(), ProfileReader.readDefault());
 * RouteResult r = k.routes().route(RouteSpec.builder().from("Nhava Sheva").to("Moscow").build());
 * }</pre>
 */
public final class Karvan {
  private final Network network;
  private final Profile profile;
  private final MultimodalGraph graph;
  private final Router router;
  private final Places places;
  private final Scenarios scenarios;
  private final Limits limits;
  private final Resolver resolver;
  private final ScenarioSource source;
  private final java.util.Map<java.util.Map<String, Double>, Karvan> variants =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Clock clock;

  private Karvan(
      Network network, Profile profile, ScenarioSource source, Limits limits, Clock clock) {
    this.source = source;
    this.clock = clock;
    this.network = network;
    this.profile = profile;
    this.graph = MultimodalGraph.compile(network, profile);
    this.router = new Router(graph);
    this.places = new Places(network);
    this.scenarios = new Scenarios(network, profile, router, source);
    this.limits = limits;
    this.resolver = new Resolver(this);
  }

  public static Karvan open(Network network, Profile profile) {
    return new Karvan(network, profile, ScenarioSource.NONE, Limits.CLI, Clock.systemUTC());
  }

  public static Karvan open(
      Network network, Profile profile, ScenarioSource source, Limits limits) {
    return new Karvan(network, profile, source, limits, Clock.systemUTC());
  }

  /** With the clock that tells "today", the default date of requests (fixed in tests). */
  public static Karvan open(
      Network network, Profile profile, ScenarioSource source, Limits limits, Clock clock) {
    return new Karvan(network, profile, source, limits, clock);
  }

  /** The clock that tells today's date, the default {@code date} of a request. */
  public Clock clock() {
    return clock;
  }

  public Network network() {
    return network;
  }

  public Profile profile() {
    return profile;
  }

  public MultimodalGraph graph() {
    return graph;
  }

  /** The router of the base network. */
  public Router router() {
    return router;
  }

  public Places places() {
    return places;
  }

  public Scenarios scenarios() {
    return scenarios;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * This workspace with some profile parameters set per request (such as the customs regime, which
   * changes edge costs): compiled once per set of values and kept (a handful at most).
   */
  public Karvan variant(java.util.Map<String, Double> overrides) {
    boolean same = true;
    for (var e : overrides.entrySet()) {
      if (profile.find(e.getKey()).map(x -> x.value() != e.getValue()).orElse(true)) {
        same = false;
      }
    }
    if (same) {
      return this;
    }
    if (variants.size() >= 8) {
      variants.clear();
    }
    return variants.computeIfAbsent(
        java.util.Map.copyOf(overrides),
        o -> new Karvan(network, profile.with(o, "request"), source, limits, clock));
  }

  public Resolver resolver() {
    return resolver;
  }

  public RouteService routes() {
    return new RouteService(this);
  }

  public MatrixService matrices() {
    return new MatrixService(this);
  }

  public CompareService comparisons() {
    return new CompareService(this);
  }

  public ChartService charts() {
    return new ChartService(this);
  }

  public AssignService assignments() {
    return new AssignService(this);
  }

  public CriticalityService criticality() {
    return new CriticalityService(this);
  }

  public BacktestService backtest() {
    return new BacktestService(this);
  }

  public ReliabilityService reliability() {
    return new ReliabilityService(this);
  }
}
