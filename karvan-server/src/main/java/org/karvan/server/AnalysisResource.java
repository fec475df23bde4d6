package org.karvan.server;

import io.javalin.http.Context;
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

  void register(io.javalin.config.RoutesConfig a) {
    a.post("/api/assign", ctx -> assign(ctx, Api.bodyParams(ctx)));
    a.post("/api/criticality", ctx -> criticality(ctx, Api.bodyParams(ctx)));
    a.get("/api/reliability", ctx -> reliability(ctx, Params.query(ctx.queryParamMap())));
    a.post("/api/reliability", ctx -> reliability(ctx, Api.bodyParams(ctx)));
    a.get("/api/backtest", ctx -> backtest(ctx, Params.query(ctx.queryParamMap())));
  }

  /** GET /api/backtest: as {@code karvan backtest --format json}; {@code format=xlsx}. */
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
