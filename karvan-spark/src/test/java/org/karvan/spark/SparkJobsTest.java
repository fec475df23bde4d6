package org.karvan.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.app.CompareService;
import org.karvan.app.CriticalityService;
import org.karvan.app.Fields;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.Karvan;
import org.karvan.app.Limits;
import org.karvan.app.MatrixService;
import org.karvan.app.OdList;
import org.karvan.app.ReliabilityService;
import org.karvan.app.ResultCsv;
import org.karvan.app.RouteSpec;
import org.karvan.app.ScenarioSource;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.profile.ProfileReader;

/**
 * The jobs on {@code local[2]} against the single-machine commands' own code path (the app service
 * and {@link ResultCsv}, which is all {@code karvan compare --format csv} and the others do after
 * parsing flags): row by row, for 1, 2 and 8 partitions, CSV and Parquet in and out. One session
 * serves every test.
 */
class SparkJobsTest {
  static final String DATE = "2026-12-01";
  static SparkSession spark;
  static Karvan k;

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    spark = Sweeps.session("local[2]", "karvan-spark tests");
    k =
        Karvan.open(
            BundleReader.readDefault(),
            ProfileReader.readDefault(),
            ScenarioSource.NONE,
            Limits.CLI);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  record Run(int code, String err, List<List<String>> csv, List<List<String>> parquet) {}

  /**
   * Runs {@code karvan spark ARGS --out DIR} and reads both outputs back, part file by part file.
   */
  static Run run(String... args) throws Exception {
    Path out = Files.createTempDirectory(tmp, "out");
    Files.delete(out);
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--out", out.toString()));
    StringWriter err = new StringWriter();
    int code =
        SparkMain.run(
            a.toArray(String[]::new), new PrintWriter(new StringWriter()), new PrintWriter(err));
    if (code != 0) {
      return new Run(code, err.toString(), null, null);
    }
    List<List<String>> csv = new ArrayList<>();
    for (Path p : parts(out.resolve("csv"), ".csv")) {
      var t =
          CsvParser.parse(
              Files.readAllBytes(p), p.toString(), new org.karvan.core.validate.Problems());
      if (csv.isEmpty()) {
        csv.add(List.copyOf(sortedHeader(t.header())));
      }
      for (var r : t.rows()) {
        List<String> cells = new ArrayList<>(r.cells());
        while (cells.size() < csv.get(0).size()) {
          cells.add("");
        }
        csv.add(cells);
      }
    }
    List<List<String>> pq = new ArrayList<>();
    for (Path p : parts(out.resolve("parquet"), ".parquet")) {
      var df = spark.read().parquet(p.toString());
      if (pq.isEmpty()) {
        pq.add(List.of(df.columns()));
      }
      for (Row r : df.collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.length(); i++) {
          cells.add(r.getString(i));
        }
        pq.add(cells);
      }
    }
    return new Run(code, err.toString(), csv, pq);
  }

  private static List<String> sortedHeader(Map<String, Integer> h) {
    String[] cols = new String[h.size()];
    h.forEach((c, i) -> cols[i - 1] = c);
    return Arrays.asList(cols);
  }

  private static List<Path> parts(Path dir, String ext) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(ext))
          .sorted()
          .toList();
    }
  }

  static Path odCsv() throws Exception {
    Path p = tmp.resolve("od.csv");
    Files.writeString(
        p,
        "origin,destination,cargo\n"
            + "Nhava Sheva,Moscow,\n"
            + "Tehran,Baku,2x20ft\n"
            + "Atlantis,Baku,\n"
            + "Mumbai,Moscow,\n"
            + "Aktau,Baku,\n"
            + "Bandar Abbas,Astrakhan,\n"
            + "Chabahar,Almaty,\n");
    return p;
  }

  static List<List<String>> table(List<String> header, List<List<String>> rows) {
    List<List<String>> t = new ArrayList<>();
    t.add(header);
    t.addAll(rows);
    return t;
  }

  @Test
  void compareEqualsTheCliRowByRowForOneTwoAndEightPartitions() throws Exception {
    Path od = odCsv();
    List<String> sc = List.of("rasht-astara-built", "az-ir-border-closed");
    OdList.Result pairs = OdList.read(k, od, "1x40ft");
    CompareService.Result ref =
        k.comparisons()
            .compare(
                new CompareService.Request(
                    RouteSpec.builder().date(DATE).build(), sc, pairs.pairs()));
    List<List<String>> want = new ArrayList<>();
    ref.rows().forEach(r -> want.add(ResultCsv.compare(r.comparison())));
    assertThat(want).hasSize(12); // 6 valid pairs (Atlantis skipped) × 2 scenarios
    assertThat(want.get(0).get(0)).isEqualTo("INNSA");
    for (int parts : new int[] {1, 2, 8}) {
      Run r =
          run(
              "compare",
              "--od",
              od.toString(),
              "--scenario",
              sc.get(0),
              "--scenario",
              sc.get(1),
              "--date",
              DATE,
              "--partitions",
              "" + parts);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).contains(pairs.problems().get(0)).contains("skipped 1 bad row(s)");
      assertThat(r.csv()).as("csv, %d partitions", parts).isEqualTo(table(ResultCsv.COMPARE, want));
      assertThat(r.parquet())
          .as("parquet, %d partitions", parts)
          .isEqualTo(table(ResultCsv.COMPARE, want));
    }
  }

  @Test
  void compareReadsParquetAndSweepsYears() throws Exception {
    Path od = odCsv();
    List<Row> rows = new ArrayList<>();
    for (OdList.Raw r : OdList.rows(Files.readAllBytes(od), od.toString())) {
      rows.add(RowFactory.create(r.origin(), r.destination(), r.cargo()));
    }
    Path pq = tmp.resolve("od.parquet");
    spark
        .createDataFrame(rows, Sweeps.schema(List.of("origin", "destination", "cargo")))
        .coalesce(1)
        .write()
        .parquet(pq.toString());
    Run r =
        run(
            "compare",
            "--od",
            pq.toString(),
            "--scenario",
            "suez-closed",
            "--year",
            "2026",
            "--year",
            "2030",
            "--date",
            DATE,
            "--partitions",
            "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains(pq + ":3: origin: unknown place 'Atlantis'");
    List<List<String>> want = new ArrayList<>();
    for (int y : new int[] {2026, 2030}) {
      CompareService.Result ref =
          k.comparisons()
              .compare(
                  new CompareService.Request(
                      RouteSpec.builder().date(DATE).year(y).build(),
                      List.of("suez-closed"),
                      OdList.read(k, od, "1x40ft").pairs()));
      for (var row : ref.rows()) {
        List<String> c = new ArrayList<>(ResultCsv.compare(row.comparison()));
        c.add(0, "" + y);
        want.add(c);
      }
    }
    List<String> header = new ArrayList<>(ResultCsv.COMPARE);
    header.add(0, "year");
    assertThat(r.csv()).isEqualTo(table(header, want));
    assertThat(r.parquet()).isEqualTo(table(header, want));
  }

  @Test
  void reliabilityIsSeededPerPairAndScenarioNotByPartition() throws Exception {
    Path od = tmp.resolve("od-rel.csv");
    Files.writeString(od, "origin,destination\nNhava Sheva,Moscow\nTehran,Baku\nAktau,Baku\n");
    List<String> sc = List.of("base", "suez-closed");
    List<List<String>> want = new ArrayList<>();
    for (CompareService.OdPair p : OdList.read(k, od, "1x40ft").pairs()) {
      for (String s : sc) {
        String name = "base".equals(s) ? null : s;
        long seed = ReliabilityService.seed(7, p.from(), p.to(), name);
        RouteSpec rs =
            RouteSpec.builder()
                .from(p.from())
                .to(p.to())
                .cargo("1x40ft")
                .scenario(s)
                .date(DATE)
                .build();
        want.addAll(
            ResultCsv.reliability(
                k.reliability()
                    .run(
                        new ReliabilityService.Request(
                            rs, 2000, 30.0, seed, 2, 0, 0.1, 0.5, null))));
      }
    }
    assertThat(want).hasSizeGreaterThanOrEqualTo(6);
    assertThat(want.get(0).get(3))
        .isEqualTo("" + ReliabilityService.seed(7, "INNSA", "RUMOW", null));
    for (int parts : new int[] {1, 2, 8}) {
      Run r =
          run(
              "reliability",
              "--od",
              od.toString(),
              "--scenario",
              "base",
              "--scenario",
              "suez-closed",
              "--samples",
              "2000",
              "--deadline",
              "30",
              "--seed",
              "7",
              "--alternatives",
              "2",
              "--date",
              DATE,
              "--partitions",
              "" + parts);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.csv()).as("%d partitions", parts).isEqualTo(table(ResultCsv.RELIABILITY, want));
      assertThat(r.parquet()).isEqualTo(table(ResultCsv.RELIABILITY, want));
    }
  }

  @Test
  void criticalityRanksTheSlicesAsTheCliRanksTheWhole() throws Exception {
    CriticalityService.Result ref =
        k.criticality()
            .run(new CriticalityService.Request(null, List.of("borders"), 2, null), null);
    List<List<String>> want = new ArrayList<>();
    for (var row : ref.rows()) {
      want.add(ResultCsv.criticality(row.rank(), row.impact(), row.newMainRoute()));
    }
    assertThat(want.size()).isGreaterThan(8);
    for (int parts : new int[] {1, 2, 8}) {
      Run r = run("criticality", "--elements", "borders", "--partitions", "" + parts);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.csv()).as("%d partitions", parts).isEqualTo(table(ResultCsv.CRITICALITY, want));
      assertThat(r.parquet()).isEqualTo(table(ResultCsv.CRITICALITY, want));
    }
  }

  @Test
  void criticalityReadsAParquetDemandAndReportsItsBadRows() throws Exception {
    Path csv = tmp.resolve("demand.csv");
    Files.writeString(
        csv,
        "origin,destination,annual_volume,unit\n"
            + "Nhava Sheva,Moscow,400000,t\n"
            + "Tehran,Baku,120000,t\n"
            + "Atlantis,Baku,5000,t\n"
            + "Aktau,Baku,80000,t\n");
    CriticalityService.Result ref =
        k.criticality().run(new CriticalityService.Request(csv, List.of("borders"), 1, null), null);
    List<List<String>> want = new ArrayList<>();
    for (var row : ref.rows()) {
      want.add(ResultCsv.criticality(row.rank(), row.impact(), row.newMainRoute()));
    }
    assertThat(ref.demandRows()).isEqualTo(3);
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv).subList(1, 5)) {
      rows.add(RowFactory.create((Object[]) line.split(",")));
    }
    Path pq = tmp.resolve("demand.parquet");
    spark
        .createDataFrame(
            rows, Sweeps.schema(List.of("origin", "destination", "annual_volume", "unit")))
        .coalesce(1)
        .write()
        .parquet(pq.toString());
    Run r =
        run("criticality", "--demand", pq.toString(), "--elements", "borders", "--partitions", "4");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("karvan: ").contains("Atlantis").contains("skipped 1 bad row(s)");
    assertThat(r.csv()).isEqualTo(table(ResultCsv.CRITICALITY, want));
    assertThat(r.parquet()).isEqualTo(table(ResultCsv.CRITICALITY, want));
  }

  @Test
  void matrixBlocksEqualTheWholeMatrix() throws Exception {
    List<String> from = List.of("Nhava Sheva", "Mundra", "Chabahar", "Tehran", "Aktau");
    List<String> to = List.of("Moscow", "Baku", "Almaty");
    MatrixService.Result ref =
        k.matrices()
            .matrix(
                new MatrixService.Request(
                    from, to, RouteSpec.builder().optimize("cost").date(DATE).build()));
    List<List<String>> want = new ArrayList<>();
    for (int i = 0; i < ref.from().size(); i++) {
      for (int j = 0; j < ref.to().size(); j++) {
        want.add(ResultCsv.matrix(ref.from().get(i), ref.to().get(j), ref.values()[i][j]));
      }
    }
    assertThat(want).hasSize(15);
    for (int parts : new int[] {1, 2, 8}) {
      Run r =
          run(
              "matrix",
              "--from",
              String.join(",", from),
              "--to",
              String.join(",", to),
              "--optimize",
              "cost",
              "--date",
              DATE,
              "--partitions",
              "" + parts);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.csv()).isEqualTo(table(ResultCsv.matrix(ref.objective()), want));
      assertThat(r.parquet()).isEqualTo(table(ResultCsv.matrix(ref.objective()), want));
    }
  }

  @Test
  void badInputFailsBeforeTheJobWithTheCliErrors() throws Exception {
    Path od = odCsv();
    String cli;
    try {
      k.comparisons()
          .compare(
              new CompareService.Request(
                  RouteSpec.builder().build(), List.of("nope"), OdList.read(k, od, null).pairs()));
      throw new AssertionError("no error");
    } catch (InvalidRequestException e) {
      cli =
          "karvan: " + Fields.flag(e.errors().get(0).field()) + ": " + e.errors().get(0).message();
    }
    assertThat(cli).startsWith("karvan: --scenario: unknown scenario 'nope'");
    int jobs = spark.sparkContext().statusTracker().getActiveJobIds().length;
    Run r = run("compare", "--od", od.toString(), "--scenario", "nope");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(cli);
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "origin,dest\nTehran,Baku\n");
    Run c = run("compare", "--od", bad.toString(), "--scenario", "suez-closed");
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err())
        .contains("karvan: --od: " + bad + ": cannot read the OD list")
        .contains("missing column 'destination'");
    Run m = run("matrix", "--from", "Atlantis", "--to", "Baku");
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.err()).contains("karvan: --from: ").contains("Atlantis");
    Run e = run("criticality", "--elements", "bridges");
    assertThat(e.code()).isEqualTo(2);
    assertThat(e.err()).contains("karvan: --elements: unknown value 'bridges'");
    assertThat(spark.sparkContext().statusTracker().getActiveJobIds().length).isEqualTo(jobs);
  }

  @Test
  void aWorkspaceCompilesOncePerJvmFromItsBroadcastBytes() throws Exception {
    Workspace.Driver d =
        Workspace.open(Path.of("../data/default-network"), null, Map.of("rail.speed_kmh", 40.0));
    Workspace w = d.freeze();
    assertThat(w.bundle()).containsKey("nodes.csv");
    assertThat(w.key()).hasSize(64);
    // A copy as an executor receives it, under a key this JVM has not compiled yet.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(
          new Workspace(
              w.bundle(),
              w.display(),
              w.profile(),
              w.profileName(),
              w.set(),
              w.scenarios(),
              "copy-" + w.key()));
    }
    Workspace copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Workspace) in.readObject();
    }
    int before = Workspace.COMPILED.get();
    Karvan a = copy.karvan();
    Karvan b = copy.karvan();
    assertThat(a).isSameAs(b);
    assertThat(Workspace.COMPILED.get()).isEqualTo(before + 1);
    assertThat(w.karvan()).isSameAs(d.karvan());
    var ra = a.routes().route(RouteSpec.builder().from("Tehran").to("Baku").date(DATE).build());
    var rd =
        d.karvan().routes().route(RouteSpec.builder().from("Tehran").to("Baku").date(DATE).build());
    assertThat(ra.routes().get(0).totals()).isEqualTo(rd.routes().get(0).totals());
    assertThat(a.profile().get("rail.speed_kmh")).isEqualTo(40.0);
  }

  @Test
  void sparkListensOnLoopbackOnly() throws Exception {
    assertThat(spark.conf().get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
    // The listening TCP sockets of this JVM (by inode) and their local addresses.
    List<String> inodes = new ArrayList<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String t = Files.readSymbolicLink(fd).toString();
          if (t.startsWith("socket:[")) {
            inodes.add(t.substring(8, t.length() - 1));
          }
        } catch (java.io.IOException gone) {
          // closed meanwhile
        }
      }
    }
    List<String> listening = new ArrayList<>();
    for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line :
          Files.readAllLines(Path.of(f), StandardCharsets.US_ASCII)
              .subList(1, Files.readAllLines(Path.of(f)).size())) {
        String[] c = line.trim().split("\\s+");
        if (c[3].equals("0A") && inodes.contains(c[9])) {
          listening.add(c[1]);
        }
      }
    }
    assertThat(listening).as("Spark's RPC and block manager listen").hasSizeGreaterThanOrEqualTo(2);
    for (String addr : listening) {
      String ip = addr.substring(0, addr.indexOf(':'));
      assertThat(ip).as(addr).isIn("0100007F", "0000000000000000FFFF00000100007F");
    }
  }
}
