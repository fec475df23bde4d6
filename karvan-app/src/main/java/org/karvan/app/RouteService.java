package org.karvan.app;

import java.util.List;
import java.util.Optional;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/** Use cases: the best route, k alternatives, and the Pareto front of one request. */
public final class RouteService {
  /** The penalty method's settings, the same for every front end. */
  public static final double PENALTY = 0.5;

  public static final double MAX_SHARED = 0.8;

  private final Karvan k;

  RouteService(Karvan k) {
    this.k = k;
  }

  /** The best route; {@link NoRouteException} when the constraints leave none. */
  public RoutesResult route(RouteSpec spec) {
    Resolver.Resolved r = k.resolver().resolve(spec);
    Router router = r.router();
    Optional<Route> route =
        run(
            () ->
                r.depart() == null
                    ? router.route(r.request())
                    : router.route(r.request(), r.depart()));
    if (route.isEmpty()) {
      throw noRoute(router, r.request());
    }
    return result(RoutesResult.Kind.ROUTE, r, List.of(route.get()), null);
  }

  /** Up to {@code count} meaningfully different routes (default 3), best first. */
  public RoutesResult alternatives(RouteSpec spec, Integer count) {
    Fields f = new Fields();
    int max = k.limits().maxAlternatives();
    if (count != null && (count < 1 || count > max)) {
      f.error("k", count + " is out of range; give 1 to " + max);
    }
    Resolver.Resolved r = k.resolver().resolve(spec, f, true);
    untimed(r, f, "alternatives");
    f.throwIfAny();
    int n = count == null ? Math.min(3, max) : count;
    Router router = r.router();
    List<Route> routes = alternatives(router, r.request(), n);
    if (routes.isEmpty()) {
      throw noRoute(router, r.request());
    }
    return result(RoutesResult.Kind.ALTERNATIVES, r, routes, null);
  }

  /**
   * Up to {@code n} alternatives, best first. By time they are in the order of their booked hours,
   * the route a plain request answers (the fastest as booked, docs/routing.md) among them: the
   * search ranks by its expected driver rest, the itinerary books the real schedule, and a list
   * "best first by time" must agree with the route the same request gets.
   */
  static List<Route> alternatives(Router router, RouteRequest q, int n) {
    List<Route> alts = run(() -> router.alternatives(q, n, PENALTY, MAX_SHARED));
    if (alts.isEmpty() || q.objective() != org.karvan.core.routing.Objective.TIME) {
      return alts;
    }
    List<Route> out = new java.util.ArrayList<>(alts);
    run(() -> router.route(q))
        .filter(a -> out.stream().noneMatch(x -> x.links().equals(a.links())))
        .ifPresent(out::add);
    out.sort(java.util.Comparator.comparingDouble(x -> x.totals().durationHours()));
    return List.copyOf(out.subList(0, Math.min(n, out.size())));
  }

  /** The Pareto front over time, cost and CO2e (no via places). */
  public RoutesResult pareto(RouteSpec spec, Integer maxLabels) {
    Fields f = new Fields();
    int max = k.limits().maxLabels();
    if (maxLabels != null && (maxLabels < 1 || maxLabels > max)) {
      f.error("maxLabels", maxLabels + " is out of range; give 1 to " + max);
    }
    if (!spec.via().isEmpty()) {
      f.error(
          "via", "the Pareto front does not support via places; drop them, or use alternatives");
    }
    Resolver.Resolved r = k.resolver().resolve(spec, f, true);
    untimed(r, f, "the Pareto front");
    f.throwIfAny();
    int labels = maxLabels == null ? Math.min(200_000, max) : maxLabels;
    Router router = r.router();
    Router.ParetoRoutes pr = run(() -> router.pareto(r.request(), labels));
    if (pr.routes().isEmpty()) {
      throw noRoute(router, r.request());
    }
    return result(
        RoutesResult.Kind.PARETO,
        r,
        pr.routes(),
        new RoutesResult.ParetoStats(pr.truncated(), pr.labels(), pr.maxLabels()));
  }

  /** Only the best route is timed over the timetables. */
  private static void untimed(Resolver.Resolved r, Fields f, String what) {
    if (r.depart() != null) {
      f.error("depart", "times only the best route, not " + what + "; drop one of them");
    }
  }

  private static RoutesResult result(
      RoutesResult.Kind kind, Resolver.Resolved r, List<Route> routes, RoutesResult.ParetoStats p) {
    return new RoutesResult(
        kind,
        r.on().network(),
        r.on().name(),
        r.request(),
        routes,
        p,
        r.date(),
        r.router().events().events(),
        r.snapped());
  }

  static NoRouteException noRoute(Router router, RouteRequest req) {
    return new NoRouteException(router.explainNoRoute(req), router.graph().network());
  }

  /** Why there is no route, in neutral words (as comparisons and chart notes carry it). */
  static String whyNot(Router router, RouteRequest req) {
    return NoRouteException.words(router.explainNoRoute(req), router.graph().network());
  }

  /** Runs a core call, turning its argument errors into field errors. */
  static <T> T run(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (org.karvan.core.validate.InvalidInputException e) {
      Fields f = new Fields();
      f.addAll(e, null);
      throw new InvalidRequestException(f.errors());
    } catch (IllegalArgumentException e) {
      String m = e.getMessage() == null ? "invalid request" : e.getMessage();
      int colon = m.indexOf(": ");
      if (colon > 0 && m.substring(0, colon).matches("[a-zA-Z-]+")) {
        throw new InvalidRequestException(
            Fields.camel(m.substring(0, colon)), m.substring(colon + 2));
      }
      throw new InvalidRequestException("request", m);
    }
  }
}
