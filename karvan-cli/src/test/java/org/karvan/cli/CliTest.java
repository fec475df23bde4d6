package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The karvan command as a user meets it: output, exit codes, and no stack traces. */
class CliTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpAndVersion() {
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("network", "route");
    assertThat(run("--version").out()).startsWith("karvan ");
    for (String[] sub :
        new String[][] {
          {"network", "--help"},
          {"network", "info", "--help"},
          {"network", "validate", "--help"},
          {"network", "export", "--help"},
          {"route", "--help"}
        }) {
      Run r = run(sub);
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .contains(
              "Usage: karvan " + String.join(" ", java.util.Arrays.copyOf(sub, sub.length - 1)));
    }
  }

  @Test
  void networkInfoSummarisesTheDefaultNetwork() {
    Run r = run("network", "info");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "karvan-default",
            "RAIL",
            "Border crossings",
            "Break-of-gauge points",
            "Chokepoints",
            "Sources");
  }

  @Test
  void validateListsEveryProblemWithLocationAndExitsTwo() throws Exception {
    Path dir = tmp.resolve("net");
    assertThat(run("network", "export", "--format", "csv", "--out", dir.toString()).code())
        .isZero();
    Run ok = run("network", "validate", dir.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("valid: 0 errors");
    Path links = dir.resolve("links.csv");
    String text = Files.readString(links, StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    lines[2] = lines[2].replaceFirst(",RAIL,", ",RAILWAY,");
    lines[5] = lines[5].replaceFirst("^([^,]*),([^,]*),", "$1,NOWHERE,");
    Files.writeString(links, String.join("\n", lines) + "\n");
    Run bad = run("network", "validate", dir.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains(links + ":6:2: from: unknown node 'NOWHERE'");
    assertThat(bad.err())
        .containsPattern(
            java.util.regex.Pattern.quote(links.toString())
                + ":3:4: mode: unknown value 'RAILWAY'");
    assertThat(bad.err()).contains("error(s)");
    Run missing = run("network", "validate", tmp.resolve("nope").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
    // A missing path is not a profile problem: no pointer to the cost model's parameters.
    assertThat(missing.err()).doesNotContain("cost-model");
  }

  @Test
  void exportGeoJsonIsAFeatureCollectionWithSources() throws Exception {
    Path out = tmp.resolve("net.geojson");
    assertThat(run("network", "export", "--format", "geojson", "--out", out.toString()).code())
        .isZero();
    JsonNode root = new ObjectMapper().readTree(out.toFile());
    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    JsonNode first = root.get("features").get(0);
    assertThat(first.get("geometry").get("type").asText()).isEqualTo("Point");
    assertThat(first.get("properties").get("sources").get(0).has("url")).isTrue();
    assertThat(run("network", "export", "--format", "csv").code()).isEqualTo(2);
    Path zip = tmp.resolve("net.zip");
    assertThat(run("network", "export", "--format", "csv", "--out", zip.toString()).code())
        .isZero();
    assertThat(run("network", "validate", zip.toString()).out()).contains("valid: 0 errors");
    assertThat(run("network", "export", "--format", "kml").code()).isEqualTo(2);
  }

  @Test
  void routeTableAndJson() throws Exception {
    Run t = run("route", "--from", "Nhava Sheva", "--to", "moscow");
    assertThat(t.code()).isZero();
    assertThat(t.out())
        .contains("Total:", "Border crossings:", "Countries:", "loading", "unloading");
    Run j =
        run("route", "--from", "INNSA", "--to", "RUMOW", "--format", "json", "--optimize", "cost");
    assertThat(j.code()).isZero();
    JsonNode root = new ObjectMapper().readTree(j.out());
    for (String f : new String[] {"distanceKm", "durationHours", "costUsd", "co2eKg"}) {
      assertThat(root.get("totals").get(f).asDouble()).isPositive();
    }
    assertThat(root.get("legs").get(0).has("mode")).isTrue();
    assertThat(root.get("events").get(0).get("type").asText()).isEqualTo("LOADING");
    Run alts =
        run("route", "--from", "INNSA", "--to", "RUMOW", "--alternatives", "3", "--format", "json");
    assertThat(new ObjectMapper().readTree(alts.out()).get("routes").size())
        .isGreaterThanOrEqualTo(2);
    Run geo = run("route", "--from", "INNSA", "--to", "RUMOW", "--format", "geojson");
    assertThat(new ObjectMapper().readTree(geo.out()).get("features").size()).isPositive();
    Run csv = run("route", "--from", "INNSA", "--to", "RUMOW", "--format", "csv");
    assertThat(csv.out()).startsWith("route,seq,kind,type");
  }

  @Test
  void badRouteInputGetsClearMessages() {
    Run unknown = run("route", "--from", "Nhava Shiva", "--to", "Moskow");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("--from: unknown place 'Nhava Shiva'; did you mean: Nhava Sheva (JNPT) [INNSA]");
    assertThat(unknown.err())
        .contains("--to: unknown place 'Moskow'; did you mean: Moscow [RUMOW]");
    Run conflict =
        run("route", "--from", "INNSA", "--to", "RUMOW", "--pareto", "--alternatives", "2");
    assertThat(conflict.code()).isEqualTo(2);
    assertThat(conflict.err()).contains("--pareto: cannot be combined with --alternatives");
    Run opt = run("route", "--from", "INNSA", "--to", "RUMOW", "--optimize", "fast");
    assertThat(opt.err())
        .contains("--optimize: unknown value 'fast'; allowed: time, cost, co2, generalized");
    Run cargo = run("route", "--from", "INNSA", "--to", "RUMOW", "--cargo", "lots");
    assertThat(cargo.err()).contains("--cargo: cannot read cargo 'lots'");
    Run country = run("route", "--from", "INNSA", "--to", "RUMOW", "--avoid-country", "XX");
    assertThat(country.code()).isEqualTo(2);
    assertThat(country.err()).contains("avoid-country: unknown country 'XX'");
    Run none = run("route", "--from", "INNSA", "--to", "RUMOW", "--modes", "road");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("no route from", "--modes [ROAD]");
    Run set = run("route", "--from", "INNSA", "--to", "RUMOW", "--set", "rail.speed_kmh=-3");
    assertThat(set.code()).isEqualTo(2);
    assertThat(set.err()).contains("rail.speed_kmh").contains("outside");
    Run flag = run("route", "--from", "INNSA");
    assertThat(flag.code()).isEqualTo(2);
    assertThat(flag.err()).contains("karvan: --to: is required; give --to PLACE");
  }

  @Test
  void badProfileFileIsReportedWithFileAndField() throws Exception {
    Path p = tmp.resolve("p.json");
    Files.writeString(
        p,
        "{\"name\": \"x\", \"parameters\": [{\"key\": \"rail.speeed_kmh\", \"value\": 1, \"unit\": \"km/h\", \"source\": \"s\"}]}");
    Run r = run("route", "--from", "INNSA", "--to", "RUMOW", "--profile", p.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            p + ": rail.speeed_kmh: unknown parameter",
            p + ": rail.speed_kmh: required parameter missing");
    Files.writeString(p, "{\"name\": ");
    assertThat(run("route", "--from", "INNSA", "--to", "RUMOW", "--profile", p.toString()).err())
        .contains(p + ":1:")
        .contains("syntax error");
  }
}
