package org.karvan.server;

import static org.karvan.server.Api.JSON;
import static org.karvan.server.Api.PROBLEM_JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
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
import org.karvan.server.ApiException.FieldError;

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

  void register(io.javalin.Javalin a) {
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
        @OpenApiParam(
            name = "scenario",
            required = true,
            description = "Scenarios (repeatable, at most 8)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void compare(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("scenario"));
    String fmt = Workbooks.jsonOrXlsx(p);
    List<String> names = p.list("scenario");
    var spec = Api.spec(p, "scenario");
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
        @OpenApiParam(name = "y", description = "time (default) or cost"),
        @OpenApiParam(
            name = "k",
            type = Integer.class,
            description = "Alternatives to draw (default 1)"),
        @OpenApiParam(
            name = "scenario",
            description = "The route's scenario (a built-in or saved:<id>); default the base"),
        @OpenApiParam(
            name = "compare",
            description = "Scenarios drawn against it (repeatable), as 'karvan tcd --scenario'"),
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
    p.allowOnly(SharedParams.route("k", "scenario", "compare", "y"));
    String fmt = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!Set.of("json", "svg", "csv").contains(fmt)) {
      p.error("format", "unknown value '" + fmt + "'; allowed: json, svg, csv");
    }
    Integer k = p.integer("k");
    var req =
        new ChartService.TcdRequest(
            Api.spec(p), p.list("compare"), k == null || k == 1 ? null : k, p.string("y"));
    ChartService.TcdResult t = api.call(p, () -> api.karvan.charts().tcd(req));
    switch (fmt) {
      case "svg" -> ctx.contentType("image/svg+xml").result(t.chart().svg());
      case "csv" -> ctx.contentType("text/csv; charset=utf-8").result(t.chart().csv());
      default -> Api.json(ctx, ResultJson.tcd(t));
    }
  }

  @OpenApi(
      path = "/api/report",
      methods = HttpMethod.GET,
      summary = "HTML report of a route, optionally against scenarios (as 'karvan report')",
      operationId = "report",
      tags = "scenarios",
      queryParams = {
        @OpenApiParam(
            name = "scenario",
            description = "Scenarios to compare (repeatable, at most 8)")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/html")),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void report(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("scenario"));
    List<String> names = p.list("scenario");
    var req = new ChartService.ReportRequest(Api.spec(p, "scenario"), names);
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
    Api.json(ctx, o);
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
    Api.json(ctx, savedJson(s, true));
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
    Scenarios.Checked c = scenarios.check(Api.jsonBody(ctx));
    try {
      ScenarioStore.Saved s = store.create(c.name(), c.description(), c.body());
      ctx.status(201);
      ctx.header("Location", "/api/scenarios/saved/" + s.id());
      ctx.header("ETag", "\"" + s.version() + "\"");
      Api.json(ctx, savedJson(s, true));
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
    try {
      ScenarioStore.Saved s =
          store
              .update(ctx.pathParam("id"), c.name(), c.description(), c.body(), expected)
              .orElseThrow(
                  () -> ApiException.notFound("no saved scenario '" + ctx.pathParam("id") + "'"));
      ctx.header("ETag", "\"" + s.version() + "\"");
      Api.json(ctx, savedJson(s, true));
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
