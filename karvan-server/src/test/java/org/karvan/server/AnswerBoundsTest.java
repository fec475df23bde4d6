package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers known to be too large are refused before computing (issue 12), on loopback: the floors of
 * {@link AnswerBounds} are never above a real answer of the default network (so no request that
 * fits is refused), and on a server with a small answer limit a request over its floor gets 422
 * naming the parameter at once, while the only worker is busy with another computation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnswerBoundsTest {
  @TempDir static Path dir;
  static KarvanServer open;
  static KarvanServer tight;
  static Http openHttp;
  static Http tightHttp;
  static List<String> ids;

  @BeforeAll
  static void start() {
    open =
        KarvanServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + dir.resolve("open.db"), null, null)
                .withToken("t"),
            null);
    openHttp = new Http(open.baseUrl());
    tight =
        KarvanServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + dir.resolve("tight.db"), null, null)
                .withToken("t")
                .withLimits(64 * 1024, 5, 50_000, 10_000, 3_000)
                .withWorkers(1)
                .withWire(new ServerConfig.Wire(10_000, 256, 4_096, 24))
                .withRequests(new ServerConfig.Requests(200, 8, 8_000_000)),
            null);
    tightHttp = new Http(tight.baseUrl());
    List<String> all = new ArrayList<>();
    for (JsonNode f : openHttp.get("/api/network").json().get("features")) {
      JsonNode props = f.get("properties");
      if (props.path("featureType").asText().equals("node")
          && !props.path("kinds").toString().contains("WAYPOINT")) {
        all.add(props.get("id").asText());
      }
    }
    Collections.sort(all);
    ids = all;
  }

  @AfterAll
  static void stop() {
    open.close();
    tight.close();
  }

  private static long bytes(Http.Res r) {
    return r.body().getBytes(StandardCharsets.UTF_8).length;
  }

  private static String via(List<String> places) {
    return places.isEmpty() ? "" : "&via=" + String.join(",", places);
  }

  @Test
  void everyFloorIsBelowTheRealAnswer() {
    Random rnd = new Random(12);
    int routes = 0;
    long smallest = Long.MAX_VALUE;
    for (int i = 0; i < 160; i++) {
      String a = ids.get(rnd.nextInt(ids.size()));
      String b = ids.get(rnd.nextInt(ids.size()));
      List<String> vias = new ArrayList<>();
      for (int v = rnd.nextInt(4); v > 0; v--) {
        vias.add(ids.get(rnd.nextInt(ids.size())));
      }
      String path = i % 3 == 0 ? "/api/alternatives" : "/api/route";
      Http.Res r = openHttp.get(path + "?from=" + a + "&to=" + b + via(vias));
      if (r.status() != 200) {
        continue; // no route, a sea waypoint, a via equal to an end: nothing to bound
      }
      routes++;
      long floor = AnswerBounds.ROUTE + vias.size() * AnswerBounds.VIA_STOP;
      assertThat(bytes(r)).as("%s %s→%s via %s", path, a, b, vias).isGreaterThan(floor);
      smallest = Math.min(smallest, bytes(r) - vias.size() * AnswerBounds.VIA_STOP);
    }
    assertThat(routes).as("routes found").isGreaterThan(60);
    System.out.println("AnswerBoundsTest: smallest route less its via floor: " + smallest + " B");
    // A via stop alone: the same route with one via more is larger by at least the via floor.
    long plain = bytes(openHttp.get("/api/route?from=INNSA&to=RUMOW"));
    long onPath = bytes(openHttp.get("/api/route?from=INNSA&to=RUMOW&via=AZBAK"));
    assertThat(onPath - plain).isGreaterThanOrEqualTo(AnswerBounds.VIA_STOP);
    for (int n : List.of(1, 2, 7, 30)) {
      List<String> from = ids.subList(0, n);
      List<String> to = ids.subList(ids.size() - Math.min(n, 40), ids.size());
      String body =
          "{\"from\":[\""
              + String.join("\",\"", from)
              + "\"],\"to\":[\""
              + String.join("\",\"", to)
              + "\"]}";
      Http.Res m = openHttp.post("/api/matrix", body, null);
      assertThat(m.status()).as(m.body()).isEqualTo(200);
      long floor =
          (long) from.size() * to.size() * AnswerBounds.MATRIX_CELL
              + (from.size() + to.size()) * AnswerBounds.MATRIX_PLACE;
      assertThat(bytes(m)).isGreaterThan(floor);
    }
    List<String> scenarios = List.of("suez-closed", "year-2030", "caspian-winter");
    for (int n = 0; n <= scenarios.size(); n++) {
      String list = String.join(",", scenarios.subList(0, n));
      String q = "?from=TMBRK&to=TMSYK";
      long report = bytes(openHttp.get("/api/report" + q + (n == 0 ? "" : "&scenario=" + list)));
      assertThat(report).isGreaterThan((n + 1) * AnswerBounds.REPORT_SCENARIO);
      for (String fmt : List.of("json", "svg", "csv")) {
        Http.Res t =
            openHttp.get("/api/tcd" + q + "&format=" + fmt + (n == 0 ? "" : "&compare=" + list));
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(bytes(t))
            .as("tcd %s, %d scenarios", fmt, n)
            .isGreaterThan((n + 1) * AnswerBounds.TCD_SCENARIO);
      }
      if (n > 0) {
        Http.Res c = openHttp.get("/api/compare" + q + "&scenario=" + list);
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(bytes(c)).isGreaterThan((n + 1) * AnswerBounds.COMPARE_SCENARIO);
      }
    }
  }

  @Test
  void anAnswerKnownTooLargeIsRefusedBeforeComputing() throws Exception {
    // The only worker is busy for seconds (8 million samples, cancelled at the 3 s limit: a million
    // finished within it on a quiet machine): a
    // request that needed it would wait for the limit and get 503.
    CompletableFuture<Http.Res> busy =
        CompletableFuture.supplyAsync(
            () -> tightHttp.get("/api/reliability?from=INNSA&to=RUMOW&samples=8000000"));
    long waitStart = System.nanoTime();
    while (tight.busyWorkers() == 0 && System.nanoTime() - waitStart < 5_000_000_000L) {
      Thread.sleep(2);
    }
    assertThat(tight.busyWorkers()).isEqualTo(1);
    long t0 = System.nanoTime();
    // 40 via places: a route has at least 1,024 + 40 × 128 = 6,144 bytes; the limit is 4,096.
    String vias = String.join(",", Collections.nCopies(40, "AZBAK"));
    Http.Res r = tightHttp.get("/api/route?from=INNSA&to=RUMOW&via=" + vias);
    assertProblem(r, "via", "6144 bytes", "4096");
    Http.Res alt =
        tightHttp.post(
            "/api/alternatives",
            "{\"from\":\"INNSA\",\"to\":\"RUMOW\",\"k\":3,\"via\":[\""
                + vias.replace(",", "\",\"")
                + "\"]}",
            null);
    assertProblem(alt, "via", "6144 bytes", "4096");
    // 40 × 40 cells: at least 3,200 + 240 bytes; 45 × 45: 4,050 + 270 = 4,320, over 4,096.
    String from = "[\"" + String.join("\",\"", Collections.nCopies(45, "INNSA")) + "\"]";
    Http.Res m = tightHttp.post("/api/matrix", "{\"from\":" + from + ",\"to\":" + from + "}", null);
    assertProblem(m, "from", "4320 bytes", "4096");
    // A report of the base and 4 scenarios: at least 5 × 1,024 = 5,120 bytes.
    Http.Res rep =
        tightHttp.get(
            "/api/report?from=TMBRK&to=TMSYK&scenario=suez-closed,year-2030,caspian-winter,tripp-open");
    assertProblem(rep, "scenario", "5120 bytes", "4096");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(tight.busyWorkers()).as("the worker was busy throughout").isEqualTo(1);
    assertThat(ms).as("four refusals while the worker is busy").isLessThan(1_500);
    assertThat(busy.get(10, TimeUnit.SECONDS).status()).isEqualTo(503);
    // Under the floor the request is computed; its answer, still over 4,096 bytes, is then
    // replaced by the same problem after computing.
    Http.Res after = tightHttp.get("/api/route?from=INNSA&to=RUMOW");
    assertThat(after.status()).isEqualTo(422);
    assertThat(after.json().get("detail").asText()).startsWith("the answer has ");
  }

  private static void assertProblem(Http.Res r, String field, String floor, String limit) {
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    JsonNode p = r.json();
    assertThat(p.get("type").asText()).isEqualTo("urn:karvan:problem:response-too-large");
    assertThat(p.get("field").asText()).isEqualTo(field);
    assertThat(p.get("detail").asText())
        .contains("before computing")
        .contains(floor)
        .contains("the limit is " + limit + " bytes (--max-response)");
  }
}
