package org.karvan.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
  private final ThreadPoolExecutor pool;
  private final Javalin app;
  private volatile String tokenHash;
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
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            cfg.workers(),
            cfg.workers(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, cfg.maxQueued())),
            r -> {
              Thread t = new Thread(r, "karvan-compute-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.api = new Api(cfg, karvan, pool);
    this.app = createApp();
  }

  /** The application layer's bounds for one request, from the server's configuration. */
  static Limits limits(ServerConfig cfg) {
    return new Limits(
        cfg.maxAlternatives(), cfg.maxLabels(), cfg.maxMatrixCells(), 8, 25, 1, 1_000_000);
  }

  /** Reads the network, opens the database and starts listening. */
  public static KarvanServer start(ServerConfig cfg, PrintStream out) {
    Network net =
        cfg.network() == null ? BundleReader.readDefault() : BundleReader.read(cfg.network());
    KarvanServer s = new KarvanServer(cfg, net, ProfileReader.readDefault());
    try {
      s.app.start(cfg.host(), cfg.port());
    } catch (RuntimeException e) {
      // Never keep a token nobody has seen: the next start generates and prints a new one.
      if (s.generatedToken != null) {
        s.store.forgetToken();
      }
      s.pool.shutdownNow();
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

  /** The token generated at this (first) start, if one was. */
  public Optional<String> generatedToken() {
    return Optional.ofNullable(generatedToken);
  }

  @Override
  public void close() {
    app.stop();
    pool.shutdownNow();
    metrics.close();
  }

  // ---------------------------------------------------------------------------------------------

  private Javalin createApp() {
    Javalin a =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = cfg.maxBodyBytes();
              config.http.defaultContentType = JSON;
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new ProblemErrorHandler()));
              config.jsonMapper(new JavalinJackson(RouteJson.MAPPER, false));
              config.staticFiles.add(
                  sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/web";
                    sf.location = Location.CLASSPATH;
                    sf.precompress = false;
                  });
              config.registerPlugin(
                  new OpenApiPlugin(
                      p ->
                          p.withDocumentationPath("/openapi")
                              .withDefinitionConfiguration(
                                  (version, d) ->
                                      d.withDefinitionProcessor(SharedParams::addTo)
                                          .withInfo(
                                              info ->
                                                  info.title("Karvan API")
                                                      .version("1")
                                                      .description(
                                                          "Multimodal freight routes, the network and"
                                                              + " saved scenarios. Errors are RFC 9457"
                                                              + " problem JSON; see docs/server.md.")))));
              config.registerPlugin(
                  new SwaggerPlugin(
                      s -> {
                        s.setUiPath("/swagger");
                        s.setDocumentationPath("/openapi");
                        s.setValidatorUrl("none");
                        s.setTitle("Karvan API");
                      }));
            });
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
          long len = ctx.req().getContentLengthLong();
          if (len > cfg.maxBodyBytes()) {
            throw ApiException.tooLarge(
                null,
                "the request body has "
                    + len
                    + " bytes; the limit is "
                    + cfg.maxBodyBytes()
                    + " (--max-body)");
          }
        });
    a.after(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          record(ctx);
        });

    new NetworkResource(engine, store, pool, metrics).register(a);
    new RoutingResource(api).register(a);
    new ScenarioResource(api, store, scenarios, () -> tokenHash).register(a);
    new AnalysisResource(api).register(a);

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
          if (ctx.resultInputStream() == null) {
            Api.problem(
                ctx,
                new ApiException(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path(),
                    List.of()));
          }
        });
    return a;
  }

  private void record(Context ctx) {
    Long t0 = ctx.attribute("karvan.start");
    if (t0 == null) {
      return;
    }
    String path = ctx.endpointHandlerPath();
    if (path == null || path.isEmpty() || path.equals("*")) {
      path = ctx.path().startsWith("/api/") ? "unmatched" : "static";
    }
    Timer.builder("karvan_http_requests")
        .description("HTTP requests by endpoint, method and status")
        .tag("path", path)
        .tag("method", ctx.method().name())
        .tag("status", Integer.toString(ctx.statusCode()))
        .publishPercentiles(0.5, 0.99)
        .register(metrics)
        .record(Duration.ofNanos(System.nanoTime() - t0));
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
      RouteJson.MAPPER
          .writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  private static final Set<String> FORMATS = Set.of("json", "geojson", "csv");

  // ----------------------------------------------------------------------------- handlers

  // ----------------------------------------------------------------------------- scenarios

}
