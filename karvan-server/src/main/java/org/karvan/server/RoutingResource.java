package org.karvan.server;

import io.javalin.http.Context;
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

  void register(io.javalin.config.RoutesConfig a) {
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

  private void route(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("scenario", "depart"));
    String fmt = format(p);
    AnswerBounds.route(api.cfg, p, fmt);
    RoutesResult r = api.call(p, () -> api.karvan.routes().route(Api.spec(p)));
    answer(ctx, fmt, r);
  }

  private void alternatives(Context ctx, Params p) {
    p.allowOnly(SharedParams.route("k", "scenario", "depart"));
    String fmt = format(p);
    Integer k = p.integer("k");
    AnswerBounds.route(api.cfg, p, fmt);
    RoutesResult r = api.call(p, () -> api.karvan.routes().alternatives(Api.spec(p), k));
    answer(ctx, fmt, r);
  }

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
    AnswerBounds.matrix(api.cfg, p, fmt, from.size(), to.size());
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
