package org.karvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchMainTest {
  @TempDir Path dir;

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
  void smallRunPrintsTableAndAgrees() {
    Outcome o =
        run(
            "--nodes",
            "3000",
            "--queries",
            "15",
            "--warmup",
            "3",
            "--engines",
            "karvan,karvan-astar,jgrapht,graphhopper,graphhopper-bidir",
            "--matrix=20");
    assertThat(o.err()).isEmpty();
    assertThat(o.code()).isZero();
    assertThat(o.out())
        .contains("engine", "mean ms", "p95 ms", "vs karvan", "B/node", "B/edge")
        .contains("karvan-astar", "jgrapht", "graphhopper-bidir")
        .contains("estimate: heap delta after GC")
        .contains("returned the same shortest distance for all 15 queries")
        .contains("Many-to-many 20x20");
  }

  @Test
  void dimacsFileRuns() throws Exception {
    Path gr = dir.resolve("g.gr");
    Files.writeString(gr, "p sp 3 4\na 1 2 5\na 2 3 5\na 3 1 5\na 1 3 20\n");
    Outcome o = run("--dimacs", gr.toString(), "--queries", "5", "--warmup", "1");
    assertThat(o.err()).isEmpty();
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("3 nodes, 4 arcs");
  }

  @Test
  void invalidDimacsFileIsExitCode2WithProblems() throws Exception {
    Path gr = dir.resolve("bad.gr");
    Files.writeString(gr, "p sp 3 1\na 1 9 -5\n");
    Outcome o = run("--dimacs", gr.toString());
    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("bad.gr:2").doesNotContain("Exception\n\tat");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--nodes",
        "--nodes x",
        "--nodes 1",
        "--nodes -5",
        "--queries 0",
        "--bogus 1",
        "--engines karvan,nope",
        "--engines karvan,karvan",
        "--seed 1.5",
        "--nodes 10 --nodes 20",
        "--dimacs /no/such/file.gr",
        "--co x.co",
        "positional",
        "--threads 0"
      })
  void badFlagsAreOneMessageAndExitCode2(String line) {
    Outcome o = run(line.split(" "));
    assertThat(o.code()).as(line).isEqualTo(2);
    assertThat(o.out()).isEmpty();
    assertThat(o.err().strip().lines()).as(line).hasSize(1);
    assertThat(o.err()).startsWith("karvan-bench: ").doesNotContain("Exception");
  }

  @Test
  void help() {
    Outcome o = run("--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("--nodes", "--engines", "--dimacs");
  }

  // karvan-bench ch: contraction hierarchies against GraphHopper CH

  @Test
  void chRunPrintsBothEnginesAndNoMismatch() {
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
  void chBadFlagsExitWithTwo() {
    assertThat(run("ch", "--nodes", "1").code()).isEqualTo(2);
    assertThat(run("ch", "--frobnicate").err()).contains("unknown option --frobnicate");
    assertThat(run("ch", "--help").out()).contains("--reference-rows");
  }
}
