package org.karvan.server;

import java.io.PrintStream;
import org.karvan.app.ServerFactory;

/** The server as {@code karvan serve} starts it (registered as a {@link ServerFactory}). */
public final class ServerLauncher implements ServerFactory {
  @Override
  public Running start(Settings s, PrintStream out) {
    KarvanServer server = KarvanServer.start(config(s), out);
    return new Running() {
      @Override
      public int port() {
        return server.port();
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  /** The server's configuration for {@code s}: its defaults where {@code s} says nothing. */
  static ServerConfig config(Settings s) {
    ServerConfig cfg =
        ServerConfig.defaults()
            .withHost(s.host())
            .withPort(s.port())
            .withNetwork(s.network())
            .withDb(s.db(), s.dbUser(), s.dbPassword())
            .withToken(s.token())
            .withLimits(
                s.maxBodyBytes(),
                s.maxAlternatives(),
                s.maxLabels(),
                s.maxMatrixCells(),
                s.timeoutMs());
    ServerConfig.Requests r = cfg.requests();
    cfg =
        cfg.withRequests(
            new ServerConfig.Requests(
                or(s.maxVia(), r.maxVia()),
                or(s.maxScenarios(), r.maxScenarios()),
                or(s.maxSamples(), r.maxSamples())));
    ServerConfig.Wire w = cfg.wire();
    cfg =
        cfg.withWire(
            new ServerConfig.Wire(
                or(s.idleTimeoutMs(), w.idleTimeoutMs()),
                or(s.minBodyBytesPerSecond(), w.minBodyBytesPerSecond()),
                or(s.maxResponseBytes(), w.maxResponseBytes()),
                or(s.httpThreads(), w.httpThreads())));
    return cfg;
  }

  private static <T> T or(T given, T dflt) {
    return given != null ? given : dflt;
  }
}
