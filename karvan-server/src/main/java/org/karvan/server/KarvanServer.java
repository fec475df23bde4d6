package org.karvan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Comparison;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.chart.HtmlReport;
import org.karvan.io.chart.TcdChart;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.route.RouteCsv;
import org.karvan.io.route.RouteGeoJson;
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
  private final ScenarioStore store;
  private final Scenarios scenarios;
  private final PrometheusMeterRegistry metrics;
  private final ThreadPoolExecutor pool;
  private final Javalin app;
  private final Instant started = Instant.now();
  private volatile String tokenHash;
  private String generatedToken;

  private KarvanServer(ServerConfig cfg, Network net, Profile profile) {
    this.cfg = cfg;
    this.engine = new Engine(net, profile);
    this.store = new ScenarioStore(cfg.effectiveDbUrl(), cfg.dbUser(), cfg.dbPassword());
    this.generatedToken = store.initToken(cfg.token(), h -> tokenHash = h).orElse(null);
    this.scenarios = Scenarios.load(engine, store);
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
    this.app = createApp();
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
                                      d.withInfo(
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
          String path = ctx.path();
          if (path.equals("/") || path.equals("/index.html")) {
            // The page loads only its own files: no CDN, no inline script.
            ctx.header(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                    + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
          }
          record(ctx);
        });

    a.get("/api/health", this::health);
    a.get("/api/network", this::network);
    a.get("/api/network/info", this::networkInfo);
    a.get("/api/places", this::places);
    a.get("/api/route", ctx -> route(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/route", ctx -> route(ctx, bodyParams(ctx)));
    a.get("/api/alternatives", ctx -> alternatives(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/alternatives", ctx -> alternatives(ctx, bodyParams(ctx)));
    a.get("/api/pareto", ctx -> pareto(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/pareto", ctx -> pareto(ctx, bodyParams(ctx)));
    a.post("/api/matrix", this::matrix);
    a.get("/api/compare", ctx -> compare(ctx, Params.query(ctx.queryParamMap())));
    a.get("/api/tcd", ctx -> tcd(ctx, Params.query(ctx.queryParamMap())));
    a.get("/api/report", ctx -> report(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/compare", ctx -> compare(ctx, bodyParams(ctx)));
    a.get("/api/scenarios", this::listScenarios);
    a.get("/api/scenarios/saved/{id}", this::getSaved);
    a.post("/api/scenarios/saved", this::createSaved);
    a.put("/api/scenarios/saved/{id}", this::updateSaved);
    a.delete("/api/scenarios/saved/{id}", this::deleteSaved);
    a.get("/metrics", this::prometheus);

    a.exception(ApiException.class, (e, ctx) -> problem(ctx, e));
    a.exception(
        HttpResponseException.class,
        (e, ctx) ->
            problem(
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
          problem(
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
            problem(ctx, ApiException.notFound("no such resource: " + ctx.path()));
          }
        });
    a.error(
        405,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            problem(
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

  private void problem(Context ctx, ApiException e) {
    ObjectNode p = RouteJson.MAPPER.createObjectNode();
    p.put("type", "urn:karvan:problem:" + e.type);
    p.put("title", e.title);
    p.put("status", e.status);
    p.put("detail", e.getMessage());
    p.put("instance", ctx.path());
    if (!e.errors.isEmpty()) {
      p.put("field", e.errors.get(0).field());
      ArrayNode errs = p.putArray("errors");
      for (FieldError fe : e.errors) {
        errs.addObject().put("field", fe.field()).put("message", fe.message());
      }
    }
    if (e.status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"karvan\"");
    }
    if (e.status == 503) {
      ctx.header("Retry-After", "1");
    }
    ctx.status(e.status).contentType(PROBLEM_JSON).result(bytes(p));
  }

  private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
      RouteJson.MAPPER
          .writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

  private static byte[] bytes(JsonNode n) {
    try {
      return COMPACT.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void json(Context ctx, JsonNode n) {
    ctx.contentType(JSON).result(bytes(n));
  }

  /** The JSON object body as parameters; malformed JSON is a 400 naming where it broke. */
  private static Params bodyParams(Context ctx) {
    return Params.json(jsonObject(ctx));
  }

  private static JsonNode jsonBody(Context ctx) {
    String ct = ctx.contentType();
    if (ct != null && !ct.toLowerCase(Locale.ROOT).startsWith(JSON)) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "send the body as application/json, not " + ct,
          List.of(new FieldError("Content-Type", "must be application/json")));
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.badRequest("the request body is empty; send a JSON object");
    }
    try {
      JsonNode n = RouteJson.MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw ApiException.badRequest("the request body is empty; send a JSON object");
      }
      return n;
    } catch (java.io.IOException e) {
      if (!(e instanceof JsonProcessingException jpe)) {
        throw ApiException.badRequest("unreadable body: " + e.getMessage());
      }
      var loc = jpe.getLocation();
      throw ApiException.badRequest(
          "malformed JSON"
              + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
              + ": "
              + jpe.getOriginalMessage());
    }
  }

  private static JsonNode jsonObject(Context ctx) {
    JsonNode n = jsonBody(ctx);
    if (!n.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object, got " + n.getNodeType());
    }
    return n;
  }

  /** Runs a computation on the worker pool within the time limit (503 when busy or too slow). */
  private <T> T compute(Callable<T> task) {
    Future<T> f;
    try {
      f = pool.submit(task);
    } catch (RejectedExecutionException e) {
      throw ApiException.unavailable("the server is busy; retry shortly");
    }
    long start = System.nanoTime();
    try {
      T result = f.get(cfg.requestTimeoutMs(), TimeUnit.MILLISECONDS);
      // A result that arrives after the limit is refused too, so the limit does not depend on
      // whether the computation finished just before or just after the wait started.
      if (System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(cfg.requestTimeoutMs())) {
        throw new TimeoutException();
      }
      return result;
    } catch (TimeoutException e) {
      f.cancel(true);
      throw ApiException.unavailable(
          "the computation took longer than the limit of "
              + cfg.requestTimeoutMs()
              + " ms; add constraints or lower maxLabels/k");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  private static ApiException fromInvalid(InvalidInputException e) {
    List<FieldError> errs = new ArrayList<>();
    for (Problem p : e.errors()) {
      errs.add(new FieldError(Engine.apiField(p.field()), p.message()));
    }
    return ApiException.invalid(errs);
  }

  private ApiException noRoute(Router router, RouteRequest r) {
    return new ApiException(
        422,
        "no-route",
        "No route",
        NoRouteDetail.of(router.explainNoRoute(r), router.graph().network()),
        List.of(new FieldError("to", "no route")));
  }

  private static final Set<String> FORMATS = Set.of("json", "geojson", "csv");

  private String format(Params p) {
    String f = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      p.error("format", "unknown value '" + f + "'; allowed: json, geojson, csv");
    }
    return f;
  }

  private void answer(
      Context ctx, String fmt, Network net, List<Route> routes, ObjectNode meta, Cargo cargo) {
    switch (fmt) {
      case "geojson" ->
          ctx.contentType("application/geo+json").result(bytes(RouteGeoJson.of(net, routes)));
      case "csv" -> {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "inline; filename=\"route.csv\"");
        ctx.result(RouteCsv.of(net, routes).getBytes(StandardCharsets.UTF_8));
      }
      default ->
          json(
              ctx,
              meta == null
                  ? RouteJson.route(net, routes.get(0), cargo)
                  : RouteJson.routes(net, routes, meta));
    }
  }

  private static Set<String> params(String... extra) {
    Set<String> s = new LinkedHashSet<>(Engine.ROUTE_PARAMS);
    s.addAll(List.of(extra));
    return s;
  }

  // ----------------------------------------------------------------------------- handlers

  @OpenApi(
      path = "/api/health",
      methods = HttpMethod.GET,
      summary = "Health: network loaded and database reachable",
      operationId = "health",
      tags = "service",
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(status = "503", content = @OpenApiContent(type = JSON))
      })
  private void health(Context ctx) {
    boolean db = store.healthy();
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.put("status", db ? "UP" : "DEGRADED");
    o.put("database", db ? "UP" : "DOWN");
    o.put("network", engine.net.manifest().name() + " " + engine.net.manifest().version());
    o.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    o.put("queued", pool.getQueue().size());
    ctx.status(db ? 200 : 503);
    json(ctx, o);
  }

  @OpenApi(
      path = "/metrics",
      methods = HttpMethod.GET,
      summary = "Prometheus metrics (text exposition format)",
      operationId = "metrics",
      tags = "service",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain")))
  private void prometheus(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  @OpenApi(
      path = "/api/network",
      methods = HttpMethod.GET,
      summary = "The network as GeoJSON (nodes, links, border crossings, terminals)",
      description =
          "The same FeatureCollection as 'karvan network export --format geojson', optionally"
              + " filtered. Lists are comma-separated or repeated.",
      operationId = "network",
      tags = "network",
      queryParams = {
        @OpenApiParam(
            name = "mode",
            description = "Link modes: rail, road, sea, ferry, inland_waterway"),
        @OpenApiParam(
            name = "status",
            description =
                "Link/crossing statuses: operational, under_construction, planned, defunct, open, closed"),
        @OpenApiParam(name = "country", description = "ISO codes; keeps what touches them")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/geo+json")),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void network(Context ctx) {
    Params p = Params.query(ctx.queryParamMap());
    p.allowOnly(Set.of("mode", "status", "country"));
    p.throwIfErrors();
    if (ctx.queryParamMap().isEmpty()) {
      ctx.contentType("application/geo+json").result(engine.networkGeoJsonBytes());
      return;
    }
    ctx.contentType("application/geo+json").result(bytes(engine.networkGeoJson(p)));
  }

  @OpenApi(
      path = "/api/network/info",
      methods = HttpMethod.GET,
      summary = "Network summary: counts, countries, chokepoints, crossings, modes, objectives",
      operationId = "networkInfo",
      tags = "network",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)))
  private void networkInfo(Context ctx) {
    json(ctx, engine.info());
  }

  @OpenApi(
      path = "/api/places",
      methods = HttpMethod.GET,
      summary = "Place search for autocomplete: ids, names and aliases, best match first",
      operationId = "places",
      tags = "network",
      queryParams = {
        @OpenApiParam(name = "q", description = "What the user typed (any case and accents)"),
        @OpenApiParam(
            name = "limit",
            type = Integer.class,
            description = "At most this many (1-200, default 10)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void places(Context ctx) {
    Params p = Params.query(ctx.queryParamMap());
    p.allowOnly(Set.of("q", "limit"));
    Integer limit = p.integer("limit");
    if (limit != null && (limit < 1 || limit > 200)) {
      p.error("limit", "must be between 1 and 200, got " + limit);
    }
    String q = p.string("q");
    p.throwIfErrors();
    json(ctx, engine.searchPlaces(q, limit == null ? 10 : limit));
  }

  @OpenApi(
      path = "/api/route",
      methods = {HttpMethod.GET, HttpMethod.POST},
      summary = "The best route between two places (same JSON as 'karvan route --format json')",
      description =
          "GET takes query parameters (lists comma-separated or repeated); POST takes the same"
              + " names in a JSON object. See docs/route-json.md for the answer.",
      operationId = "route",
      tags = "routing",
      queryParams = {
        @OpenApiParam(
            name = "from",
            required = true,
            description = "Origin: node id, name or alias",
            example = "Nhava Sheva"),
        @OpenApiParam(
            name = "to",
            required = true,
            description = "Destination",
            example = "Moscow"),
        @OpenApiParam(name = "via", description = "Places to pass through, in order"),
        @OpenApiParam(
            name = "cargo",
            description = "1x40ft (default), 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons"),
        @OpenApiParam(name = "optimize", description = "time (default), cost, co2, generalized"),
        @OpenApiParam(name = "avoidCountry", description = "ISO codes to avoid"),
        @OpenApiParam(name = "avoidBorder", description = "Crossing ids or country pairs (AZ-RU)"),
        @OpenApiParam(name = "avoidChokepoint", description = "Chokepoint ids (SUEZ, HORMUZ)"),
        @OpenApiParam(name = "avoidNode", description = "Places to avoid"),
        @OpenApiParam(name = "modes", description = "Allowed modes: rail, road, sea, ferry"),
        @OpenApiParam(name = "year", type = Integer.class, description = "Network of this year"),
        @OpenApiParam(name = "include", description = "'planned': every link not defunct"),
        @OpenApiParam(name = "format", description = "json (default), geojson or csv")
      },
      requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "400",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "413",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "503",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void route(Context ctx, Params p) {
    p.allowOnly(params("scenario"));
    String fmt = format(p);
    Scenarios.Applied sc = scenarios.applied(p);
    RouteRequest req = sc.adjust(engine.request(p, true));
    Router router = sc.router();
    Optional<Route> r = compute(() -> run(() -> router.route(req)));
    if (r.isEmpty()) {
      throw noRoute(router, req);
    }
    answer(ctx, fmt, sc.network(), List.of(r.get()), null, req.cargo());
  }

  private static <T> T run(Callable<T> c) throws Exception {
    try {
      return c.call();
    } catch (InvalidInputException e) {
      throw fromInvalid(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("request", e.getMessage());
    }
  }

  @OpenApi(
      path = "/api/alternatives",
      methods = {HttpMethod.GET, HttpMethod.POST},
      summary = "Up to k meaningfully different routes (penalty method), best first",
      description =
          "Parameters as /api/route, plus k. Answer: {\"kind\":\"alternatives\",\"routes\":[...]}"
              + " as 'karvan route --alternatives k --format json'.",
      operationId = "alternatives",
      tags = "routing",
      queryParams = {
        @OpenApiParam(name = "from", required = true, description = "Origin"),
        @OpenApiParam(name = "to", required = true, description = "Destination"),
        @OpenApiParam(
            name = "k",
            type = Integer.class,
            description = "How many routes (default 3, at most the server limit, 10 by default)"),
        @OpenApiParam(name = "via", description = "Places to pass through"),
        @OpenApiParam(name = "cargo", description = "Cargo, default 1x40ft"),
        @OpenApiParam(name = "optimize", description = "time, cost, co2, generalized"),
        @OpenApiParam(name = "avoidCountry", description = "ISO codes to avoid"),
        @OpenApiParam(name = "avoidBorder", description = "Crossing ids or country pairs"),
        @OpenApiParam(name = "avoidChokepoint", description = "Chokepoint ids"),
        @OpenApiParam(name = "avoidNode", description = "Places to avoid"),
        @OpenApiParam(name = "modes", description = "Allowed modes"),
        @OpenApiParam(name = "year", type = Integer.class, description = "Network of this year"),
        @OpenApiParam(name = "include", description = "'planned'"),
        @OpenApiParam(name = "format", description = "json, geojson or csv")
      },
      requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "503",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void alternatives(Context ctx, Params p) {
    p.allowOnly(params("k", "scenario"));
    String fmt = format(p);
    Integer k = p.integer("k");
    if (k != null && (k < 1 || k > cfg.maxAlternatives())) {
      p.error("k", "must be between 1 and " + cfg.maxAlternatives() + ", got " + k);
    }
    Scenarios.Applied sc = scenarios.applied(p);
    RouteRequest req = sc.adjust(engine.request(p, true));
    Router router = sc.router();
    int kk = k == null ? Math.min(3, cfg.maxAlternatives()) : k;
    List<Route> routes = compute(() -> run(() -> router.alternatives(req, kk, 0.5, 0.8)));
    if (routes.isEmpty()) {
      throw noRoute(router, req);
    }
    answer(
        ctx,
        fmt,
        sc.network(),
        routes,
        RouteJson.MAPPER.createObjectNode().put("kind", "alternatives"),
        req.cargo());
  }

  @OpenApi(
      path = "/api/pareto",
      methods = {HttpMethod.GET, HttpMethod.POST},
      summary = "The Pareto front over time, cost and CO2e",
      description =
          "Parameters as /api/route (no via), plus maxLabels. Answer: {\"kind\":\"pareto\","
              + "\"truncated\":bool,\"labels\":n,\"routes\":[...]}.",
      operationId = "pareto",
      tags = "routing",
      queryParams = {
        @OpenApiParam(name = "from", required = true, description = "Origin"),
        @OpenApiParam(name = "to", required = true, description = "Destination"),
        @OpenApiParam(
            name = "maxLabels",
            type = Integer.class,
            description = "Label bound (default and maximum: the server limit, 200000)"),
        @OpenApiParam(name = "cargo", description = "Cargo, default 1x40ft"),
        @OpenApiParam(name = "avoidCountry", description = "ISO codes to avoid"),
        @OpenApiParam(name = "avoidBorder", description = "Crossing ids or country pairs"),
        @OpenApiParam(name = "avoidChokepoint", description = "Chokepoint ids"),
        @OpenApiParam(name = "avoidNode", description = "Places to avoid"),
        @OpenApiParam(name = "modes", description = "Allowed modes"),
        @OpenApiParam(name = "year", type = Integer.class, description = "Network of this year"),
        @OpenApiParam(name = "include", description = "'planned'"),
        @OpenApiParam(name = "format", description = "json, geojson or csv")
      },
      requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "503",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void pareto(Context ctx, Params p) {
    p.allowOnly(params("maxLabels", "scenario"));
    String fmt = format(p);
    Integer max = p.integer("maxLabels");
    if (max != null && (max < 1 || max > cfg.maxLabels())) {
      p.error("maxLabels", "must be between 1 and " + cfg.maxLabels() + ", got " + max);
    }
    Scenarios.Applied sc = scenarios.applied(p);
    RouteRequest req = sc.adjust(engine.request(p, false));
    Router router = sc.router();
    int labels = max == null ? cfg.maxLabels() : max;
    Router.ParetoRoutes pr = compute(() -> run(() -> router.pareto(req, labels)));
    if (pr.routes().isEmpty()) {
      throw noRoute(router, req);
    }
    ObjectNode meta =
        RouteJson.MAPPER
            .createObjectNode()
            .put("kind", "pareto")
            .put("truncated", pr.truncated())
            .put("labels", pr.labels())
            .put("maxLabels", pr.maxLabels());
    answer(ctx, fmt, sc.network(), pr.routes(), meta, req.cargo());
  }

  @OpenApi(
      path = "/api/matrix",
      methods = HttpMethod.POST,
      summary = "Objective values from each origin to each destination (null where unreachable)",
      description =
          "Body: {\"from\":[places],\"to\":[places],\"optimize\",\"cargo\", constraints as"
              + " /api/route}. At most the server's matrix limit of cells (2500 by default; 413"
              + " above).",
      operationId = "matrix",
      tags = "routing",
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "413",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void matrix(Context ctx) {
    Params p = bodyParams(ctx);
    p.allowOnly(
        Set.of(
            "from",
            "to",
            "cargo",
            "optimize",
            "avoidCountry",
            "avoidBorder",
            "avoidChokepoint",
            "avoidNode",
            "modes",
            "year",
            "include"));
    List<String> from = p.list("from");
    List<String> to = p.list("to");
    if (from.isEmpty()) {
      p.error("from", "give at least one origin");
    }
    if (to.isEmpty()) {
      p.error("to", "give at least one destination");
    }
    long cells = (long) from.size() * to.size();
    if (cells > cfg.maxMatrixCells()) {
      throw ApiException.tooLarge(
          "from",
          from.size()
              + " × "
              + to.size()
              + " = "
              + cells
              + " cells; the limit is "
              + cfg.maxMatrixCells());
    }
    List<String> fromIds = new ArrayList<>();
    for (String f : from) {
      fromIds.add(engine.resolve(f, "from", p));
    }
    List<String> toIds = new ArrayList<>();
    for (String t : to) {
      toIds.add(engine.resolve(t, "to", p));
    }
    Objective o = engine.objective(p);
    Cargo c = engine.cargo(p);
    Constraints cons = engine.constraints(p);
    p.throwIfErrors();
    double[][] m = compute(() -> run(() -> engine.router.matrix(fromIds, toIds, o, c, cons)));
    ObjectNode out = RouteJson.MAPPER.createObjectNode();
    out.put("objective", o.name().toLowerCase(Locale.ROOT));
    out.put("unit", Engine.unitOf().get(o.name()));
    ArrayNode fa = out.putArray("from");
    fromIds.forEach(fa::add);
    ArrayNode ta = out.putArray("to");
    toIds.forEach(ta::add);
    ArrayNode rows = out.putArray("values");
    for (double[] row : m) {
      ArrayNode r = rows.addArray();
      for (double v : row) {
        if (Double.isFinite(v)) {
          r.add(Math.round(v * 100) / 100.0);
        } else {
          r.addNull();
        }
      }
    }
    json(ctx, out);
  }

  @OpenApi(
      path = "/api/compare",
      methods = {HttpMethod.GET, HttpMethod.POST},
      summary = "Best route under each scenario against the base network",
      description =
          "Parameters as /api/route (no via) plus scenario (repeatable: a built-in name or"
              + " saved:<id>). Answer as 'karvan compare --format json': {\"comparisons\":[{"
              + "scenario, base (totals), route, noRoute, delta, corridors, countries and"
              + " crossings gained and lost}]}.",
      operationId = "compare",
      tags = "scenarios",
      queryParams = {
        @OpenApiParam(name = "from", required = true, description = "Origin"),
        @OpenApiParam(name = "to", required = true, description = "Destination"),
        @OpenApiParam(
            name = "scenario",
            required = true,
            description = "Scenarios (repeatable, at most 8)"),
        @OpenApiParam(name = "cargo", description = "Cargo, default 1x40ft"),
        @OpenApiParam(name = "optimize", description = "time, cost, co2, generalized"),
        @OpenApiParam(name = "avoidCountry", description = "ISO codes to avoid"),
        @OpenApiParam(name = "modes", description = "Allowed modes"),
        @OpenApiParam(name = "year", type = Integer.class, description = "Network of this year"),
        @OpenApiParam(name = "include", description = "'planned'")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void compare(Context ctx, Params p) {
    p.allowOnly(params("scenario"));
    String fmt = format(p);
    if (!fmt.equals("json")) {
      p.error("format", "compare answers JSON only");
    }
    List<String> names = p.list("scenario");
    if (names.isEmpty()) {
      p.error("scenario", "give at least one scenario to compare with the base network");
    }
    if (names.size() > 8) {
      p.error("scenario", "at most 8 scenarios, got " + names.size());
    }
    List<Scenarios.Applied> applied = new ArrayList<>();
    for (String n : names.subList(0, Math.min(8, names.size()))) {
      applied.add(scenarios.resolve(n, "scenario", p));
    }
    if (!p.list("via").isEmpty()) {
      p.error("via", "compare does not support via places");
    }
    RouteRequest req = engine.request(p, true);
    List<Comparison> out = compute(() -> run(() -> comparisons(req, applied)));
    ObjectNode root = RouteJson.MAPPER.createObjectNode();
    root.put("skippedRows", 0);
    ArrayNode arr = root.putArray("comparisons");
    for (int i = 0; i < out.size(); i++) {
      Comparison c = out.get(i);
      Network n = applied.get(i).network();
      ObjectNode o = arr.addObject();
      o.put("origin", c.from());
      o.put("destination", c.to());
      o.put("scenario", c.scenario());
      o.set("base", c.base() == null ? null : RouteJson.route(engine.net, c.base()).get("totals"));
      o.set("route", c.route() == null ? null : RouteJson.route(n, c.route()));
      o.put("noRoute", c.noRoute());
      ObjectNode d = o.putObject("delta");
      putNullable(d, "distanceKm", c.delta().km());
      putNullable(d, "durationDays", c.delta().days());
      putNullable(d, "costUsd", c.delta().usd());
      putNullable(d, "co2eKg", c.delta().kgCo2e());
      c.corridors().forEach(o.putArray("corridors")::add);
      c.countriesGained().forEach(o.putArray("countriesGained")::add);
      c.countriesLost().forEach(o.putArray("countriesLost")::add);
      c.crossingsGained().forEach(o.putArray("crossingsGained")::add);
      c.crossingsLost().forEach(o.putArray("crossingsLost")::add);
    }
    json(ctx, root);
  }

  private List<Comparison> comparisons(RouteRequest req, List<Scenarios.Applied> applied) {
    Optional<Route> base = engine.router.route(req);
    List<Comparison> cs = new ArrayList<>();
    for (Scenarios.Applied a : applied) {
      RouteRequest r = a.adjust(req);
      Optional<Route> x = a.router().route(r);
      cs.add(
          Comparison.of(
              a.network(),
              a.name(),
              req.from(),
              req.to(),
              x,
              x.isEmpty()
                  ? NoRouteDetail.of(a.router().explainNoRoute(r), a.router().graph().network())
                  : null,
              base));
    }
    return cs;
  }

  @OpenApi(
      path = "/api/tcd",
      methods = HttpMethod.GET,
      summary = "Time/cost-distance chart of a route (or of k alternatives): data, SVG or CSV",
      description =
          "Route parameters plus y (time or cost), k and format (json: the segments; svg; csv)."
              + " As 'karvan tcd'.",
      operationId = "tcd",
      tags = "routing",
      queryParams = {
        @OpenApiParam(name = "from", required = true, description = "Origin"),
        @OpenApiParam(name = "to", required = true, description = "Destination"),
        @OpenApiParam(name = "y", description = "time (default) or cost"),
        @OpenApiParam(
            name = "k",
            type = Integer.class,
            description = "Alternatives to draw (default 1)"),
        @OpenApiParam(name = "scenario", description = "A built-in scenario or saved:<id>"),
        @OpenApiParam(name = "cargo", description = "Cargo, default 1x40ft"),
        @OpenApiParam(name = "optimize", description = "time, cost, co2, generalized"),
        @OpenApiParam(name = "format", description = "json (default), svg or csv")
      },
      responses = {
        @OpenApiResponse(
            status = "200",
            content = {
              @OpenApiContent(type = JSON),
              @OpenApiContent(type = "image/svg+xml"),
              @OpenApiContent(type = "text/csv")
            }),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void tcd(Context ctx, Params p) {
    p.allowOnly(params("k", "scenario", "y"));
    String fmt = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!Set.of("json", "svg", "csv").contains(fmt)) {
      p.error("format", "unknown value '" + fmt + "'; allowed: json, svg, csv");
    }
    TcdChart.Axis axis = Engine.parseEnum(TcdChart.Axis.class, p.orDefault("y", "time"), "y", p);
    Integer k = p.integer("k");
    if (k != null && (k < 1 || k > cfg.maxAlternatives())) {
      p.error("k", "must be between 1 and " + cfg.maxAlternatives() + ", got " + k);
    }
    Scenarios.Applied sc = scenarios.applied(p);
    RouteRequest req = sc.adjust(engine.request(p, true));
    Router router = sc.router();
    int kk = k == null ? 1 : k;
    List<Route> routes =
        compute(
            () ->
                run(
                    () ->
                        kk == 1
                            ? router.route(req).map(List::of).orElse(List.of())
                            : router.alternatives(req, kk, 0.5, 0.8)));
    if (routes.isEmpty()) {
      throw noRoute(router, req);
    }
    List<TcdChart.Series> series = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      String name =
          routes.size() > 1 ? "route " + (i + 1) : sc.name() == null ? "base network" : sc.name();
      series.add(new TcdChart.Series(name, routes.get(i)));
    }
    Network net = sc.network();
    String title = net.getNode(req.from()).name() + " to " + net.getNode(req.to()).name();
    TcdChart chart = new TcdChart(net, series, axis, title);
    switch (fmt) {
      case "svg" -> ctx.contentType("image/svg+xml").result(chart.svg());
      case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(chart.csv());
      default -> {
        ObjectNode o = RouteJson.MAPPER.createObjectNode();
        o.put("title", title);
        o.put("y", axis.name().toLowerCase(Locale.ROOT));
        ArrayNode names = o.putArray("series");
        series.forEach(x -> names.add(x.name()));
        ArrayNode segs = o.putArray("segments");
        for (TcdChart.Segment g : chart.segments()) {
          segs.addObject()
              .put("series", g.series())
              .put("seq", g.seq())
              .put("stop", g.stop())
              .put("kind", g.kind())
              .put("label", g.label())
              .put("x0", g.x0())
              .put("y0", g.y0())
              .put("x1", g.x1())
              .put("y1", g.y1());
        }
        json(ctx, o);
      }
    }
  }

  @OpenApi(
      path = "/api/report",
      methods = HttpMethod.GET,
      summary = "HTML report of a route, optionally against scenarios (as 'karvan report')",
      operationId = "report",
      tags = "scenarios",
      queryParams = {
        @OpenApiParam(name = "from", required = true, description = "Origin"),
        @OpenApiParam(name = "to", required = true, description = "Destination"),
        @OpenApiParam(
            name = "scenario",
            description = "Scenarios to compare (repeatable, at most 8)"),
        @OpenApiParam(name = "cargo", description = "Cargo, default 1x40ft"),
        @OpenApiParam(name = "optimize", description = "time, cost, co2, generalized")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void report(Context ctx, Params p) {
    p.allowOnly(params("scenario"));
    List<String> names = p.list("scenario");
    if (names.size() > 8) {
      p.error("scenario", "at most 8 scenarios, got " + names.size());
    }
    List<Scenarios.Applied> applied = new ArrayList<>();
    for (String n : names.subList(0, Math.min(8, names.size()))) {
      if (!n.isBlank() && !n.equalsIgnoreCase("base")) {
        applied.add(scenarios.resolve(n, "scenario", p));
      }
    }
    RouteRequest req = engine.request(p, true);
    Optional<Route> base = compute(() -> run(() -> engine.router.route(req)));
    if (base.isEmpty()) {
      throw noRoute(engine.router, req);
    }
    List<Comparison> cs = compute(() -> run(() -> comparisons(req, applied)));
    String html =
        HtmlReport.of(
            engine.net,
            req.from(),
            req.to(),
            req.cargo(),
            req.objective().name().toLowerCase(Locale.ROOT),
            base.get(),
            cs);
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  private static void putNullable(ObjectNode o, String k, Double v) {
    if (v == null) {
      o.putNull(k);
    } else {
      o.put(k, Math.round(v * 100) / 100.0);
    }
  }

  // ----------------------------------------------------------------------------- scenarios

  private void requireToken(Context ctx) {
    String h = ctx.header("Authorization");
    String token = null;
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = h.substring(7).trim();
    }
    if (token == null || token.isEmpty()) {
      throw ApiException.unauthorized("writes need the API token: Authorization: Bearer <token>");
    }
    byte[] given = ScenarioStore.sha256(token).getBytes(StandardCharsets.US_ASCII);
    byte[] want = tokenHash.getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, want)) {
      throw ApiException.unauthorized("the API token is not valid");
    }
  }

  private ObjectNode savedJson(ScenarioStore.Saved s, boolean withBody) {
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("description", s.description());
    o.put("version", s.version());
    o.put("createdAt", s.createdAt());
    o.put("updatedAt", s.updatedAt());
    if (withBody) {
      try {
        o.set("scenario", RouteJson.MAPPER.readTree(s.body()));
      } catch (JsonProcessingException e) {
        o.put("scenario", s.body());
      }
    }
    return o;
  }

  @OpenApi(
      path = "/api/scenarios",
      methods = HttpMethod.GET,
      summary = "Built-in scenarios and saved user scenarios",
      operationId = "listScenarios",
      tags = "scenarios",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)))
  private void listScenarios(Context ctx) {
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.set("builtin", scenarios.builtinJson());
    ArrayNode saved = o.putArray("saved");
    for (ScenarioStore.Saved s : store.list()) {
      saved.add(savedJson(s, false));
    }
    json(ctx, o);
  }

  @OpenApi(
      path = "/api/scenarios/saved/{id}",
      methods = HttpMethod.GET,
      summary = "One saved scenario with its body",
      operationId = "getSavedScenario",
      tags = "scenarios",
      pathParams = @OpenApiParam(name = "id", required = true),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SavedScenarioDoc.class)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void getSaved(Context ctx) {
    ScenarioStore.Saved s =
        store
            .get(ctx.pathParam("id"))
            .orElseThrow(
                () -> ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'"));
    ctx.header("ETag", "\"" + s.version() + "\"");
    json(ctx, savedJson(s, true));
  }

  @OpenApi(
      path = "/api/scenarios/saved",
      methods = HttpMethod.POST,
      summary = "Save a scenario (needs the API token)",
      description =
          "The body is a scenario document (the same JSON as a scenario file) with a 'name'."
              + " It is validated as a scenario file is; 201 with Location when stored.",
      operationId = "createSavedScenario",
      tags = "scenarios",
      headers =
          @OpenApiParam(
              name = "Authorization",
              required = true,
              description = "Bearer <API token>"),
      security = @OpenApiSecurity(name = "BearerAuth"),
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "201", content = @OpenApiContent(from = SavedScenarioDoc.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "409",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void createSaved(Context ctx) {
    requireToken(ctx);
    Scenarios.Checked c = scenarios.check(jsonBody(ctx));
    try {
      ScenarioStore.Saved s = store.create(c.name(), c.description(), c.body());
      ctx.status(201);
      ctx.header("Location", "/api/scenarios/saved/" + s.id());
      ctx.header("ETag", "\"" + s.version() + "\"");
      json(ctx, savedJson(s, true));
    } catch (ScenarioStore.Conflict e) {
      throw conflict(e);
    }
  }

  private static ApiException conflict(ScenarioStore.Conflict e) {
    return new ApiException(
        409,
        "conflict",
        "Conflict",
        e.getMessage(),
        List.of(new FieldError("name", e.getMessage())));
  }

  @OpenApi(
      path = "/api/scenarios/saved/{id}",
      methods = HttpMethod.PUT,
      summary = "Replace a saved scenario (needs the API token; If-Match: \"version\" optional)",
      operationId = "updateSavedScenario",
      tags = "scenarios",
      pathParams = @OpenApiParam(name = "id", required = true),
      headers = {
        @OpenApiParam(name = "Authorization", required = true, description = "Bearer <API token>"),
        @OpenApiParam(name = "If-Match", description = "The version read, as an ETag")
      },
      security = @OpenApiSecurity(name = "BearerAuth"),
      requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(type = JSON)),
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(from = SavedScenarioDoc.class)),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "409",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void updateSaved(Context ctx) {
    requireToken(ctx);
    Scenarios.Checked c = scenarios.check(jsonBody(ctx));
    Integer expected = null;
    String ifMatch = ctx.header("If-Match");
    if (ifMatch != null && !ifMatch.isBlank()) {
      try {
        expected = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("If-Match", "must be a version ETag such as \"3\"");
      }
    }
    try {
      ScenarioStore.Saved s =
          store
              .update(ctx.pathParam("id"), c.name(), c.description(), c.body(), expected)
              .orElseThrow(
                  () -> ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'"));
      ctx.header("ETag", "\"" + s.version() + "\"");
      json(ctx, savedJson(s, true));
    } catch (ScenarioStore.Conflict e) {
      throw conflict(e);
    }
  }

  @OpenApi(
      path = "/api/scenarios/saved/{id}",
      methods = HttpMethod.DELETE,
      summary = "Delete a saved scenario (needs the API token)",
      operationId = "deleteSavedScenario",
      tags = "scenarios",
      pathParams = @OpenApiParam(name = "id", required = true),
      headers =
          @OpenApiParam(
              name = "Authorization",
              required = true,
              description = "Bearer <API token>"),
      security = @OpenApiSecurity(name = "BearerAuth"),
      responses = {
        @OpenApiResponse(status = "204"),
        @OpenApiResponse(
            status = "401",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON)),
        @OpenApiResponse(
            status = "404",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void deleteSaved(Context ctx) {
    requireToken(ctx);
    if (!store.delete(ctx.pathParam("id"))) {
      throw ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'");
    }
    ctx.status(204);
  }
}
