package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server answers only when it can serve: health says STARTING until then (issue 12, 10). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReadinessTest {
  @TempDir Path dir;

  @Test
  void theGuardAnswersStartingUntilReady() throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    Server s = new Server();
    ServerConnector c = new ServerConnector(s);
    c.setHost("127.0.0.1");
    c.setPort(0);
    s.addConnector(c);
    ExchangeGuard g = new ExchangeGuard(4096, 5_000, 1_000, ready::get);
    g.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
            return true;
          }
        });
    s.setHandler(g);
    s.start();
    try {
      Http h = new Http("http://127.0.0.1:" + c.getLocalPort());
      Http.Res health = h.get("/api/health");
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("status").asText()).isEqualTo("STARTING");
      assertThat(health.raw().headers().firstValue("Retry-After")).hasValue("1");
      Http.Res page = h.get("/");
      assertThat(page.status()).isEqualTo(503);
      assertThat(page.contentType()).startsWith("application/problem+json");
      ready.set(true);
      assertThat(h.get("/").body()).isEqualTo("ok");
      assertThat(h.get("/api/health").status()).isEqualTo(200);
    } finally {
      s.stop();
    }
  }

  @Test
  void noAnswerSaysUpWhileThePageIsMissing() throws Exception {
    // Poll a port from before the server starts until it serves the page; no health answer
    // may be 200 while "/" is not (the old server listened before its static files were in).
    int port;
    try (ServerSocket ss = new ServerSocket(0)) {
      port = ss.getLocalPort();
    }
    ServerConfig cfg =
        ServerConfig.defaults()
            .withPort(port)
            .withDb("jdbc:sqlite:" + dir.resolve("ready.db"), null, null)
            .withToken("t");
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    Thread poller =
        new Thread(
            () -> {
              while (!stop.get()) {
                try (Raw r = new Raw(port)) {
                  String a =
                      r.send(
                              "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                                  + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                          .readAll(500);
                  String st = Raw.statuses(a).toString();
                  seen.add(st);
                  if (st.equals("[200, 200]")) {
                    stop.set(true);
                  }
                } catch (RuntimeException e) {
                  // not listening yet
                }
              }
            });
    poller.start();
    try (KarvanServer s = KarvanServer.start(cfg, null)) {
      long t0 = System.nanoTime();
      while (!seen.contains("[200, 200]") && System.nanoTime() - t0 < 10_000_000_000L) {
        Thread.sleep(20);
      }
    } finally {
      stop.set(true);
      poller.join();
    }
    // Until the first full answer, every answer is 503 STARTING (or none yet), never a 200 for
    // health beside a 404 for the page.
    assertThat(seen).contains("[200, 200]").doesNotContain("[200, 404]", "[200, 503]");
    assertThat(seen.subList(0, seen.indexOf("[200, 200]")))
        .allMatch(x -> x.equals("[]") || x.startsWith("[503"));
  }
}
