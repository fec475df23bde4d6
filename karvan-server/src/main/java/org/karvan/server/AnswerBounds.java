package org.karvan.server;

import java.util.List;
import org.karvan.server.ApiException.FieldError;

/**
 * Answers known to be too large before anything is computed. From the request alone the server
 * knows a floor under the size of its answer: every cell of a matrix, every via stop of a route,
 * every scenario of a report, chart or comparison is written, whatever the network. When that floor
 * is already over the answer limit ({@code --max-response}) the request is refused with 422 {@code
 * response-too-large} naming the parameter that makes it large, before a worker is taken.
 *
 * <p>The floors are lower bounds (the smallest each element can be written in), never estimates of
 * the typical size, so a request whose answer would fit is never refused here; an answer that
 * passes and still turns out too large is replaced by the same 422 after computing ({@code
 * KarvanServer.limitResponse}). {@code AnswerBoundsTest} checks each floor against real answers of
 * the default network. The count of alternatives or Pareto routes is no floor (the penalty method
 * may find fewer distinct routes than {@code k}), nor is the count of samples (a reliability answer
 * has the same size for any count).
 */
final class AnswerBounds {
  /** A route in JSON: totals, at least one leg, loading and unloading, cargo, CPMM, basis. */
  static final long ROUTE = 1_024;

  /** A via place's stop in a route's JSON ({@code "type":"VIA"} with its fixed fields). */
  static final long VIA_STOP = 128;

  /** A matrix cell: a number and its separator. */
  static final long MATRIX_CELL = 2;

  /** An origin or destination of a matrix: a quoted id and its separator. */
  static final long MATRIX_PLACE = 3;

  /** A scenario's section of the HTML report (its route table). */
  static final long REPORT_SCENARIO = 1_024;

  /** A scenario's series of the time/cost-distance chart (JSON, SVG or CSV). */
  static final long TCD_SCENARIO = 64;

  /** A scenario's row of a comparison (JSON or XLSX cells). */
  static final long COMPARE_SCENARIO = 128;

  private AnswerBounds() {}

  /** A route request (best route, alternatives) in JSON: one route at least. */
  static void route(ServerConfig cfg, Params p, String format) {
    if (!p.errors.isEmpty() || !format.equals("json")) {
      return;
    }
    int vias = p.list("via").size();
    check(
        cfg,
        "via",
        ROUTE + vias * VIA_STOP,
        "a route with " + vias + " via places has at least " + (ROUTE + vias * VIA_STOP) + " bytes",
        "ask for fewer via places");
  }

  /** A matrix of {@code rows} × {@code cols} cells in JSON. */
  static void matrix(ServerConfig cfg, Params p, String format, int rows, int cols) {
    if (!p.errors.isEmpty() || !format.equals("json")) {
      return;
    }
    long floor = (long) rows * cols * MATRIX_CELL + (long) (rows + cols) * MATRIX_PLACE;
    check(
        cfg,
        "from",
        floor,
        rows + " × " + cols + " cells have at least " + floor + " bytes",
        "ask for fewer origins or destinations");
  }

  /** An answer with a part of at least {@code perScenario} bytes for each of {@code scenarios}. */
  static void scenarios(
      ServerConfig cfg, Params p, String field, int scenarios, long perScenario, String what) {
    if (!p.errors.isEmpty()) {
      return;
    }
    long floor = scenarios * perScenario;
    check(
        cfg,
        field,
        floor,
        what + " of " + scenarios + " scenarios (with the base) has at least " + floor + " bytes",
        "compare fewer scenarios at once");
  }

  private static void check(ServerConfig cfg, String field, long floor, String why, String hint) {
    if (floor <= cfg.maxResponseBytes()) {
      return;
    }
    throw new ApiException(
        422,
        "response-too-large",
        "Response too large",
        "the answer is known to be too large before computing: "
            + why
            + "; the limit is "
            + cfg.maxResponseBytes()
            + " bytes (--max-response): "
            + hint,
        List.of(new FieldError(field, "answer over the response limit")));
  }
}
