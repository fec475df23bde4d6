package org.karvan.server;

import java.io.PrintStream;
import org.karvan.app.ServerFactory;

/** The server as {@code karvan serve} starts it (registered as a {@link ServerFactory}). */
public final class ServerLauncher implements ServerFactory {
  @Override
  public Running start(Settings s, PrintStream out) {
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
    KarvanServer server = KarvanServer.start(cfg, out);
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
}
