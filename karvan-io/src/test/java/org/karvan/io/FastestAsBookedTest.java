package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;

/**
 * The fastest route is the fastest as booked: the search charges driver rest per road hour, the
 * itinerary books the real schedule with its weekly rest, so a long road haul can be slower as
 * booked than a route the search ranked second. Nhava Sheva -> Moscow by road from Tehran books a
 * 45 h weekly rest; the route through Tehran by rail first is a day faster as booked. No route of
 * the Pareto front over time, cost and CO2e may then be faster than the "fastest" route.
 */
class FastestAsBookedTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"INNSA,RUMOW", "INMUN,NLRTM", "AZBAK,RUMOW", "IRBND,RUMOW", "KZALA,GEPTI"})
  void noParetoRouteIsFasterThanTheFastest(String from, String to) {
    RouteRequest q =
        new RouteRequest(from, to, List.of(), ScenarioTest.FEU, Objective.TIME, Constraints.NONE);
    Route fastest = ScenarioTest.BASE.route(q).orElseThrow();
    for (Route r : ScenarioTest.BASE.pareto(q, 200_000).routes()) {
      assertThat(fastest.totals().durationHours())
          .as("a Pareto route of %s h", r.totals().durationHours())
          .isLessThanOrEqualTo(r.totals().durationHours() + 1e-6);
    }
  }
}
