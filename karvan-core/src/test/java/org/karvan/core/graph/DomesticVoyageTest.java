package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/**
 * Customs at ports depend on where the cargo boarded: a voyage between two ports of one country
 * passes none, a voyage that leaves the country is cleared out where it boards and in where it
 * lands. Worked by hand: ferries of 10 h, 7 sailings a week (expected wait 12 h), exit 6 h, entry
 * 12 h, handling 1 h at Bravo's terminal and none elsewhere.
 */
class DomesticVoyageTest {
  private static final Profile P =
      TestNetworks.PROFILE.with(
          Map.of("customs.port.exit_h", 6.0, "customs.port.transit_h", 12.0), "test");

  private static Network network() {
    return TestNetworks.builder()
        .node("IRAAA", "IR", 0)
        .node("IRBBB", "IR", 2)
        .node("AZCCC", "AZ", 4)
        .ferry("F-AB", "IRAAA", "IRBBB", 7, 10)
        .ferry("F-BC", "IRBBB", "AZCCC", 7, 10)
        .roadFerry("T-A", "IRAAA", 0)
        .roadFerry("T-B", "IRBBB", 1)
        .roadFerry("T-C", "AZCCC", 0)
        .build();
  }

  private static Route route(String from, String to) {
    Router r = new Router(MultimodalGraph.compile(network(), P));
    return r.route(
            new RouteRequest(
                from, to, List.of(), Cargo.parse("1x40ft", P), Objective.TIME, Constraints.NONE))
        .orElseThrow();
  }

  private static List<Event> customs(Route r) {
    return r.events().stream().filter(e -> e.type() == EventType.CUSTOMS).toList();
  }

  @Test
  void aVoyageWithinOneCountryPassesNoCustoms() {
    Route r = route("IRAAA", "IRBBB");
    assertThat(customs(r)).isEmpty();
    // Wait 12 h + 10 h at sea.
    assertThat(r.totals().durationHours()).isCloseTo(22, within(1e-9));
    assertThat(route("IRBBB", "IRAAA").totals().durationHours()).isCloseTo(22, within(1e-9));
  }

  @Test
  void aVoyageAbroadIsClearedOutWhereItBoardsAndInWhereItLands() {
    Route r = route("IRAAA", "AZCCC");
    // Cleared out at Alpha (6 h), changes ferry at Bravo (no customs: it stays in transit), in
    // at Charlie (12 h); two waits of 12 h and two crossings of 10 h: 62 h. Sailing domestic to
    // Bravo and clearing out there instead costs Bravo's two terminal transfers (2 h) more.
    assertThat(customs(r)).extracting(Event::at).containsExactly("IRAAA", "AZCCC");
    assertThat(customs(r)).extracting(Event::durationHours).containsExactly(6.0, 12.0);
    assertThat(r.totals().durationHours()).isCloseTo(62, within(1e-9));
    Route back = route("AZCCC", "IRAAA");
    assertThat(customs(back)).extracting(Event::at).containsExactly("AZCCC", "IRAAA");
    assertThat(back.totals().durationHours()).isCloseTo(62, within(1e-9));
  }

  @Test
  void domesticCargoLeavesTheWaterOnlyInItsOwnCountry() {
    MultimodalGraph g = MultimodalGraph.compile(network(), P);
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      int tail = g.csr().tail(e);
      int head = g.csr().head(e);
      if (g.kind(e) == EdgeKind.UNLOAD || g.kind(e) == EdgeKind.TRANSFER) {
        if (g.isDomestic(tail)) {
          assertThat(g.physNode(g.physOf(tail)).country()).isEqualTo("IR");
          assertThat(g.cost(e).borderH()).isZero();
        }
      }
      if (g.kind(e) == EdgeKind.MOVE && g.isDomestic(head)) {
        // Only the Alpha-Bravo line carries domestic cargo (it calls at two Iranian ports).
        assertThat(g.link(e).id()).isEqualTo("F-AB");
      }
    }
  }
}
