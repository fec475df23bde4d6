package org.karvan.core.routing;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.EventType;

/**
 * Routes with {@code --depart} over timetables, worked out by hand. Ferries A–B (no handling, no
 * customs in {@link TestNetworks#PROFILE}): the route is loading, the wait, the sailing, unloading.
 * 2026-12-01 is a Tuesday.
 */
class TimetableTest {
  static final LocalDateTime TUE_0800 = LocalDateTime.of(2026, 12, 1, 8, 0);

  static Router router(Network n) {
    return new Router(TestNetworks.compile(n));
  }

  static RouteRequest ab(Objective o) {
    return new RouteRequest(
        "A", "B", List.of(), Cargo.parse("1x40ft", TestNetworks.PROFILE), o, Constraints.NONE);
  }

  static TestNetworks.Builder ferryMonThu() {
    return TestNetworks.builder()
        .node("A", "AA", 0)
        .node("B", "BB", 2)
        .ferry("F", "A", "B", 2, 20)
        .timetable("F", null, List.of(MONDAY, THURSDAY), List.of(LocalTime.of(10, 0)));
  }

  static Event waitOf(Route r) {
    return r.events().stream()
        .filter(e -> e.type() == EventType.FERRY_WAIT)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFerryOnMondayAndThursdayAt10LeftOnTuesdayAt8WaitsUntilThursday() {
    Route r = router(ferryMonThu().build()).route(ab(Objective.TIME), TUE_0800).orElseThrow();
    Event w = waitOf(r);
    assertThat(w.durationHours()).isCloseTo(50, within(1e-9));
    assertThat(w.arrives().toLocalDateTime()).isEqualTo(TUE_0800);
    assertThat(w.departs().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 10, 0));
    Route.Leg sea = r.legs().get(0);
    assertThat(sea.departs().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 10, 0));
    assertThat(sea.arrives().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 4, 6, 0));
    assertThat(r.totals().durationHours()).isCloseTo(70, within(1e-9));
    assertThat(r.objectiveValue()).isCloseTo(70, within(1e-9));
    assertThat(r.departs().toLocalDateTime()).isEqualTo(TUE_0800);
    assertThat(r.arrives().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 4, 6, 0));
  }

  @Test
  void withoutDepartTheWaitIsHalfTheHeadwayAndNothingIsTimed() {
    Route r = router(ferryMonThu().build()).route(ab(Objective.TIME)).orElseThrow();
    assertThat(waitOf(r).durationHours()).isCloseTo(42, within(1e-9));
    assertThat(r.legs()).allMatch(l -> l.departs() == null && l.arrives() == null);
    assertThat(r.events()).allMatch(e -> e.departs() == null && e.arrives() == null);
    assertThat(r.departs()).isNull();
  }

  @Test
  void leavingAtTheMinuteOfADepartureWaitsNothing() {
    LocalDateTime thu = LocalDateTime.of(2026, 12, 3, 10, 0);
    Route r = router(ferryMonThu().build()).route(ab(Objective.TIME), thu).orElseThrow();
    assertThat(waitOf(r).durationHours()).isCloseTo(0, within(1e-9));
    assertThat(r.arrives().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 4, 6, 0));
    // One minute later: the Monday sailing, 3 days 23 h 59 min on.
    Route late =
        router(ferryMonThu().build()).route(ab(Objective.TIME), thu.plusMinutes(1)).orElseThrow();
    assertThat(waitOf(late).durationHours()).isCloseTo(96 - 1 / 60.0, within(1e-9));
  }

  @Test
  void anAnchorSpacesDeparturesEvenlyAtTheHeadway() {
    // 2 a week = every 84 h through Mon 2026-01-05 06:00: ... Mon 06:00, Thu 18:00 (Dec 3).
    Network n =
        TestNetworks.builder()
            .node("A", "AA", 0)
            .node("B", "BB", 2)
            .ferry("F", "A", "B", 2, 20)
            .anchor("F", null, LocalDateTime.of(2026, 1, 5, 6, 0))
            .build();
    Route r = router(n).route(ab(Objective.TIME), TUE_0800).orElseThrow();
    assertThat(waitOf(r).durationHours()).isCloseTo(58, within(1e-9));
    assertThat(waitOf(r).detail()).contains("estimated");
  }

  @Test
  void aServiceWithoutARowIsSpacedFromTheDefaultAnchor() {
    // Every 84 h from Mon 2024-01-01 00:00: the first after Tue 2026-12-01 08:00 is Thu 12:00.
    Network n =
        TestNetworks.builder()
            .node("A", "AA", 0)
            .node("B", "BB", 2)
            .ferry("F", "A", "B", 2, 20)
            .build();
    Route r = router(n).route(ab(Objective.TIME), TUE_0800).orElseThrow();
    assertThat(waitOf(r).departs().toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 12, 3, 12, 0));
    assertThat(waitOf(r).detail()).contains("estimated: every 84 h");
  }

  @Test
  void eachEndCanHaveItsOwnTimetable() {
    Network n =
        TestNetworks.builder()
            .node("A", "AA", 0)
            .node("B", "BB", 2)
            .ferry("F", "A", "B", 1, 20)
            .timetable("F", "A", List.of(TUESDAY), List.of(LocalTime.of(9, 0)))
            .timetable("F", "B", List.of(MONDAY), List.of(LocalTime.of(9, 0)))
            .build();
    Router router = router(n);
    Route ab = router.route(ab(Objective.TIME), TUE_0800).orElseThrow();
    assertThat(waitOf(ab).durationHours()).isCloseTo(1, within(1e-9));
    RouteRequest ba =
        new RouteRequest(
            "B",
            "A",
            List.of(),
            Cargo.parse("1x40ft", TestNetworks.PROFILE),
            Objective.TIME,
            Constraints.NONE);
    Route back = router.route(ba, TUE_0800).orElseThrow();
    assertThat(waitOf(back).durationHours()).isCloseTo(6 * 24 + 1, within(1e-9));
  }

  /**
   * F1 sails weekly (Tuesday 09:00, 5 h), F2 daily (20:00, 30 h). On expected waits F2 is faster
   * (12 + 30 = 42 h against 84 + 5 = 89 h); leaving Tuesday 08:00, F1 arrives at 14:00 the same day
   * and F2 only on Thursday 02:00. The earliest arrival takes F1; a cost route is only timed.
   */
  @Test
  void theEarliestArrivalTakesTheSailingThatLeavesSoonest() {
    List<DayOfWeek> all = List.of(DayOfWeek.values());
    Network n =
        TestNetworks.builder()
            .node("A", "AA", 0)
            .node("B", "BB", 2)
            .ferry("F1", "A", "B", 1, 5)
            .ferry("F2", "A", "B", 7, 30)
            .timetable("F1", null, List.of(TUESDAY), List.of(LocalTime.of(9, 0)))
            .timetable("F2", null, all, List.of(LocalTime.of(20, 0)))
            .build();
    Router router = router(n);
    assertThat(router.route(ab(Objective.TIME)).orElseThrow().links()).containsExactly("F2");
    Route timed = router.route(ab(Objective.TIME), TUE_0800).orElseThrow();
    assertThat(timed.links()).containsExactly("F1");
    assertThat(timed.arrives().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 0));
    Route late = router.route(ab(Objective.TIME), TUE_0800.plusHours(2)).orElseThrow();
    assertThat(late.links()).containsExactly("F2");
    assertThat(late.arrives().toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 12, 3, 2, 0));
  }

  @Test
  void stepsAreBackToBackAndSumToTheTotal() {
    Network n =
        ferryMonThu()
            .node("C", "BB", 3)
            .road("BC", "B", "C", 150)
            .roadFerry("T-B", "B", 1.5)
            .build();
    RouteRequest rq =
        new RouteRequest(
            "A",
            "C",
            List.of(),
            Cargo.parse("1x40ft", TestNetworks.PROFILE),
            Objective.TIME,
            Constraints.NONE);
    Route r = router(n).route(rq, TUE_0800).orElseThrow();
    List<java.time.OffsetDateTime[]> steps = new java.util.ArrayList<>();
    List<Object[]> all = new java.util.ArrayList<>();
    r.legs().forEach(l -> all.add(new Object[] {l.seq(), l.departs(), l.arrives()}));
    r.events().forEach(e -> all.add(new Object[] {e.seq(), e.arrives(), e.departs()}));
    all.sort(java.util.Comparator.comparingInt(x -> (int) x[0]));
    all.forEach(
        x ->
            steps.add(
                new java.time.OffsetDateTime[] {
                  (java.time.OffsetDateTime) x[1], (java.time.OffsetDateTime) x[2]
                }));
    for (int i = 1; i < steps.size(); i++) {
      assertThat(steps.get(i)[0]).isEqualTo(steps.get(i - 1)[1]);
    }
    // 50 h wait, 20 h sailing, 1.5 h transfer, 3 h road.
    assertThat(r.arrives().toLocalDateTime())
        .isEqualTo(TUE_0800.plusMinutes(Math.round(74.5 * 60)));
    assertThat(r.totals().durationHours()).isCloseTo(74.5, within(1e-9));
  }
}
