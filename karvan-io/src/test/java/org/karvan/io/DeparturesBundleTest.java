package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.model.Departures;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleWriter;

/** {@code departures.csv}: read, written back, and each bad row reported by file, line, field. */
class DeparturesBundleTest {
  static final String HEADER = "link,from,weekdays,times,anchor,sources,as_of,estimated,note\n";

  static TinyBundle with(String rows) {
    return TinyBundle.load()
        .put("departures.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTimetableAndAnAnchorAreRead() {
    Network n =
        with("L7,IRBBB,MON|THU,10:00,,s1,2026-11-01,,\nL7,AZDDD,,,2026-01-06T18:30,est,,anchor,\n")
            .read();
    Departures a = n.findDepartures("L7", "IRBBB").orElseThrow();
    assertThat(a.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    assertThat(a.times()).containsExactly(LocalTime.of(10, 0));
    assertThat(a.isTimetable()).isTrue();
    Departures b = n.findDepartures("L7", "AZDDD").orElseThrow();
    assertThat(b.anchor()).isEqualTo(LocalDateTime.of(2026, 1, 6, 18, 30));
    assertThat(b.provenance().isEstimated("anchor")).isTrue();
    assertThat(n.warnings()).isEmpty();
  }

  @Test
  void aBundleWithoutTheFileHasNoDepartures() {
    assertThat(TinyBundle.load().read().departures()).isEmpty();
  }

  @Test
  void departuresSurviveAWriteAndRead() {
    Network n = with("L7,,TUE|SAT,08:15|20:45,,s1,,,\n").read();
    var files = BundleWriter.toCsv(n);
    TinyBundle back = TinyBundle.load();
    files.forEach((name, text) -> back.put(name, text.getBytes(StandardCharsets.UTF_8)));
    assertThat(back.read().departures()).isEqualTo(n.departures());
  }

  @Test
  void aTimetableWithAnotherCountThanTheServiceIsAWarning() {
    Network n = with("L7,,MON|WED|FRI,10:00,,s1,,,\n").read();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("tiny/departures.csv:2:3: weekdays: warning: 3 departures a week")
                    .contains("2.0 sailings a week"));
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of(
            "L7,,MON|XYZ,10:00,,s1,,,",
            "tiny/departures.csv:2:3: weekdays: 'XYZ' is not a weekday"),
        Arguments.of(
            "L7,,MON|THU,25:00,,s1,,,",
            "tiny/departures.csv:2:4: times: '25:00' is not a time of day HH:MM"),
        Arguments.of(
            "L7,,MON|THU,10h,,s1,,,", "tiny/departures.csv:2:4: times: '10h' is not a time of day"),
        Arguments.of(
            "L7,,,,2026-13-01T10:00,s1,,,",
            "tiny/departures.csv:2:5: anchor: '2026-13-01T10:00' is not a local date-time"),
        Arguments.of(
            "L7,,MON|THU,10:00,2026-01-05T10:00,s1,,,",
            "tiny/departures.csv:2:5: anchor: give weekdays and times, or an anchor, not both"),
        Arguments.of(
            "L7,,MON|THU,,,s1,,,",
            "tiny/departures.csv:2:4: times: a timetable needs at least one time of day"),
        Arguments.of(
            "L7,,,10:00,,s1,,,",
            "tiny/departures.csv:2:3: weekdays: times need the weekdays they run on"),
        Arguments.of(
            "L7,,,,,s1,,,",
            "tiny/departures.csv:2:5: anchor: give weekdays and times, or an anchor"),
        Arguments.of(
            "L2,,MON,10:00,,s1,,,",
            "tiny/departures.csv:2:1: link: link 'L2' has no service in services.csv"),
        Arguments.of("L9,,MON,10:00,,s1,,,", "tiny/departures.csv:2:1: link: unknown link 'L9'"),
        Arguments.of(
            "L7,IRAAA,MON,10:00,,s1,,,",
            "tiny/departures.csv:2:2: from: 'IRAAA' is not an end of link 'L7'"),
        Arguments.of(
            "L7,,MON|MON,10:00,,s1,,,",
            "tiny/departures.csv:2:3: weekdays: a weekday is listed twice"),
        Arguments.of("L7,,MON,10:00,,,,,", "tiny/departures.csv:2:6: sources: no source given"),
        Arguments.of(
            "L7,,MON,10:00,,s1,,,\nL7,,THU,10:00,,s1,,,",
            "tiny/departures.csv:3:1: link: a second departures row for link 'L7'"),
        Arguments.of(
            "L7,,MON,10:00,,s1,,,\nL7,IRBBB,THU,10:00,,s1,,,",
            "tiny/departures.csv:3:2: from: link 'L7' has rows for both ends and for one end"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRows")
  void aBadRowIsReportedWithFileLineColumnAndField(String rows, String expected) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> with(rows + "\n").read());
    assertThat(e).as("departures %s must not load", rows).isNotNull();
    assertThat(e.errors())
        .extracting(Problem::toString)
        .anySatisfy(s -> assertThat(s).startsWith(expected));
  }
}
