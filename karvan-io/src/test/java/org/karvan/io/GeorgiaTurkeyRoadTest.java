package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Mode;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/**
 * The Georgia - Türkiye road crossings of 2026-12-01 (Sarpi - Sarp, Vale - Türkgözü; issue 11): a
 * truck between Azerbaijan and Nakhchivan with the Iranian border closed, and one from Poti to
 * Türkiye, goes through Georgia and Türkiye, not through Armenia and Iran.
 */
class GeorgiaTurkeyRoadTest {
  static final Set<String> GE_TR = Set.of("BC-SRP-ROAD", "BC-VAL-ROAD");

  static Route road(Router r, String from, String to, Set<String> avoid) {
    RouteRequest q =
        new RouteRequest(
            from,
            to,
            List.of(),
            ScenarioTest.FEU,
            Objective.TIME,
            Constraints.NONE.withModes(Set.of(Mode.ROAD)).withAvoidCrossings(avoid));
    return r.route(q).orElseThrow(() -> new AssertionError(r.explainNoRoute(q)));
  }

  static boolean touches(String crossing, String country) {
    BorderCrossing c = ScenarioTest.NET.findCrossing(crossing).orElseThrow();
    return ScenarioTest.NET.getNode(c.nodeA()).country().equals(country)
        || ScenarioTest.NET.getNode(c.nodeB()).country().equals(country);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"AZBAK,AZNAK", "AZNAK,AZBAK"})
  void withTheIranianBorderClosedBakuNakhchivanByRoadRunsThroughGeorgiaAndTurkiye(
      String from, String to) {
    Router closed = ScenarioTest.under("az-ir-border-closed");
    Route r = road(closed, from, to, Set.of());
    // Red Bridge, Vale - Türkgözü, Sadarak - Dilucu: the Middle Corridor road and the D 080.
    assertThat(r.crossings())
        .containsExactlyInAnyOrder("BC-RBR-ROAD", "BC-VAL-ROAD", "BC-SDR-ROAD")
        .noneMatch(c -> touches(c, "AM") || touches(c, "IR"));
    assertThat(ArasCorridorTest.kmIn(r, "AM")).isZero();
    assertThat(ArasCorridorTest.kmIn(r, "IR")).isZero();
    // Baku - Red Bridge 503 (M-2) + 1 + Tbilisi 57 + Khashuri 120 + Akhaltsikhe 80 + Vale 17 + 2
    // + Posof 16 + Ardahan 75 + Kars 83 + Iğdır 130 + Dilucu 86 + Umut bridge 0.3 + Nakhchivan 86
    // = 1,256.3 km.
    assertThat(r.totals().distanceKm()).isCloseTo(1256.3, within(1.0));

    // Without the two new crossings the same request goes round through Armenia and Iran
    // (Sadakhlo, Norduz, Bazargan), twice as far: the route the new-user trial found.
    Route before = road(closed, from, to, GE_TR);
    assertThat(before.crossings()).anyMatch(c -> touches(c, "AM"));
    assertThat(ArasCorridorTest.kmIn(before, "IR")).isGreaterThan(300);
    assertThat(before.totals().distanceKm()).isGreaterThan(2 * r.totals().distanceKm() - 100);
    assertThat(before.totals().durationHours()).isGreaterThan(r.totals().durationHours());
  }

  @Test
  void potiToAnkaraByRoadCrossesStraightIntoTurkiye() {
    Route r = road(ScenarioTest.BASE, "GEPTI", "TRANK", Set.of());
    assertThat(r.crossings()).hasSize(1).allMatch(GE_TR::contains);
    assertThat(r.countries()).extracting(Route.CountryKm::code).containsExactly("GE", "TR");
  }

  @ParameterizedTest(name = "{0}: GE -> TR {1} h, TR -> GE {2} h")
  @CsvSource({
    // Sarpi's own CPMM 2022 outbound time (Georgia, Table 3.6), issue 11 border times per crossing.
    "BC-SRP-ROAD, 20.8, 1.6",
    // Vale has no crossing figure: CPMM 2023 Georgia, all road BCPs, outbound 45.3 h.
    "BC-VAL-ROAD, 45.3, 1.6"
  })
  void bothCrossingsCarryGeorgianCpmmTimesEachWay(String id, double out, double in) {
    BorderCrossing c = ScenarioTest.NET.findCrossing(id).orElseThrow();
    assertThat(ScenarioTest.NET.getNode(c.nodeA()).country()).isEqualTo("GE");
    assertThat(ScenarioTest.NET.getNode(c.nodeB()).country()).isEqualTo("TR");
    // Inbound is Georgia's all-BCP 2023 figure at both (CPMM lists no Sarpi inbound time);
    // P90 = 2 x mean.
    assertThat(c.ab().meanH()).isEqualTo(out);
    assertThat(c.ab().p90H()).isEqualTo(2 * out);
    assertThat(c.ba().meanH()).isEqualTo(in);
    assertThat(c.ba().p90H()).isEqualTo(2 * in);
  }

  @Test
  void potiToAnkaraTakesSarpiNowThatItsOwnTimeIsBelowTheGeorgianAverage() {
    // Via Sarpi the border is 24.5 h shorter than via Vale; the roads are within a few km of each
    // other (Sarpi's was 24 km longer until Hopa-Trabzon took the KGM table's 160 km for 188).
    Route r = road(ScenarioTest.BASE, "GEPTI", "TRANK", Set.of());
    assertThat(r.crossings()).containsExactly("BC-SRP-ROAD");
    Route vale = road(ScenarioTest.BASE, "GEPTI", "TRANK", Set.of("BC-SRP-ROAD"));
    assertThat(vale.crossings()).containsExactly("BC-VAL-ROAD");
    assertThat(r.totals().distanceKm())
        .isCloseTo(vale.totals().distanceKm(), org.assertj.core.api.Assertions.within(30.0));
    assertThat(r.totals().durationHours()).isLessThan(vale.totals().durationHours() - 20);
  }
}
