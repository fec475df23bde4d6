package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;

/**
 * Opening years of operational links and open crossings count when a year is given (issue 9, bug
 * 3). O–D directly is 300 km (6 h) on a road operational since 1995; the old way through M is 600
 * km (12 h). Into BB, crossing NEW (open since 2000, 100 km, 1 h: 3 h) beats OLD (through M, 300 +
 * 300 km, 1 h: 13 h).
 */
class OpeningYearTest {
  static final Network NET =
      TestNetworks.builder()
          .node("O", "AA", 0)
          .node("M", "AA", 1)
          .node("D", "AA", 2)
          .node("B", "BB", -0.8)
          .link("NEW-ROAD", "O", "D", Mode.ROAD, 300, null, LinkStatus.OPERATIONAL, 1995)
          .road("OM", "O", "M", 300)
          .road("MD", "M", "D", 300)
          .crossing("X-NEW", "O", "B", 1, CrossingStatus.OPEN, 2000)
          .link("OB", "O", "B", Mode.ROAD, 100, "X-NEW", LinkStatus.OPERATIONAL, null)
          .roadBorder("MB", "M", "B", 300, 1)
          .build();
  static final MultimodalGraph G = TestNetworks.compile(NET);
  static final Router R = new Router(G);

  static Route route(String to, Integer year) {
    return R.route(
            new RouteRequest(
                "O",
                to,
                List.of(),
                Cargo.parse("1x40ft", TestNetworks.PROFILE),
                Objective.TIME,
                Constraints.NONE.withYear(year)))
        .orElseThrow();
  }

  @Test
  void anOperationalLinkIsNotThereBeforeItsOpeningYear() {
    assertThat(route("D", null).links()).containsExactly("NEW-ROAD");
    assertThat(route("D", 1995).links()).containsExactly("NEW-ROAD");
    Route r1990 = route("D", 1990);
    assertThat(r1990.links()).containsExactly("OM", "MD");
    assertThat(r1990.totals().durationHours()).isCloseTo(12.0, within(1e-9));
    assertThat(NET.getLink("NEW-ROAD").isOpenIn(1994)).isFalse();
    assertThat(NET.getLink("OM").isOpenIn(1800)).as("no opening year: always there").isTrue();
  }

  @Test
  void anOpenCrossingIsNotThereBeforeItsOpeningYear() {
    assertThat(route("B", null).links()).containsExactly("OB");
    assertThat(route("B", 2000).totals().durationHours()).isCloseTo(3.0, within(1e-9));
    Route r1999 = route("B", 1999);
    assertThat(r1999.links()).containsExactly("OM", "MB");
    assertThat(r1999.totals().durationHours()).isCloseTo(13.0, within(1e-9));
    assertThat(Overlay.crossingOpen(NET.getCrossing("X-NEW"), Constraints.NONE.withYear(1999)))
        .isFalse();
    assertThat(Overlay.crossingOpen(NET.getCrossing("X-NEW"), Constraints.NONE)).isTrue();
  }
}
