package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a server process with SIGKILL in the middle of a burst of writes, then checks that every
 * write the server acknowledged (201) is in the database, intact.
 */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void sigkillDuringWritesLosesNothingAcknowledged() throws Exception {
    Path db = dir.resolve("durable.db");
    String url = "jdbc:sqlite:" + db;
    String token = "durability-token";
    ServerProcess server = ServerProcess.start(url, token, dir.resolve("server.err"));
    Process p = server.process;
    String base = server.base;
    try {
      Http http = new Http(base);
      Map<String, String> acked = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      int writers = 6;
      CountDownLatch done = new CountDownLatch(writers);
      for (int w = 0; w < writers; w++) {
        int writer = w;
        Thread t =
            new Thread(
                () -> {
                  try {
                    for (int i = 0; !stop.get(); i++) {
                      String name = "w" + writer + "-" + i;
                      String body =
                          "{\"name\":\""
                              + name
                              + "\",\"description\":\"burst "
                              + i
                              + "\",\"modifications\":[{\"type\":\"close\","
                              + "\"target\":\"chokepoint\",\"ids\":[\"SUEZ\"]}]}";
                      Http.Res r;
                      try {
                        r = http.post("/api/scenarios/saved", body, token);
                      } catch (RuntimeException e) {
                        return; // the server died under us: this write was not acknowledged
                      }
                      if (r.status() == 201) {
                        acked.put(r.json().get("id").asText(), name);
                      }
                    }
                  } finally {
                    done.countDown();
                  }
                });
        t.setDaemon(true);
        t.start();
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (acked.size() < 300 && System.nanoTime() < until) {
        Thread.sleep(5);
      }
      int ackedBeforeKill = acked.size();
      p.destroyForcibly(); // SIGKILL on Linux and macOS
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(ackedBeforeKill).as("writes acknowledged before the kill").isGreaterThan(20);

      ScenarioStore store = new ScenarioStore(url, null, null);
      List<ScenarioStore.Saved> all = store.list();
      Map<String, ScenarioStore.Saved> byId = new ConcurrentHashMap<>();
      all.forEach(s -> byId.put(s.id(), s));
      for (var e : acked.entrySet()) {
        ScenarioStore.Saved s = byId.get(e.getKey());
        assertThat(s).as("acknowledged write " + e.getValue() + " survived SIGKILL").isNotNull();
        assertThat(s.name()).isEqualTo(e.getValue());
        assertThat(s.body()).contains("\"name\":\"" + e.getValue() + "\"");
      }
      System.out.println(
          "DurabilityTest: "
              + acked.size()
              + " writes acknowledged, "
              + all.size()
              + " rows after SIGKILL, none lost");
    } finally {
      p.destroyForcibly();
    }
  }
}
