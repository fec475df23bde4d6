package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** assign, criticality and reliability as a user meets them. */
class AnalysisCliTest {
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
  void assignTheDefaultDemandWritesResults() throws Exception {
    Run r = run("assign", "--method", "aon", "--out", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("corridor shares", "INSTC_WEST", "top bottlenecks");
    assertThat(Files.readString(tmp.resolve("link_loads.csv")))
        .startsWith("link,from,to,mode,tonnes");
    assertThat(Files.readString(tmp.resolve("link_loads.geojson"))).contains("FeatureCollection");
    Run ue = run("assign", "--method", "ue", "--gap", "1e-6");
    assertThat(ue.code()).as(ue.err()).isZero();
    assertThat(ue.out()).contains("user equilibrium");
    Run logit = run("assign", "--method", "logit");
    assertThat(logit.code()).as(logit.err()).isZero();
  }

  @Test
  void badDemandRowsAreReportedAndSkipped() throws Exception {
    Path csv = tmp.resolve("od.csv");
    Files.writeString(
        csv,
        "origin,destination,cargo,annual_volume,unit\n"
            + "Nhava Sheva,Moscow,1x40ft,1000,t\n"
            + "Atlantis,Moscow,1x40ft,1000,t\n"
            + "Tehran,Moscow,1x40ft,-5,t\n");
    Run r = run("assign", "--demand", csv.toString(), "--method", "aon");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains("od.csv:3:1: origin:")
        .contains("od.csv:4:4: annual_volume: must be > 0")
        .contains("skipped 2 bad row(s)");
  }

  @Test
  void badFlagsExitTwo() {
    assertThat(run("assign", "--gap", "0").code()).isEqualTo(2);
    Run s = run("assign", "--scenario", "x");
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains("unknown scenario 'x'");
    assertThat(run("assign", "--tntp", tmp.resolve("none").toString()).err())
        .contains("not a directory");
    assertThat(run("reliability", "--from", "Tehran", "--to", "Atlantis").code()).isEqualTo(2);
  }

  @Test
  void assignUnderAScenarioMovesTonnes() throws Exception {
    java.nio.file.Path base = tmp.resolve("base");
    java.nio.file.Path closed = tmp.resolve("closed");
    assertThat(run("assign", "--method", "aon", "--out", base.toString()).code()).isZero();
    assertThat(
            run(
                    "assign",
                    "--method",
                    "aon",
                    "--scenario",
                    "az-ir-border-closed",
                    "--out",
                    closed.toString())
                .code())
        .isZero();
    String b = java.nio.file.Files.readString(base.resolve("corridors.csv"));
    String c = java.nio.file.Files.readString(closed.resolve("corridors.csv"));
    assertThat(c).isNotEqualTo(b);
    assertThat(java.nio.file.Files.readString(closed.resolve("od_routes.csv")))
        .doesNotContain("BC-AST-ROAD", "BC-AST-RAIL", "BC-BLS-ROAD");
  }

  @Test
  void criticalityAndReliabilityRun() {
    Run c = run("criticality", "--elements", "borders", "--top", "5");
    assertThat(c.code()).as(c.err()).isZero();
    assertThat(c.out()).contains("rank", "border");
    Run r =
        run(
            "reliability",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--samples",
            "2000",
            "--deadline",
            "20",
            "--seed",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("P90", "on time", "most reliable");
    assertThat(
            run(
                    "reliability",
                    "--from",
                    "Nhava Sheva",
                    "--to",
                    "Moscow",
                    "--samples",
                    "2000",
                    "--deadline",
                    "20",
                    "--seed",
                    "3")
                .out()
                .replaceAll("\\(\\d+ ms\\)", ""))
        .isEqualTo(r.out().replaceAll("\\(\\d+ ms\\)", ""));
  }

  @Test
  void criticalityOnATntpNetworkIsHandSolvable() throws Exception {
    // Braess's network at free flow: 1-2-3-4 costs 10; closing any of its links costs 40 more per
    // trip.
    java.nio.file.Path dir = tmp.resolve("braess");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(
        dir.resolve("Braess_net.tntp"), org.karvan.io.tntp.TntpReaderTestData.NET);
    java.nio.file.Files.writeString(
        dir.resolve("Braess_trips.tntp"), org.karvan.io.tntp.TntpReaderTestData.TRIPS);
    Run r = run("criticality", "--tntp", dir.toString(), "--out", tmp.resolve("c").toString());
    assertThat(r.code()).isZero();
    java.util.List<String> rows =
        java.nio.file.Files.readAllLines(tmp.resolve("c").resolve("criticality.csv"));
    assertThat(rows).hasSize(6);
    for (String row : rows.subList(1, 4)) {
      String[] f = row.split(",");
      assertThat(f[1]).isIn("1-2", "2-3", "3-4");
      assertThat(Double.parseDouble(f[2])).isEqualTo(6.0);
      assertThat(Double.parseDouble(f[4]))
          .isCloseTo(240.0, org.assertj.core.api.Assertions.within(1e-3));
    }
    for (String row : rows.subList(4, 6)) {
      assertThat(row.split(",")[1]).isIn("1-3", "2-4");
      assertThat(Double.parseDouble(row.split(",")[2])).isZero();
    }
  }
}
