package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Saved scenarios on a real PostgreSQL server, started by this test from Debian's binaries (initdb
 * and pg_ctl on a temporary directory and a random port). Skips with a message when no PostgreSQL
 * can start here.
 */
class PostgresTest {
  static Path tmp;
  static Path bin;
  static List<String> asUser = new ArrayList<>();
  static String url;

  static Path findBin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(v -> v.resolve("bin"))
          .filter(
              b ->
                  Files.isExecutable(b.resolve("initdb"))
                      && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(Path::toString))
          .orElse(null);
    }
  }

  static int run(List<String> cmd, Path log) throws Exception {
    List<String> full = new ArrayList<>(asUser);
    full.addAll(cmd);
    Process p =
        new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void startPostgres() throws Exception {
    bin = findBin();
    Required.require(
        bin != null,
        "PostgreSQL server binaries under /usr/lib/postgresql/*/bin"
            + " (apt-get install postgresql, or run karvan-server/ci-setup.sh)");
    tmp = Files.createTempDirectory("karvan-pg");
    if ("root".equals(System.getProperty("user.name"))) {
      // initdb refuses to run as root: run the server as the postgres user.
      Process id = new ProcessBuilder("id", "-u", "postgres").start();
      Required.require(id.waitFor() == 0, "a 'postgres' user for initdb (the tests run as root)");
      new ProcessBuilder("chown", "-R", "postgres", tmp.toString()).start().waitFor();
      asUser = List.of("runuser", "-u", "postgres", "--");
    }
    Path data = tmp.resolve("data");
    Path log = tmp.resolve("setup.log");
    int rc =
        run(
            List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-A",
                "trust",
                "-U",
                "karvan",
                "-E",
                "UTF8",
                "--no-sync"),
            log);
    Required.require(rc == 0, "a working initdb (it failed: " + read(log) + ")");
    int port = freePort();
    rc =
        run(
            List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                tmp.resolve("server.log").toString(),
                "-o",
                "-p " + port + " -k " + tmp + " -c listen_addresses=127.0.0.1",
                "-w",
                "-t",
                "60",
                "start"),
            tmp.resolve("start.log"));
    Required.require(
        rc == 0, "a PostgreSQL server that starts (" + read(tmp.resolve("server.log")) + ")");
    url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (url != null) {
      run(
          List.of(
              bin.resolve("pg_ctl").toString(),
              "-D",
              tmp.resolve("data").toString(),
              "-m",
              "immediate",
              "stop"),
          tmp.resolve("stop.log"));
    }
    if (tmp != null) {
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  void savedScenariosLiveInPostgres() {
    ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, "karvan", null);
    String token;
    String id;
    try (KarvanServer s = KarvanServer.start(c, null)) {
      token = s.generatedToken().orElseThrow();
      Http h = new Http(s.baseUrl());
      assertThat(h.get("/api/health").json().get("database").asText()).isEqualTo("UP");
      Http.Res r =
          h.post("/api/scenarios/saved", "{\"name\":\"pg-1\",\"modifications\":[]}", token);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      id = r.json().get("id").asText();
      assertThat(
              h.post("/api/scenarios/saved", "{\"name\":\"pg-1\",\"modifications\":[]}", token)
                  .status())
          .isEqualTo(409);
      Http.Res u =
          h.put(
              "/api/scenarios/saved/" + id,
              "{\"name\":\"pg-1b\",\"modifications\":[]}",
              token,
              "\"1\"");
      assertThat(u.status()).as(u.body()).isEqualTo(200);
    }
    // A restart keeps the data and the token; migrations are not re-applied.
    try (KarvanServer s = KarvanServer.start(c, null)) {
      assertThat(s.generatedToken()).isEmpty();
      Http h = new Http(s.baseUrl());
      Http.Res g = h.get("/api/scenarios/saved/" + id);
      assertThat(g.status()).isEqualTo(200);
      assertThat(g.json().get("name").asText()).isEqualTo("pg-1b");
      assertThat(g.json().get("version").asInt()).isEqualTo(2);
      assertThat(h.delete("/api/scenarios/saved/" + id, token).status()).isEqualTo(204);
    }
  }

  @Test
  void twoStoresOnOneDatabaseRefuseStaleVersionsAndLoseNoWrite() throws Exception {
    ScenarioStore a = new ScenarioStore(url, "karvan", null);
    ScenarioStore b = new ScenarioStore(url, "karvan", null);
    ScenarioStore.Saved s = a.create("pg-shared", "", "{}");
    int writers = 8;
    var ex = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try {
      // Blind writes through both stores: every one is applied, one version step each.
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        ScenarioStore st = w % 2 == 0 ? a : b;
        fs.add(
            ex.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    st.update(s.id(), "pg-shared", "", "{}", null).orElseThrow();
                  }
                  return null;
                }));
      }
      for (var f : fs) {
        f.get(60, TimeUnit.SECONDS);
      }
      int v = b.get(s.id()).orElseThrow().version();
      assertThat(v).isEqualTo(1 + writers * 10);
      // The same If-Match from every writer at once: one wins, the others are stale.
      var go = new java.util.concurrent.CyclicBarrier(writers);
      var wins = new java.util.concurrent.atomic.AtomicInteger();
      var stale = new java.util.concurrent.atomic.AtomicInteger();
      fs.clear();
      for (int w = 0; w < writers; w++) {
        ScenarioStore st = w % 2 == 0 ? a : b;
        fs.add(
            ex.submit(
                () -> {
                  go.await();
                  try {
                    st.update(s.id(), "pg-shared", "", "{}", v).orElseThrow();
                    wins.incrementAndGet();
                  } catch (ScenarioStore.Conflict e) {
                    assertThat(e.getMessage()).contains("version");
                    stale.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (var f : fs) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(wins.get()).isEqualTo(1);
      assertThat(stale.get()).isEqualTo(writers - 1);
      assertThat(a.get(s.id()).orElseThrow().version()).isEqualTo(v + 1);
      assertThat(a.delete(s.id())).isTrue();
    } finally {
      ex.shutdownNow();
    }
  }

  @Test
  void aRowLockedLongerThanTheBusyTimeoutIsBusyNotAnError() throws Exception {
    ScenarioStore store = new ScenarioStore(url, "karvan", null, 300);
    ScenarioStore.Saved s = store.create("pg-locked", "", "{}");
    try (var other = java.sql.DriverManager.getConnection(url, "karvan", null)) {
      other.setAutoCommit(false);
      try (var ps =
          other.prepareStatement("SELECT id FROM saved_scenario WHERE id = ? FOR UPDATE")) {
        ps.setString(1, s.id());
        ps.executeQuery().close();
      }
      long t0 = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> store.update(s.id(), "pg-locked", "", "{}", 1))
          .isInstanceOf(ScenarioStore.Busy.class)
          .hasMessageContaining("busy");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(250L, 5_000L);
      other.rollback();
    }
    assertThat(store.update(s.id(), "pg-locked", "", "{}", 1).orElseThrow().version()).isEqualTo(2);
    assertThat(store.delete(s.id())).isTrue();
  }
}
