package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.NoRoute;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.profile.ProfileReader;

/**
 * Routes on the tiny bundle, solved by hand with the default profile (rail 25 km/h unless the link
 * says otherwise, USD 1.61 per 40ft-km, endpoint handling 12 h and USD 100 per TEU, 15 kg CO2e per
 * TEU handled, diesel rail 0.031 kg/tkm, electric rail 0.022 kWh/tkm at 481 g/kWh for AZ).
 */
class TinyRoutingTest {
  static final Network NET = TinyBundle.load().read();
  static final Profile PROFILE = ProfileReader.readDefault();
  static final Router ROUTER = new Router(MultimodalGraph.compile(NET, PROFILE));
  static final Cargo FEU = Cargo.parse("1x40ft", PROFILE);

  static RouteRequest req(Objective o, Constraints c) {
    return new RouteRequest("IRAAA", "AZDDD", java.util.List.of(), FEU, o, c);
  }

  @Test
  void fastestRouteIsRailWithBreakOfGaugeAndBorder() {
    Route r = ROUTER.route(req(Objective.TIME, Constraints.NONE)).orElseThrow();
    // load 12 + L1 100/40 + BoG 24 + L3 6/25 + clearance IR->AZ 10 + L4 300/25 + unload 12
    assertThat(r.totals().durationHours())
        .isCloseTo(12 + 2.5 + 24 + 0.24 + 10 + 12 + 12, within(1e-9));
    assertThat(r.totals().distanceKm()).isCloseTo(406, within(1e-9));
    // USD: 2 TEU x 100 x 2 endpoints + one 40ft at the default rate 1.61/km over 406 km (the
    // KZ/TM/IR through-rate does not apply: the haul crosses no border between two of them)
    // + BoG 150 x 2 + fee 50 per wagon
    assertThat(r.totals().costUsd()).isCloseTo(400 + 1.61 * 406 + 300 + 50, within(1e-9));
    // CO2e of the gross mass (20 t + 3.75 t tare): diesel (L1, L3 unknown = diesel) + electric L4,
    // plus three handlings of 2 TEU
    double kg = (0.031 * 106 + 0.022 * 300 * 0.481) * 23.75 + 3 * 15 * 2;
    assertThat(r.totals().co2eKg()).isCloseTo(kg, within(1e-9));
    assertThat(r.events())
        .extracting(Route.Event::type)
        .containsExactly(
            EventType.LOADING,
            EventType.BREAK_OF_GAUGE,
            EventType.BORDER_CROSSING,
            EventType.UNLOADING);
    assertThat(r.crossings()).containsExactly("BC-RAIL");
    assertThat(r.countries()).extracting(Route.CountryKm::code).containsExactly("IR", "AZ");
    assertThat(r.countries().get(0).distanceKm()).isCloseTo(106, within(1e-9));
    assertThat(r.countries().get(1).distanceKm()).isCloseTo(300, within(1e-9));
    assertTotalsAreSums(r);
  }

  @Test
  void closingTheRailCrossingSendsCargoByFerryWithItsWait() {
    Route r =
        ROUTER
            .route(req(Objective.TIME, Constraints.NONE.withAvoidCrossings(Set.of("BC-RAIL"))))
            .orElseThrow();
    // load 12 + L2 120/25 + port 12 + exit customs 6 + wait 168/2/2 + sail 30 + entry customs
    // (transit) 12 + unload from the ferry at Delta 12
    assertThat(r.totals().durationHours())
        .isCloseTo(12 + 4.8 + 12 + 6 + 42 + 30 + 12 + 12, within(1e-9));
    assertThat(r.events()).filteredOn(e -> e.type() == EventType.CUSTOMS).hasSize(2);
    assertThat(r.events())
        .extracting(Route.Event::type)
        .contains(EventType.FERRY_WAIT, EventType.PORT_HANDLING);
    assertThat(r.crossings()).isEmpty();
    assertTotalsAreSums(r);
    // A country pair closes the same crossing.
    Route byPair =
        ROUTER
            .route(req(Objective.TIME, Constraints.NONE.withAvoidCrossings(Set.of("az-ir"))))
            .orElseThrow();
    assertThat(byPair.totals()).isEqualTo(r.totals());
  }

  @Test
  void avoidingACountryThatHoldsTheDestinationLeavesNoRouteAndSaysWhy() {
    RouteRequest rq = req(Objective.TIME, Constraints.NONE.withAvoidCountries(Set.of("AZ")));
    assertThat(ROUTER.route(rq)).isEmpty();
    assertThat(ROUTER.explainNoRoute(rq))
        .isEqualTo(
            new NoRoute(
                rq.from(),
                rq.to(),
                java.util.List.of(),
                java.util.List.of(
                    new NoRoute.Cause(NoRoute.Restriction.AVOID_COUNTRY, java.util.List.of("AZ"))),
                NoRoute.Kind.DISCONNECTED_BY));
  }

  @Test
  void modesAndPlannedLinks() {
    assertThat(ROUTER.route(req(Objective.TIME, Constraints.NONE.withModes(Set.of(Mode.ROAD)))))
        .isEmpty();
    RouteRequest roadToBorder =
        new RouteRequest(
            "IRAAA",
            "AZXXX",
            java.util.List.of(),
            FEU,
            Objective.TIME,
            Constraints.NONE.withModes(Set.of(Mode.ROAD)));
    assertThat(ROUTER.route(roadToBorder)).as("L5 is planned for 2030").isEmpty();
    assertThat(ROUTER.explainNoRoute(roadToBorder).causes())
        .contains(new NoRoute.Cause(NoRoute.Restriction.NETWORK_YEAR, java.util.List.of()));
    Route r2030 =
        ROUTER
            .route(roadToBorder.withConstraints(roadToBorder.constraints().withYear(2030)))
            .orElseThrow();
    assertThat(r2030.links()).containsExactly("L5", "L6");
    assertThat(
            ROUTER.route(roadToBorder.withConstraints(roadToBorder.constraints().withYear(2029))))
        .isEmpty();
  }

  @Test
  void cheapestAndGreenestAgreeWithTheirObjectiveValue() {
    for (Objective o : Objective.values()) {
      Route r = ROUTER.route(req(o, Constraints.NONE)).orElseThrow();
      double expected =
          switch (o) {
            case TIME -> r.totals().durationHours();
            case COST -> r.totals().costUsd();
            case CO2 -> r.totals().co2eKg();
            case GENERALIZED -> r.totals().costUsd() + 2.0 * FEU.teu() * r.totals().durationHours();
          };
      assertThat(r.objectiveValue()).as(o.name()).isCloseTo(expected, within(1e-6));
    }
  }

  @Test
  void paretoFrontHoldsTheRailAndTheFerryRoutesWhenTheyTradeOff() {
    Router.ParetoRoutes front = ROUTER.pareto(req(Objective.TIME, Constraints.NONE), 10_000);
    assertThat(front.truncated()).isFalse();
    Route fastest = ROUTER.route(req(Objective.TIME, Constraints.NONE)).orElseThrow();
    assertThat(front.routes()).isNotEmpty();
    assertThat(front.routes().get(0).totals().durationHours())
        .isCloseTo(fastest.totals().durationHours(), within(1e-9));
    for (Route a : front.routes()) {
      for (Route b : front.routes()) {
        boolean dominates =
            b.totals().durationHours() <= a.totals().durationHours()
                && b.totals().costUsd() <= a.totals().costUsd()
                && b.totals().co2eKg() <= a.totals().co2eKg()
                && !b.totals().equals(a.totals());
        assertThat(dominates).as("no route on the front dominates another").isFalse();
      }
    }
  }

  static void assertTotalsAreSums(Route r) {
    double h =
        r.legs().stream().mapToDouble(Route.Leg::durationHours).sum()
            + r.events().stream().mapToDouble(Route.Event::durationHours).sum();
    double usd =
        r.legs().stream().mapToDouble(Route.Leg::costUsd).sum()
            + r.events().stream().mapToDouble(Route.Event::costUsd).sum();
    double kg =
        r.legs().stream().mapToDouble(Route.Leg::co2eKg).sum()
            + r.events().stream().mapToDouble(Route.Event::co2eKg).sum();
    double km = r.legs().stream().mapToDouble(Route.Leg::distanceKm).sum();
    assertThat(h).isCloseTo(r.totals().durationHours(), within(1e-6));
    assertThat(usd).isCloseTo(r.totals().costUsd(), within(1e-6));
    assertThat(kg).isCloseTo(r.totals().co2eKg(), within(1e-6));
    assertThat(km).isCloseTo(r.totals().distanceKm(), within(1e-6));
  }
}
