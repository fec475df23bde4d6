package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.karvan.core.graph.HoursOfService.Clock;
import org.karvan.core.graph.HoursOfService.Rest;
import org.karvan.core.graph.HoursOfService.RestKind;
import org.karvan.core.graph.HoursOfService.Rules;

/**
 * Schedules worked out by hand from Reg. (EC) 561/2006 (docs/cost-model.md, "Hours of service").
 */
class HoursOfServiceTest {
  static final Rules ONE = new Rules(1, 4.5, 0.75, 9, 11, 45, 6, 56, 90, 10, 2);
  static final Rules TWO = new Rules(2, 4.5, 0.75, 18, 9, 45, 6, 112, 180, 20, 2);
  static final double KMH = 60;

  static double total(List<Rest> rests) {
    return rests.stream().mapToDouble(Rest::durationH).sum();
  }

  static long count(List<Rest> rests, RestKind k) {
    return rests.stream().filter(r -> r.kind() == k).count();
  }

  /**
   * Single driver. 4 h: nothing. 5 h: 4.5 + break + 0.5. 10 h: 4.5 B 4.5 D 1. 20 h: two days of 4.5
   * B 4.5 then D, then 2 h. 60 h: six 9-h days (a break each, five daily rests), the weekly rest,
   * then 4.5 B 1.5. 100 h: week 1 six days (54 h), weekly rest; week 2 may drive only 90 - 54 = 36
   * h (four days, three daily rests), weekly rest; week 3 a 9-h day, a daily rest, 1 h. Breaks: one
   * in each 9-h day (11) = 8.25 h; daily 5 + 3 + 1 = 9 x 11 = 99 h; weekly 2 x 45 = 90 h.
   */
  @ParameterizedTest(name = "{0} h single driver")
  @CsvSource({
    "4, 0, 0, 0, 0",
    "5, 0.75, 1, 0, 0",
    "10, 11.75, 1, 1, 0",
    "20, 23.5, 2, 2, 0",
    "60, 105.25, 7, 5, 1",
    "100, 197.25, 11, 9, 2"
  })
  void singleDriver(double h, double rest, long breaks, long daily, long weekly) {
    List<Rest> r = HoursOfService.schedule(ONE, h, h * KMH);
    assertThat(total(r)).isCloseTo(rest, within(1e-9));
    assertThat(count(r, RestKind.BREAK)).isEqualTo(breaks);
    assertThat(count(r, RestKind.DAILY_REST)).isEqualTo(daily);
    assertThat(count(r, RestKind.WEEKLY_REST)).isEqualTo(weekly);
  }

  /**
   * A haul that ends within the 10 h extension drives on (art. 6(1)): 9.8 h is 4.5 B 4.5 B 0.8, the
   * second break due after 4.5 h since the first, and no daily rest; 10.5 h (more than the
   * extension) keeps the daily rest at 9 h. Knowing nothing of the rest of the haul ({@code
   * schedule}), 9.8 h rests at 9 h as before. Split over two drives (8.5 h, then the last 1.3 h),
   * the first knows what follows and the haul ends without a daily rest too.
   */
  @Test
  void aHaulEndingWithinTheExtensionDrivesOn() {
    List<Rest> end = new Clock(ONE).drive(9.8, 9.8 * KMH, 0);
    assertThat(end).extracting(Rest::kind).containsExactly(RestKind.BREAK, RestKind.BREAK);
    assertThat(end.get(1).drivenH()).isCloseTo(9.0, within(1e-9));
    List<Rest> longer = new Clock(ONE).drive(10.5, 10.5 * KMH, 0);
    assertThat(longer).extracting(Rest::kind).containsExactly(RestKind.BREAK, RestKind.DAILY_REST);
    assertThat(HoursOfService.schedule(ONE, 9.8, 9.8 * KMH))
        .extracting(Rest::kind)
        .containsExactly(RestKind.BREAK, RestKind.DAILY_REST);
    Clock split = new Clock(ONE);
    List<Rest> first = split.drive(8.5, 8.5 * KMH, 1.3);
    List<Rest> second = split.drive(1.3, 1.3 * KMH, 0);
    assertThat(first).extracting(Rest::kind).containsExactly(RestKind.BREAK);
    assertThat(second).extracting(Rest::kind).containsExactly(RestKind.BREAK);
    // Two drivers extend each to 10 h: a 19.5 h haul needs no daily rest, a 21 h one does.
    assertThat(new Clock(TWO).drive(19.5, 19.5 * KMH, 0)).isEmpty();
    assertThat(new Clock(TWO).drive(21, 21 * KMH, 0))
        .extracting(Rest::kind)
        .containsExactly(RestKind.DAILY_REST);
  }

  /**
   * Two drivers: no stop for breaks (taken aboard), 18 h per period, a 9 h stationary rest. 100 h:
   * five periods of 18 h (90 h) and 10 h; five rests, all daily (the sixth period is not reached).
   */
  @ParameterizedTest(name = "{0} h two drivers")
  @CsvSource({"5, 0, 0", "10, 0, 0", "20, 9, 1", "60, 27, 3", "100, 45, 5"})
  void twoDrivers(double h, double rest, long daily) {
    List<Rest> r = HoursOfService.schedule(TWO, h, h * KMH);
    assertThat(total(r)).isCloseTo(rest, within(1e-9));
    assertThat(count(r, RestKind.DAILY_REST)).isEqualTo(daily);
    assertThat(count(r, RestKind.BREAK)).isZero();
    assertThat(count(r, RestKind.WEEKLY_REST)).isZero();
  }

  @Test
  void twoDriversTakeTheWeeklyRestAfterSixPeriods() {
    // 6 x 18 = 108 h, then the weekly rest, then 2 h: five daily rests and one weekly.
    List<Rest> r = HoursOfService.schedule(TWO, 110, 110 * KMH);
    assertThat(count(r, RestKind.DAILY_REST)).isEqualTo(5);
    assertThat(count(r, RestKind.WEEKLY_REST)).isEqualTo(1);
    assertThat(r.get(5).drivenH()).isCloseTo(108, within(1e-9));
  }

  @Test
  void restsAreWhereTheyHappenAndNoneAtTheEnd() {
    List<Rest> r = HoursOfService.schedule(ONE, 20, 1200);
    assertThat(r)
        .extracting(Rest::kind)
        .containsExactly(RestKind.BREAK, RestKind.DAILY_REST, RestKind.BREAK, RestKind.DAILY_REST);
    // km at 60 km/h: 4.5 h = 270 km, 9 h = 540, 13.5 h = 810, 18 h = 1080.
    assertThat(r).extracting(Rest::kmIntoDrive).containsExactly(270.0, 540.0, 810.0, 1080.0);
    // Exactly 9 h: the daily limit is reached at the destination and no rest is booked.
    assertThat(HoursOfService.schedule(ONE, 9, 540))
        .extracting(Rest::kind)
        .containsExactly(RestKind.BREAK);
    assertThat(HoursOfService.schedule(ONE, 4.5, 270)).isEmpty();
  }

  @Test
  void theClockCarriesAcrossDrivesAndStops() {
    Clock c = new Clock(ONE);
    // 3 h then 3 h: the break falls 1.5 h (90 km) into the second drive.
    assertThat(c.drive(3, 180)).isEmpty();
    List<Rest> second = c.drive(3, 180);
    assertThat(second).extracting(Rest::kind).containsExactly(RestKind.BREAK);
    assertThat(second.get(0).kmIntoDrive()).isCloseTo(90, within(1e-9));
    // A 1 h border stop counts as the break; 4 h more driving need none.
    Clock d = new Clock(ONE);
    d.drive(4, 240);
    d.stop(1);
    assertThat(d.drive(4, 240)).isEmpty();
    // A 12 h stop counts as the daily rest: 8 h driven before it, 8 h after need only a break.
    Clock e = new Clock(ONE);
    e.drive(8, 480);
    e.stop(12);
    assertThat(e.drive(8, 480)).extracting(Rest::kind).containsExactly(RestKind.BREAK);
    // A 30 min stop is no break.
    Clock f = new Clock(ONE);
    f.drive(4, 240);
    f.stop(0.5);
    assertThat(f.drive(1, 60)).extracting(Rest::kind).containsExactly(RestKind.BREAK);
  }

  @Test
  void aSixthDailyRestTakenAtABorderStillLeadsToAWeeklyRest() {
    Clock c = new Clock(ONE);
    // Six days whose daily rests are all taken standing at borders (11 h each).
    for (int day = 0; day < 6; day++) {
      assertThat(c.drive(9, 540)).extracting(Rest::kind).containsExactly(RestKind.BREAK);
      c.stop(11);
    }
    List<Rest> next = c.drive(1, 60);
    assertThat(next).extracting(Rest::kind).containsExactly(RestKind.WEEKLY_REST);
  }

  @Test
  void expectedRestPerDrivingHour() {
    assertThat(ONE.expectedRestPerDrivingH()).isCloseTo((0.75 + 11) / 9, within(1e-12));
    assertThat(TWO.expectedRestPerDrivingH()).isCloseTo(9.0 / 18, within(1e-12));
  }
}
