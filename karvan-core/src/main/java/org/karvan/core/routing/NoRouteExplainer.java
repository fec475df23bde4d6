package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.routing.Router.Weights;

/**
 * Explains a missing route for {@link Router#explainNoRoute}: each restriction in turn is relaxed
 * alone (network year, each kind of avoidance, modes, the scenario's closures, the day's closed
 * events); those whose removal reconnects the places are the causes.
 */
final class NoRouteExplainer {
  private final Router rt;

  NoRouteExplainer(Router rt) {
    this.rt = rt;
  }

  /**
   * Why there is no route: the restrictions whose removal alone reconnects the places, or that only
   * relaxing them together helps, or that the places are not connected even with everything
   * allowed. Structured; the front ends word it.
   */
  NoRoute explain(RouteRequest r) {
    Constraints c = rt.effective(r.constraints());
    List<NoRoute.Cause> causes = new ArrayList<>();
    Weights ws = rt.weights(Objective.TIME, r.cargo());
    if (!c.includePlanned()) {
      tryWithout(
          r,
          ws,
          Overlay.mask(rt.g, c.withIncludePlanned(true), rt.view, rt.closed),
          NoRoute.Restriction.NETWORK_YEAR,
          c.year() == null ? List.of() : List.of(String.valueOf(c.year())),
          causes);
    }
    tryWithout(r, ws, c.avoidCountries(), c.withAvoidCountries(Set.of()), AVOID_COUNTRY, causes);
    tryWithout(r, ws, c.avoidCrossings(), c.withAvoidCrossings(Set.of()), AVOID_BORDER, causes);
    tryWithout(
        r, ws, c.avoidChokepoints(), c.withAvoidChokepoints(Set.of()), AVOID_CHOKEPOINT, causes);
    tryWithout(r, ws, c.avoidNodes(), c.withAvoidNodes(Set.of()), AVOID_NODE, causes);
    tryWithout(
        r,
        ws,
        c.modes().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()),
        c.withModes(Set.of()),
        NoRoute.Restriction.MODES,
        causes);
    BitSet eventClosed =
        rt.dated.isEmpty() || rt.dated.closed().isEmpty() ? null : rt.dated.closed();
    if (rt.scenarioClosed != null) {
      tryWithout(
          r,
          ws,
          Overlay.mask(rt.g, c, rt.view, eventClosed),
          NoRoute.Restriction.SCENARIO_CLOSURE,
          closureValues(rt.view.closures()),
          causes);
    }
    if (eventClosed != null) {
      tryWithout(
          r,
          ws,
          Overlay.mask(rt.g, c, rt.view, rt.scenarioClosed),
          NoRoute.Restriction.EVENT_CLOSURE,
          rt.dated.events().stream()
              .filter(e -> e.severity() == NetworkEvent.Severity.CLOSED)
              .map(NetworkEvent::id)
              .toList(),
          causes);
    }
    NoRoute.Kind kind;
    if (!causes.isEmpty()) {
      kind = NoRoute.Kind.DISCONNECTED_BY;
    } else {
      Constraints all =
          new Constraints(null, true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
      kind =
          rt.path(r, ws, Overlay.mask(rt.g, all, rt.view, null)) != null
              ? NoRoute.Kind.COMBINATION
              : NoRoute.Kind.NOT_CONNECTED;
    }
    return new NoRoute(r.from(), r.to(), r.via(), causes, kind);
  }

  private static final NoRoute.Restriction AVOID_COUNTRY = NoRoute.Restriction.AVOID_COUNTRY;
  private static final NoRoute.Restriction AVOID_BORDER = NoRoute.Restriction.AVOID_BORDER;
  private static final NoRoute.Restriction AVOID_CHOKEPOINT = NoRoute.Restriction.AVOID_CHOKEPOINT;
  private static final NoRoute.Restriction AVOID_NODE = NoRoute.Restriction.AVOID_NODE;

  private void tryWithout(
      RouteRequest r,
      Weights ws,
      Set<String> values,
      Constraints relaxed,
      NoRoute.Restriction what,
      List<NoRoute.Cause> causes) {
    if (!values.isEmpty()) {
      tryWithout(
          r,
          ws,
          Overlay.mask(rt.g, relaxed, rt.view, rt.closed),
          what,
          values.stream().sorted().toList(),
          causes);
    }
  }

  private void tryWithout(
      RouteRequest r,
      Weights ws,
      BitSet off,
      NoRoute.Restriction what,
      List<String> values,
      List<NoRoute.Cause> causes) {
    if (rt.path(r, ws, off) != null) {
      causes.add(new NoRoute.Cause(what, values));
    }
  }

  private static List<String> closureValues(org.karvan.core.graph.Closures c) {
    List<String> out = new ArrayList<>();
    c.links().stream().sorted().forEach(id -> out.add("link:" + id));
    c.nodes().stream().sorted().forEach(id -> out.add("node:" + id));
    c.crossings().stream().sorted().forEach(id -> out.add("crossing:" + id));
    c.countries().stream().sorted().forEach(id -> out.add("country:" + id));
    c.chokepoints().stream().sorted().forEach(id -> out.add("chokepoint:" + id));
    return out;
  }
}
