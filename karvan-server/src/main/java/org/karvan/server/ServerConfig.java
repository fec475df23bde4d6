package org.karvan.server;

import java.nio.file.Path;

/**
 * How a server runs: where it listens, which network and database it uses, the write token and the
 * limits on requests. Every limit is configurable; see docs/server.md.
 *
 * @param host address to bind (default 127.0.0.1)
 * @param port port, 0 for any free port
 * @param network network bundle (directory or zip), null for the embedded default network
 * @param dbUrl JDBC URL of the scenario database (jdbc:sqlite:..., jdbc:postgresql://...); null for
 *     {@code jdbc:sqlite:<home>/.karvan/karvan.db}
 * @param dbUser database user (PostgreSQL), may be null
 * @param dbPassword database password, may be null
 * @param token the API token for writes; null to use the stored one or generate one at first start
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param maxAlternatives largest {@code k} for alternatives (422 above)
 * @param maxLabels largest Pareto label bound (422 above)
 * @param maxMatrixCells largest origins × destinations of a matrix (413 above)
 * @param requestTimeoutMs time allowed to compute one answer (503 after)
 * @param maxQueued computations waiting for a worker before new ones get 503
 * @param workers computations running at once (each on the thread answering its exchange)
 * @param wire limits on connections and answers (timeouts, slow bodies, answer size)
 * @param requests bounds on what one request may ask besides the above (vias, scenarios, samples)
 */
public record ServerConfig(
    String host,
    int port,
    Path network,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String token,
    long maxBodyBytes,
    int maxAlternatives,
    int maxLabels,
    int maxMatrixCells,
    long requestTimeoutMs,
    int maxQueued,
    int workers,
    Wire wire,
    Requests requests) {

  /**
   * Limits on the wire.
   *
   * @param idleTimeoutMs a connection with nothing sent or received for this long is closed
   * @param minBodyBytesPerSecond a request body arriving slower than this is dropped
   * @param maxResponseBytes largest answer written (422 above, before it is sent)
   * @param httpThreads Jetty's threads (connections waiting for a body hold none)
   */
  public record Wire(
      long idleTimeoutMs, long minBodyBytesPerSecond, long maxResponseBytes, int httpThreads) {
    public static final Wire DEFAULTS = new Wire(10_000, 1_024, 16L * 1024 * 1024, 200);
  }

  /**
   * Bounds on what one request may ask, checked before computing.
   *
   * @param maxVia most via places of a route (422 on {@code via} above)
   * @param maxScenarios most scenarios compared at once: compare, report, tcd (422 on {@code
   *     scenario} above)
   * @param maxSamples most Monte Carlo samples of a reliability run (422 on {@code samples} above)
   */
  public record Requests(int maxVia, int maxScenarios, int maxSamples) {
    public static final Requests DEFAULTS = new Requests(25, 8, 1_000_000);
  }

  public ServerConfig withRequests(Requests r) {
    return new ServerConfig(
        host,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        r);
  }

  public long idleTimeoutMs() {
    return wire.idleTimeoutMs();
  }

  public long minBodyBytesPerSecond() {
    return wire.minBodyBytesPerSecond();
  }

  public long maxResponseBytes() {
    return wire.maxResponseBytes();
  }

  public int httpThreads() {
    return wire.httpThreads();
  }

  public ServerConfig withWorkers(int n) {
    return new ServerConfig(
        host,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        n,
        wire,
        requests);
  }

  public ServerConfig withWire(Wire w) {
    return new ServerConfig(
        host,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        w,
        requests);
  }

  /** Defaults: 127.0.0.1:8080, the default network, SQLite in ~/.karvan. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        8080,
        null,
        null,
        null,
        null,
        null,
        64 * 1024,
        10,
        200_000,
        2_500,
        10_000,
        512,
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        Wire.DEFAULTS,
        Requests.DEFAULTS);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(
        host,
        p,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  public ServerConfig withHost(String h) {
    return new ServerConfig(
        h,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  public ServerConfig withNetwork(Path n) {
    return new ServerConfig(
        host,
        port,
        n,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  public ServerConfig withDb(String url, String user, String password) {
    return new ServerConfig(
        host,
        port,
        network,
        url,
        user,
        password,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  public ServerConfig withToken(String t) {
    return new ServerConfig(
        host,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        t,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  public ServerConfig withLimits(
      long maxBodyBytes,
      int maxAlternatives,
      int maxLabels,
      int maxMatrixCells,
      long requestTimeoutMs) {
    return new ServerConfig(
        host,
        port,
        network,
        dbUrl,
        dbUser,
        dbPassword,
        token,
        maxBodyBytes,
        maxAlternatives,
        maxLabels,
        maxMatrixCells,
        requestTimeoutMs,
        maxQueued,
        workers,
        wire,
        requests);
  }

  /** The database URL to use: the configured one or SQLite under ~/.karvan. */
  public String effectiveDbUrl() {
    if (dbUrl != null && !dbUrl.isBlank()) {
      return dbUrl;
    }
    Path dir = Path.of(System.getProperty("user.home"), ".karvan");
    return "jdbc:sqlite:" + dir.resolve("karvan.db");
  }
}
