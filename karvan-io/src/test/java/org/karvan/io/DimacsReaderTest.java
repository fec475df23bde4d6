package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.graph.Csr;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.dimacs.DimacsReader;
import org.karvan.io.dimacs.DimacsReader.DimacsGraph;

class DimacsReaderTest {
  private static final String GR =
      String.join(
          "\n",
          "c 9th DIMACS Implementation Challenge: Shortest Paths",
          "c tiny test graph",
          "p sp 4 6",
          "c arcs follow",
          "a 1 2 10",
          "a 2 1 10",
          "a 2 3 7",
          "",
          "a 3 4 0",
          "a 4 1 3",
          "a\t1 3  25",
          "");

  private static final String CO =
      String.join(
          "\n",
          "c coordinates",
          "p aux sp co 4",
          "v 1 50000000 40000000",
          "v 2 50010000 40000000",
          "v 3 -73500000 40500000",
          "v 4 50000000 -40123456",
          "");

  @TempDir Path dir;

  private static DimacsGraph parse(String gr) {
    return DimacsReader.read("t.gr", new StringReader(gr), null, null);
  }

  private static List<Problem> problems(String gr) {
    return problems(gr, null);
  }

  private static List<Problem> problems(String gr, String co) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                DimacsReader.read(
                    "t.gr",
                    new StringReader(gr),
                    "t.co",
                    co == null ? null : new StringReader(co)));
    assertThat(e).as("expected InvalidInputException").isNotNull();
    assertThat(e.errors()).isNotEmpty();
    return e.errors();
  }

  /** The weight of arc u->v (0-based) in CSR order, or NaN. */
  private static double weight(DimacsGraph g, int u, int v) {
    Csr c = g.csr();
    for (int e = c.firstOut(u); e < c.endOut(u); e++) {
      if (c.head(e) == v) {
        return g.weight()[e];
      }
    }
    return Double.NaN;
  }

  @Test
  void readsArcsIntoCsrOrderWithZeroBasedIds() {
    DimacsGraph g = parse(GR);
    assertThat(g.csr().nodeCount()).isEqualTo(4);
    assertThat(g.csr().edgeCount()).isEqualTo(6);
    assertThat(g.weight()).hasSize(6);
    assertThat(weight(g, 0, 1)).isEqualTo(10);
    assertThat(weight(g, 1, 0)).isEqualTo(10);
    assertThat(weight(g, 1, 2)).isEqualTo(7);
    assertThat(weight(g, 2, 3)).isEqualTo(0);
    assertThat(weight(g, 3, 0)).isEqualTo(3);
    assertThat(weight(g, 0, 2)).isEqualTo(25);
    assertThat(g.hasCoordinates()).isFalse();
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      assertThat(g.csr().firstOut(g.csr().tail(e))).isLessThanOrEqualTo(e);
    }
  }

  @Test
  void keepsParallelArcsSelfLoopsAndDecimalWeights() {
    DimacsGraph g = parse("p sp 2 3\na 1 2 5\na 1 2 2.5\na 2 2 1e1\n");
    assertThat(g.csr().edgeCount()).isEqualTo(3);
    assertThat(g.csr().endOut(0) - g.csr().firstOut(0)).isEqualTo(2);
    assertThat(g.weight()).containsExactly(5, 2.5, 10);
  }

  @Test
  void readsFilesGzipAndCoordinates() throws IOException {
    Path gr = dir.resolve("g.gr.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gr))) {
      out.write(GR.getBytes(StandardCharsets.US_ASCII));
    }
    Path co = dir.resolve("g.co");
    Files.writeString(co, CO);
    DimacsGraph g = DimacsReader.read(gr, co);
    assertThat(g.csr().edgeCount()).isEqualTo(6);
    assertThat(g.hasCoordinates()).isTrue();
    assertThat(g.lat()).containsExactly(40.0, 40.0, 40.5, -40.123456);
    assertThat(g.lon()).containsExactly(50.0, 50.01, -73.5, 50.0);

    Path plain = dir.resolve("g.gr");
    Files.writeString(plain, GR);
    DimacsGraph p = DimacsReader.read(plain);
    assertThat(p.weight()).containsExactly(g.weight());
  }

  @Test
  void emptyGraphWithoutArcsIsValid() {
    DimacsGraph g = parse("p sp 3 0\n");
    assertThat(g.csr().nodeCount()).isEqualTo(3);
    assertThat(g.csr().edgeCount()).isZero();
  }

  @Test
  void missingProblemLine() {
    List<Problem> ps = problems("c nothing here\n");
    assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("missing"));
    assertThat(problems("")).singleElement().extracting(Problem::field).isEqualTo("p");
  }

  @Test
  void arcBeforeProblemLine() {
    List<Problem> ps = problems("a 1 2 3\np sp 2 1\n");
    assertThat(ps).anySatisfy(p -> assertThat(p.line()).isEqualTo(1));
    assertThat(ps).anySatisfy(p -> assertThat(p.message()).contains("before the problem line"));
  }

  @Test
  void collectsEveryProblemWithFileLineAndColumn() {
    String gr =
        String.join(
            "\n",
            "p sp 3 5", // 1
            "a 1 2 4", // 2 ok
            "a 0 2 4", // 3 id out of range (u)
            "a 1 4 4", // 4 id out of range (v)
            "a 1 2 -1", // 5 negative weight
            "a 1 2 abc", // 6 non-numeric weight
            "a 1 2 NaN", // 7 non-numeric weight
            "a 1 2", // 8 too few fields
            "x 1 2 3", // 9 unknown line
            "p sp 3 5", // 10 second problem line
            "");
    List<Problem> ps = problems(gr);
    assertThat(ps).allSatisfy(p -> assertThat(p.file()).isEqualTo("t.gr"));
    assertThat(ps).extracting(Problem::line).contains(3, 4, 5, 6, 7, 8, 9, 10);
    Problem u = ps.stream().filter(p -> p.line() == 3).findFirst().orElseThrow();
    assertThat(u.field()).isEqualTo("u");
    assertThat(u.column()).isEqualTo(3);
    assertThat(u.message()).contains("outside [1, 3]");
    Problem v = ps.stream().filter(p -> p.line() == 4).findFirst().orElseThrow();
    assertThat(v.field()).isEqualTo("v");
    assertThat(v.column()).isEqualTo(5);
    assertThat(ps.stream().filter(p -> p.line() == 5).findFirst().orElseThrow().message())
        .contains("negative");
    assertThat(ps.stream().filter(p -> p.line() == 6).findFirst().orElseThrow().message())
        .contains("not a number");
    // 7 arc lines against 5 declared: reported on the problem line, field M
    assertThat(ps)
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.field()).isEqualTo("M");
            });
  }

  @Test
  void wrongArcCount() {
    List<Problem> ps = problems("p sp 2 3\na 1 2 1\na 2 1 1\n");
    assertThat(ps)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message()).contains("declares 3").contains("has 2");
            });
    assertThat(problems("p sp 2 1\na 1 2 1\na 2 1 1\n")).hasSize(1);
  }

  @Test
  void badProblemLines() {
    assertThat(problems("p max 2 1\na 1 2 1\n")).extracting(Problem::line).containsExactly(1);
    assertThat(problems("p sp x 1\na 1 2 1\n")).extracting(Problem::field).containsExactly("N");
    assertThat(problems("p sp 2 -1\n")).extracting(Problem::field).containsExactly("M");
    assertThat(problems("p sp 2\n")).hasSize(1);
    assertThat(problems("p sp 99999999999999999999999 1\na 1 1 1\n")).hasSize(1);
  }

  @Test
  void overstatedArcCountDoesNotAllocateIt() {
    List<Problem> ps = problems("p sp 2 2000000000\na 1 2 1\n");
    assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("has 1"));
  }

  @Test
  void hugeIdsAreOutOfRangeNotCrashes() {
    List<Problem> ps = problems("p sp 2 1\na 1 99999999999999999999999999 1\n");
    assertThat(ps).singleElement().satisfies(p -> assertThat(p.message()).contains("outside"));
  }

  @Test
  void coordinateProblems() {
    String co =
        String.join(
            "\n",
            "p aux sp co 4",
            "v 1 50000000 40000000",
            "v 1 50000000 40000000", // duplicate
            "v 5 1 1", // out of range
            "v 2 181000000 0", // bad lon
            "v 3 0 x", // bad lat
            "");
    List<Problem> ps = problems(GR, co);
    assertThat(ps).allSatisfy(p -> assertThat(p.file()).isEqualTo("t.co"));
    assertThat(ps).extracting(Problem::line).contains(3, 4, 5, 6);
    assertThat(ps).anySatisfy(p -> assertThat(p.message()).contains("no coordinates"));

    assertThat(problems(GR, "p aux sp co 5\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("graph has 4"));
    assertThat(problems(GR, "v 1 1 1\n")).hasSize(2); // vertex before p, and no p at all
  }

  @Test
  void errorsInBothFilesAreReportedTogether() {
    List<Problem> ps =
        problems("p sp 2 1\na 1 3 1\n", "p aux sp co 2\nv 1 0 0\nv 2 0 0\nv 3 0 0\n");
    assertThat(ps).extracting(Problem::file).containsExactlyInAnyOrder("t.gr", "t.co");
  }

  @Test
  void unreadableFilesAreInvalidInput() throws IOException {
    assertThatThrownBy(() -> DimacsReader.read(dir.resolve("missing.gr")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).errors())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("no such file")));

    Path notGzip = dir.resolve("bad.gr.gz");
    Files.writeString(notGzip, GR);
    assertThatThrownBy(() -> DimacsReader.read(notGzip)).isInstanceOf(InvalidInputException.class);

    Path truncated = dir.resolve("trunc.gr.gz");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(GR.repeat(50).getBytes(StandardCharsets.US_ASCII));
    }
    byte[] all = bytes.toByteArray();
    Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> DimacsReader.read(truncated))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void problemListIsCappedButCounted() {
    StringBuilder sb = new StringBuilder("p sp 2 3000\n");
    for (int i = 0; i < 3000; i++) {
      sb.append("a 1 3 1\n");
    }
    List<Problem> ps = problems(sb.toString());
    assertThat(ps).hasSize(DimacsReader.MAX_PROBLEMS + 1);
    assertThat(ps).anySatisfy(p -> assertThat(p.message()).contains("2000 more error(s)"));
  }

  /** Random damage to a valid file: either a graph or InvalidInputException, nothing else. */
  @Test
  void randomDamageOnlyEverFailsWithInvalidInput() {
    String[] garbage = {"", "x", "-1", "0", "NaN", "1e309", "0x10", "1d", "\t", "a", "p", "99999"};
    for (long seed = 0; seed < 500; seed++) {
      Random rnd = new Random(seed);
      List<String> lines = new ArrayList<>(List.of(GR.split("\n", -1)));
      int edits = 1 + rnd.nextInt(3);
      for (int k = 0; k < edits; k++) {
        int i = rnd.nextInt(lines.size());
        String[] f = lines.get(i).split(" ", -1);
        f[rnd.nextInt(f.length)] = garbage[rnd.nextInt(garbage.length)];
        switch (rnd.nextInt(4)) {
          case 0 -> lines.remove(i);
          case 1 -> lines.add(i, lines.get(rnd.nextInt(lines.size())));
          default -> lines.set(i, String.join(" ", f));
        }
      }
      String text = String.join("\n", lines);
      try {
        DimacsGraph g = parse(text);
        assertThat(g.weight()).hasSize(g.csr().edgeCount());
        for (double w : g.weight()) {
          assertThat(w).isFinite().isGreaterThanOrEqualTo(0);
        }
      } catch (InvalidInputException e) {
        assertThat(e.errors()).as("seed %d", seed).isNotEmpty();
        assertThat(e.errors()).allSatisfy(p -> assertThat(p.file()).isEqualTo("t.gr"));
      }
    }
  }
}
