package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The route table and error lines as a reader meets them (issue 16, CLI readability). */
class ReadabilityCliTest {
  private static CliTest.Run run(String... args) {
    return CliTest.run(args);
  }

  @Test
  void namesWrapInsteadOfBeingCut() {
    CliTest.Run r = run("route", "--from", "Nhava Sheva", "--to", "Moscow", "--modes", "sea,road");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("…");
    // The full port name appears, whole, on the sea leg's row.
    assertThat(r.out()).contains("Nhava Sheva (JNPT) -> Bandar Abbas - Shahid Rajaee port");
    for (String line : r.out().split("\n")) {
      if (line.matches("\\s*\\d+  .*")) {
        // numbered rows keep their columns: the where column is 60 wide
        assertThat(line.substring(23, 23 + 60)).doesNotContain("  RU  ");
      }
    }
  }

  @Test
  void borderCrossingsAreStopsNotZeroKmLegs() {
    CliTest.Run r = run("route", "--from", "Nhava Sheva", "--to", "Moscow", "--modes", "sea,road");
    assertThat(r.code()).isZero();
    List<String> rows = r.out().lines().filter(l -> l.matches("\\s*\\d+  \\S.*")).toList();
    // No leg row of 0 km: every movement row has km > 0.
    for (String row : rows) {
      if (!row.substring(5).startsWith("·")) {
        String[] f = row.substring(23 + 60 + 6).trim().split("\\s+");
        assertThat(Double.parseDouble(f[0].replace("~", ""))).as(row).isPositive();
      }
    }
    // The Astara road crossing (a 0 km border link in the data) is one stop, from one bank to the
    // other, carrying its clearance time (4.3 h).
    String astara =
        rows.stream()
            .filter(l -> l.contains("border crossing") && l.contains("Astara (Iran)"))
            .findFirst()
            .orElseThrow();
    assertThat(astara).contains("-> Astara").contains("4.3");
    // Totals are unchanged: the sum of the printed hours equals the total.
    double sum = 0;
    for (String row : rows) {
      String[] f = row.substring(23 + 60 + 6).trim().split("\\s+");
      sum += Double.parseDouble(f[f.length - 3]);
    }
    var total = Pattern.compile("Total: [\\d,]+ km, ([\\d.]+) h").matcher(r.out());
    assertThat(total.find()).isTrue();
    assertThat(sum)
        .isCloseTo(
            Double.parseDouble(total.group(1)),
            org.assertj.core.data.Offset.offset(0.1 * rows.size()));
  }

  @Test
  void aLegUnderOneKmShowsItsTenthsInTheTableAndTheReport() throws Exception {
    // The 0.5 km Aghband rail bridge is a leg of its own (not folded: it rounds to 1 km), and
    // prints as 0.5 (marked ~: its length is an estimate), not as a rounded 1; the 0.216 km road
    // bridge prints as 0.2 in the report.
    CliTest.Run r = run(bakuNakhchivan("route", "rail", "--scenario", "aras-corridor-open"));
    assertThat(r.code()).as(r.err()).isZero();
    String bridge =
        r.out()
            .lines()
            .filter(l -> l.contains("Aghband (Zangilan) -> Kalaleh"))
            .findFirst()
            .orElseThrow();
    assertThat(bridge.substring(23 + 60 + 6).trim().split("\\s+")[0]).isEqualTo("~0.5");
    assertThat(reportPage("road", "--scenario", "aras-corridor-open"))
        .containsPattern(
            "Aghband \\(Zangilan\\) → Kalaleh[^<]*</td><td>AZ</td><td class=\"n\">0\\.2</td>");
  }

  /**
   * The arguments of {@code command} from Baku to Nakhchivan by {@code modes}, then {@code more}.
   */
  static String[] bakuNakhchivan(String command, String modes, String... more) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(command, "--from", "Baku", "--to", "Nakhchivan", "--modes", modes));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  /** The HTML report Baku to Nakhchivan by {@code modes}; the command must succeed. */
  static String reportPage(String modes, String... more) throws java.io.IOException {
    java.nio.file.Path html = java.nio.file.Files.createTempFile("karvan-report", ".html");
    try {
      List<String> a = new java.util.ArrayList<>(List.of(more));
      a.addAll(List.of("--out", html.toString()));
      CliTest.Run rep = run(bakuNakhchivan("report", modes, a.toArray(String[]::new)));
      assertThat(rep.code()).as(rep.err()).isZero();
      return java.nio.file.Files.readString(html);
    } finally {
      java.nio.file.Files.delete(html);
    }
  }

  @Test
  void aReportComparesScenariosWhenTheBaseHasNoRoute() throws Exception {
    // Baku - Nakhchivan by rail: no route today, one over the Aras corridor and one over TRIPP.
    String page =
        reportPage("rail", "--scenario", "aras-corridor-open", "--scenario", "tripp-open");
    assertThat(page)
        .contains("<tr><td>base</td><td colspan=\"10\">no route")
        .contains("Itinerary: aras-corridor-open", "Itinerary: tripp-open")
        .doesNotContain("Itinerary: base");
    // With no route under any scenario either, it is still an error.
    CliTest.Run none = run(bakuNakhchivan("report", "rail", "--out", "none.html"));
    assertThat(none.code()).isNotZero();
    assertThat(none.err()).contains("no route from Baku to Nakhchivan");
  }

  @Test
  void legsWithAnEstimatedLengthAreMarked() {
    // Baku - Nakhchivan by road today: the leg Baku - Bilasuvar holds Alat - Bilasuvar (123 km,
    // estimated), Bileh Savar - Jolfa holds Bileh Savar - Kalaleh (204 km, estimated); the leg
    // Julfa - Nakhchivan (40 km, cited) is not marked.
    CliTest.Run r = run(bakuNakhchivan("route", "road"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> legs = r.out().lines().filter(l -> l.matches("\\s*\\d+  ROAD .*")).toList();
    java.util.function.Function<String, String> km =
        name ->
            legs.stream()
                .filter(l -> l.contains(name))
                .findFirst()
                .orElseThrow()
                .substring(23 + 60 + 6)
                .trim()
                .split("\\s+")[0];
    assertThat(km.apply("Baku -> ")).startsWith("~");
    assertThat(km.apply("Bileh Savar (border post) -> ")).startsWith("~");
    assertThat(km.apply("Julfa (Nakhchivan) -> Nakhchivan")).isEqualTo("40");
    assertThat(r.out()).contains("~ km: the length of at least one link on the leg is an estimate");
  }

  @Test
  void paretoOpensWithASummaryOfTheFront() {
    CliTest.Run r = run("route", "--from", "Nhava Sheva", "--to", "Moscow", "--pareto");
    assertThat(r.code()).isZero();
    var m = Pattern.compile("Pareto front over time, cost and CO2e: (\\d+) route").matcher(r.out());
    assertThat(m.find()).isTrue();
    int n = Integer.parseInt(m.group(1));
    assertThat(n).isGreaterThan(2);
    String summary = r.out().substring(r.out().indexOf("corridor · modes / what differs"));
    summary = summary.substring(0, summary.indexOf("Pareto point 1 of"));
    for (int i = 1; i <= n; i++) {
      assertThat(summary).containsPattern("(?m)^\\s*" + i + " +\\d+\\.\\d +[\\d,]+ +[\\d,]+ ");
    }
    assertThat(summary).contains("fastest", "cheapest", "lowest CO2e");
    // Details are headed by the point and what sets it apart, never "optimised for time".
    assertThat(r.out()).doesNotContain("optimised for");
    for (int i = 1; i <= n; i++) {
      assertThat(r.out()).contains("Pareto point " + i + " of " + n + ": ");
    }
  }

  @Test
  void alternativesSayWhatTellsThemApart() {
    CliTest.Run r = run("route", "--from", "Nhava Sheva", "--to", "Moscow", "--alternatives", "3");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("alternative 1 of", "alternative 2 of");
    String second =
        r.out().lines().filter(l -> l.contains("alternative 2 of")).findFirst().orElseThrow();
    assertThat(second.substring(second.indexOf(": ") + 2))
        .containsAnyOf("corridor", "crosses", "adds", "no ", "via ", "skips");
  }

  private static final Pattern SHAPE = Pattern.compile("karvan: [^;]+?: [^;]+; .+");

  @Test
  void everyErrorHasOneShapeWithAHint() {
    String[][] bad = {
      {"route", "--from", "Tehran", "--to", "Moscow", "--year", "1800"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--year", "abc"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--avoid-country", "Azerbaijan"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--avoid-country", "XX"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--avoid-border", "XX"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--avoid-chokepoint", "X"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--optimize", "fast"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--modes", "train"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--date", "2026-13-01"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--depart", "tomorrow"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--pareto", "--alternatives", "2"},
      {"route", "--from", "Tehran", "--to", "Moskow"},
      {"route", "--from", "Tehran", "--to", "Tehran"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--avoid-country", "IR"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--format", "pdf"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--bogus"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--drivers", "3"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--alternatives", "0"},
      {"compare", "--from", "Tehran"},
      {"route", "--from", "Tehran"},
      {"route", "--from", "Tehran", "--to", "Moscow", "--set", "rail.speed_kmh=-3"},
      {"tcd", "--from", "Tehran", "--to", "Moscow", "--out", "x.pdf"},
    };
    for (String[] args : bad) {
      CliTest.Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isIn(2, ExitCodes.USAGE);
      assertThat(r.err().lines().toList())
          .as(String.join(" ", args))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).matches(SHAPE));
    }
    assertThat(
            run("route", "--from", "Tehran", "--to", "Moscow", "--avoid-country", "Azerbaijan")
                .err())
        .contains("karvan: --avoid-country: unknown country 'AZERBAIJAN'; did you mean AZ");
    // A misspelt option is named alone, not with its value as a second "unknown option".
    assertThat(run("route", "--from", "Tehran", "--to", "Moscow", "--optimise", "cost").err())
        .contains(
            "karvan: route: unknown option '--optimise'; did you mean --optimize? see"
                + " 'karvan route --help'");
    // A misspelt command is named once, not as "karvan: karvan:".
    assertThat(run("validate", "x").err())
        .startsWith("karvan: unmatched argument")
        .doesNotContain("karvan: karvan");
    // A misspelt or miscased scenario: a suggestion, and names are case-insensitive like places.
    assertThat(
            run("route", "--from", "Baku", "--to", "Nakhchivan", "--scenario", "aras-corridor-opn")
                .err())
        .contains("unknown scenario 'aras-corridor-opn'; did you mean aras-corridor-open?");
    assertThat(
            run(
                    "route",
                    "--from",
                    "Baku",
                    "--to",
                    "Nakhichevan",
                    "--scenario",
                    "Aras-Corridor-Open")
                .code())
        .isZero();
    assertThat(run("route", "--from", "Tehran", "--to", "Moscow", "--optimise", "cost").err())
        .doesNotContain("'cost'");
    assertThat(run("route", "--from", "Tehran", "--to", "Moscow", "--year", "1800").err())
        .contains("karvan: --year: year 1800 is out of range; give a year from 1900 to 2200");
  }
}
