package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers on one SQLite file, written concurrently: no 5xx, lost updates refused with 409, and
 * the stored version equals the number of acknowledged writes.
 */
class SharedStoreTest {
  @TempDir Path dir;

  static final String TOKEN = "shared-store-token";

  static String body(String name, int i) {
    return "{\"name\":\""
        + name
        + "\",\"description\":\"write "
        + i
        + "\",\"modifications\":[{\"type\":\"close\",\"target\":\"chokepoint\","
        + "\"ids\":[\"SUEZ\"]}]}";
  }

  @Test
  void twoServersOnOneSqliteFileNeverAnswer5xxAndRefuseStaleVersions() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("shared.db");
    ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken(TOKEN);
    // One server in this JVM, the other in its own process: SQLite's file locks between them.
    try (KarvanServer a = KarvanServer.start(c, null);
        ServerProcess b = ServerProcess.start(url, TOKEN, dir.resolve("b.err"))) {
      Http[] http = {new Http(a.baseUrl()), new Http(b.base)};
      Http.Res created = http[0].post("/api/scenarios/saved", body("shared", 0), TOKEN);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = created.json().get("id").asText();

      // 1. Blind concurrent PUTs and POSTs through both servers: every one is acknowledged.
      int writers = 8;
      int rounds = 25;
      Map<Integer, AtomicInteger> statuses = new TreeMap<>();
      Map<Integer, AtomicInteger> seen = new ConcurrentHashMap<>();
      ExecutorService ex = Executors.newFixedThreadPool(writers);
      CyclicBarrier start = new CyclicBarrier(writers);
      List<Future<?>> fs = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        fs.add(
            ex.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < rounds; i++) {
                    Http h = http[(writer + i) % 2];
                    int s =
                        (i % 2 == 0)
                            ? h.put("/api/scenarios/saved/" + id, body("shared", i), TOKEN, null)
                                .status()
                            : h.post("/api/scenarios/saved", body("w" + writer + "-" + i, i), TOKEN)
                                .status();
                    seen.computeIfAbsent(s, k -> new AtomicInteger()).incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get(120, TimeUnit.SECONDS);
      }
      statuses.putAll(seen);
      int puts = writers * ((rounds + 1) / 2);
      int posts = writers * (rounds / 2);
      assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(200, 201);
      assertThat(statuses.get(200).get()).isEqualTo(puts);
      assertThat(statuses.get(201).get()).isEqualTo(posts);
      Http.Res now = http[1].get("/api/scenarios/saved/" + id);
      assertThat(now.json().get("version").asInt()).isEqualTo(1 + puts);

      // 2. Concurrent PUTs that all read the same version: exactly one wins, the others get 409.
      int version = 1 + puts;
      Map<Integer, AtomicInteger> race = new ConcurrentHashMap<>();
      CyclicBarrier go = new CyclicBarrier(writers);
      fs.clear();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        fs.add(
            ex.submit(
                () -> {
                  go.await();
                  Http.Res r =
                      http[writer % 2].put(
                          "/api/scenarios/saved/" + id,
                          body("shared", 100 + writer),
                          TOKEN,
                          "\"" + version + "\"");
                  race.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                  if (r.status() == 409) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.json().get("detail").asText()).contains("version");
                  }
                  return null;
                }));
      }
      for (Future<?> f : fs) {
        f.get(60, TimeUnit.SECONDS);
      }
      ex.shutdown();
      assertThat(race.keySet()).as("race %s", race).containsOnly(200, 409);
      assertThat(race.get(200).get()).isEqualTo(1);
      assertThat(race.get(409).get()).isEqualTo(writers - 1);
      assertThat(http[0].get("/api/scenarios/saved/" + id).json().get("version").asInt())
          .isEqualTo(version + 1);
    }
  }

  @Test
  void aWriterHeldLongerThanTheBusyTimeoutGives503WithRetryAfter() throws Exception {
    Path db = dir.resolve("busy.db");
    String url = "jdbc:sqlite:" + db;
    ScenarioStore store = new ScenarioStore(url, null, null, 200);
    ScenarioStore.Saved s = store.create("held", "", "{}");
    // Another process holds the write lock (BEGIN IMMEDIATE) for longer than the busy timeout.
    try (var other = java.sql.DriverManager.getConnection(url);
        var st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE");
      long t0 = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> store.update(s.id(), "held", "", "{\"a\":1}", null))
          .isInstanceOf(ScenarioStore.Busy.class)
          .hasMessageContaining("busy");
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(ms).as("waited for the busy timeout").isBetween(150L, 5_000L);
      st.execute("ROLLBACK");
    }
    assertThat(store.update(s.id(), "held", "", "{\"a\":1}", 1)).isPresent();
  }

  @Test
  void aServerWhoseDatabaseStaysLockedAnswers503WithRetryAfter() throws Exception {
    String url = "jdbc:sqlite:" + dir.resolve("locked.db");
    ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken(TOKEN);
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http h = new Http(s.baseUrl());
      Http.Res created = h.post("/api/scenarios/saved", body("locked", 0), TOKEN);
      String id = created.json().get("id").asText();
      // Another writer holds the write lock for longer than the server's busy timeout.
      try (var other = java.sql.DriverManager.getConnection(url);
          var st = other.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
        long t0 = System.nanoTime();
        Http.Res r = h.put("/api/scenarios/saved/" + id, body("locked", 1), TOKEN, "\"1\"");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        st.execute("ROLLBACK");
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.raw().headers().firstValue("Retry-After")).contains("1");
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("database is busy");
        assertThat(ms).isGreaterThanOrEqualTo(ScenarioStore.DEFAULT_BUSY_TIMEOUT_MS - 500L);
        // Reads are not blocked by a writer (WAL).
        assertThat(h.get("/api/scenarios/saved/" + id).status()).isEqualTo(200);
      }
      // Once the lock is gone the same write succeeds.
      Http.Res ok = h.put("/api/scenarios/saved/" + id, body("locked", 1), TOKEN, "\"1\"");
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
  }

  @Test
  void storesOpenedAtOnceOnANewFileAllMigrateIt() throws Exception {
    for (int round = 0; round < 5; round++) {
      String url = "jdbc:sqlite:" + dir.resolve("new-" + round + ".db");
      int n = 4;
      CyclicBarrier go = new CyclicBarrier(n);
      ExecutorService ex = Executors.newFixedThreadPool(n);
      List<Future<ScenarioStore>> fs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        fs.add(
            ex.submit(
                () -> {
                  go.await();
                  return new ScenarioStore(url, null, null);
                }));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<ScenarioStore> f : fs) {
        ScenarioStore st = f.get(60, TimeUnit.SECONDS);
        st.initToken(null, tokens::add);
        assertThat(st.health().up()).isTrue();
      }
      ex.shutdown();
      assertThat(tokens).hasSize(n);
      assertThat(new java.util.HashSet<>(tokens)).as("one token for all").hasSize(1);
    }
  }
}
