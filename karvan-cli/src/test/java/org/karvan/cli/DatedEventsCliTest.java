package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --date} and events.csv as a user meets them: table lines, exit 2 on bad input. */
class DatedEventsCliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theTableListsTheEventsInForceAndTheRoutesDisruptions() {
    Run r = run("route", "--from", "INNSA", "--to", "IRBND", "--date", "2026-05-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("Dated events on 2026-05-01: 2 in force");
    assertThat(r.out()).contains("HORMUZ_RESTRICTED_2026 chokepoint HORMUZ 2026-04-09..open");
    assertThat(r.out()).contains("· disruption");
    assertThat(r.out()).containsPattern("Disruptions on this route: \\n  HORMUZ_RESTRICTED_2026");
    Run before = run("route", "--from", "INNSA", "--to", "IRBND", "--date", "2023-01-01");
    assertThat(before.out()).contains("Dated events on 2023-01-01: none (normal operation)");
    assertThat(before.out()).contains("Disruptions on this route: none");
  }

  @Test
  void aBadDateExitsTwoNamingTheFlag() {
    Run r = run("route", "--from", "Baku", "--to", "Tehran", "--date", "2026-13-01");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--date").contains("'2026-13-01' is not a date; give YYYY-MM-DD");
  }

  @Test
  void anEventEndingBeforeItStartsExitsTwoWithFileLineAndField() throws Exception {
    Path dir = tmp.resolve("net");
    assertThat(run("network", "export", "--format", "csv", "--out", dir.toString()).code())
        .isZero();
    Path events = dir.resolve("events.csv");
    String text = Files.readString(events, StandardCharsets.UTF_8);
    Files.writeString(
        events, text.replace("2026-03-05,2026-03-09,CLOSED", "2026-03-09,2026-03-05,CLOSED"));
    Run r = run("route", "--network", dir.toString(), "--from", "Baku", "--to", "Tehran");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern(":5:5: end: end 2026-03-05 is before start 2026-03-09");
    Run v = run("network", "validate", dir.toString());
    assertThat(v.code()).isEqualTo(2);
  }
}
