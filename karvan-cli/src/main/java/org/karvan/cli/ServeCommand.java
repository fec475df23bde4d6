package org.karvan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.karvan.app.ServerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code karvan serve}: the REST API and the web map on 127.0.0.1. */
@Command(
    name = "serve",
    header = "Start the web map and REST API on this machine.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Start the Karvan server: the web map at http://127.0.0.1:PORT/, the REST API under /api",
      "(OpenAPI at /openapi, interactive at /swagger), health and Prometheus metrics."
    },
    footer = {
      "",
      "Examples:",
      "  karvan serve",
      "  karvan serve --port 9000 --network my-network/",
      "  karvan serve --db jdbc:postgresql://127.0.0.1:5432/karvan --db-user karvan",
      "",
      "Writes (saved scenarios) need the API token: set the environment variable KARVAN_API_TOKEN",
      "(or the one named by --token-env), or use the token printed once at the first start. The",
      "token is never a command-line argument, which other users could read. See docs/server.md."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = {"-n", "--network"},
      paramLabel = "PATH",
      description = "Network bundle (directory or .zip). Default: the embedded default network.")
  Path network;

  @Option(
      names = "--db",
      paramLabel = "JDBC-URL",
      description =
          "Scenario database: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB"
              + " (default: SQLite in ~/.karvan/karvan.db).")
  String db;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
  String dbUser;

  @Option(
      names = "--db-password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the database password.")
  String dbPasswordEnv;

  @Option(
      names = "--token-env",
      paramLabel = "VAR",
      defaultValue = "KARVAN_API_TOKEN",
      description = "Environment variable holding the API token (default: ${DEFAULT-VALUE}).")
  String tokenEnv;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      defaultValue = "65536",
      description = "Largest request body (default: ${DEFAULT-VALUE}; 413 above).")
  long maxBody;

  @Option(
      names = "--max-alternatives",
      paramLabel = "N",
      defaultValue = "10",
      description = "Largest k for alternatives (default: ${DEFAULT-VALUE}; 422 above).")
  int maxAlternatives;

  @Option(
      names = "--max-labels",
      paramLabel = "N",
      defaultValue = "200000",
      description = "Largest Pareto label bound (default: ${DEFAULT-VALUE}; 422 above).")
  int maxLabels;

  @Option(
      names = "--max-matrix",
      paramLabel = "CELLS",
      defaultValue = "2500",
      description =
          "Largest matrix, origins x destinations (default: ${DEFAULT-VALUE}; 413 above).")
  int maxMatrix;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "Time allowed per request, from its first byte to the last byte of the answer; the"
              + " computation is cancelled at the deadline (default: ${DEFAULT-VALUE}; 503 after).")
  long timeoutMs;

  @Option(
      names = "--max-via",
      paramLabel = "N",
      defaultValue = "25",
      description = "Most via places of a route (default: ${DEFAULT-VALUE}; 422 on via above).")
  int maxVia;

  @Option(
      names = "--max-scenarios",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Most scenarios compared at once by compare, report and tcd (default: ${DEFAULT-VALUE};"
              + " 422 on scenario above).")
  int maxScenarios;

  @Option(
      names = "--max-samples",
      paramLabel = "N",
      defaultValue = "1000000",
      description =
          "Most Monte Carlo samples of a reliability run (default: ${DEFAULT-VALUE}; 422 on"
              + " samples above).")
  int maxSamples;

  @Option(
      names = "--max-response",
      paramLabel = "BYTES",
      defaultValue = "16777216",
      description =
          "Largest answer (default: ${DEFAULT-VALUE}, 16 MiB); a request whose answer is known to"
              + " be larger is refused before computing (413), any other larger answer is"
              + " replaced by a 422 before it is sent.")
  long maxResponse;

  @Option(
      names = "--idle-timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description =
          "A connection with nothing sent or received for this long is closed (default:"
              + " ${DEFAULT-VALUE}).")
  long idleTimeoutMs;

  @Option(
      names = "--min-body-rate",
      paramLabel = "BYTES_PER_S",
      defaultValue = "1024",
      description =
          "A request body arriving slower than this is dropped (default: ${DEFAULT-VALUE}; 0:"
              + " no minimum).")
  long minBodyRate;

  @Option(
      names = "--http-threads",
      paramLabel = "N",
      defaultValue = "200",
      description =
          "Jetty's threads; connections waiting for a body hold none (default: ${DEFAULT-VALUE},"
              + " at least "
              + MIN_HTTP_THREADS
              + ").")
  int httpThreads;

  /** Jetty needs threads of its own (acceptor, selectors) before it answers a request. */
  static final int MIN_HTTP_THREADS = 16;

  /** The limits as given, each checked: a value out of range names its flag (exit 2). */
  ServerFactory.Settings settings(String token, String password) {
    atLeast("--max-body", maxBody, 1);
    atLeast("--max-alternatives", maxAlternatives, 1);
    atLeast("--max-labels", maxLabels, 1);
    atLeast("--max-matrix", maxMatrix, 1);
    atLeast("--timeout-ms", timeoutMs, 1);
    atLeast("--max-via", maxVia, 0);
    atLeast("--max-scenarios", maxScenarios, 1);
    atLeast("--max-samples", maxSamples, 1);
    atLeast("--max-response", maxResponse, 1_024);
    atLeast("--idle-timeout-ms", idleTimeoutMs, 1);
    atLeast("--min-body-rate", minBodyRate, 0);
    atLeast("--http-threads", httpThreads, MIN_HTTP_THREADS);
    return new ServerFactory.Settings(
        host,
        port,
        network,
        db,
        dbUser,
        password,
        token,
        maxBody,
        maxAlternatives,
        maxLabels,
        maxMatrix,
        timeoutMs,
        maxVia,
        maxScenarios,
        maxSamples,
        maxResponse,
        idleTimeoutMs,
        minBodyRate,
        httpThreads);
  }

  private static void atLeast(String flag, long value, long min) {
    if (value < min) {
      throw new UserException(flag, value + " is too small", "give " + min + " or more");
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UserException(
          "--port", port + " is out of range", "give 0 to 65535 (0: any free port)");
    }
    String token = tokenEnv == null ? null : System.getenv(tokenEnv);
    String password = dbPasswordEnv == null ? null : System.getenv(dbPasswordEnv);
    ServerFactory.Settings settings = settings(token, password);
    ServerFactory factory =
        ServerFactory.find()
            .orElseThrow(
                () ->
                    new UserException(
                        "serve",
                        "this build of karvan has no server (karvan-server jar)",
                        "build it with ./mvnw -B package -pl karvan-cli -am"));
    ServerFactory.Running server;
    try {
      server = factory.start(settings, System.out);
    } catch (RuntimeException e) {
      if (e instanceof org.karvan.core.validate.InvalidInputException) {
        throw e;
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new UserException(
          "serve",
          "cannot start the server: " + root.getMessage(),
          "is the port taken? try --port 0");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    stopped.await();
    return ExitCodes.OK;
  }
}
