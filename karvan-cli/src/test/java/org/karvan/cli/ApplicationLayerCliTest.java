package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressions of issue 9 as a user meets them at the command line. */
class ApplicationLayerCliTest {
  @TempDir Path tmp;

  /**
   * A scenario that adds a direct road link Tehran–Rasht (245 km), so routes under it use the new
   * link.
   */
  private Path addingScenario() throws Exception {
    Path f = tmp.resolve("shortcut.yaml");
    Files.writeString(
        f,
        String.join(
            "\n",
            "name: shortcut",
            "description: a new road Tehran-Rasht",
            "modifications:",
            "  - type: add-link",
            "    id: X-THR-RSH",
            "    from: IRTHR",
            "    to: IRRSH",
            "    mode: ROAD",
            "    length_km: 245",
            "    direction: BOTH",
            "    status: OPERATIONAL",
            "    sources: est-coords",
            ""),
        StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void compareTcdAndReportWorkOnTheScenariosOwnNetwork() throws Exception {
    String sc = addingScenario().toString();
    CliTest.Run route =
        CliTest.run(
            "route", "--from", "Tehran", "--to", "Rasht", "--scenario", sc, "--format", "json");
    assertThat(route.code()).as(route.err()).isZero();
    assertThat(route.out()).contains("X-THR-RSH");
    CliTest.Run cmp = CliTest.run("compare", "--from", "Tehran", "--to", "Rasht", "--scenario", sc);
    assertThat(cmp.code()).as(cmp.err()).isZero();
    assertThat(cmp.out()).contains("shortcut").doesNotContain("internal error");
    CliTest.Run csv =
        CliTest.run(
            "compare", "--from", "Tehran", "--to", "Rasht", "--scenario", sc, "--format", "csv");
    assertThat(csv.code()).isZero();
    String row = csv.out().lines().filter(l -> l.contains(",shortcut,")).findFirst().orElseThrow();
    double delta = Double.parseDouble(row.split(",")[8]);
    assertThat(delta).as("the new 245 km road is shorter than the base route").isNegative();
    Path svg = tmp.resolve("t.svg");
    CliTest.Run tcd =
        CliTest.run(
            "tcd", "--from", "Tehran", "--to", "Rasht", "--scenario", sc, "--out", svg.toString());
    assertThat(tcd.code()).as(tcd.err()).isZero();
    assertThat(Files.readString(svg)).contains("shortcut");
    Path html = tmp.resolve("r.html");
    CliTest.Run rep =
        CliTest.run(
            "report",
            "--from",
            "Tehran",
            "--to",
            "Rasht",
            "--scenario",
            sc,
            "--out",
            html.toString());
    assertThat(rep.code()).as(rep.err()).isZero();
    assertThat(Files.readString(html)).contains("shortcut");
    // Two scenarios that each add elements cannot share one chart: a field error, not a crash.
    Path other = tmp.resolve("other.yaml");
    Files.writeString(
        other,
        Files.readString(addingScenario()).replace("name: shortcut", "name: other"),
        StandardCharsets.UTF_8);
    CliTest.Run two =
        CliTest.run(
            "report",
            "--from",
            "Tehran",
            "--to",
            "Rasht",
            "--scenario",
            sc,
            "--scenario",
            other.toString(),
            "--out",
            html.toString());
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("--scenario: more than one scenario adds elements");
  }

  @Test
  void theHeaderNamesTheNetworkYearAndStatusRule() {
    CliTest.Run today = CliTest.run("route", "--from", "Tehran", "--to", "Baku");
    assertThat(today.out())
        .contains("links and crossings open at the data date")
        .contains("data as of");
    // A past --date moves the dated events, not the links: the header does not say "today".
    CliTest.Run past =
        CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--date", "2023-06-01");
    assertThat(past.out())
        .contains("Dated events on 2023-06-01")
        .contains("links and crossings open at the data date")
        .doesNotContain("open today");
    CliTest.Run y = CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--year", "2035");
    assertThat(y.out()).contains("links and crossings open in 2035");
    CliTest.Run p =
        CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--include", "planned");
    assertThat(p.out()).contains("every planned and under-construction link included");
    CliTest.Run s =
        CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--scenario", "year-2030");
    assertThat(s.out()).contains("links and crossings open in 2030").contains("scenario year-2030");
  }

  @Test
  void exportRefusesToOverwriteABundleUnlessForced() throws Exception {
    Path dir = tmp.resolve("bundle");
    assertThat(CliTest.run("network", "export", "--format", "csv", "--out", dir.toString()).code())
        .isZero();
    Path links = dir.resolve("links.csv");
    String edited = Files.readString(links) + "# my edit\n";
    Files.writeString(links, edited);
    CliTest.Run again =
        CliTest.run("network", "export", "--format", "csv", "--out", dir.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("--out:", "not empty", "--force");
    assertThat(Files.readString(links)).isEqualTo(edited);
    CliTest.Run forced =
        CliTest.run("network", "export", "--format", "csv", "--out", dir.toString(), "--force");
    assertThat(forced.code()).isZero();
    assertThat(Files.readString(links)).doesNotContain("# my edit");
    Path geo = tmp.resolve("n.geojson");
    Files.writeString(geo, "{}");
    assertThat(
            CliTest.run("network", "export", "--format", "geojson", "--out", geo.toString()).code())
        .isEqualTo(2);
    assertThat(Files.readString(geo)).isEqualTo("{}");
  }

  @Test
  void validateWithoutAPathValidatesTheDefaultNetwork() {
    CliTest.Run v = CliTest.run("network", "validate", "--quiet");
    assertThat(v.code()).as(v.err()).isZero();
    assertThat(v.out()).contains("valid: 0 errors").contains("the embedded default network");
  }

  @Test
  void requestErrorsNameTheFlagsAndComeTogether() {
    CliTest.Run r =
        CliTest.run(
            "route",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moskow",
            "--avoid-country",
            "XX",
            "--modes",
            "rail,zeppelin",
            "--optimize",
            "speed");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("karvan: --to: ")
        .contains("karvan: --avoid-country: unknown country 'XX'")
        .contains("karvan: --modes: unknown value 'zeppelin'")
        .contains("karvan: --optimize: unknown value 'speed'");
    CliTest.Run crew =
        CliTest.run(
            "route", "--from", "Tehran", "--to", "Baku", "--drivers", "3", "--regime", "duty-free");
    assertThat(crew.code()).isEqualTo(2);
    assertThat(crew.err())
        .contains("karvan: --drivers: 3 is out of range; give 1 or 2")
        .contains("karvan: --regime: unknown value 'duty-free'; allowed: transit, import");
    CliTest.Run alt =
        CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--alternatives", "99");
    assertThat(alt.code()).isEqualTo(2);
    assertThat(alt.err()).contains("--alternatives: 99 is out of range; give 1 to 20");
  }

  @Test
  void noRouteIsWordedWithTheCliFlags() {
    CliTest.Run r =
        CliTest.run("route", "--from", "Tehran", "--to", "Baku", "--avoid-country", "AZ");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no route from").contains("--avoid-country [AZ]");
    assertThat(r.err()).doesNotContain("avoidCountry");
  }

  @Test
  void backtestPrintsEachCaseAndTheSummary() {
    CliTest.Run r = CliTest.run("backtest");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("P01", "P25").containsPattern("\\d+ of \\d+ within band");
    CliTest.Run j = CliTest.run("backtest", "--format", "json");
    assertThat(j.out()).contains("\"withinBand\"");
    CliTest.Run bad = CliTest.run("backtest", "--cases", tmp.resolve("none.csv").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--cases: ").contains("no such file");
  }
}
