package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/**
 * Scheduled rail services, worked by hand. A line A - B - C - D of three 125 km rail links (nodes a
 * degree apart on the equator): 5 h each at the test profile's 25 km/h, 15 h end to end without a
 * train (loading and unloading take no time in the test profile). A train runs A - B - C - D in 3
 * h, stopping at A, C (time interpolated: 2 h, the links being equal) and D; it does not stop at B.
 * A road A - D of 1,000 km (20 h) is the way round when the rail is avoided.
 */
class RailServiceTest {
  /** Monday 2024-01-01 (the clock's reference week; any Monday behaves the same). */
  private static final LocalDateTime MONDAY = LocalDateTime.of(2024, 1, 1, 0, 0);

  private static TestNetworks.Builder line() {
    return TestNetworks.builder()
        .node("AZAAA", "AZ", 0)
        .node("AZBBB", "AZ", 1)
        .node("AZCCC", "AZ", 2)
        .node("AZDDD", "AZ", 3)
        .rail("R1", "AZAAA", "AZBBB", 125)
        .rail("R2", "AZBBB", "AZCCC", 125)
        .rail("R3", "AZCCC", "AZDDD", 125)
        .road("D1", "AZAAA", "AZDDD", 1000);
  }

  private static Network network(double perWeek) {
    return line()
        .train(
            "T1",
            List.of("AZAAA", "AZBBB", "AZCCC", "AZDDD"),
            List.of("AZAAA@0", "AZCCC", "AZDDD@3"),
            perWeek,
            perWeek == 1 ? List.of(DayOfWeek.MONDAY) : List.of(),
            perWeek == 1 ? List.of(LocalTime.NOON) : List.of())
        .build();
  }

  private static Router router(Network n) {
    return new Router(MultimodalGraph.compile(n, TestNetworks.PROFILE));
  }

  private static RouteRequest time(String from, String to, Constraints c) {
    return new RouteRequest(
        from, to, List.of(), Cargo.parse("1x40ft", TestNetworks.PROFILE), Objective.TIME, c);
  }

  private static Route at(Router r, String from, String to, LocalDateTime depart) {
    return r.route(time(from, to, Constraints.NONE), depart).orElseThrow();
  }

  private static double hours(Route r) {
    return r.totals().durationHours();
  }

  @Test
  void withoutDepartureTheExpectedWaitIsHalfTheHeadway() {
    // Weekly: 84 h expected wait + 3 h > 15 h by free rail.
    Route weekly = router(network(1)).route(time("AZAAA", "AZDDD", Constraints.NONE)).orElseThrow();
    assertThat(hours(weekly)).isCloseTo(15, within(1e-9));
    assertThat(weekly.events()).noneMatch(e -> e.type() == EventType.TRAIN_WAIT);
    // 28 a week: 3 h expected wait + 3 h = 6 h < 15 h.
    Route often = router(network(28)).route(time("AZAAA", "AZDDD", Constraints.NONE)).orElseThrow();
    assertThat(hours(often)).isCloseTo(6, within(1e-9));
    assertThat(often.events())
        .filteredOn(e -> e.type() == EventType.TRAIN_WAIT)
        .singleElement()
        .satisfies(e -> assertThat(e.durationHours()).isCloseTo(3, within(1e-9)));
  }

  @Test
  void withDepartureTheBoxWaitsForTheNextTrain() {
    Router r = router(network(1));
    // Monday 11:00: 1 h wait for the 12:00 train, at D at 15:00.
    Route soon = at(r, "AZAAA", "AZDDD", MONDAY.plusHours(11));
    assertThat(hours(soon)).isCloseTo(4, within(1e-6));
    assertThat(soon.arrives().toLocalDateTime()).isEqualTo(MONDAY.plusHours(15));
    // One minute late: the next train is a week away, so free rail (15 h) wins.
    Route late = at(r, "AZAAA", "AZDDD", MONDAY.plusHours(12).plusMinutes(1));
    assertThat(hours(late)).isCloseTo(15, within(1e-6));
  }

  @Test
  void aBoxBoardsAtAnIntermediateStopAtItsInterpolatedTime() {
    Router r = router(network(1));
    // The train leaves C at 12:00 + 2 h; from 13:30, a 0.5 h wait and 1 h to D.
    Route fromC = at(r, "AZCCC", "AZDDD", MONDAY.plusHours(13).plusMinutes(30));
    assertThat(fromC.arrives().toLocalDateTime()).isEqualTo(MONDAY.plusHours(15));
    assertThat(fromC.events())
        .filteredOn(e -> e.type() == EventType.TRAIN_WAIT)
        .singleElement()
        .satisfies(e -> assertThat(e.durationHours()).isCloseTo(0.5, within(1e-6)));
  }

  @Test
  void theTrainDoesNotStopWhereItHasNoStop() {
    // B is passed without a stop: A -> B goes by free rail (5 h), not 1 h wait + 1 h.
    Route toB = at(router(network(1)), "AZAAA", "AZBBB", MONDAY.plusHours(11));
    assertThat(hours(toB)).isCloseTo(5, within(1e-6));
    assertThat(toB.events()).noneMatch(e -> e.type() == EventType.TRAIN_WAIT);
  }

  @Test
  void avoidingANodeTheTrainPassesStopsTheTrain() {
    Constraints noB =
        new Constraints(null, false, Set.of(), Set.of(), Set.of(), Set.of("AZBBB"), Set.of());
    Route r = router(network(1)).route(time("AZAAA", "AZDDD", noB), MONDAY.plusHours(11)).get();
    assertThat(hours(r)).isCloseTo(20, within(1e-6));
    assertThat(r.legs()).allMatch(l -> l.mode().equals("ROAD"));
  }

  @Test
  void theTrainChangesGaugeAboardAtABreakOfGaugeTerminal() {
    // C - D is 1435 mm with a 1 h gauge change at C. The train A - D takes 5 h: 4 h running over
    // the three links (1 1/3 h each) and the hour at C. Leaving A at 12:00: D at 17:00.
    TestNetworks.Builder b = line().gaugeChange("BOG", "AZCCC", 1);
    Link r3 = b.link("R3");
    b.replace(
        new Link(
            r3.id(),
            r3.from(),
            r3.to(),
            Mode.RAIL,
            125,
            r3.direction(),
            Gauge.G1435,
            null,
            null,
            null,
            r3.status(),
            null,
            null,
            List.of(),
            List.of(),
            r3.provenance(),
            r3.origin()));
    Network n =
        b.train(
                "T2",
                List.of("AZAAA", "AZBBB", "AZCCC", "AZDDD"),
                List.of("AZAAA@0", "AZDDD@5"),
                1,
                List.of(DayOfWeek.MONDAY),
                List.of(LocalTime.NOON))
            .build();
    Route r = at(router(n), "AZAAA", "AZDDD", MONDAY.plusHours(11));
    assertThat(r.arrives().toLocalDateTime()).isEqualTo(MONDAY.plusHours(17));
    assertThat(r.events())
        .filteredOn(e -> e.type() == EventType.BREAK_OF_GAUGE)
        .singleElement()
        .satisfies(e -> assertThat(e.durationHours()).isCloseTo(1, within(1e-9)));
    // The train's legs: 4 h of running in all, at the national tariff per km.
    assertThat(r.legs().stream().mapToDouble(Route.Leg::durationHours).sum())
        .isCloseTo(4, within(1e-6));
    assertThat(r.totals().distanceKm()).isCloseTo(375, within(1e-9));
    // Without the train: 15 h of free rail and the hour at C.
    TestNetworks.Builder plain = line().gaugeChange("BOG", "AZCCC", 1);
    plain.replace(b.link("R3"));
    Route free = at(router(plain.build()), "AZAAA", "AZDDD", MONDAY.plusHours(11));
    assertThat(hours(free)).isCloseTo(16, within(1e-6));
  }
}
