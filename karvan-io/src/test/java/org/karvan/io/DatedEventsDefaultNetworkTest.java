package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.scenario.ScenarioReader;

/** The dated events shipped in data/default-network/events.csv, as a user meets them. */
class DatedEventsDefaultNetworkTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile PROFILE = ProfileReader.readDefault();
  static final Router ROUTER = new Router(MultimodalGraph.compile(NET, PROFILE));
  static final Cargo FEU = Cargo.parse("1x40ft", PROFILE);

  static Route route(String from, String to, Set<Mode> modes, String day) {
    Constraints c = new Constraints(null, false, Set.of(), Set.of(), Set.of(), Set.of(), modes);
    return ROUTER
        .on(LocalDate.parse(day))
        .route(new RouteRequest(from, to, List.of(), FEU, Objective.TIME, c))
        .orElseThrow();
  }

  static boolean azIr(String crossing) {
    var c = NET.getCrossing(crossing);
    Set<String> pair = Set.of(NET.countryOf(c.nodeA()), NET.countryOf(c.nodeB()));
    return pair.equals(Set.of("AZ", "IR"));
  }

  @Test
  void everyShippedEventHasSourcesAndDates() {
    assertThat(NET.events())
        .extracting(NetworkEvent::id)
        .contains(
            "HORMUZ_CLOSED_2026",
            "HORMUZ_RESTRICTED_2026",
            "AZ_IR_TRUCKS_2026_03",
            "RED_SEA_DIVERSION");
    for (NetworkEvent e : NET.events()) {
      assertThat(e.provenance().sources()).as(e.id()).isNotEmpty();
      assertThat(e.start()).as(e.id()).isNotNull();
    }
    assertThat(
            NET.events().stream()
                .filter(e -> e.severity() == NetworkEvent.Severity.RESTRICTED)
                .allMatch(e -> !e.provenance().estimated().isEmpty()))
        .as("restriction figures are estimates and marked as such")
        .isTrue();
  }

  @Test
  void bakuToTehranByRoadAvoidsTheAzIrBorderDuringTheTruckSuspension() {
    Route during = route("AZBAK", "IRTHR", Set.of(Mode.ROAD), "2026-03-06");
    Route after = route("AZBAK", "IRTHR", Set.of(Mode.ROAD), "2026-03-10");
    Route before = route("AZBAK", "IRTHR", Set.of(Mode.ROAD), "2026-03-04");
    assertThat(during.crossings()).noneMatch(DatedEventsDefaultNetworkTest::azIr);
    assertThat(after.crossings()).anyMatch(DatedEventsDefaultNetworkTest::azIr);
    assertThat(before.crossings()).isEqualTo(after.crossings());
    assertThat(during.totals().durationHours()).isGreaterThan(after.totals().durationHours());
    // Only trucks were suspended: the Astara rail crossing stays open.
    Route rail = route("AZBAK", "IRAST", Set.of(Mode.RAIL), "2026-03-06");
    assertThat(rail.crossings()).anyMatch(DatedEventsDefaultNetworkTest::azIr);
    assertThat(rail).isEqualTo(route("AZBAK", "IRAST", Set.of(Mode.RAIL), "2026-03-10"));
  }

  @Test
  void aScenarioFileAddsAnEventCheckedLikeARowOfEventsCsv() {
    String yaml =
        String.join(
            "\n",
            "name: rail-closure",
            "modifications:",
            "  - type: add-event",
            "    id: AZ_IR_RAIL_2027",
            "    target_type: COUNTRY_PAIR",
            "    targets: AZ-IR",
            "    start: 2027-01-10",
            "    end: 2027-01-20",
            "    severity: CLOSED",
            "    modes: RAIL",
            "    sources: 'what-if: a rail closure'",
            "");
    var s = ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "rail.yaml");
    Router under = new Router(ROUTER.graph(), ScenarioView.apply(NET, PROFILE, List.of(s)));
    Constraints rail =
        new Constraints(2030, false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Mode.RAIL));
    RouteRequest q = new RouteRequest("AZBAK", "IRAST", List.of(), FEU, Objective.TIME, rail);
    // During it the rail route goes round the Caspian (Russia, Kazakhstan, Turkmenistan).
    assertThat(under.on(LocalDate.parse("2027-01-15")).route(q).orElseThrow().crossings())
        .noneMatch(DatedEventsDefaultNetworkTest::azIr);
    assertThat(under.on(LocalDate.parse("2027-01-21")).route(q).orElseThrow().crossings())
        .anyMatch(DatedEventsDefaultNetworkTest::azIr);
    String bad = yaml.replace("end: 2027-01-20", "end: 2027-01-01");
    var sb = ScenarioReader.read(bad.getBytes(StandardCharsets.UTF_8), "bad.yaml");
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> ScenarioView.apply(NET, PROFILE, List.of(sb)));
    assertThat(e.errors())
        .extracting(Problem::toString)
        .containsExactly(
            "bad.yaml:3: modifications[0].end: end 2027-01-01 is before start 2027-01-10");
  }

  @Test
  void hormuzIsAvoidedWhileClosedAndCarriesTheRestrictionAfter() {
    Route closed = route("INNSA", "IRBND", Set.of(), "2026-03-15");
    assertThat(closed.chokepoints()).doesNotContain("HORMUZ");
    Route restricted = route("INNSA", "IRBND", Set.of(), "2026-05-01");
    Route before = route("INNSA", "IRBND", Set.of(), "2026-01-15");
    assertThat(restricted.chokepoints()).contains("HORMUZ");
    assertThat(restricted.disruptions())
        .extracting(Route.Disruption::id)
        .containsExactly("HORMUZ_RESTRICTED_2026");
    NetworkEvent ev =
        NET.events().stream()
            .filter(e -> e.id().equals("HORMUZ_RESTRICTED_2026"))
            .findFirst()
            .orElseThrow();
    assertThat(restricted.totals().durationHours() - before.totals().durationHours())
        .isCloseTo(ev.delayMeanH(), within(1e-6));
    assertThat(restricted.totals().costUsd() - before.totals().costUsd())
        .isCloseTo(2 * ev.surchargeUsdPerTeu(), within(1e-6));
    assertThat(before.disruptions()).isEmpty();
    assertThat(before.chokepoints()).contains("HORMUZ");
  }
}
