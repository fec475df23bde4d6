package org.karvan.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Starts the HTTP server, so that the CLI's {@code karvan serve} needs no compile-time dependency
 * on the server module: the server registers its factory as a {@link ServiceLoader} service and
 * ships beside the CLI in its jar.
 */
public interface ServerFactory {
  /** What {@code karvan serve} asks for; {@code null} values take the server's defaults. */
  record Settings(
      String host,
      int port,
      Path network,
      String db,
      String dbUser,
      String dbPassword,
      String token,
      long maxBodyBytes,
      int maxAlternatives,
      int maxLabels,
      int maxMatrixCells,
      long timeoutMs,
      Integer maxVia,
      Integer maxScenarios,
      Integer maxSamples,
      Long maxResponseBytes,
      Long idleTimeoutMs,
      Long minBodyBytesPerSecond,
      Integer httpThreads) {
    /** Settings with the server's defaults for the via, scenario, sample and wire limits. */
    public Settings(
        String host,
        int port,
        Path network,
        String db,
        String dbUser,
        String dbPassword,
        String token,
        long maxBodyBytes,
        int maxAlternatives,
        int maxLabels,
        int maxMatrixCells,
        long timeoutMs) {
      this(
          host,
          port,
          network,
          db,
          dbUser,
          dbPassword,
          token,
          maxBodyBytes,
          maxAlternatives,
          maxLabels,
          maxMatrixCells,
          timeoutMs,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** A running server. */
  interface Running extends AutoCloseable {
    int port();

    @Override
    void close();
  }

  Running start(Settings settings, PrintStream out);

  /** The server on the class path, if any. */
  static Optional<ServerFactory> find() {
    return ServiceLoader.load(ServerFactory.class).findFirst();
  }
}
