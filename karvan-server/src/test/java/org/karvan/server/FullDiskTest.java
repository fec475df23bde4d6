package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the scenario database: the write is answered 507 with a problem document that
 * names the cause (not a 500 from the failed rollback), health turns DEGRADED, and both recover
 * once there is room again. Two ways to fill it: SQLite's {@code max_page_count} (a database size
 * limit, SQLITE_FULL from SQLite itself; runs anywhere) and a real 1 MiB tmpfs (ENOSPC from the
 * kernel; needs root to mount).
 */
class FullDiskTest {
  @TempDir Path dir;

  static final String TOKEN = "full-disk-token";

  static String body(String name) {
    return "{\"name\":\""
        + name
        + "\",\"description\":\""
        + "x".repeat(6_000)
        + "\",\"modifications\":[]}";
  }

  /** Saves scenarios until the store refuses one; checks the refusal and health. */
  static void fillAndCheck(Http h) {
    Http.Res r = null;
    int saved = 0;
    for (int i = 0; i < 2_000; i++) {
      r = h.post("/api/scenarios/saved", body("fill-" + i), TOKEN);
      if (r.status() != 201) {
        break;
      }
      saved++;
    }
    assertThat(saved).as("some writes fit before the disk was full").isGreaterThan(0);
    assertThat(r.status()).as(r.body()).isEqualTo(507);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.json().get("type").asText()).isEqualTo("urn:karvan:problem:insufficient-storage");
    assertThat(r.json().get("detail").asText()).contains("full").contains("SQLITE_FULL");
    Http.Res health = h.get("/api/health");
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
    assertThat(health.json().get("database").asText()).isEqualTo("FULL");
    // Reads still work.
    assertThat(h.get("/api/scenarios?limit=1").status()).isEqualTo(200);
  }

  @Test
  void databaseSizeLimitGives507AndDegradedHealth() {
    // 40 pages of 4 KiB: the schema and a few scenarios fit.
    String url = "jdbc:sqlite:" + dir.resolve("small.db") + "?max_page_count=40";
    ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken(TOKEN);
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http h = new Http(s.baseUrl());
      fillAndCheck(h);
      // Deleting frees pages: the next write fits again and health is UP.
      String id = h.get("/api/scenarios?limit=1").json().get("saved").get(0).get("id").asText();
      assertThat(h.delete("/api/scenarios/saved/" + id, TOKEN).status()).isEqualTo(204);
      assertThat(h.post("/api/scenarios/saved", body("after"), TOKEN).status()).isEqualTo(201);
      assertThat(h.get("/api/health").json().get("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void realFullFilesystemGives507AndDegradedHealth() throws Exception {
    Path mnt = dir.resolve("tiny");
    Files.createDirectories(mnt);
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt.toString())
            .redirectErrorStream(true)
            .start();
    boolean mounted = mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
    Required.require(mounted, "permission to mount a 1 MiB tmpfs (run as root)");
    try {
      // Ballast that is removed later to make room again.
      Path ballast = mnt.resolve("ballast");
      Files.write(ballast, new byte[256 * 1024]);
      String url = "jdbc:sqlite:" + mnt.resolve("karvan.db");
      ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken(TOKEN);
      try (KarvanServer s = KarvanServer.start(c, null)) {
        Http h = new Http(s.baseUrl());
        fillAndCheck(h);
        Files.delete(ballast);
        assertThat(h.post("/api/scenarios/saved", body("after"), TOKEN).status()).isEqualTo(201);
        assertThat(h.get("/api/health").json().get("status").asText()).isEqualTo("UP");
      }
    } finally {
      new ProcessBuilder("umount", "-l", mnt.toString()).start().waitFor(20, TimeUnit.SECONDS);
    }
  }
}
