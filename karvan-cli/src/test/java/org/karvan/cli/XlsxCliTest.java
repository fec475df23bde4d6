package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.io.xlsx.XlsxReader;

/** {@code --format xlsx --out FILE}: workbooks read back against the JSON of the same command. */
class XlsxCliTest {
  @TempDir Path tmp;

  @Test
  void routeAndMatrixWorkbooksCarryTheJsonFigures() throws Exception {
    Path f = tmp.resolve("r.xlsx");
    CliTest.Run r =
        CliTest.run(
            "route", "--from", "Tehran", "--to", "Baku", "--format", "xlsx", "--out", f.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("wrote " + f + " (Routes, Itinerary, Countries)");
    JsonNode j =
        new ObjectMapper()
            .readTree(
                CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--format", "json").out());
    var wb = XlsxReader.read(Files.readAllBytes(f));
    assertThat(wb.get("Routes").get("E1").text()).isEqualTo("duration (h)");
    assertThat(wb.get("Routes").get("E2").number())
        .isCloseTo(j.get("totals").get("durationHours").asDouble(), Offset.offset(0.01));
    var ctry = wb.get("Countries");
    assertThat(ctry.get("C1").text()).isEqualTo("distance (km)");
    double km = 0;
    for (int i = 2; ctry.containsKey("C" + i); i++) {
      km += ctry.get("C" + i).number();
    }
    double jsonKm = 0;
    for (JsonNode c : j.get("countries")) {
      jsonKm += c.get("distanceKm").asDouble();
    }
    assertThat(km).isCloseTo(jsonKm, Offset.offset(0.1));

    Path m = tmp.resolve("m.xlsx");
    assertThat(
            CliTest.run(
                    "matrix",
                    "--from",
                    "Tehran,Mumbai",
                    "--to",
                    "Baku",
                    "--optimize",
                    "cost",
                    "--format",
                    "xlsx",
                    "--out",
                    m.toString())
                .code())
        .isZero();
    var mx = XlsxReader.read(Files.readAllBytes(m)).get("Matrix");
    assertThat(mx.get("C1").text()).isEqualTo("AZBAK (USD)");
    assertThat(mx.get("A2").text()).isEqualTo("IRTHR");
    assertThat(mx.get("C2").type()).isEqualTo("n");
    assertThat(mx.get("C3").number()).isGreaterThan(mx.get("C2").number());
  }

  @Test
  void xlsxNeedsAnOutFile() {
    CliTest.Run r = CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--format", "xlsx");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("karvan: --out: --format xlsx writes a file; give --out FILE.xlsx");
    CliTest.Run bad =
        CliTest.run("backtest", "--format", "xlsx", "--out", tmp.resolve("b.csv").toString());
    assertThat(bad.err()).contains("does not end in .xlsx");
  }
}
