package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code karvan import lines}, routes from coordinates, and {@code network merge} exit codes. */
class ImportLinesCliTest {
  @TempDir Path tmp;

  @Test
  void importRouteFromCoordinatesAndMergeConflicts() throws Exception {
    Path in = tmp.resolve("t.geojson");
    Files.writeString(
        in,
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"railway":"rail"},"geometry":{"type":"LineString",
          "coordinates":[[49.0,40.0],[49.1,40.0],[49.2,40.0]]}},
         {"type":"Feature","properties":{"railway":"monorail"},"geometry":{"type":"LineString",
          "coordinates":[[49.1,40.0],[49.1,40.1]]}},
         {"type":"Feature","properties":{"railway":"rail"},"geometry":{"type":"LineString",
          "coordinates":[[49.2000002,40.0],[49.3,40.0]]}}]}
        """);
    Path out = tmp.resolve("net");
    CliTest.Run imp =
        CliTest.run(
            "import",
            "lines",
            in.toString(),
            "--mode",
            "rail",
            "--gauge-by-country",
            "--exclude",
            "railway=monorail",
            "--out",
            out.toString());
    assertThat(imp.code()).as(imp.err()).isZero();
    assertThat(imp.out()).contains("1 features excluded (railway=monorail)", "wrote " + out);
    // one link from 49.0 to 49.3 (the snapped end joins the two ways)
    CliTest.Run route =
        CliTest.run(
            "route",
            "--network",
            out.toString(),
            "--from",
            "40.001,49.0",
            "--to",
            "40,49.3",
            "--modes",
            "rail");
    assertThat(route.code()).as(route.err()).isZero();
    assertThat(route.out()).contains("from 40.00100,49.00000 snapped to N1", "0.111 km away");
    CliTest.Run bad =
        CliTest.run("route", "--network", out.toString(), "--from", "95,49", "--to", "40,49.3");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--from", "latitude 95 in '95,49' is out of range [-90, 90]");

    // merging the network with itself changed in one node is a conflict: exit 2, nothing written
    Path other = tmp.resolve("other");
    Files.createDirectories(other);
    for (String f : new String[] {"manifest.csv", "sources.csv"}) {
      Files.copy(out.resolve(f), other.resolve(f));
    }
    String nodes = Files.readString(out.resolve("nodes.csv"));
    Files.writeString(
        other.resolve("nodes.csv"), nodes.replaceFirst(",AZ,40,49,", ",AZ,40,49.0001,"));
    CliTest.Run merge =
        CliTest.run(
            "network",
            "merge",
            out.toString(),
            other.toString(),
            "--out",
            tmp.resolve("m").toString());
    assertThat(merge.code()).isEqualTo(2);
    assertThat(merge.err()).contains("nodes.csv 'N1' differs", "lon '49' vs '49.0001'");
    assertThat(Files.exists(tmp.resolve("m"))).isFalse();
    CliTest.Run ok =
        CliTest.run(
            "network",
            "merge",
            out.toString(),
            other.toString(),
            "--prefer",
            "base",
            "--out",
            tmp.resolve("m2").toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("(kept the base's)", "wrote ");
  }
}
