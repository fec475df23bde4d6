package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code karvan import osm} as a user meets it: a bundle, and exit 2 naming the file or flag. */
class ImportOsmCliTest {
  static final Path PBF =
      Path.of("..", "..", "shared", "osm", "andorra.osm.pbf").toAbsolutePath().normalize();

  @TempDir Path tmp;

  static void requirePbf() {
    if (!Files.isRegularFile(PBF)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("CI=true and " + PBF + " is missing");
      }
      Assumptions.assumeTrue(false, "SKIPPED: " + PBF + " is missing");
    }
  }

  @Test
  void importsAndValidates() {
    requirePbf();
    Path out = tmp.resolve("andorra");
    CliTest.Run r =
        CliTest.run(
            "import",
            "osm",
            PBF.toString(),
            "--country",
            "AD",
            "--modes",
            "road",
            "--out",
            out.toString(),
            "--as-of",
            "2026-12-01");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ways imported: ", "links: ", "The bundle is valid");
    CliTest.Run v = CliTest.run("network", "validate", out.toString(), "--quiet");
    assertThat(v.code()).isZero();
  }

  @Test
  void badInputExitsTwoNamingTheFileOrFlag() throws Exception {
    Path txt = Files.writeString(tmp.resolve("roads.txt"), "x");
    CliTest.Run r =
        CliTest.run(
            "import",
            "osm",
            txt.toString(),
            "--country",
            "AD",
            "--out",
            tmp.resolve("o1").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(txt.toString(), "unknown OSM file type");

    requirePbf();
    byte[] all = Files.readAllBytes(PBF);
    byte[] half = java.util.Arrays.copyOf(all, all.length / 2);
    Path cut = Files.write(tmp.resolve("cut.osm.pbf"), half);
    r =
        CliTest.run(
            "import",
            "osm",
            cut.toString(),
            "--country",
            "AD",
            "--out",
            tmp.resolve("o2").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(cut.toString(), "corrupt PBF");
    Path garbage = Files.write(tmp.resolve("junk.osm.pbf"), new byte[] {0, 0, 0, 5, 1, 2, 3, 4, 5});
    r =
        CliTest.run(
            "import",
            "osm",
            garbage.toString(),
            "--country",
            "AD",
            "--out",
            tmp.resolve("o3").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(garbage.toString(), "corrupt PBF");

    r =
        CliTest.run(
            "import",
            "osm",
            PBF.toString(),
            "--country",
            "AD",
            "--bbox",
            "42.6,1.5,42.5",
            "--out",
            tmp.resolve("o4").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bbox", "S,W,N,E");
    r =
        CliTest.run(
            "import",
            "osm",
            PBF.toString(),
            "--country",
            "AD",
            "--bbox",
            "42.6,1.5,42.5,1.6",
            "--out",
            tmp.resolve("o5").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--bbox", "S <= N");
    // Without --country the recognised boundaries give the countries: Andorra's roads into France
    // and Spain become (planned) crossings.
    r = CliTest.run("import", "osm", PBF.toString(), "--out", tmp.resolve("o6").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("AD-FR", "ES-AD");
    r =
        CliTest.run(
            "import",
            "osm",
            PBF.toString(),
            "--country",
            "Andorra",
            "--modes",
            "sea",
            "--out",
            tmp.resolve("o7").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--country", "'ANDORRA'", "--modes", "sea");
    r =
        CliTest.run(
            "import",
            "osm",
            tmp.resolve("absent.osm.pbf").toString(),
            "--country",
            "AD",
            "--out",
            tmp.resolve("o8").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("absent.osm.pbf", "no such file");
  }
}
