package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.karvan.core.model.NetworkEvent.Severity.CLOSED;
import static org.karvan.core.model.NetworkEvent.Severity.RESTRICTED;
import static org.karvan.core.model.NetworkEvent.Target.COUNTRY_PAIR;
import static org.karvan.core.model.NetworkEvent.Target.CROSSING;
import static org.karvan.core.model.NetworkEvent.Target.LINK;
import static org.karvan.core.model.NetworkEvent.Target.NODE;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Origin;
import org.karvan.core.scenario.Modification;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/**
 * Dated events on a network solved by hand. O and D are in AA; the short way runs through B in BB
 * (120 + 350 km at 50 km/h and two 1 h borders: 11.4 h), the long way through M in AA (350 + 350
 * km: 14 h).
 */
class DatedEventsTest {
  static TestNetworks.Builder base() {
    return TestNetworks.builder()
        .node("O", "AA", 0)
        .node("B", "BB", 1)
        .node("M", "AA", 2)
        .node("D", "AA", 4)
        .roadBorder("OB", "O", "B", 120, 1)
        .roadBorder("BD", "B", "D", 350, 1)
        .road("OM", "O", "M", 350)
        .road("MD", "M", "D", 350);
  }

  static final Cargo BOX = Cargo.parse("1x40ft", TestNetworks.PROFILE);

  static RouteRequest req(Objective o) {
    return new RouteRequest("O", "D", List.of(), BOX, o, Constraints.NONE);
  }

  static Router router(NetworkEvent... es) {
    TestNetworks.Builder b = base();
    for (NetworkEvent e : es) {
      b.event(e);
    }
    return new Router(TestNetworks.compile(b.build()));
  }

  static Route on(Router r, String day) {
    return r.on(LocalDate.parse(day)).route(req(Objective.TIME)).orElseThrow();
  }

  static final NetworkEvent SUSPENSION =
      TestNetworks.event(
          "SUSP", CROSSING, List.of("X-OB"), "2026-03-05", "2026-03-09", CLOSED, 0, 0);

  @Test
  void aClosureAppliesOnlyWithinItsDatesBothInclusive() {
    Router r = router(SUSPENSION);
    assertThat(on(r, "2026-03-04").nodes()).containsExactly("O", "B", "D");
    assertThat(on(r, "2026-03-04").totals().durationHours()).isCloseTo(11.4, within(1e-9));
    assertThat(on(r, "2026-03-05").nodes()).containsExactly("O", "M", "D");
    assertThat(on(r, "2026-03-09").totals().durationHours()).isCloseTo(14.0, within(1e-9));
    assertThat(on(r, "2026-03-10").nodes()).containsExactly("O", "B", "D");
    // Undated: no events at all.
    assertThat(r.route(req(Objective.TIME)).orElseThrow().nodes()).containsExactly("O", "B", "D");
    assertThat(on(r, "2026-03-06").disruptions()).isEmpty();
  }

  @Test
  void aCountryPairClosureForRoadsLeavesOtherModesAlone() {
    NetworkEvent trucks =
        TestNetworks.event(
            "TRUCKS", COUNTRY_PAIR, List.of("AA-BB"), "2026-03-05", null, CLOSED, 0, 0, Mode.ROAD);
    NetworkEvent trains =
        TestNetworks.event(
            "TRAINS", COUNTRY_PAIR, List.of("BB-AA"), "2026-03-05", null, CLOSED, 0, 0, Mode.RAIL);
    assertThat(on(router(trucks), "2030-01-01").nodes()).containsExactly("O", "M", "D");
    assertThat(on(router(trains), "2030-01-01").nodes()).containsExactly("O", "B", "D");
  }

  @Test
  void aRestrictionAddsItsDelayAndSurchargeOnceAPassageAndShowsOnTheRoute() {
    NetworkEvent slow =
        TestNetworks.event("SLOW", LINK, List.of("OB"), "2026-01-01", null, RESTRICTED, 2, 100);
    Router r = router(slow);
    Route plain = r.route(req(Objective.TIME)).orElseThrow();
    Route dated = on(r, "2026-06-01");
    // 11.4 + 2 = 13.4 h is still below the 14 h of the way round.
    assertThat(dated.nodes()).containsExactly("O", "B", "D");
    assertThat(dated.totals().durationHours()).isCloseTo(13.4, within(1e-9));
    // USD 100 per TEU on a 40ft box (2 TEU).
    assertThat(dated.totals().costUsd() - plain.totals().costUsd()).isCloseTo(200, within(1e-6));
    assertThat(dated.disruptions()).hasSize(1);
    Route.Disruption d = dated.disruptions().get(0);
    assertThat(d.id()).isEqualTo("SLOW");
    assertThat(d.passages()).isEqualTo(1);
    assertThat(d.hours()).isCloseTo(2, within(1e-9));
    assertThat(d.usd()).isCloseTo(200, within(1e-9));
    // The event cites the fixture's source id "test": the route cites it as a reader can follow
    // it, by its title (the fixture's source has no URL).
    assertThat(d.sources()).containsExactly("test fixture");
    List<Route.Event> stops =
        dated.events().stream().filter(e -> e.type() == Route.EventType.DISRUPTION).toList();
    assertThat(stops).hasSize(1);
    assertThat(stops.get(0).at()).isEqualTo("B");
    assertThat(stops.get(0).durationHours()).isEqualTo(2);
    double sum =
        dated.legs().stream().mapToDouble(Route.Leg::durationHours).sum()
            + dated.events().stream().mapToDouble(Route.Event::durationHours).sum();
    assertThat(sum).isCloseTo(dated.totals().durationHours(), within(1e-9));
    // Before the event: normal operation.
    assertThat(on(r, "2025-12-31").totals().durationHours()).isCloseTo(11.4, within(1e-9));
    assertThat(on(r, "2025-12-31").disruptions()).isEmpty();
  }

  @Test
  void aLongerDelayThanTheDetourSendsTheRouteRound() {
    NetworkEvent slow =
        TestNetworks.event("SLOW", LINK, List.of("BD"), "2026-01-01", null, RESTRICTED, 3, 0);
    Route r = on(router(slow), "2026-06-01");
    // 11.4 + 3 = 14.4 h > 14 h.
    assertThat(r.nodes()).containsExactly("O", "M", "D");
    assertThat(r.disruptions()).isEmpty();
  }

  @Test
  void aRestrictedNodeDelaysTheCargoHandledThereNotTheCargoPassing() {
    NetworkEvent port =
        TestNetworks.event("PORT", NODE, List.of("O"), "2026-01-01", null, RESTRICTED, 5, 0);
    Route r = on(router(port), "2026-06-01");
    // Loaded at O: one passage (the loading edge), +5 h; the route itself does not change.
    assertThat(r.nodes()).containsExactly("O", "B", "D");
    assertThat(r.totals().durationHours()).isCloseTo(16.4, within(1e-9));
    assertThat(r.disruptions().get(0).passages()).isEqualTo(1);
  }

  @Test
  void routersAreCachedPerSetOfActiveEvents() {
    Router r = router(SUSPENSION);
    assertThat(r.on(LocalDate.parse("2026-03-06"))).isSameAs(r.on(LocalDate.parse("2026-03-07")));
    assertThat(r.on(LocalDate.parse("2026-03-04"))).isSameAs(r);
    assertThat(r.on(LocalDate.parse("2026-03-06")).on(LocalDate.parse("2026-03-11"))).isSameAs(r);
  }

  @Test
  void whenOnlyTheEventsDisconnectThePlacesTheNoRouteNamesThem() {
    NetworkEvent round =
        TestNetworks.event("ROUND", LINK, List.of("OM"), "2026-03-01", "2026-03-31", CLOSED, 0, 0);
    Router r = router(SUSPENSION, round).on(LocalDate.parse("2026-03-06"));
    assertThat(r.route(req(Objective.TIME))).isEmpty();
    NoRoute nr = r.explainNoRoute(req(Objective.TIME));
    assertThat(nr.kind()).isEqualTo(NoRoute.Kind.DISCONNECTED_BY);
    assertThat(nr.causes())
        .containsExactly(
            new NoRoute.Cause(NoRoute.Restriction.EVENT_CLOSURE, List.of("SUSP", "ROUND")));
  }

  @Test
  void aScenarioCanAddAnEvent() {
    Network n = base().build();
    Scenario s =
        new Scenario(
            "ev",
            "",
            null,
            null,
            List.of(),
            List.of(new Modification.AddEvent(SUSPENSION, Origin.NONE, "modifications[0]")),
            "ev.yaml");
    Router r =
        new Router(
            TestNetworks.compile(n), ScenarioView.apply(n, TestNetworks.PROFILE, List.of(s)));
    assertThat(on(r, "2026-03-06").nodes()).containsExactly("O", "M", "D");
    assertThat(on(r, "2026-03-10").nodes()).containsExactly("O", "B", "D");
  }

  @Test
  void badEventsAreReportedByField() {
    NetworkEvent backwards =
        TestNetworks.event("BACK", LINK, List.of("OB"), "2026-03-09", "2026-03-05", CLOSED, 0, 0);
    NetworkEvent unknown =
        TestNetworks.event("GHOST", CROSSING, List.of("X-NONE"), "2026-03-05", null, CLOSED, 0, 0);
    NetworkEvent closedWithDelay =
        TestNetworks.event("ODD", LINK, List.of("OB"), "2026-03-05", null, CLOSED, 4, 0);
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> base().event(backwards).event(unknown).event(closedWithDelay).build());
    assertThat(e.errors())
        .extracting(Problem::field, Problem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple("end", "end 2026-03-05 is before start 2026-03-09"),
            org.assertj.core.groups.Tuple.tuple("targets", "unknown crossing 'X-NONE'"),
            org.assertj.core.groups.Tuple.tuple(
                "severity", "a CLOSED event carries no delay, surcharge or capacity cut"));
    // A scenario's event is checked the same way, under its position.
    Network n = base().build();
    Scenario s =
        new Scenario(
            "ev",
            "",
            null,
            null,
            List.of(),
            List.of(new Modification.AddEvent(backwards, Origin.NONE, "modifications[0]")),
            "ev.yaml");
    InvalidInputException se =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> ScenarioView.apply(n, TestNetworks.PROFILE, List.of(s)));
    assertThat(se.errors()).extracting(Problem::field).containsExactly("modifications[0].end");
  }
}
