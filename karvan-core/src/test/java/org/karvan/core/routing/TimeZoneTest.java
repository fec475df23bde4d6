package org.karvan.core.routing;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route.EventType;

/**
 * Timetables in the local time of each port, worked by hand. 2026-12-07 is a Monday; loading and
 * unloading take no time in the test profile, so a ferry route is the wait and the sailing.
 */
class TimeZoneTest {
  static final ZoneOffset BAKU = ZoneOffset.ofHours(4);
  static final ZoneOffset AKTAU = ZoneOffset.ofHours(5);

  static Router router(Network n) {
    return new Router(TestNetworks.compile(n));
  }

  static RouteRequest req(String from, String to) {
    return new RouteRequest(
        from,
        to,
        List.of(),
        Cargo.parse("1x40ft", TestNetworks.PROFILE),
        Objective.TIME,
        Constraints.NONE);
  }

  /** Alat (AZ, Asia/Baku) - Aktau (KZ): a weekly ferry Monday 20:00 from Alat, 22 h at sea. */
  static TestNetworks.Builder caspian(String kzZone) {
    return TestNetworks.builder()
        .node("AZALT", "AZ", 0)
        .node("KZSCO", "KZ", 2)
        .zone("AZ", "Asia/Baku")
        .zone("KZ", kzZone)
        .ferry("F", "AZALT", "KZSCO", 1, 22)
        .timetable("F", "AZALT", List.of(MONDAY), List.of(LocalTime.of(20, 0)))
        .timetable("F", "KZSCO", List.of(DayOfWeek.WEDNESDAY), List.of(LocalTime.of(7, 0)));
  }

  static Route.Event wait(Route r) {
    return r.events().stream()
        .filter(e -> e.type() == EventType.FERRY_WAIT)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aFerryLeavingAlatMonday2000BakuTimeArrivesInAktauTuesday1900AktauTime() {
    // Mon 20:00 +04 = 16:00 UTC; + 22 h = Tue 14:00 UTC = Tue 19:00 +05.
    Route r =
        router(caspian("Asia/Aqtau").build())
            .route(req("AZALT", "KZSCO"), LocalDateTime.of(2026, 12, 7, 12, 0))
            .orElseThrow();
    Route.Leg sea = r.legs().get(0);
    assertThat(sea.departs()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 20, 0, 0, 0, BAKU));
    assertThat(sea.arrives()).isEqualTo(OffsetDateTime.of(2026, 12, 8, 19, 0, 0, 0, AKTAU));
    assertThat(r.departs()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 12, 0, 0, 0, BAKU));
    assertThat(r.arrives()).isEqualTo(OffsetDateTime.of(2026, 12, 8, 19, 0, 0, 0, AKTAU));
    assertThat(wait(r).durationHours()).isCloseTo(8, within(1e-9));
    // 8 h wait + 22 h at sea, though the clocks differ by 31 h.
    assertThat(r.totals().durationHours()).isCloseTo(30, within(1e-9));
  }

  @Test
  void departIsTheLocalTimeAtTheOrigin() {
    Router router = router(caspian("Asia/Aqtau").build());
    // 19:30 in Alat is 30 min before the 20:00 ferry (read on Aktau's clock it would be 90 min,
    // on UTC it would miss it by four and a half hours).
    Route alat =
        router.route(req("AZALT", "KZSCO"), LocalDateTime.of(2026, 12, 7, 19, 30)).orElseThrow();
    assertThat(wait(alat).durationHours()).isCloseTo(0.5, within(1e-9));
    // From Aktau --depart is Aktau time: 06:30 there waits 30 min for the Wednesday 07:00 ship,
    // which reaches Alat Thursday 07:00 + 22 h - 1 h = Thursday 04:00 Baku time.
    Route back =
        router.route(req("KZSCO", "AZALT"), LocalDateTime.of(2026, 12, 9, 6, 30)).orElseThrow();
    assertThat(wait(back).durationHours()).isCloseTo(0.5, within(1e-9));
    assertThat(back.departs()).isEqualTo(OffsetDateTime.of(2026, 12, 9, 6, 30, 0, 0, AKTAU));
    assertThat(back.arrives()).isEqualTo(OffsetDateTime.of(2026, 12, 10, 4, 0, 0, 0, BAKU));
  }

  @Test
  void aNodeZoneOverridesItsCountrysAndHistoryCounts() {
    // January 2024: Almaty (the country's zone) was UTC+6 until 2024-03-01, Aktau UTC+5.
    // 2024-01-15 is a Monday: Mon 20:00 +04 + 22 h = Tue 14:00 UTC.
    LocalDateTime depart = LocalDateTime.of(2024, 1, 15, 19, 0);
    Route country =
        router(caspian("Asia/Almaty").build()).route(req("AZALT", "KZSCO"), depart).orElseThrow();
    assertThat(country.arrives()).isEqualTo(OffsetDateTime.of(2024, 1, 16, 20, 0, 0, 0, offset(6)));
    Route node =
        router(caspian("Asia/Almaty").nodeZone("KZSCO", "Asia/Aqtau").build())
            .route(req("AZALT", "KZSCO"), depart)
            .orElseThrow();
    assertThat(node.arrives()).isEqualTo(OffsetDateTime.of(2024, 1, 16, 19, 0, 0, 0, AKTAU));
    assertThat(node.arrives().toInstant()).isEqualTo(country.arrives().toInstant());
  }

  @Test
  void aDailyFerryKeepsItsLocalTimeAcrossTheEndOfSummerTime() {
    // Europe/Amsterdam leaves summer time on Sunday 2026-10-25 at 03:00 (to 02:00). A daily
    // 10:00 ferry: left Saturday 11:00 CEST (09:00 UTC), the next is Sunday 10:00 CET (09:00 UTC),
    // 24 h later; on one clock it would be 23 h.
    Network n =
        TestNetworks.builder()
            .node("NLAAA", "NL", 0)
            .node("NLBBB", "NL", 1)
            .zone("NL", "Europe/Amsterdam")
            .ferry("F", "NLAAA", "NLBBB", 7, 5)
            .timetable("F", null, List.of(DayOfWeek.values()), List.of(LocalTime.of(10, 0)))
            .build();
    Route r =
        router(n).route(req("NLAAA", "NLBBB"), LocalDateTime.of(2026, 10, 24, 11, 0)).orElseThrow();
    assertThat(wait(r).durationHours()).isCloseTo(24, within(1e-9));
    assertThat(r.departs()).isEqualTo(OffsetDateTime.of(2026, 10, 24, 11, 0, 0, 0, offset(2)));
    assertThat(wait(r).departs())
        .isEqualTo(OffsetDateTime.of(2026, 10, 25, 10, 0, 0, 0, offset(1)));
    // And into summer time on 2026-03-29: Saturday 11:00 CET to Sunday 10:00 CEST is 22 h.
    Route spring =
        router(n).route(req("NLAAA", "NLBBB"), LocalDateTime.of(2026, 3, 28, 11, 0)).orElseThrow();
    assertThat(wait(spring).durationHours()).isCloseTo(22, within(1e-9));
  }

  @Test
  void aTrainLeavesItsFirstStopInItsZoneAndLaterStopsThatInstantPlusTheirHours() {
    // Baku (UTC+4) to a last stop on Istanbul time (UTC+3; one country, so no border in the
    // fixture), 6 h (wagonload: 10 h), Monday 12:00 Baku time = 08:00 UTC: there at 14:00 UTC,
    // 17:00 +03.
    Network n =
        TestNetworks.builder()
            .node("AZBAK", "AZ", 0)
            .node("AZMID", "AZ", 1)
            .node("TRKSY", "AZ", 2)
            .zone("AZ", "Asia/Baku")
            .nodeZone("TRKSY", "Europe/Istanbul")
            .rail("R1", "AZBAK", "AZMID", 125)
            .rail("R2", "AZMID", "TRKSY", 125)
            .train(
                "T",
                List.of("AZBAK", "AZMID", "TRKSY"),
                List.of("AZBAK@0", "TRKSY@6"),
                1,
                List.of(MONDAY),
                List.of(LocalTime.NOON))
            .build();
    Route r =
        router(n).route(req("AZBAK", "TRKSY"), LocalDateTime.of(2026, 12, 7, 11, 0)).orElseThrow();
    assertThat(r.arrives()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 17, 0, 0, 0, offset(3)));
    assertThat(r.events()).anyMatch(e -> e.type() == EventType.TRAIN_WAIT);
    assertThat(r.totals().durationHours()).isCloseTo(7, within(1e-6));
  }

  @Test
  void withoutZonesEverythingRunsOnOneClockAsBefore() {
    Network n =
        TestNetworks.builder()
            .node("A", "AA", 0)
            .node("B", "BB", 2)
            .ferry("F", "A", "B", 1, 22)
            .timetable("F", null, List.of(MONDAY), List.of(LocalTime.of(20, 0)))
            .build();
    Route r = router(n).route(req("A", "B"), LocalDateTime.of(2026, 12, 7, 12, 0)).orElseThrow();
    assertThat(r.arrives()).isEqualTo(OffsetDateTime.of(2026, 12, 8, 18, 0, 0, 0, ZoneOffset.UTC));
  }

  static ZoneOffset offset(int h) {
    return ZoneOffset.ofHours(h);
  }
}
