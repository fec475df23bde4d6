package org.karvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code karvan-bench ch}: a small side-by-side run agrees with Dijkstra; bad flags exit 2. */
class ChBenchTest {
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void smallRunPrintsBothEnginesAndNoMismatch() {
    Outcome o = run("ch", "--nodes", "3000", "--queries", "40", "--warmup", "5", "--matrix", "30");
    assertThat(o.err()).isEmpty();
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("karvan-ch       preparation", "graphhopper-ch  preparation")
        .contains("distance mismatches: 0 ")
        .contains("matrix mismatches: 0 (of 600 cells checked)")
        .containsPattern("vs graphhopper-ch preparation: [0-9.]+×")
        .containsPattern("vs graphhopper-ch query: [0-9.]+×")
        .containsPattern("vs dijkstra oneToMany matrix: [0-9.]+×");
  }

  @Test
  void badFlagsExitWithTwo() {
    assertThat(run("ch", "--nodes", "1").code()).isEqualTo(2);
    assertThat(run("ch", "--frobnicate").err()).contains("unknown option --frobnicate");
    assertThat(run("ch", "--help").out()).contains("--reference-rows");
  }
}
