package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karvan.core.model.Mode;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/**
 * The worked example of docs/scenarios.md: Baku ↔ Nakhchivan by road and by rail, today, with the
 * Aras corridor and with TRIPP. The figures follow from the data: the corridor through Iran is
 * Kalaleh - Jolfa, 107 km of road (Kalaleh - Norduz 47 + Norduz - Jolfa 60) and 107 km of rail (the
 * corridor's stated length), entering Nakhchivan over the Jolfa - Julfa crossings; today's road
 * runs via Bilasuvar and Jolfa. (Until 2026-12-01 the corridor crossed back at a placeholder
 * opposite Ordubad, ~61 km of rail in Iran, which no source places.)
 */
class ArasCorridorTest {

  static RouteRequest request(String from, String to, Mode mode) {
    return new RouteRequest(
        from,
        to,
        List.of(),
        ScenarioTest.FEU,
        Objective.TIME,
        Constraints.NONE.withModes(Set.of(mode)));
  }

  static Route route(Router r, String from, String to, Mode mode) {
    RouteRequest q = request(from, to, mode);
    return r.route(q).orElseThrow(() -> new AssertionError(r.explainNoRoute(q)));
  }

  static double kmIn(Route r, String country) {
    return r.countries().stream()
        .filter(c -> c.code().equals(country))
        .mapToDouble(Route.CountryKm::distanceKm)
        .sum();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"AZBAK,AZNAK", "AZNAK,AZBAK"})
  void byRoadTheArasCorridorCutsTheIranianTransitFromAbout310KmToAbout100(String from, String to) {
    Route today = route(ScenarioTest.BASE, from, to, Mode.ROAD);
    Route aras = route(ScenarioTest.under("aras-corridor-open"), from, to, Mode.ROAD);
    assertThat(today.crossings()).contains("BC-BLS-ROAD", "BC-JLF-ROAD");
    assertThat(aras.crossings()).containsExactlyInAnyOrder("BC-AGB-ROAD", "BC-JLF-ROAD");
    assertThat(kmIn(today, "IR")).isGreaterThan(250);
    // Kalaleh - Norduz - Jolfa: 47 + 60 km (Kalaleh - Jolfa 107 km by the road authority) and the
    // crossing links that start in Iran.
    assertThat(kmIn(aras, "IR")).isBetween(104.0, 114.0);
    // The whole trip is about as long either way: Alat-Horadiz-Aghband is as long as
    // Alat-Bilasuvar plus the Iranian road along the Aras.
    assertThat(aras.totals().distanceKm())
        .isLessThanOrEqualTo(today.totals().distanceKm())
        .isGreaterThan(today.totals().distanceKm() - 50);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"AZBAK,AZNAK", "AZNAK,AZBAK"})
  void byRailNakhchivanIsReachableOnlyOverTheArasRailOrTripp(String from, String to) {
    assertThat(ScenarioTest.BASE.route(request(from, to, Mode.RAIL))).isEmpty();
    Route aras = route(ScenarioTest.under("aras-corridor-open"), from, to, Mode.RAIL);
    assertThat(aras.crossings()).containsExactlyInAnyOrder("BC-AGB-RAIL", "BC-JLF-RAIL");
    // The 107 km Kalaleh - Jolfa railway and the crossing link that starts in Iran (the Aghband
    // bridge one way, the 4.1 km Jolfa - Julfa bridge the other).
    assertThat(kmIn(aras, "IR")).isBetween(105.0, 115.0);
    Route tripp = route(ScenarioTest.under("tripp-open"), from, to, Mode.RAIL);
    assertThat(tripp.crossings()).containsExactlyInAnyOrder("BC-TRIPP-E", "BC-TRIPP-W");
    assertThat(kmIn(tripp, "IR")).isZero();
    assertThat(kmIn(tripp, "AM")).isBetween(40.0, 45.0);
  }

  @org.junit.jupiter.api.Test
  void aTruckEndingItsHaulWithinTheTenHourExtensionTakesNoDailyRest() {
    // Baku - Nakhchivan by road today: 548 km at 60 km/h is 9.1 h of driving, just over the 9 h
    // day; the haul ends within the 10 h extension (art. 6(1)), so the schedule is loading 12 h +
    // border 4.3 h (it counts as the first break) + one 45 min break + border 4.3 h + unloading
    // 12 h and the driving, with no 11 h daily rest 8 km short of Nakhchivan.
    Route r = route(ScenarioTest.BASE, "AZBAK", "AZNAK", Mode.ROAD);
    assertThat(r.events())
        .filteredOn(e -> e.type() == Route.EventType.DRIVER_REST)
        .extracting(Route.Event::durationHours)
        .containsExactly(0.75);
    double driving = r.totals().distanceKm() / 60;
    assertThat(r.totals().durationHours())
        .isCloseTo(
            12 + 4.3 + 0.75 + 4.3 + 12 + driving, org.assertj.core.api.Assertions.within(0.05));
  }

  @org.junit.jupiter.api.Test
  void theFastestRailRouteCostsTheSameEachWay() {
    // Rail in Iran enters and leaves by rail over a border: the transit rate applies both ways.
    // National and transit layers take the same time, so the fastest route must take the cheaper
    // (before the tie-break on cost, Nakhchivan -> Baku paid the national rate in Iran: 1,270
    // against 1,221 USD).
    Router aras = ScenarioTest.under("aras-corridor-open");
    double there = route(aras, "AZBAK", "AZNAK", Mode.RAIL).totals().costUsd();
    double back = route(aras, "AZNAK", "AZBAK", Mode.RAIL).totals().costUsd();
    // The crossing links are charged at the rate of the country they start in: the 4.1 km Jolfa -
    // Julfa rail bridge at Iran's transit rate one way and Azerbaijan's the other (about 3 USD).
    assertThat(back).isCloseTo(there, org.assertj.core.api.Assertions.within(5.0));
  }
}
