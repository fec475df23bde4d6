package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Mode;

/**
 * A router computes the mask of each distinct constraints once and reuses it (issue 12): requests
 * with different constraints interleaved on one router answer exactly what a fresh router answers
 * for each, so no cached mask serves other constraints.
 */
class MaskCacheTest {
  private static Optional<Route> route(Router r, String to, Constraints c) {
    return r.route(
        new RouteRequest(
            "O",
            to,
            List.of(),
            Cargo.parse("1x40ft", org.karvan.core.fixtures.TestNetworks.PROFILE),
            Objective.TIME,
            c));
  }

  @Test
  void interleavedConstraintsAnswerAsAFreshRouter() {
    List<Constraints> all =
        List.of(
            Constraints.NONE,
            Constraints.NONE.withYear(1990),
            Constraints.NONE.withYear(2020),
            new Constraints(null, false, Set.of(), Set.of("X-NEW"), Set.of(), Set.of(), Set.of()),
            new Constraints(null, false, Set.of(), Set.of(), Set.of(), Set.of("M"), Set.of()),
            new Constraints(
                null, false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Mode.RAIL)));
    Router shared = new Router(OpeningYearTest.G);
    for (int round = 0; round < 3; round++) {
      for (Constraints c : all) {
        for (String to : List.of("D", "B")) {
          Optional<Route> fresh = route(new Router(OpeningYearTest.G), to, c);
          Optional<Route> cached = route(shared, to, c);
          assertThat(cached.map(Route::links))
              .as("%s to %s", c, to)
              .isEqualTo(fresh.map(Route::links));
          assertThat(cached.map(x -> x.totals().durationHours()))
              .isEqualTo(fresh.map(x -> x.totals().durationHours()));
        }
      }
    }
    // The constraints do change the answers, so the comparison above can fail.
    assertThat(route(shared, "D", Constraints.NONE).orElseThrow().links())
        .containsExactly("NEW-ROAD");
    assertThat(route(shared, "D", Constraints.NONE.withYear(1990)).orElseThrow().links())
        .containsExactly("OM", "MD");
    assertThat(route(shared, "B", all.get(3)).orElseThrow().links()).containsExactly("OM", "MB");
    assertThat(route(shared, "D", all.get(5))).isEmpty();
  }
}
