package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Sailings#next(double, ZoneClock)} in zones with daylight saving time, against a plain
 * reference that lists the local departures of each calendar day with java.time and takes the first
 * instant at or after {@code t}; and FIFO: {@code next} never decreases.
 */
class SailingsZoneTest {
  static final List<String> ZONES =
      List.of("Europe/Amsterdam", "Africa/Cairo", "Europe/Bucharest", "Asia/Baku", "Asia/Almaty");

  /** The reference: every listed weekday and time in {@code zone}, day by day (gap: forward). */
  static double reference(List<DayOfWeek> days, List<LocalTime> times, ZoneId zone, double t) {
    LocalDate d = ZoneClock.UTC.at(t).toLocalDate().minusDays(2);
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 12; i++, d = d.plusDays(1)) {
      if (!days.contains(d.getDayOfWeek())) {
        continue;
      }
      for (LocalTime lt : times) {
        double h = ZoneClock.hours(ZonedDateTime.ofLocal(d.atTime(lt), zone, null).toInstant());
        if (h >= t - 1e-9 && h < best) {
          best = h;
        }
      }
    }
    return Math.max(t, best);
  }

  @Test
  void aWeeklyTimetableMatchesTheCalendarAndNeverDecreasesAcrossDstChanges() {
    Random rnd = new Random(20261201);
    for (String z : ZONES) {
      ZoneId zone = ZoneId.of(z);
      for (int trial = 0; trial < 40; trial++) {
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
          if (rnd.nextInt(3) == 0) {
            days.add(d);
          }
        }
        if (days.isEmpty()) {
          days.add(DayOfWeek.of(1 + rnd.nextInt(7)));
        }
        List<LocalTime> times = new ArrayList<>();
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          // quarter hours, often in the night when the clocks change (00:00 in Cairo, 02:00 to
          // 04:00 in Europe)
          int q = rnd.nextBoolean() ? rnd.nextInt(96) : rnd.nextInt(20);
          times.add(LocalTime.of(q / 4, (q % 4) * 15));
        }
        Sailings s = Sailings.weekly(days, times, false).in(zone);
        // t around the changes of 2026 (March/April and October) and at random in 2025-2027.
        double[] ts = new double[300];
        for (int i = 0; i < ts.length; i++) {
          LocalDateTime base =
              switch (i % 3) {
                case 0 -> LocalDateTime.of(2026, 3, 27, 0, 0);
                case 1 -> LocalDateTime.of(2026, 10, 23, 0, 0);
                default -> LocalDateTime.of(2025, 1, 1, 0, 0);
              };
          double span = i % 3 == 2 ? 3 * 365 * 24 : 7 * 24;
          ts[i] = Sailings.hours(base) + rnd.nextDouble() * span;
        }
        Arrays.sort(ts);
        double prev = Double.NEGATIVE_INFINITY;
        for (double t : ts) {
          double n = s.next(t, null);
          assertThat(n)
              .as("%s %s %s at %s", z, days, times, ZoneClock.UTC.at(t))
              .isGreaterThanOrEqualTo(t);
          assertThat(n)
              .as("%s %s %s at %s", z, days, times, ZoneClock.UTC.at(t))
              .isCloseTo(reference(days, times, zone, t), within(1e-6));
          assertThat(n).isGreaterThanOrEqualTo(prev);
          prev = n;
        }
      }
    }
  }

  @Test
  void aDepartureInTheSpringGapLeavesAnHourLaterAndOneInTheAutumnOverlapTheFirstTime() {
    ZoneId ams = ZoneId.of("Europe/Amsterdam");
    Sailings s = Sailings.weekly(List.of(DayOfWeek.SUNDAY), List.of(LocalTime.of(2, 30)), false);
    Sailings local = s.in(ams);
    // 2026-03-29 02:30 does not exist in Amsterdam: 03:30 CEST = 01:30 UTC.
    double sat = Sailings.hours(LocalDateTime.of(2026, 3, 28, 12, 0));
    assertThat(ZoneClock.UTC.at(local.next(sat, null)).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 30));
    // 2026-10-25 02:30 happens twice: the first (CEST, 00:30 UTC).
    double oct = Sailings.hours(LocalDateTime.of(2026, 10, 24, 12, 0));
    assertThat(ZoneClock.UTC.at(local.next(oct, null)).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 10, 25, 0, 30));
  }

  @Test
  void evenlySpacedDeparturesKeepTheirLocalTimeAndAPortWithoutZoneTakesTheRoutes() {
    // Every 84 h from Monday 2026-03-23 20:00 Cairo time (UTC+2): after Egypt's change to
    // summer time (last Friday of April, 2026-04-24) the ships still leave at 20:00 and 08:00.
    ZoneId cairo = ZoneId.of("Africa/Cairo");
    Sailings s = Sailings.every(84, LocalDateTime.of(2026, 3, 23, 20, 0), true);
    double may = Sailings.hours(LocalDateTime.of(2026, 5, 4, 12, 0));
    double d = s.in(cairo).next(may, null);
    assertThat(ZoneClock.of(cairo).at(d).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 5, 4, 20, 0));
    assertThat(ZoneClock.of(cairo).at(d).getOffset().getTotalSeconds()).isEqualTo(3 * 3600);
    // The same schedule at a port without a zone, on a route whose clock is Cairo's.
    assertThat(s.next(may, ZoneClock.of(cairo))).isEqualTo(d);
    // ... and on the UTC clock, 20:00 UTC.
    assertThat(ZoneClock.UTC.at(s.next(may)).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 5, 4, 20, 0));
  }

  @Test
  void aTrainStopDownTheLineLeavesTheFirstStopsInstantPlusItsHours() {
    Sailings first =
        Sailings.weekly(List.of(DayOfWeek.MONDAY), List.of(LocalTime.NOON), false)
            .in(ZoneId.of("Asia/Baku"));
    Sailings later = first.shifted(30);
    double t = Sailings.hours(LocalDateTime.of(2026, 12, 7, 0, 0));
    assertThat(later.next(t, null)).isCloseTo(first.next(t, null) + 30, within(1e-9));
    assertThat(ZoneClock.UTC.at(later.next(t, null)).toLocalDateTime())
        .isEqualTo(LocalDateTime.of(2026, 12, 8, 14, 0));
  }
}
