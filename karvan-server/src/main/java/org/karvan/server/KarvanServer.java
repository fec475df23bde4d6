package org.karvan.server;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.Karvan;
import org.karvan.app.Limits;
import org.karvan.app.NoRouteException;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.route.RouteJson;
import org.karvan.server.ApiException.FieldError;

/**
 * The Karvan HTTP server: the REST API (documented at {@code /openapi}, browsable at {@code
 * /swagger}), the web map at {@code /}, saved scenarios in a database, health and Prometheus
 * metrics. Start with {@link #start(ServerConfig, PrintStream)}.
 */
public final class KarvanServer implements AutoCloseable {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String JSON = "application/json";

  private final ServerConfig cfg;
  private final Engine engine;
  private final Karvan karvan;
  private final Api api;
  private final ScenarioStore store;
  private final Scenarios scenarios;
  private final PrometheusMeterRegistry metrics;
  private final Workers workers;
  private final Javalin app;
  private volatile String tokenHash;
  private volatile boolean ready;
  private String generatedToken;

  private KarvanServer(ServerConfig cfg, Network net, Profile profile) {
    this.cfg = cfg;
    this.engine = new Engine(net);
    this.store = new ScenarioStore(cfg.effectiveDbUrl(), cfg.dbUser(), cfg.dbPassword());
    this.generatedToken = store.initToken(cfg.token(), h -> tokenHash = h).orElse(null);
    this.scenarios = new Scenarios(store);
    this.karvan = Karvan.open(net, profile, scenarios, limits(cfg));
    scenarios.bind(karvan.scenarios());
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    this.workers = new Workers(cfg.workers(), cfg.maxQueued());
    this.api = new Api(cfg, karvan, workers);
    this.app = createApp();
  }

  /** The application layer's bounds for one request, from the server's configuration. */
  static Limits limits(ServerConfig cfg) {
    ServerConfig.Requests r = cfg.requests();
    return new Limits(
        cfg.maxAlternatives(),
        cfg.maxLabels(),
        cfg.maxMatrixCells(),
        r.maxScenarios(),
        r.maxVia(),
        1,
        r.maxSamples());
  }

  /** Reads the network, opens the database and starts listening. */
  public static KarvanServer start(ServerConfig cfg, PrintStream out) {
    Network net =
        cfg.network() == null ? BundleReader.readDefault() : BundleReader.read(cfg.network());
    KarvanServer s = new KarvanServer(cfg, net, ProfileReader.readDefault());
    try {
      s.app.start();
      s.ready = true;
    } catch (RuntimeException e) {
      // Never keep a token nobody has seen: the next start generates and prints a new one.
      if (s.generatedToken != null) {
        s.store.forgetToken();
      }
      throw e;
    }
    if (out != null) {
      out.println("Karvan server listening on " + s.baseUrl());
      out.println(
          "  network: "
              + net.manifest().name()
              + " "
              + net.manifest().version()
              + "; scenario database: "
              + redact(s.store.url()));
      if (s.generatedToken != null) {
        out.println("  API token for writes (shown once; keep it): " + s.generatedToken);
      } else if (cfg.token() == null) {
        out.println(
            "  writes need the API token printed at the first start (or set KARVAN_API_TOKEN)");
      }
      out.println("  open " + s.baseUrl() + " in a browser; API: " + s.baseUrl() + "swagger");
      out.flush();
    }
    return s;
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&;]*", "password=***");
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** e.g. {@code http://127.0.0.1:8080/}. */
  public String baseUrl() {
    String h = cfg.host().contains(":") ? "[" + cfg.host() + "]" : cfg.host();
    return "http://" + h + ":" + port() + "/";
  }

  /** Computations running now (for tests: a cancelled one must free its worker). */
  int busyWorkers() {
    return workers.busy();
  }

  /** The token generated at this (first) start, if one was. */
  public Optional<String> generatedToken() {
    return Optional.ofNullable(generatedToken);
  }

  @Override
  public void close() {
    app.stop();
    metrics.close();
  }

  // ---------------------------------------------------------------------------------------------

  private Javalin createApp() {
    QueuedThreadPool threads = new QueuedThreadPool(cfg.httpThreads(), 8, 60_000);
    threads.setName("karvan-http");
    threads.setDaemon(true);
    Server jetty =
        new Server(threads) {
          @Override
          public void setHandler(Handler handler) {
            // Javalin installs its servlet context here; the guard goes in front of it.
            ExchangeGuard g =
                new ExchangeGuard(cfg.maxBodyBytes(), cfg.requestTimeoutMs(), 1_000, () -> ready);
            g.setHandler(handler);
            super.setHandler(g);
          }
        };
    jetty.setErrorHandler(new ProblemErrorHandler());
    Javalin a =
        Javalin.create(
            config -> {
              config.unsafe.jettyInternal.server = jetty;
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = cfg.maxBodyBytes();
              config.http.defaultContentType = JSON;
              config.http.prefer405over404 = true;
              config.jetty.modifyHttpConfiguration(
                  h -> {
                    h.setSendServerVersion(false);
                    // A body trickling in slower than this is dropped (slowloris on bodies).
                    h.setMinRequestDataRate(cfg.minBodyBytesPerSecond());
                  });
              config.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector c =
                        new ServerConnector(server, new HttpConnectionFactory(http));
                    c.setHost(cfg.host());
                    c.setPort(cfg.port());
                    c.setIdleTimeout(cfg.idleTimeoutMs());
                    return c;
                  });
              config.jsonMapper(new JavalinJackson(RouteJson.MAPPER, false));
              config.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                    // Javalin asks the static files about every request before routing it; the
                    // API and metrics are never files, so spare them the classpath lookup.
                    sf.skipFileFunction =
                        req -> {
                          String u = req.getRequestURI();
                          return u.startsWith("/api/") || u.equals("/metrics");
                        };
                  });
              routes(config.routes);
            });
    return a;
  }

  private void routes(RoutesConfig a) {
    // Headers of the page are set before it is served: a static file larger than the output
    // buffer is committed before any after-handler runs.
    a.before(
        ctx -> {
          String path = ctx.path();
          if (path.equals("/") || path.equals("/index.html")) {
            // The page loads only its own files: no CDN, no inline script.
            ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                    + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
          }
        });
    a.before(
        ctx -> {
          ctx.attribute("karvan.start", System.nanoTime());
          // Set on every request (so never stale on a reused thread); bodies over the limit
          // never get here: ExchangeGuard answers them 413.
          Api.DEADLINE.set(ctx.attribute(ExchangeGuard.DEADLINE));
        });
    a.after(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          Api.DEADLINE.remove();
          limitResponse(ctx);
          record(ctx);
        });

    new NetworkResource(engine, store, workers, metrics).register(a);
    new RoutingResource(api).register(a);
    new ScenarioResource(api, store, scenarios, () -> tokenHash).register(a);
    new AnalysisResource(api).register(a);
    a.get("/openapi", ctx -> ctx.contentType(JSON).result(OpenApiDoc.json()));
    byte[] swagger = resource("/web/swagger/index.html");
    a.get("/swagger", ctx -> ctx.contentType("text/html; charset=utf-8").result(swagger));

    a.exception(ApiException.class, (e, ctx) -> Api.problem(ctx, e));
    a.exception(
        InvalidRequestException.class,
        (e, ctx) -> {
          List<FieldError> errs = new ArrayList<>();
          e.errors().forEach(fe -> errs.add(new FieldError(fe.field(), fe.message())));
          Api.problem(ctx, ApiException.invalid(errs));
        });
    a.exception(
        NoRouteException.class,
        (e, ctx) ->
            Api.problem(
                ctx,
                new ApiException(
                    422,
                    "no-route",
                    "No route",
                    NoRouteDetail.of(e.noRoute(), e.network()),
                    List.of(new FieldError("to", "no route")))));
    a.exception(
        HttpResponseException.class,
        (e, ctx) ->
            Api.problem(
                ctx,
                new ApiException(
                    e.getStatus(),
                    e.getStatus() == 413 ? "too-large" : "http-" + e.getStatus(),
                    e.getStatus() == 413 ? "Request too large" : "HTTP " + e.getStatus(),
                    e.getStatus() == 413
                        ? "the request body is larger than the limit of "
                            + cfg.maxBodyBytes()
                            + " bytes"
                        : e.getMessage(),
                    List.of())));
    a.exception(
        Exception.class,
        (e, ctx) -> {
          System.err.println("karvan-server: internal error on " + ctx.path() + ": " + e);
          Api.problem(
              ctx,
              new ApiException(
                  500,
                  "internal",
                  "Internal error",
                  "internal error: " + e.getClass().getSimpleName(),
                  List.of()));
        });
    a.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            Api.problem(ctx, ApiException.notFound("no such resource: " + ctx.path()));
          }
        });
    a.error(
        405,
        ctx -> {
          String allow = String.join(", ", allowed(ctx.path()));
          ctx.header("Allow", allow);
          Api.problem(
              ctx,
              new ApiException(
                  405,
                  "method-not-allowed",
                  "Method not allowed",
                  ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allow,
                  List.of()));
        });
  }

  /** The methods registered for a path, in a stable order (for {@code Allow}). */
  List<String> allowed(String path) {
    Set<String> m = new java.util.TreeSet<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod() && e.matches(path)) {
        m.add(e.endpoint.method.name());
      }
    }
    if (m.contains("GET")) {
      m.add("HEAD");
    }
    return new ArrayList<>(m);
  }

  /** Every registered (method, path) of the API, for the OpenAPI document's test. */
  List<String> endpoints() {
    List<String> out = new ArrayList<>();
    for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
      if (e.endpoint.method.isHttpMethod()) {
        out.add(e.endpoint.method.name() + " " + e.endpoint.path);
      }
    }
    return out;
  }

  /** An answer over the response limit is replaced by a 422 before a byte of it is sent. */
  private void limitResponse(Context ctx) {
    java.io.InputStream in = ctx.resultInputStream();
    if (!(in instanceof java.io.ByteArrayInputStream b)
        || b.available() <= cfg.maxResponseBytes()) {
      return;
    }
    Api.problem(
        ctx,
        new ApiException(
            422,
            "response-too-large",
            "Response too large",
            "the answer has "
                + b.available()
                + " bytes; the limit is "
                + cfg.maxResponseBytes()
                + " (--max-response): ask for fewer routes, vias, scenarios or cells",
            List.of(new FieldError("request", "answer over the response limit"))));
  }

  private static byte[] resource(String name) {
    try (java.io.InputStream in = KarvanServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The path pattern of the HTTP endpoint that answered (null for static files, errors). */
  private static String endpointPath(Context ctx) {
    String path = null;
    for (var e : ctx.endpoints().list()) {
      if (e.method.isHttpMethod()) {
        path = e.path;
      }
    }
    return path;
  }

  private void record(Context ctx) {
    Long t0 = ctx.attribute("karvan.start");
    if (t0 == null) {
      return;
    }
    String path = endpointPath(ctx);
    if (path == null || path.isEmpty() || path.equals("*")) {
      path = ctx.path().startsWith("/api/") ? "unmatched" : "static";
    }
    String method = ctx.method().name();
    int status = ctx.statusCode();
    String p = path;
    // One timer per endpoint, method and status, looked up without building its meter id again
    // (the builder's tags and registry lookup were a few per cent of a route request's CPU).
    timers
        .computeIfAbsent(
            new TimerKey(p, method, status),
            k ->
                Timer.builder("karvan_http_requests")
                    .description("HTTP requests by endpoint, method and status")
                    .tag("path", p)
                    .tag("method", method)
                    .tag("status", Integer.toString(status))
                    .publishPercentiles(0.5, 0.99)
                    .register(metrics))
        .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
  }

  private record TimerKey(String path, String method, int status) {}

  private final java.util.concurrent.ConcurrentHashMap<TimerKey, Timer> timers =
      new java.util.concurrent.ConcurrentHashMap<>();
}
