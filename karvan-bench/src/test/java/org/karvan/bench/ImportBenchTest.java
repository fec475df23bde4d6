package org.karvan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code karvan bench import}: both importers on the Andorra PBF, and its bad flags. */
class ImportBenchTest {
  static final Path PBF =
      Path.of("..", "..", "shared", "osm", "andorra.osm.pbf").toAbsolutePath().normalize();

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
  void timesBothImportersOnTheSameFile() throws Exception {
    if (!Files.isRegularFile(PBF)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + PBF + " is missing");
      }
      Assumptions.assumeTrue(false, "SKIPPED: " + PBF + " is missing");
    }
    Outcome o = run("import", PBF.toString(), "--runs", "1");
    assertThat(o.code()).as(o.err()).isZero();
    long links = ImportBench.karvan(PBF);
    long edges = ImportBench.graphhopper(PBF);
    assertThat(links).isPositive();
    assertThat(edges).isPositive();
    assertThat(o.out())
        .contains("andorra.osm.pbf, 0.6 MB")
        .contains("karvan import osm")
        .contains(links + " links")
        .contains("graphhopper 11 import")
        .contains(edges + " edges");
  }

  @Test
  void badFlagsExitTwo() {
    assertThat(run("import").code()).isEqualTo(2);
    Outcome missing = run("import", "/nonexistent/x.osm.pbf");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("/nonexistent/x.osm.pbf", "no such file");
    Outcome runs = run("import", PBF.toString(), "--runs", "zero");
    assertThat(runs.code()).isEqualTo(2);
    assertThat(runs.err()).contains("--runs", "'zero'");
    assertThat(run("import", "--help").code()).isZero();
  }
}
