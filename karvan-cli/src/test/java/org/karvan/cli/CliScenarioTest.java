package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, scenario, tcd and report as a user meets them. */
class CliScenarioTest {
  @TempDir Path tmp;

  static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void withoutABaseRouteNothingIsGainedOrLost() {
    // Baku - Nakhchivan by rail has no route today: the CSV gives the scenarios' routes and their
    // crossings in the corridor column, but no gained/lost lists against a route that does not
    // exist.
    CliTest.Run r =
        run(
            ReadabilityCliTest.bakuNakhchivan(
                "compare", "rail", "--scenario", "tripp-open", "--format", "csv"));
    assertThat(r.code()).as(r.err()).isZero();
    String row = r.out().lines().filter(l -> l.contains(",tripp-open,")).findFirst().orElseThrow();
    assertThat(row).contains("TRIPP (Zangezur)").endsWith(",,,,,");
  }

  @Test
  void scenarioListShowValidate() throws Exception {
    CliTest.Run list = run("scenario", "list");
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .contains("rasht-astara-built", "suez-closed", "caspian-winter", "year-2030");
    assertThat(run("scenario", "show", "suez-closed").out())
        .contains("close chokepoints: SUEZ, BAB_EL_MANDEB", "sources:");
    // Modifications read as sentences, not as Java records.
    String aras = run("scenario", "show", "aras-corridor-open").out();
    assertThat(aras)
        .contains(
            "  - open links: R-HRD-AGB, D-HRD-AGB, D-AGB-KLL, R-AGB-KLL, R-KLL-JLF, R-JLF-NAK")
        .contains("  - open crossings: BC-AGB-ROAD, BC-AGB-RAIL")
        .doesNotContain("Open[", "target=");
    assertThat(run("scenario", "show", "az-ir-border-closed").out())
        .contains("close crossings between AZ and IR");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad, "name: b\nmodifications:\n  - type: close\n    target: link\n    ids: [NOPE]\n");
    CliTest.Run v = run("scenario", "validate", bad.toString());
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains(bad + ":3: modifications[0].ids: unknown link 'NOPE'");
    assertThat(run("scenario", "show", "nope").err()).contains("unknown scenario 'nope'");
  }

  @Test
  void compareOnePairAndABatchWithBadRows() throws Exception {
    CliTest.Run one =
        run(
            "compare",
            "--from",
            "Tehran",
            "--to",
            "Baku",
            "--optimize",
            "co2",
            "--scenario",
            "rasht-astara-built",
            "--format",
            "json");
    assertThat(one.code()).isZero();
    JsonNode c = new ObjectMapper().readTree(one.out()).get("comparisons").get(0);
    assertThat(c.get("scenario").asText()).isEqualTo("rasht-astara-built");
    // By CO2e the route is rail; the new link removes the Caspian detour (about 680 km).
    assertThat(c.get("delta").get("co2eKg").asDouble()).isNegative();
    assertThat(c.get("delta").get("distanceKm").asDouble()).isLessThan(-500);
    Path od = tmp.resolve("od.csv");
    Files.writeString(
        od,
        "origin,destination,cargo\nTehran,Baku,1x40ft\nAtlantis,Baku,\nINNSA,RUMOW,lots\nAktau,Alat,2x20ft\n");
    CliTest.Run batch =
        run("compare", "--od", od.toString(), "--scenario", "caspian-winter", "--format", "csv");
    assertThat(batch.code()).isZero();
    assertThat(batch.out().lines()).hasSize(3);
    assertThat(batch.err())
        .contains(
            od + ":3: origin: unknown place 'Atlantis'",
            od + ":4: cargo: cannot read cargo 'lots'",
            "skipped 2 bad row(s)");
    Files.writeString(od, "origin,destination\n");
    CliTest.Run empty = run("compare", "--od", od.toString(), "--scenario", "year-2030");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no valid OD pair");
    assertThat(run("compare", "--from", "Tehran", "--scenario", "year-2030").err())
        .contains("give --from and --to, or --od FILE");
    assertThat(run("compare", "--from", "Tehran", "--to", "Baku", "--scenario", "nope").err())
        .contains("unknown scenario 'nope'");
  }

  @Test
  void tcdAndReportWriteFiles() throws Exception {
    Path svg = tmp.resolve("tcd.svg");
    CliTest.Run t =
        run(
            "tcd",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--scenario",
            "rasht-astara-built",
            "--out",
            svg.toString());
    assertThat(t.code()).isZero();
    assertThat(Files.readString(svg)).startsWith("<svg").contains("rasht-astara-built");
    assertThat(Files.readString(tmp.resolve("tcd.csv"))).startsWith("series,seq,segment");
    Path png = tmp.resolve("alt.png");
    assertThat(
            run(
                    "tcd",
                    "--from",
                    "INNSA",
                    "--to",
                    "RUMOW",
                    "--alternatives",
                    "2",
                    "--y",
                    "cost",
                    "--out",
                    png.toString())
                .code())
        .isZero();
    assertThat(Files.size(png)).isPositive();
    assertThat(
            run("tcd", "--from", "INNSA", "--to", "RUMOW", "--out", tmp.resolve("x.pdf").toString())
                .err())
        .contains("is neither .svg nor .png; give a file name ending in .svg or .png");
    Path html = tmp.resolve("r.html");
    CliTest.Run r =
        run(
            "report",
            "--from",
            "INNSA",
            "--to",
            "RUMOW",
            "--scenario",
            "az-ir-border-closed",
            "--out",
            html.toString());
    assertThat(r.code()).isZero();
    assertThat(Files.readString(html)).contains("az-ir-border-closed", "<svg", "TFI3");
  }

  @Test
  void routeUnderAScenarioShowsCpmm() {
    CliTest.Run r =
        run("route", "--from", "Tehran", "--to", "Baku", "--scenario", "rasht-astara-built");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Scenario: rasht-astara-built").contains("CPMM: TFI1");
  }

  @Test
  void matrixAgreesWithSingleRoutes() throws Exception {
    CliTest.Run m =
        run(
            "matrix",
            "--from",
            "INNSA,Mundra",
            "--to",
            "RUMOW,Baku",
            "--optimize",
            "cost",
            "--format",
            "csv");
    assertThat(m.code()).isZero();
    assertThat(m.out().lines()).hasSize(5).first().isEqualTo("origin,destination,cost_USD");
    String cell =
        m.out()
            .lines()
            .filter(l -> l.startsWith("INNSA,RUMOW,"))
            .findFirst()
            .orElseThrow()
            .split(",")[2];
    JsonNode r =
        new ObjectMapper()
            .readTree(
                run(
                        "route",
                        "--from",
                        "INNSA",
                        "--to",
                        "RUMOW",
                        "--optimize",
                        "cost",
                        "--format",
                        "json")
                    .out());
    assertThat(Double.parseDouble(cell))
        .isCloseTo(
            r.get("totals").get("costUsd").asDouble(),
            org.assertj.core.api.Assertions.within(0.01));
    assertThat(run("matrix", "--from", "INNSA", "--to", "Atlantis").err())
        .contains("--to: unknown place 'Atlantis'");
  }
}
