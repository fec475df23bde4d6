package org.karvan.server;

import static org.karvan.server.Api.JSON;
import static org.karvan.server.Api.PROBLEM_JSON;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.app.MatrixService;
import org.karvan.app.ResultJson;
import org.karvan.app.RoutesResult;
import org.karvan.io.route.RouteCsv;
import org.karvan.io.route.RouteGeoJson;

/** Routing endpoints: best route, alternatives, Pareto front, matrix. */
final class RoutingResource {
  private static final Set<String> FORMATS = Set.of("json", "geojson", "csv", "xlsx");

  private final Api api;

  RoutingResource(Api api) {
    this.api = api;
  }

  void register(io.javalin.Javalin a) {
    a.get("/api/route", ctx -> route(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/route", ctx -> route(ctx, Api.bodyParams(ctx)));
    a.get("/api/alternatives", ctx -> alternatives(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/alternatives", ctx -> alternatives(ctx, Api.bodyParams(ctx)));
    a.get("/api/pareto", ctx -> pareto(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/pareto", ctx -> pareto(ctx, Api.bodyParams(ctx)));
    a.post("/api/matrix", this::matrix);
  }

  private static String format(Params p) {
    String f = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!FORMATS.contains(f)) {
      p.error("format", "unknown value '" + f + "'; allowed: json, geojson, csv, xlsx");
    }
    return f;
  }

  private static void answer(Context ctx, String fmt, RoutesResult r) {
    switch (fmt) {
      case "geojson" ->
          ctx.contentType("application/geo+json")
              .result(Api.bytes(RouteGeoJson.of(r.network(), r.routes())));
      case "csv" -> {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "inline; filename=\"route.csv\"");
        ctx.result(RouteCsv.of(r.network(), r.routes()).getBytes(StandardCharsets.UTF_8));
      }
      case "xlsx" -> Workbooks.answer(ctx, "route", org.karvan.app.ResultTables.routes(r));
      default -> Api.json(ctx, ResultJson.routes(r));
    }
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
        @OpenApiParam(name = "format", description = "json (default), geojson or csv"),
        @OpenApiParam(
            name = "depart",
            description =
                "YYYY-MM-DDTHH:MM, local time: the earliest arrival over the timetables (with"
                    + " optimize=time), legs and stops timed (departs, arrives)",
            example = "2026-12-01T08:00")
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
    p.allowOnly(SharedParams.route("scenario", "depart"));
    String fmt = format(p);
    RoutesResult r = api.call(p, () -> api.karvan.routes().route(Api.spec(p)));
    answer(ctx, fmt, r);
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
        @OpenApiParam(
            name = "k",
            type = Integer.class,
            description = "How many routes (default 3, at most the server limit, 10 by default)"),
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
    p.allowOnly(SharedParams.route("k", "scenario", "depart"));
    String fmt = format(p);
    Integer k = p.integer("k");
    RoutesResult r = api.call(p, () -> api.karvan.routes().alternatives(Api.spec(p), k));
    answer(ctx, fmt, r);
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
        @OpenApiParam(
            name = "maxLabels",
            type = Integer.class,
            description = "Label bound (default and maximum: the server limit, 200000)"),
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
    p.allowOnly(SharedParams.route("maxLabels", "scenario", "depart"));
    String fmt = format(p);
    Integer max = p.integer("maxLabels");
    RoutesResult r =
        api.call(
            p,
            () -> api.karvan.routes().pareto(Api.spec(p), max == null ? api.cfg.maxLabels() : max));
    answer(ctx, fmt, r);
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
    Params p = Api.bodyParams(ctx);
    p.allowOnly(SharedParams.route("scenario"));
    String fmt = Workbooks.jsonOrXlsx(p);
    List<String> from = p.list("from");
    List<String> to = p.list("to");
    long cells = (long) from.size() * to.size();
    if (cells > api.cfg.maxMatrixCells()) {
      throw ApiException.tooLarge(
          "from",
          from.size()
              + " × "
              + to.size()
              + " = "
              + cells
              + " cells; the limit is "
              + api.cfg.maxMatrixCells());
    }
    var spec = Api.spec(p, "from", "to");
    MatrixService.Result m =
        api.call(p, () -> api.karvan.matrices().matrix(new MatrixService.Request(from, to, spec)));
    if (fmt.equals("xlsx")) {
      Workbooks.answer(ctx, "matrix", org.karvan.app.ResultTables.matrix(m));
    } else {
      Api.json(ctx, ResultJson.matrix(m));
    }
  }
}
