package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.model.Network;
import org.karvan.core.model.RailService;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleWriter;

/** {@code rail_services.csv}: read, written back, and each bad row reported by line and field. */
class RailServicesBundleTest {
  static final String HEADER =
      "id,name,operator,path,stops,runs_per_week,weekdays,times,anchor,capacity_teu,sources,as_of,"
          + "estimated,note\n";

  static TinyBundle with(String rows) {
    return TinyBundle.load()
        .put("rail_services.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aServiceIsReadAndSurvivesAWriteAndRead() {
    Network n =
        with("T1,Block train,ADY,AZXXX|AZDDD,AZXXX@0|AZDDD@10,2,TUE|SAT,12:00,,60,s1,,times,\n")
            .read();
    RailService r = n.railServices().get(0);
    assertThat(r.path()).containsExactly("AZXXX", "AZDDD");
    assertThat(r.stops()).extracting(RailService.Stop::atH).containsExactly(0.0, 10.0);
    assertThat(r.weekdays()).containsExactly(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY);
    assertThat(r.capacityTeu()).isEqualTo(60.0);
    assertThat(r.provenance().isEstimated("times")).isTrue();
    assertThat(n.warnings()).isEmpty();
    var files = BundleWriter.toCsv(n);
    TinyBundle back = TinyBundle.load();
    files.forEach((name, text) -> back.put(name, text.getBytes(StandardCharsets.UTF_8)));
    assertThat(back.read().railServices()).isEqualTo(n.railServices());
  }

  @Test
  void aBundleWithoutTheFileHasNoRailServices() {
    assertThat(TinyBundle.load().read().railServices()).isEmpty();
  }

  static Stream<Arguments> badRows() {
    String f = "tiny/rail_services.csv:2:";
    return Stream.of(
        Arguments.of(
            "T1,,,AZXXX|AZZZZ,AZXXX@0|AZZZZ@5,2,,,2026-01-05T12:00,,s1,,,",
            f + "4: path: unknown node 'AZZZZ'"),
        Arguments.of(
            "T1,,,IRAAA|AZDDD,IRAAA@0|AZDDD@5,2,,,2026-01-05T12:00,,s1,,,",
            f + "4: path: no rail link runs from 'IRAAA' to 'AZDDD'"),
        Arguments.of(
            "T1,,,IRAAA|IRXXX|AZXXX|AZDDD,IRAAA@0|AZDDD@50,2,,,2026-01-05T12:00,,s1,,,",
            f
                + "4: path: the gauge changes at 'AZXXX' (1435 -> 1520) but it has no break-of-gauge"),
        Arguments.of(
            "T1,,,AZXXX,AZXXX@0,2,,,2026-01-05T12:00,,s1,,,",
            f + "4: path: a service needs at least two nodes"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|IRAAA|AZDDD@5,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: stop 'IRAAA' is not on the path"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: the last stop needs its scheduled time"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@ten,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: 'AZDDD@ten' is not NODE@HOURS"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@0,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: stop 'AZDDD' at 0.0 h is not after the stop before it"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@3|AZDDD@5,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: the first stop is at 0 h"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZDDD@0|AZXXX@5,2,,,2026-01-05T12:00,,s1,,,",
            f + "5: stops: the first stop must be the first node of the path"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,0,,,2026-01-05T12:00,,s1,,,",
            f + "6: runs_per_week: runs a week must be above 0"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,,,,,s1,,,",
            f + "9: anchor: give weekdays and times, or an anchor"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,MON,,,,s1,,,",
            f + "8: times: a timetable needs at least one time of day"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,,,2026-01-05T12:00,-4,s1,,,",
            f + "10: capacity_teu: capacity must be positive"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,,,2026-01-05T12:00,,,,,",
            f + "11: sources: no source given"),
        Arguments.of(
            "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,,,2026-01-05T12:00,,s1,,,\n"
                + "T1,,,AZXXX|AZDDD,AZXXX@0|AZDDD@5,2,,,2026-01-05T12:00,,s1,,,",
            "tiny/rail_services.csv:3:1: id: duplicate id 'T1'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badRows")
  void aBadRowIsReportedWithFileLineColumnAndField(String rows, String expected) {
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> with(rows + "\n").read());
    assertThat(e).as("rail services %s must not load", rows).isNotNull();
    assertThat(e.errors())
        .extracting(Problem::toString)
        .anySatisfy(s -> assertThat(s).startsWith(expected));
  }
}
