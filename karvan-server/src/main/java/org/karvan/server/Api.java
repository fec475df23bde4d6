package org.karvan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.Karvan;
import org.karvan.app.RouteSpec;
import org.karvan.core.routing.Cancellation;
import org.karvan.io.route.RouteJson;
import org.karvan.server.ApiException.FieldError;

/**
 * What every resource shares: the workspace, the limits, the workers with their time limit, and
 * reading requests and writing answers (JSON bodies, RFC 9457 problems).
 */
final class Api {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String JSON = "application/json";

  final ServerConfig cfg;
  final Karvan karvan;
  final Workers workers;

  Api(ServerConfig cfg, Karvan karvan, Workers workers) {
    this.cfg = cfg;
    this.karvan = karvan;
    this.workers = workers;
  }

  /**
   * The route request named by the parameters (the names of {@link SharedParams#ROUTE} and {@code
   * scenario}), leaving out {@code skip}: parameters the endpoint reads otherwise (a matrix's lists
   * of origins, a comparison's list of scenarios).
   */
  static RouteSpec spec(Params p, String... skip) {
    java.util.Set<String> no = java.util.Set.of(skip);
    return RouteSpec.builder()
        .from(no.contains("from") ? null : p.string("from"))
        .to(no.contains("to") ? null : p.string("to"))
        .via(p.list("via"))
        .cargo(p.string("cargo"))
        .optimize(p.string("optimize"))
        .avoidCountry(p.list("avoidCountry"))
        .avoidBorder(p.list("avoidBorder"))
        .avoidChokepoint(p.list("avoidChokepoint"))
        .avoidNode(p.list("avoidNode"))
        .modes(p.list("modes"))
        .year(p.integer("year"))
        .include(p.string("include"))
        .drivers(p.integer("drivers"))
        .regime(p.string("regime"))
        .date(p.string("date"))
        .scenario(no.contains("scenario") ? null : p.string("scenario"))
        .depart(p.string("depart"))
        .build();
  }

  /**
   * Runs a use case on the {@link Workers} within the time limit; its field errors are answered
   * together with those of the parameters themselves (422).
   */
  <T> T call(Params p, Callable<T> task) {
    try {
      T t = compute(task);
      p.throwIfErrors();
      return t;
    } catch (InvalidRequestException e) {
      List<FieldError> all = new ArrayList<>(p.errors);
      for (org.karvan.app.FieldError fe : e.errors()) {
        all.add(new FieldError(fe.field(), fe.message()));
      }
      throw ApiException.invalid(all);
    }
  }

  /**
   * The deadline of the exchange the current (Jetty) thread is answering, set by {@link
   * KarvanServer} from {@link ExchangeGuard#DEADLINE}; null outside an exchange.
   */
  static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

  /**
   * Runs a computation until the exchange's deadline, on this thread, when one of the {@link
   * Workers}' turns is free (503 when too many wait or time runs out). The computation runs under a
   * {@link Cancellation} token that expires at the deadline, so it stops within one check of the
   * search loops (see docs/server.md) rather than running on.
   */
  <T> T compute(Callable<T> task) {
    Long d = DEADLINE.get();
    long deadline =
        d != null ? d : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(cfg.requestTimeoutMs());
    try {
      return workers.run(task, deadline);
    } catch (Workers.Refused e) {
      throw e.why == Workers.Refusal.BUSY
          ? ApiException.unavailable("the server is busy; retry shortly")
          : overTime();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted");
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ApiException overTime() {
    return ApiException.unavailable(
        "the computation took longer than the limit of "
            + cfg.requestTimeoutMs()
            + " ms; add constraints or lower maxLabels/k");
  }

  static void problem(Context ctx, ApiException e) {
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
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          // Schubfach rather than Double.toString: numbers are a tenth of a route answer's
          // serialising time (the JFR profile of docs/benchmarks.md). It writes the shortest
          // digits; JDK 17's Double.toString writes longer ones for a few doubles of 16-17 digits
          // (NumberWriterTest: the same text on real answers and 200,000 seeded numbers).
          .with(com.fasterxml.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER);

  static byte[] bytes(JsonNode n) {
    try {
      return COMPACT.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void json(Context ctx, JsonNode n) {
    ctx.contentType(JSON).result(bytes(n));
  }

  /** The JSON object body as parameters; malformed JSON is a 400 naming where it broke. */
  static Params bodyParams(Context ctx) {
    return Params.json(jsonObject(ctx));
  }

  private static final com.fasterxml.jackson.databind.ObjectReader STRICT =
      RouteJson.MAPPER
          .reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * The body as JSON: {@code Content-Type: application/json} is required (415 when missing or
   * another type), and nothing may follow the JSON value (400).
   */
  static JsonNode jsonBody(Context ctx) {
    String ct = ctx.contentType();
    String type = ct == null ? "" : ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals(JSON)) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          ct == null
              ? "the body has no Content-Type; send it as application/json"
              : "send the body as application/json, not " + ct,
          List.of(new FieldError("Content-Type", "must be application/json")));
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiException.badRequest("the request body is empty; send a JSON object");
    }
    try {
      JsonNode n = STRICT.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw ApiException.badRequest("the request body is empty; send a JSON object");
      }
      return n;
    } catch (java.io.IOException e) {
      if (!(e instanceof JsonProcessingException jpe)) {
        throw ApiException.badRequest("unreadable body: " + e.getMessage());
      }
      var loc = jpe.getLocation();
      String what =
          jpe instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                  && jpe.getOriginalMessage().contains("Trailing token")
              ? "data after the JSON value"
              : "malformed JSON";
      throw ApiException.badRequest(
          what
              + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
              + ": "
              + jpe.getOriginalMessage());
    }
  }

  static JsonNode jsonObject(Context ctx) {
    JsonNode n = jsonBody(ctx);
    if (!n.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object, got " + n.getNodeType());
    }
    return n;
  }
}
