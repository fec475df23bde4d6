package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that do not play by the rules, on loopback, each test bounded in time: smuggling,
 * oversized and chunked bodies, huge answers, computations over time, partial and slow bodies,
 * wrong methods and media types, trailing data. Each test failed on the Javalin 6 / Jetty 11 server
 * (issue 12); see docs/server.md for the guarantees they check.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileClientTest {
  static final long TIMEOUT_MS = 1_500;
  static final long IDLE_MS = 3_000;
  @TempDir static Path dir;
  static KarvanServer server;
  static Http http;

  @BeforeAll
  static void start() {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(0)
            .withDb("jdbc:sqlite:" + dir.resolve("hostile.db"), null, null)
            .withToken("t")
            .withLimits(4096, 5, 50_000, 100, TIMEOUT_MS)
            .withWorkers(1)
            .withWire(new ServerConfig.Wire(IDLE_MS, 256, 200_000, 24));
    server = KarvanServer.start(c, null);
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String post(String path, String contentType, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return "POST "
        + path
        + " HTTP/1.1\r\nHost: x\r\n"
        + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
        + "Content-Length: "
        + b.length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void aMalformedChunkExtensionIsRefusedAndThePipelinedRequestIsNeverAnswered() {
    // Jetty 11.0.25 answered both: 200 to the POST, 200 to the smuggled GET.
    String body = "{\"from\":\"Mumbai\",\"to\":\"Baku\"}";
    String req =
        "POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(body.length())
            + ";ext=\"unterminated\r\n"
            + body
            + "\r\n0\r\n\r\n"
            + "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
    try (Raw r = new Raw(server.port())) {
      String answer = r.send(req).readAll(3_000);
      assertThat(Raw.statuses(answer)).containsExactly(400);
      assertThat(answer).contains("application/problem+json").doesNotContain("\"UP\"");
    }
  }

  @Test
  void aChunkedBodyOverTheLimitGets413AsSoonAsItPassesTheLimit() {
    // Jetty 11 / Javalin 6 read a chunked body whole, whatever its size.
    try (Raw r = new Raw(server.port())) {
      r.send(
          "POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      byte[] chunk = new byte[1024];
      Arrays.fill(chunk, (byte) ' ');
      byte[] frame = new byte[5 + chunk.length + 2];
      System.arraycopy(
          "400\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, frame, 0, 5);
      System.arraycopy(chunk, 0, frame, 5, chunk.length);
      frame[frame.length - 2] = '\r';
      frame[frame.length - 1] = '\n';
      for (int i = 0; i < 6; i++) {
        // The server may answer 413 and close as soon as the limit is passed: a later write then
        // fails (broken pipe), which is the behaviour asked for, not an error of the test.
        if (r.sendFails(frame)) {
          break;
        }
      }
      // The body is not finished: the answer must not wait for its end.
      String answer = r.readAll(3_000);
      assertThat(Raw.statuses(answer)).containsExactly(413);
      assertThat(answer).contains("too-large").contains("4096");
      assertThat(r.closedWithin(1_000)).isTrue();
    }
  }

  @Test
  void aDeclaredBodyOverTheLimitGets413BeforeItIsSent() {
    try (Raw r = new Raw(server.port())) {
      r.send(
          "POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 50000000\r\n\r\n");
      assertThat(Raw.statuses(r.readAll(2_000))).containsExactly(413);
    }
  }

  @Test
  void viaKAndSamplesAreBoundedBeforeComputing() {
    StringBuilder vias = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      vias.append(i == 0 ? "" : ",").append("\"Baku\"");
    }
    long t0 = System.nanoTime();
    Http.Res r =
        http.post(
            "/api/alternatives",
            "{\"from\":\"Mumbai\",\"to\":\"Moscow\",\"k\":5,\"via\":[" + vias + "]}",
            null);
    assertThat(r.status()).as(r.body()).isEqualTo(422);
    assertThat(r.json().get("field").asText()).isEqualTo("via");
    assertThat(r.body()).contains("400 via places are too many; give at most 25");
    assertThat(http.get("/api/alternatives?from=INNSA&to=RUMOW&k=11").json().get("field").asText())
        .isEqualTo("k");
    Http.Res s = http.get("/api/reliability?from=INNSA&to=RUMOW&samples=1000001");
    assertThat(s.status()).isEqualTo(422);
    assertThat(s.json().get("field").asText()).isEqualTo("samples");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(1_000);
  }

  @Test
  void anAnswerOverTheResponseLimitIsRefusedBeforeItIsSent() {
    // The whole network is about 630 KB of GeoJSON; the limit here is 200,000 bytes.
    Http.Res r = http.get("/api/network");
    assertThat(r.status()).isEqualTo(422);
    JsonNode p = r.json();
    assertThat(p.get("type").asText()).isEqualTo("urn:karvan:problem:response-too-large");
    assertThat(p.get("detail").asText()).contains("the limit is 200000");
    assertThat(http.get("/api/network?country=AZ").status()).isEqualTo(200);
  }

  @Test
  void aComputationOverTimeIsCancelledAndFreesItsWorker() throws Exception {
    // A million samples take about 7 s; the limit is 1.5 s and there is one worker. On the old
    // server the worker ran on to the end, so the next request waited behind it.
    long t0 = System.nanoTime();
    Http.Res slow = http.get("/api/reliability?from=INNSA&to=RUMOW&samples=1000000");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(slow.status()).as(slow.body()).isEqualTo(503);
    assertThat(ms).isBetween(TIMEOUT_MS - 100, TIMEOUT_MS + 1_000);
    long answered = System.nanoTime();
    while (server.busyWorkers() > 0 && System.nanoTime() - answered < 5_000_000_000L) {
      Thread.sleep(2);
    }
    long freedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered);
    System.out.println(
        "HostileClientTest: 503 after " + ms + " ms, worker freed " + freedMs + " ms later");
    assertThat(server.busyWorkers()).isZero();
    // About 100 ms on a quiet machine (the longest step between checks is sorting a million
    // samples); the bound leaves room for a crowded CI machine. The old server ran on for 5 s.
    assertThat(freedMs).as("worker freed %d ms after the 503", freedMs).isLessThan(750);
    Http.Res light = http.get("/api/route?from=INNSA&to=RUMOW");
    assertThat(light.status()).isEqualTo(200);
  }

  @Test
  void partialBodiesHoldNoThreadAndAreDroppedWhenIdle() throws Exception {
    // 400 clients send half a body and stop. Jetty 11 parked a thread on each read; here the
    // body is read as it arrives, so a light request is served at once, and the idle
    // connections are closed after the idle timeout.
    List<Raw> stuck = new ArrayList<>();
    try {
      for (int i = 0; i < 400; i++) {
        Raw r = new Raw(server.port());
        r.send(
            "POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"from\":");
        stuck.add(r);
      }
      long t0 = System.nanoTime();
      Http.Res h = http.get("/api/health");
      assertThat(h.status()).isEqualTo(200);
      // Well before the idle timeout: a server that parked a thread on each read would answer
      // only once the stuck connections timed out (1,025 ms was seen on a loaded 2-core machine).
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(IDLE_MS - 1_000);
      Http.Res route = http.get("/api/route?from=INNSA&to=RUMOW");
      assertThat(route.status()).isEqualTo(200);
      Thread.sleep(IDLE_MS);
      int closed = 0;
      for (Raw r : stuck) {
        closed += r.closedWithin(100) ? 1 : 0;
      }
      assertThat(closed).isEqualTo(400);
    } finally {
      stuck.forEach(Raw::close);
    }
  }

  @Test
  void theTimeLimitCoversTheWholeExchange() {
    // A body that trickles in just fast enough for the data rate still cannot hold the exchange
    // past the time limit (plus one second to write a late answer).
    try (Raw r = new Raw(server.port())) {
      long t0 = System.nanoTime();
      r.send(
          "POST /api/route HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              + "Content-Length: 4000\r\n\r\n");
      boolean closed = false;
      for (int i = 0; i < 40 && !closed; i++) {
        closed = r.sendFails(" ".repeat(100).getBytes(StandardCharsets.US_ASCII));
        closed = closed || r.closedWithin(100);
      }
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertThat(closed).isTrue();
      assertThat(ms).isBetween(TIMEOUT_MS, TIMEOUT_MS + 1_000 + 500);
    }
  }

  @Test
  void wrongMethodsGet405WithAllow() {
    Http.Res r = http.delete("/api/route", null);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.raw().headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
    assertThat(r.contentType()).startsWith("application/problem+json");
    Http.Res m = http.get("/api/matrix");
    assertThat(m.status()).isEqualTo(405);
    assertThat(m.raw().headers().firstValue("Allow")).hasValue("POST");
    Http.Res s = http.post("/api/scenarios/saved/7", "{}", null);
    assertThat(s.raw().headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD, PUT");
    assertThat(http.get("/api/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void bodiesThatAreNotJsonGet415() {
    String body = "{\"from\":\"Mumbai\",\"to\":\"Baku\"}";
    try (Raw r = new Raw(server.port())) {
      String a = r.send(post("/api/route", null, body)).readAll(2_000);
      assertThat(Raw.statuses(a)).containsExactly(415);
      assertThat(a).contains("no Content-Type");
    }
    try (Raw r = new Raw(server.port())) {
      assertThat(Raw.statuses(r.send(post("/api/route", "text/plain", body)).readAll(2_000)))
          .containsExactly(415);
    }
    try (Raw r = new Raw(server.port())) {
      String ok =
          r.send(post("/api/route", "application/json; charset=utf-8", body)).readAll(2_000);
      assertThat(Raw.statuses(ok)).containsExactly(200);
    }
  }

  @Test
  void dataAfterTheJsonIsA400() {
    for (String tail : List.of(" {\"from\":\"Tehran\"}", " x", "]")) {
      Http.Res r = http.post("/api/route", "{\"from\":\"Mumbai\",\"to\":\"Baku\"}" + tail, null);
      assertThat(r.status()).as(tail).isEqualTo(400);
      assertThat(r.json().get("type").asText()).isEqualTo("urn:karvan:problem:malformed-request");
    }
    assertThat(http.post("/api/route", "{\"from\":\"Mumbai\",\"to\":\"Baku\"}  \n", null).status())
        .isEqualTo(200);
  }
}
