package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Departures;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/** {@code --depart} on the default network: departures.csv, and timed routes that add up. */
class DefaultTimetableTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile PROFILE = ProfileReader.readDefault();
  static final Router ROUTER = new Router(MultimodalGraph.compile(NET, PROFILE));
  static final LocalDateTime TUE_0800 = LocalDateTime.of(2026, 12, 1, 8, 0);

  /** Aktau (Asia/Aqtau) and Baku (Asia/Baku) time in December 2026. */
  static final ZoneOffset AKTAU = ZoneOffset.ofHours(5);

  static final ZoneOffset BAKU = ZoneOffset.ofHours(4);

  static RouteRequest req(String from, String to) {
    return req(from, to, Constraints.NONE);
  }

  static RouteRequest req(String from, String to, Constraints c) {
    return new RouteRequest(from, to, List.of(), Cargo.parse("1x40ft", PROFILE), Objective.TIME, c);
  }

  static Route.Event ferryWait(Route r) {
    return r.events().stream()
        .filter(e -> e.type() == EventType.FERRY_WAIT)
        .findFirst()
        .orElseThrow();
  }

  /** Steps in travel order as [start, end, hours]. */
  static List<Object[]> steps(Route r) {
    List<Object[]> all = new ArrayList<>();
    r.legs()
        .forEach(l -> all.add(new Object[] {l.seq(), l.departs(), l.arrives(), l.durationHours()}));
    r.events()
        .forEach(e -> all.add(new Object[] {e.seq(), e.arrives(), e.departs(), e.durationHours()}));
    all.sort(Comparator.comparingInt(x -> (int) x[0]));
    return all;
  }

  @Test
  void everyCaspianAndVanFerryHasAnAnchorAtEachEnd() {
    for (String link :
        List.of("F-ALT-SCO", "F-ALT-KUR", "F-ALT-KRW", "F-KUR-AMR", "F-KUR-BAZ", "F-VAN-TTV")) {
      var l = NET.getLink(link);
      for (String end : List.of(l.from(), l.to())) {
        Departures d = NET.findDepartures(link, end).orElseThrow();
        assertThat(d.anchor()).as(link + " from " + end).isNotNull();
        assertThat(d.provenance().isEstimated("anchor")).isTrue();
      }
    }
    assertThat(NET.warnings()).noneMatch(p -> p.toString().contains("departures.csv"));
  }

  @Test
  void aTimedRouteAddsUpAndWaitsForADepartureOnTheAnchorGrid() {
    // --depart is Aktau time (UTC+5); the route ends in Baku (UTC+4).
    Route r = ROUTER.route(req("KZSCO", "AZBAK"), TUE_0800).orElseThrow();
    assertThat(r.departs()).isEqualTo(TUE_0800.atOffset(AKTAU));
    assertThat(r.arrives().getOffset()).isEqualTo(BAKU);
    List<Object[]> steps = steps(r);
    double sum = 0;
    for (int i = 0; i < steps.size(); i++) {
      OffsetDateTime start = (OffsetDateTime) steps.get(i)[1];
      OffsetDateTime end = (OffsetDateTime) steps.get(i)[2];
      if (i > 0) {
        // back to back: the same instant (in the local times of the places, which may differ)
        assertThat(start.toInstant()).isEqualTo(((OffsetDateTime) steps.get(i - 1)[2]).toInstant());
      }
      sum += (double) steps.get(i)[3];
      // Each end is the departure plus the hours so far, to the minute.
      assertThat(end.toInstant())
          .isEqualTo(TUE_0800.atOffset(AKTAU).plusMinutes(Math.round(sum * 60)).toInstant());
    }
    assertThat(Duration.between(r.departs(), r.arrives()).toMinutes())
        .isEqualTo(Math.round(r.totals().durationHours() * 60));
    Route.Event wait = ferryWait(r);
    // F-ALT-SCO from Aktau: 2 a week (84 h) through Wed 2026-01-07 07:00 Aktau time.
    assertThat(r.links()).contains("F-ALT-SCO");
    assertThat(wait.departs().getOffset()).isEqualTo(AKTAU);
    long h =
        Duration.between(LocalDateTime.of(2026, 1, 7, 7, 0), wait.departs().toLocalDateTime())
            .toMinutes();
    assertThat(h % (84 * 60)).isZero();
    assertThat(wait.durationHours()).isBetween(0.0, 84.0);
  }

  @Test
  void leavingAfterTheSailingWaitsForTheNextOne() {
    // Aktau's sailings: Wed 2026-12-02 07:00 and Sat 19:00 Aktau time. Arriving at the quay after
    // 06:00
    // means the Saturday ship, 84 h later.
    Route early = ROUTER.route(req("KZSCO", "AZBAK"), TUE_0800).orElseThrow();
    Route late = ROUTER.route(req("KZSCO", "AZBAK"), TUE_0800.plusHours(12)).orElseThrow();
    assertThat(late.arrives()).isAfter(early.arrives());
    assertThat(Duration.between(early.arrives(), late.arrives()).toHours())
        .isGreaterThanOrEqualTo(12);
  }

  @Test
  void withoutDepartTheRouteIsUntimedAndUnchanged() {
    Route r = ROUTER.route(req("INNSA", "RUMOW")).orElseThrow();
    assertThat(r.departs()).isNull();
    assertThat(r.legs()).allMatch(l -> l.departs() == null);
    Route timed = ROUTER.route(req("INNSA", "RUMOW"), TUE_0800).orElseThrow();
    assertThat(timed.arrives()).isNotNull();
    assertThat(Duration.between(timed.departs(), timed.arrives()).toMinutes())
        .isCloseTo(Math.round(timed.totals().durationHours() * 60), within(1L));
  }

  @Test
  void aScenarioThatDoublesTheSailingsHalvesTheHeadwayFromTheAnchor() {
    String yaml =
        "name: t\nmodifications:\n  - type: scale-sailings\n    links: [F-ALT-SCO]\n"
            + "    factor: 2\n";
    var sc =
        org.karvan.io.scenario.ScenarioReader.read(
            yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8), "t.yaml");
    Router r =
        new Router(
            MultimodalGraph.compile(NET, PROFILE),
            org.karvan.core.scenario.ScenarioView.apply(NET, PROFILE, List.of(sc)));
    // At the quay Wed 2026-12-02 14:00 Aktau time: 4 a week (42 h) through Wed 2026-01-07 07:00
    // gives Fri 01:00 (the base 84 h grid: Sat 19:00).
    LocalDateTime quay = LocalDateTime.of(2026, 12, 2, 14, 0);
    RouteRequest byFerry =
        req(
            "KZSCO",
            "AZALT",
            Constraints.NONE.withModes(java.util.Set.of(org.karvan.core.model.Mode.FERRY)));
    Route timed = r.route(byFerry, quay.minusHours(18)).orElseThrow();
    Route base = ROUTER.route(byFerry, quay.minusHours(18)).orElseThrow();
    assertThat(ferryWait(base).departs())
        .isEqualTo(LocalDateTime.of(2026, 12, 5, 19, 0).atOffset(AKTAU));
    Route.Event wait = ferryWait(timed);
    assertThat(timed.links()).containsExactly("F-ALT-SCO");
    assertThat(wait.arrives()).isEqualTo(quay.atOffset(AKTAU));
    assertThat(wait.departs()).isEqualTo(LocalDateTime.of(2026, 12, 4, 1, 0).atOffset(AKTAU));
  }

  @Test
  void theJsonGivesLocalTimesWithTheirOffsetAndTheTableTheCompactForm() {
    Route r = ROUTER.route(req("KZSCO", "AZBAK"), TUE_0800).orElseThrow();
    var json = org.karvan.io.route.RouteJson.route(NET, r);
    assertThat(json.get("departs").asText()).isEqualTo("2026-12-01T08:00+05:00");
    assertThat(json.get("arrives").asText()).endsWith("+04:00");
    assertThat(json.get("legs").get(0).get("departs").asText()).endsWith("+05:00");
    assertThat(org.karvan.io.route.RouteTimes.compact(r.departs()))
        .isEqualTo("Tue 2026-12-01 08:00 +05");
    assertThat(
            org.karvan.io.route.RouteTimes.compact(
                OffsetDateTime.of(2026, 12, 8, 12, 0, 0, 0, ZoneOffset.ofHoursMinutes(3, 30))))
        .isEqualTo("Tue 2026-12-08 12:00 +03:30");
  }
}
