package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code karvan route --depart}: the timed table, and bad input with exit 2 naming the flag. */
class DepartCliTest {
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theTableShowsWhenEachStepStartsAndEnds() {
    Run r = run("route", "--from", "Aktau", "--to", "Baku", "--depart", "2026-12-01T08:00");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("from", "until");
    // Local times with their UTC offset: Aktau +05, Baku +04; the Aktau ferry's anchor is
    // Wednesday 07:00 Aktau time (06:00 on the former single clock).
    assertThat(r.out()).contains("Departs Tue 2026-12-01 08:00 +05, arrives ");
    assertThat(r.out()).containsPattern("ferry wait .*Wed 2026-12-02 07:00 \\+05");
    assertThat(r.out()).containsPattern("arrives \\w{3} 2026-12-\\d{2} \\d{2}:\\d{2} \\+04");
  }

  @Test
  void withoutDepartTheTableHasNoTimes() {
    Run r = run("route", "--from", "Aktau", "--to", "Baku");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("Departs ").contains("expected wait for a sailing");
  }

  @Test
  void aBadDepartureIsExit2NamingTheFlag() {
    for (String bad : new String[] {"2026-12-01", "2026-12-01 08:00", "2026-12-32T08:00", "soon"}) {
      Run r = run("route", "--from", "Aktau", "--to", "Baku", "--depart", bad);
      assertThat(r.code()).as(bad).isEqualTo(2);
      assertThat(r.err()).as(bad).contains("--depart").contains("YYYY-MM-DDTHH:MM");
    }
    Run alt =
        run(
            "route",
            "--from",
            "Aktau",
            "--to",
            "Baku",
            "--depart",
            "2026-12-01T08:00",
            "--alternatives",
            "2");
    assertThat(alt.code()).isEqualTo(2);
    assertThat(alt.err()).contains("--depart").contains("alternatives");
  }
}
