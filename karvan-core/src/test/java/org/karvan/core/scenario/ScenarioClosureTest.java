package org.karvan.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.model.Origin;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.NoRoute;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Modification.Target;

/**
 * Closing a country or a node in a scenario takes effect (issue 9, bug 1). O and D are in AA; the
 * short way runs through B in BB (120 + 350 km, two 1 h borders: 11.4 h), the long way through M in
 * AA (350 + 350 km: 14 h).
 */
class ScenarioClosureTest {
  static final Network NET =
      TestNetworks.builder()
          .node("O", "AA", 0)
          .node("B", "BB", 1)
          .node("M", "AA", 2)
          .node("D", "AA", 4)
          .roadBorder("OB", "O", "B", 120, 1)
          .roadBorder("BD", "B", "D", 350, 1)
          .road("OM", "O", "M", 350)
          .road("MD", "M", "D", 350)
          .build();
  static final MultimodalGraph G = TestNetworks.compile(NET);
  static final RouteRequest REQ =
      new RouteRequest(
          "O",
          "D",
          List.of(),
          Cargo.parse("1x40ft", TestNetworks.PROFILE),
          Objective.TIME,
          Constraints.NONE);

  static Router under(Modification... ms) {
    Scenario s = new Scenario("t", "", null, null, List.of(), List.of(ms), "t.yaml");
    return new Router(G, ScenarioView.apply(NET, TestNetworks.PROFILE, List.of(s)));
  }

  static Modification close(Target t, String... ids) {
    return new Modification.Close(t, List.of(ids), null, Origin.NONE, "modifications[0]");
  }

  @Test
  void theBaseRouteRunsThroughTheOtherCountry() {
    Route r = new Router(G).route(REQ).orElseThrow();
    assertThat(r.nodes()).containsExactly("O", "B", "D");
    assertThat(r.totals().durationHours()).isCloseTo(11.4, within(1e-9));
  }

  @Test
  void aClosedCountryIsNotEntered() {
    Route r = under(close(Target.COUNTRY, "BB")).route(REQ).orElseThrow();
    assertThat(r.nodes()).containsExactly("O", "M", "D");
    assertThat(r.countries()).extracting(Route.CountryKm::code).containsExactly("AA");
    assertThat(r.crossings()).isEmpty();
    assertThat(r.totals().durationHours()).isCloseTo(14.0, within(1e-9));
  }

  @Test
  void aClosedNodeIsNotPassed() {
    Route r = under(close(Target.NODE, "B")).route(REQ).orElseThrow();
    assertThat(r.nodes()).containsExactly("O", "M", "D");
    assertThat(r.totals().durationHours()).isCloseTo(14.0, within(1e-9));
  }

  @Test
  void aClosedCrossingOrLinkIsNotUsed() {
    assertThat(under(close(Target.CROSSING, "X-BD")).route(REQ).orElseThrow().nodes())
        .containsExactly("O", "M", "D");
    assertThat(under(close(Target.LINK, "OB")).route(REQ).orElseThrow().nodes())
        .containsExactly("O", "M", "D");
  }

  @Test
  void closingEveryWayGivesNoRouteAndNamesTheClosures() {
    Router r = under(close(Target.COUNTRY, "BB"), close(Target.NODE, "M"));
    assertThat(r.route(REQ)).isEmpty();
    assertThat(r.explainNoRoute(REQ))
        .isEqualTo(
            new NoRoute(
                "O",
                "D",
                List.of(),
                List.of(
                    new NoRoute.Cause(
                        NoRoute.Restriction.SCENARIO_CLOSURE, List.of("node:M", "country:BB"))),
                NoRoute.Kind.DISCONNECTED_BY));
  }

  @Test
  void closingADestinationNodeLeavesNothingEvenWithEveryRestrictionRelaxed() {
    Router r = under(close(Target.NODE, "D"));
    assertThat(r.route(REQ)).isEmpty();
    NoRoute nr = r.explainNoRoute(REQ);
    assertThat(nr.causes())
        .containsExactly(
            new NoRoute.Cause(NoRoute.Restriction.SCENARIO_CLOSURE, List.of("node:D")));
  }

  @Test
  void avoidingACountryAndANodeIsExplainedPerRestriction() {
    Router r = new Router(G);
    RouteRequest rq =
        REQ.withConstraints(
            Constraints.NONE
                .withAvoidCountries(java.util.Set.of("BB"))
                .withAvoidNodes(java.util.Set.of("M")));
    assertThat(r.route(rq)).isEmpty();
    assertThat(r.explainNoRoute(rq).causes())
        .containsExactly(
            new NoRoute.Cause(NoRoute.Restriction.AVOID_COUNTRY, List.of("BB")),
            new NoRoute.Cause(NoRoute.Restriction.AVOID_NODE, List.of("M")));
  }
}
