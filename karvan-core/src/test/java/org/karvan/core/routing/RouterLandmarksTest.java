package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.karvan.core.model.NetworkEvent.Severity.RESTRICTED;
import static org.karvan.core.model.NetworkEvent.Target.LINK;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Network;
import org.karvan.core.model.Origin;
import org.karvan.core.scenario.Modification;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;

/**
 * One-to-one routes with ALT landmarks forced on (the policy) give the routes without them, under
 * avoidances, dated restrictions and scenarios, on the network of {@link DatedEventsTest}; a
 * scenario that makes a link faster lowers weights below the base, and the router then routes
 * without the landmarks.
 */
class RouterLandmarksTest {
  private static final Network NET =
      DatedEventsTest.base()
          .event(
              TestNetworks.event(
                  "SLOW", LINK, List.of("OB"), "2026-01-01", null, RESTRICTED, 2, 100))
          .build();

  private static Router router(ScenarioView view, boolean alt) {
    Router r = new Router(TestNetworks.compile(NET), view);
    r.landmarks().policy(alt ? LandmarkCache.Policy.ALWAYS : LandmarkCache.Policy.NEVER);
    return r;
  }

  private static ScenarioView speed(double factor) {
    Scenario s =
        new Scenario(
            "speed",
            "",
            null,
            null,
            List.of(),
            List.of(
                new Modification.ScaleSpeed(
                    List.of("OM", "MD"), null, factor, Origin.NONE, "modifications[0]")),
            "speed.yaml");
    return ScenarioView.apply(NET, TestNetworks.PROFILE, List.of(s));
  }

  private static void assertSameRoutes(Router alt, Router plain) {
    List<String> places = List.of("O", "B", "M", "D");
    List<Constraints> constraints =
        List.of(
            Constraints.NONE,
            Constraints.NONE.withAvoidCountries(Set.of("BB")),
            Constraints.NONE.withAvoidNodes(Set.of("M")));
    int compared = 0;
    for (Objective o : Objective.values()) {
      for (Constraints c : constraints) {
        for (String from : places) {
          for (String to : places) {
            if (from.equals(to)) {
              continue;
            }
            RouteRequest r = new RouteRequest(from, to, List.of(), DatedEventsTest.BOX, o, c);
            Optional<Route> a = alt.route(r);
            Optional<Route> p = plain.route(r);
            assertThat(a.isPresent()).as(r.toString()).isEqualTo(p.isPresent());
            if (p.isPresent()) {
              assertThat(a.get()).as(r.toString()).isEqualTo(p.get());
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(50);
  }

  @Test
  void baseNetworkRoutesAreThoseWithoutLandmarks() {
    Router alt = router(null, true);
    assertSameRoutes(alt, router(null, false));
    Router.Weights ws = alt.weights(Objective.TIME, DatedEventsTest.BOX);
    assertThat(alt.landmarksFor(Objective.TIME, DatedEventsTest.BOX, ws.w())).isNotNull();
    assertThat(alt.landmarks().size()).isPositive();
  }

  @Test
  void datedRestrictionsRaiseWeightsAndKeepTheLandmarks() {
    LocalDate day = LocalDate.parse("2026-03-01");
    Router alt = router(null, true).on(day);
    assertThat(alt.events()).isNotSameAs(org.karvan.core.graph.EventOverlay.NONE);
    assertSameRoutes(alt, router(null, false).on(day));
    double[] w = alt.weights(Objective.TIME, DatedEventsTest.BOX).w();
    assertThat(alt.landmarksFor(Objective.TIME, DatedEventsTest.BOX, w)).isNotNull();
  }

  @Test
  void aSlowerScenarioKeepsTheLandmarks() {
    Router alt = router(speed(0.5), true);
    assertSameRoutes(alt, router(speed(0.5), false));
    double[] w = alt.weights(Objective.TIME, DatedEventsTest.BOX).w();
    assertThat(alt.landmarksFor(Objective.TIME, DatedEventsTest.BOX, w)).isNotNull();
  }

  @Test
  void scenarioRoutersOnTheSameGraphShareTheLandmarks() {
    org.karvan.core.graph.MultimodalGraph g = TestNetworks.compile(NET);
    Router base = new Router(g);
    base.landmarks().policy(LandmarkCache.Policy.ALWAYS);
    Router slower = new Router(g, speed(0.5));
    assertThat(slower.landmarks()).isSameAs(base.landmarks());
    double[] baseW = base.weights(Objective.TIME, DatedEventsTest.BOX).w();
    double[] slowW = slower.weights(Objective.TIME, DatedEventsTest.BOX).w();
    Landmarks a = base.landmarksFor(Objective.TIME, DatedEventsTest.BOX, baseW);
    Landmarks b = slower.landmarksFor(Objective.TIME, DatedEventsTest.BOX, slowW);
    assertThat(b).isSameAs(a);
    assertThat(base.landmarks().size()).isEqualTo(1);
    assertThat(new Router(TestNetworks.compile(NET)).landmarks())
        .as("another graph has its own")
        .isNotSameAs(base.landmarks());
  }

  @Test
  void aFasterScenarioLowersWeightsAndRoutesWithoutLandmarks() {
    Router alt = router(speed(2), true);
    double[] w = alt.weights(Objective.TIME, DatedEventsTest.BOX).w();
    assertThat(alt.landmarksFor(Objective.TIME, DatedEventsTest.BOX, w)).isNull();
    assertSameRoutes(alt, router(speed(2), false));
    // the faster road really is used: O-M-D becomes the fastest way
    Route r =
        alt.route(
                new RouteRequest(
                    "O", "D", List.of(), DatedEventsTest.BOX, Objective.TIME, Constraints.NONE))
            .orElseThrow();
    assertThat(r.nodes()).containsExactly("O", "M", "D");
  }
}
