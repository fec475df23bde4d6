package org.karvan.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.karvan.io.route.RouteJson;

/** Network and service endpoints: health, metrics, the network as GeoJSON, its summary, places. */
final class NetworkResource {
  private final Engine engine;
  private final ScenarioStore store;
  private final Workers workers;
  private final PrometheusMeterRegistry metrics;
  private final Instant started = Instant.now();

  NetworkResource(
      Engine engine, ScenarioStore store, Workers workers, PrometheusMeterRegistry metrics) {
    this.engine = engine;
    this.store = store;
    this.workers = workers;
    this.metrics = metrics;
  }

  void register(io.javalin.config.RoutesConfig a) {
    a.get("/api/health", this::health);
    a.get("/api/network", this::network);
    a.get("/api/network/info", this::networkInfo);
    a.get("/api/places", this::places);
    a.get("/metrics", this::prometheus);
  }

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
    o.put("queued", workers.waiting());
    ctx.status(db ? 200 : 503);
    Api.json(ctx, o);
  }

  private void prometheus(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

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

  private void networkInfo(Context ctx) {
    Api.json(ctx, engine.info());
  }

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
