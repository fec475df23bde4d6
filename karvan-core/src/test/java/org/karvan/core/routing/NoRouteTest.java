package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;

/**
 * {@link Router#explainNoRoute} as data (issue 9, bug 8). O–B is one road over the border X-OB; O–P
 * a planned road (no opening year); Z has no link at all.
 */
class NoRouteTest {
  static final Network NET =
      TestNetworks.builder()
          .node("O", "AA", 0)
          .node("B", "BB", 1)
          .node("P", "AA", -1)
          .node("Z", "AA", 3)
          .roadBorder("OB", "O", "B", 120, 1)
          .link("OP", "O", "P", Mode.ROAD, 120, null, LinkStatus.PLANNED, null)
          .build();
  static final Router R = new Router(TestNetworks.compile(NET));

  static RouteRequest req(String to, Constraints c) {
    return new RouteRequest(
        "O", to, List.of(), Cargo.parse("1x40ft", TestNetworks.PROFILE), Objective.TIME, c);
  }

  @Test
  void eachRestrictionThatAloneDisconnectsIsACauseWithItsValues() {
    RouteRequest r = req("B", Constraints.NONE.withAvoidCrossings(Set.of("aa-bb")));
    assertThat(R.route(r)).isEmpty();
    assertThat(R.explainNoRoute(r))
        .isEqualTo(
            new NoRoute(
                "O",
                "B",
                List.of(),
                List.of(new NoRoute.Cause(NoRoute.Restriction.AVOID_BORDER, List.of("aa-bb"))),
                NoRoute.Kind.DISCONNECTED_BY));
    RouteRequest planned = req("P", Constraints.NONE.withYear(2020));
    assertThat(R.explainNoRoute(planned).causes())
        .containsExactly(new NoRoute.Cause(NoRoute.Restriction.NETWORK_YEAR, List.of("2020")));
  }

  @Test
  void twoRestrictionsThatOnlyTogetherDisconnectAreACombination() {
    RouteRequest r =
        req("B", Constraints.NONE.withAvoidCrossings(Set.of("X-OB")).withModes(Set.of(Mode.RAIL)));
    assertThat(R.route(r)).isEmpty();
    NoRoute nr = R.explainNoRoute(r);
    assertThat(nr.kind()).isEqualTo(NoRoute.Kind.COMBINATION);
    assertThat(nr.causes()).isEmpty();
  }

  @Test
  void placesWithoutAnyConnectionAreNotConnected() {
    RouteRequest r = req("Z", Constraints.NONE);
    assertThat(R.route(r)).isEmpty();
    assertThat(R.explainNoRoute(r).kind()).isEqualTo(NoRoute.Kind.NOT_CONNECTED);
  }
}
