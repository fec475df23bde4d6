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
import java.util.Set;
import org.karvan.app.AssignService;
import org.karvan.app.CriticalityService;
import org.karvan.app.ReliabilityService;
import org.karvan.app.ResultJson;

/**
 * Analysis endpoints, as the CLI's {@code assign}, {@code criticality} and {@code reliability} with
 * {@code --format json}: on the server's network and its built-in demand, one worker thread each,
 * within the request time limit.
 */
final class AnalysisResource {
  private final Api api;

  AnalysisResource(Api api) {
    this.api = api;
  }

  void register(io.javalin.Javalin a) {
    a.post("/api/assign", ctx -> assign(ctx, Api.bodyParams(ctx)));
    a.post("/api/criticality", ctx -> criticality(ctx, Api.bodyParams(ctx)));
    a.get("/api/reliability", ctx -> reliability(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/reliability", ctx -> reliability(ctx, Api.bodyParams(ctx)));
    a.get("/api/backtest", ctx -> backtest(ctx, Params.query(ctx.queryParamMap())));
  }

  @OpenApi(
      path = "/api/backtest",
      methods = HttpMethod.GET,
      summary = "The back-test against published shipments (as 'karvan backtest --format json')",
      description = "format=json (default) or xlsx. The built-in published cases on this network.",
      operationId = "backtest",
      tags = "analysis",
      queryParams = {@OpenApiParam(name = "format", description = "json (default) or xlsx")},
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void backtest(Context ctx, Params p) {
    p.allowOnly(Set.of("format"));
    String fmt = Workbooks.jsonOrXlsx(p);
    org.karvan.app.BacktestService.Result r =
        api.call(p, () -> api.karvan.backtest().run((java.nio.file.Path) null));
    if (fmt.equals("xlsx")) {
      Workbooks.answer(ctx, "backtest", org.karvan.app.ResultTables.backtest(r));
    } else {
      Api.json(ctx, ResultJson.backtest(r));
    }
  }

  private static double or(Double v, double dflt) {
    return v == null ? dflt : v;
  }

  private static int or(Integer v, int dflt) {
    return v == null ? dflt : v;
  }

  @OpenApi(
      path = "/api/assign",
      methods = HttpMethod.POST,
      summary = "Assign the built-in freight demand (as 'karvan assign --format json')",
      description =
          "Body: {method: aon|logit|ue|msa|fw|cfw|bfw (default ue), gap (1e-4), maxIter (1000),"
              + " theta (5), alternatives (3), scenario}. Answer: loads, corridor shares,"
              + " bottlenecks, countries, OD routes.",
      operationId = "assign",
      tags = "analysis",
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
  private void assign(Context ctx, Params p) {
    p.allowOnly(Set.of("method", "gap", "maxIter", "theta", "alternatives", "scenario", "format"));
    String fmt = Workbooks.jsonOrXlsx(p);
    var req =
        new AssignService.Request(
            null,
            p.string("method"),
            or(p.number("gap"), 1e-4),
            or(p.integer("maxIter"), 1000),
            1,
            p.string("scenario"),
            or(p.number("theta"), 5),
            or(p.integer("alternatives"), 3));
    AssignService.Result r = api.call(p, () -> api.karvan.assignments().assign(req, null));
    if (fmt.equals("xlsx")) {
      Workbooks.answer(ctx, "assign", org.karvan.app.ResultTables.assign(r));
    } else {
      Api.json(ctx, ResultJson.assign(r));
    }
  }

  @OpenApi(
      path = "/api/criticality",
      methods = HttpMethod.POST,
      summary = "Close each element in turn and rank the damage (as 'karvan criticality')",
      description =
          "Body: {elements: links|borders|terminals|ferries|all (default all), scenario}. Answer:"
              + " every element ranked by unserved tonnes, then extra cost.",
      operationId = "criticality",
      tags = "analysis",
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
  private void criticality(Context ctx, Params p) {
    p.allowOnly(Set.of("elements", "scenario", "format"));
    String fmt = Workbooks.jsonOrXlsx(p);
    var req = new CriticalityService.Request(null, p.list("elements"), 1, p.string("scenario"));
    CriticalityService.Result r = api.call(p, () -> api.karvan.criticality().run(req, null));
    if (fmt.equals("xlsx")) {
      Workbooks.answer(ctx, "criticality", org.karvan.app.ResultTables.criticality(r));
    } else {
      Api.json(ctx, ResultJson.criticality(r));
    }
  }

  @OpenApi(
      path = "/api/reliability",
      methods = {HttpMethod.GET, HttpMethod.POST},
      summary = "Monte Carlo reliability of time and cost (as 'karvan reliability')",
      description =
          "Route parameters as /api/route (no via), plus samples (100000), deadline (days), seed"
              + " (1), alternatives (3), cancelProb (0), sailingCv (0.1), dwellCv (0.5).",
      operationId = "reliability",
      tags = "analysis",
      queryParams = {
        @OpenApiParam(name = "samples", type = Integer.class, description = "Samples per route"),
        @OpenApiParam(name = "deadline", type = Double.class, description = "Deadline, days"),
        @OpenApiParam(name = "seed", type = Integer.class, description = "Random seed"),
        @OpenApiParam(name = "alternatives", type = Integer.class, description = "Routes"),
        @OpenApiParam(name = "cancelProb", type = Double.class, description = "P(cancelled)"),
        @OpenApiParam(name = "sailingCv", type = Double.class, description = "CV of sailing"),
        @OpenApiParam(name = "dwellCv", type = Double.class, description = "CV of dwell")
      },
      responses = {
        @OpenApiResponse(status = "200", content = @OpenApiContent(type = JSON)),
        @OpenApiResponse(
            status = "422",
            content = @OpenApiContent(from = ProblemDoc.class, type = PROBLEM_JSON))
      })
  private void reliability(Context ctx, Params p) {
    p.allowOnly(
        SharedParams.route(
            "scenario",
            "samples",
            "deadline",
            "seed",
            "alternatives",
            "cancelProb",
            "sailingCv",
            "dwellCv",
            "historyYears"));
    var req =
        new ReliabilityService.Request(
            Api.spec(p),
            or(p.integer("samples"), 100_000),
            p.number("deadline"),
            or(p.integer("seed"), 1),
            or(p.integer("alternatives"), 3),
            or(p.number("cancelProb"), 0),
            or(p.number("sailingCv"), 0.1),
            or(p.number("dwellCv"), 0.5),
            p.integer("historyYears"));
    ReliabilityService.Result r = api.call(p, () -> api.karvan.reliability().run(req));
    Api.json(ctx, ResultJson.reliability(r));
  }
}
