package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.app.ServerFactory;
import picocli.CommandLine;

/** {@code karvan serve}'s limit flags: shown in the help, checked, and handed to the server. */
class ServeFlagsTest {
  static final List<String> FLAGS =
      List.of(
          "--max-body",
          "--max-alternatives",
          "--max-labels",
          "--max-matrix",
          "--timeout-ms",
          "--max-via",
          "--max-scenarios",
          "--max-samples",
          "--max-response",
          "--idle-timeout-ms",
          "--min-body-rate",
          "--http-threads");

  private static ServerFactory.Settings parse(String... args) {
    ServeCommand c = new ServeCommand();
    new CommandLine(c).parseArgs(args);
    return c.settings("tok", "pw");
  }

  @Test
  void theHelpShowsEveryLimitWithItsDefault() {
    CliTest.Run r = CliTest.run("serve", "--help");
    assertThat(r.code()).isZero();
    for (String f : FLAGS) {
      assertThat(r.out()).as(f).contains(f);
    }
    assertThat(r.out()).contains("default: 16777216").contains("default: 25");
  }

  @Test
  void theDefaultsAreTheServersDefaults() {
    ServerFactory.Settings s = parse();
    assertThat(List.of(s.maxVia(), s.maxScenarios(), s.maxSamples(), s.httpThreads()))
        .containsExactly(25, 8, 1_000_000, 200);
    assertThat(List.of(s.maxResponseBytes(), s.idleTimeoutMs(), s.minBodyBytesPerSecond()))
        .containsExactly(16L * 1024 * 1024, 10_000L, 1_024L);
    assertThat(s.maxBodyBytes()).isEqualTo(65_536);
  }

  @Test
  void givenValuesReachTheSettings() {
    ServerFactory.Settings s =
        parse(
            "--max-via",
            "3",
            "--max-scenarios",
            "2",
            "--max-samples",
            "500",
            "--max-response",
            "20000",
            "--idle-timeout-ms",
            "1500",
            "--min-body-rate",
            "0",
            "--http-threads",
            "32",
            "--max-body",
            "2048",
            "--max-matrix",
            "9");
    assertThat(List.of(s.maxVia(), s.maxScenarios(), s.maxSamples(), s.httpThreads()))
        .containsExactly(3, 2, 500, 32);
    assertThat(List.of(s.maxResponseBytes(), s.idleTimeoutMs(), s.minBodyBytesPerSecond()))
        .containsExactly(20_000L, 1_500L, 0L);
    assertThat(s.maxBodyBytes()).isEqualTo(2_048);
    assertThat(s.maxMatrixCells()).isEqualTo(9);
    assertThat(s.token()).isEqualTo("tok");
  }

  @Test
  void aValueOutOfRangeExits2NamingItsFlag() {
    String[][] bad = {
      {"--max-via", "-1", "give 0 or more"},
      {"--max-scenarios", "0", "give 1 or more"},
      {"--max-samples", "0", "give 1 or more"},
      {"--max-response", "100", "give 1024 or more"},
      {"--idle-timeout-ms", "0", "give 1 or more"},
      {"--min-body-rate", "-5", "give 0 or more"},
      {"--http-threads", "4", "give 16 or more"},
      {"--max-body", "0", "give 1 or more"},
      {"--timeout-ms", "0", "give 1 or more"},
    };
    for (String[] b : bad) {
      CliTest.Run r = CliTest.run("serve", "--port", "0", b[0], b[1]);
      assertThat(r.code()).as(String.join(" ", b)).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(b[0]).contains(b[0]).contains(b[1] + " is too small").contains(b[2]);
    }
    CliTest.Run notANumber = CliTest.run("serve", "--max-via", "many");
    assertThat(notANumber.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(notANumber.err()).contains("--max-via");
  }
}
