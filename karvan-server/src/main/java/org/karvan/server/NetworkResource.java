package org.karvan.server;

import static org.karvan.server.Api.JSON;
import static org.karvan.server.Api.PROBLEM_JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import org.karvan.io.route.RouteJson;

/** Network and service endpoints: health, metrics, the network as GeoJSON, its summary, places. */
final class NetworkResource {
  private final Engine engine;
  private final ScenarioStore store;
  private final ThreadPoolExecutor pool;
  private final PrometheusMeterRegistry metrics;
  private final Instant started = Instant.now();

  NetworkResource(
      Engine engine,
      ScenarioStore store,
      ThreadPoolExecutor pool,
      PrometheusMeterRegistry metrics) {
    this.engine = engine;
    this.store = store;
    this.pool = pool;
    this.metrics = metrics;
  }

  void register(io.javalin.Javalin a) {
    a.get("/api/health", this::health);
    a.get("/api/network", this::network);
    a.get("/api/network/info", this::networkInfo);
    a.get("/api/places", this::places);
    a.get("/metrics", this::prometheus);
  }

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
    ScenarioStore.Health h = store.health();
    boolean db = h.up();
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.put("status", db ? "UP" : "DEGRADED");
    o.put("database", h.status());
    if (h.detail() != null) {
      o.put("databaseDetail", h.detail());
    }
    o.put("network", engine.net.manifest().name() + " " + engine.net.manifest().version());
    o.put("uptimeSeconds", Duration.between(started, Instant.now()).toSeconds());
    o.put("queued", pool.getQueue().size());
    ctx.status(db ? 200 : 503);
    Api.json(ctx, o);
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
    ctx.contentType("application/geo+json").result(Api.bytes(engine.networkGeoJson(p)));
  }

  @OpenApi(
      path = "/api/network/info",
      methods = HttpMethod.GET,
      summary = "Network summary: counts, countries, chokepoints, crossings, modes, objectives",
      operationId = "networkInfo",
      tags = "network",
      responses = @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)))
  private void networkInfo(Context ctx) {
    Api.json(ctx, engine.info());
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
    Api.json(ctx, engine.searchPlaces(q, limit == null ? 10 : limit));
  }
}
