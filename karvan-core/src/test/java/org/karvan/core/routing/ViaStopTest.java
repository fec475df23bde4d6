package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route.EventType;

/**
 * Via places are stops of the itinerary and end the leg that reaches them (issue 9, bug 4). The via
 * V is a spur in BB beyond the border N–A: O–N 150 km (3 h), border N–A 2 km and 2 h, A–V 10 km
 * (0.2 h), N–D 150 km (3 h). Without another way out of BB the via forces the border twice.
 */
class ViaStopTest {
  static TestNetworks.Builder spur() {
    return TestNetworks.builder()
        .node("O", "AA", 0)
        .node("N", "AA", 1)
        .node("A", "BB", 1.01)
        .node("V", "BB", 1.1)
        .node("D", "AA", 2)
        .road("ON", "O", "N", 150)
        .roadBorder("NA", "N", "A", 2, 2)
        .road("AV", "A", "V", 10)
        .road("ND", "N", "D", 150);
  }

  static Route via(Network n, String... via) {
    Router r = new Router(TestNetworks.compile(n));
    RouteRequest rq =
        new RouteRequest(
            "O",
            "D",
            List.of(via),
            Cargo.parse("1x40ft", TestNetworks.PROFILE),
            Objective.TIME,
            Constraints.NONE);
    Route route = r.route(rq).orElseThrow();
    assertThat(r.alternatives(rq, 1, 0.5, 0.8).get(0).events())
        .as("alternatives show the same stops")
        .isEqualTo(route.events());
    return route;
  }

  static List<String> legs(Route r) {
    return r.legs().stream().map(l -> l.from() + "-" + l.to()).toList();
  }

  /** Legs and stops in travel order, as "from-to" and "TYPE@node". */
  static List<String> steps(Route r) {
    List<Object[]> all = new java.util.ArrayList<>();
    r.legs().forEach(l -> all.add(new Object[] {l.seq(), l.from() + "-" + l.to()}));
    r.events().forEach(e -> all.add(new Object[] {e.seq(), e.type() + "@" + e.at()}));
    all.sort(java.util.Comparator.comparingInt(x -> (int) x[0]));
    return all.stream().map(x -> (String) x[1]).toList();
  }

  @Test
  void aViaThatForcesTheBorderTwiceIsAStopBetweenTwoLegs() {
    Route r = via(spur().build(), "V");
    assertThat(steps(r))
        .containsExactly(
            "LOADING@O",
            "O-N",
            "N-A",
            "BORDER_CROSSING@A",
            "A-V",
            "VIA@V",
            "V-A",
            "A-N",
            "BORDER_CROSSING@N",
            "N-D",
            "UNLOADING@D");
    assertThat(r.legs()).noneMatch(l -> l.from().equals(l.to()));
    assertThat(r.totals().durationHours()).isCloseTo(3 + 2.04 + 0.2 + 0.2 + 2.04 + 3, within(1e-9));
    assertThat(r.events().stream().filter(e -> e.type() == EventType.VIA))
        .singleElement()
        .satisfies(e -> assertThat(e.durationHours()).isZero());
  }

  @Test
  void withAnotherWayOutTheBorderIsCrossedOnce() {
    // V–D over a second border: 110 km + 2 h = 4.2 h, against 5.24 h back through N.
    Route r = via(spur().roadBorder("VD", "V", "D", 110, 2).build(), "V");
    assertThat(legs(r)).containsExactly("O-N", "N-A", "A-V", "V-D");
    assertThat(r.events().stream().filter(e -> e.type() == EventType.BORDER_CROSSING).count())
        .isEqualTo(2);
    assertThat(r.crossings()).containsExactly("X-NA", "X-VD");
  }

  @Test
  void aViaOnTheWaySplitsTheLegAndTwoViasComeInOrder() {
    Route r = via(spur().build(), "N", "V");
    assertThat(steps(r))
        .containsSubsequence("O-N", "VIA@N", "N-A", "A-V", "VIA@V", "V-A", "A-N", "N-D");
    assertThat(r.legs().stream().mapToDouble(Route.Leg::distanceKm).sum())
        .isCloseTo(150 + 2 + 10 + 10 + 2 + 150, within(1e-9));
  }
}
