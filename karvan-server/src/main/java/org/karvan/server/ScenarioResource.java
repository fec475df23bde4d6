package org.karvan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.karvan.app.ChartService;
import org.karvan.app.CompareService;
import org.karvan.app.ResultJson;
import org.karvan.io.route.RouteJson;

/** Scenario endpoints: compare, time/cost-distance chart, report, built-in and saved scenarios. */
final class ScenarioResource {
  private final Api api;
  private final ScenarioStore store;
  private final Scenarios scenarios;
  private final Supplier<String> tokenHash;

  ScenarioResource(Api api, ScenarioStore store, Scenarios scenarios, Supplier<String> tokenHash) {
    this.api = api;
    this.store = store;
    this.scenarios = scenarios;
    this.tokenHash = tokenHash;
  }

  void register(io.javalin.config.RoutesConfig a) {
    a.get("/api/compare", ctx -> compare(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/compare", ctx -> compare(ctx, Api.bodyParams(ctx)));
    a.get("/api/tcd", ctx -> tcd(ctx, Params.query(ctx.queryParamMap())));
    a.get("/api/report", ctx -> report(ctx, Params.query(ctx.queryParamMap())));
    a.get("/api/scenarios", this::listScenarios);
    a.get("/api/scenarios/saved/{id}", this::getSaved);
    a.post("/api/scenarios/saved", this::createSaved);
    a.put("/api/scenarios/saved/{id}", this::updateSaved);
    a.delete("/api/scenarios/saved/{id}", this::deleteSaved);
  }

  private void compare(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("scenario"));
    String fmt = Workbooks.jsonOrXlsx(p);
    List<String> names = p.list("scenario");
    var spec = Api.spec(p, "scenario");
    if (fmt.equals("json")) {
      AnswerBounds.scenarios(
          api.cfg, p, "scenario", 1 + names.size(), AnswerBounds.COMPARE_SCENARIO, "a comparison");
    }
    CompareService.Result r =
        api.call(
            p,
            () ->
                api.karvan
                    .comparisons()
                    .compare(new CompareService.Request(spec, names, List.of())));
    if (fmt.equals("xlsx")) {
      Workbooks.answer(ctx, "compare", org.karvan.app.ResultTables.compare(r));
    } else {
      Api.json(ctx, ResultJson.compare(r, 0));
    }
  }

  private void tcd(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("k", "scenario", "compare", "y"));
    String fmt = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!Set.of("json", "svg", "csv").contains(fmt)) {
      p.error("format", "unknown value '" + fmt + "'; allowed: json, svg, csv");
    }
    Integer k = p.integer("k");
    var req =
        new ChartService.TcdRequest(
            Api.spec(p), p.list("compare"), k == null || k == 1 ? null : k, p.string("y"));
    AnswerBounds.scenarios(
        api.cfg, p, "compare", 1 + req.scenarios().size(), AnswerBounds.TCD_SCENARIO, "a chart");
    ChartService.TcdResult t = api.call(p, () -> api.karvan.charts().tcd(req));
    switch (fmt) {
      case "svg" -> ctx.contentType("image/svg+xml").result(t.chart().svg());
      case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(t.chart().csv());
      default -> Api.json(ctx, ResultJson.tcd(t));
    }
  }

  private void report(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("scenario"));
    List<String> names = p.list("scenario");
    var req = new ChartService.ReportRequest(Api.spec(p, "scenario"), names);
    AnswerBounds.scenarios(
        api.cfg, p, "scenario", 1 + names.size(), AnswerBounds.REPORT_SCENARIO, "a report");
    ChartService.ReportResult r = api.call(p, () -> api.karvan.charts().report(req));
    ctx.contentType("text/html; charset=utf-8").result(r.html());
  }

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
    byte[] want = tokenHash.get().getBytes(StandardCharsets.US_ASCII);
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

  /** Saved scenarios per page of GET /api/scenarios when no limit is given, and the most. */
  static final int DEFAULT_PAGE = 100;

  static final int MAX_PAGE = 1000;

  private void listScenarios(Context ctx) {
    Params p = Params.query(ctx.queryParamMap());
    p.allowOnly(Set.of("limit", "offset"));
    Integer limit = p.integer("limit");
    Integer offset = p.integer("offset");
    if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
      p.error("limit", "must be between 1 and " + MAX_PAGE + ", got " + limit);
    }
    if (offset != null && offset < 0) {
      p.error("offset", "must be 0 or more, got " + offset);
    }
    p.throwIfErrors();
    int lim = limit == null ? DEFAULT_PAGE : limit;
    int off = offset == null ? 0 : offset;
    long total = StoreProblems.call(store::count);
    List<ScenarioStore.Saved> page = StoreProblems.call(() -> store.list(lim, off));
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.set("builtin", scenarios.builtinJson());
    ArrayNode saved = o.putArray("saved");
    for (ScenarioStore.Saved s : page) {
      saved.add(savedJson(s, false));
    }
    o.put("savedTotal", total);
    o.put("limit", lim);
    o.put("offset", off);
    if ((long) off + page.size() < total && !page.isEmpty()) {
      o.put("next", off + page.size());
    } else {
      o.putNull("next");
    }
    Api.json(ctx, o);
  }

  private void getSaved(Context ctx) {
    ScenarioStore.Saved s =
        StoreProblems.call(() -> store.get(ctx.pathParam("id")))
            .orElseThrow(
                () -> ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'"));
    ctx.header("ETag", "\"" + s.version() + "\"");
    Api.json(ctx, savedJson(s, true));
  }

  private void createSaved(Context ctx) {
    requireToken(ctx);
    Scenarios.Checked c = scenarios.check(Api.jsonBody(ctx));
    ScenarioStore.Saved s =
        StoreProblems.call(() -> store.create(c.name(), c.description(), c.body()));
    ctx.status(201);
    ctx.header("Location", "/api/scenarios/saved/" + s.id());
    ctx.header("ETag", "\"" + s.version() + "\"");
    Api.json(ctx, savedJson(s, true));
  }

  private void updateSaved(Context ctx) {
    requireToken(ctx);
    Scenarios.Checked c = scenarios.check(Api.jsonBody(ctx));
    Integer expected = null;
    String ifMatch = ctx.header("If-Match");
    if (ifMatch != null && !ifMatch.isBlank()) {
      try {
        expected = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").trim());
      } catch (NumberFormatException e) {
        throw ApiException.invalid("If-Match", "must be a version ETag such as \"3\"");
      }
    }
    Integer version = expected;
    ScenarioStore.Saved s =
        StoreProblems.call(
                () ->
                    store.update(ctx.pathParam("id"), c.name(), c.description(), c.body(), version))
            .orElseThrow(
                () -> ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'"));
    ctx.header("ETag", "\"" + s.version() + "\"");
    Api.json(ctx, savedJson(s, true));
  }

  private void deleteSaved(Context ctx) {
    requireToken(ctx);
    if (!StoreProblems.call(() -> store.delete(ctx.pathParam("id")))) {
      throw ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'");
    }
    ctx.status(204);
  }
}
