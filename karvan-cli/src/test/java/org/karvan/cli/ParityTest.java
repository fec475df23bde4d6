package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.karvan.app.ServerFactory;
import org.karvan.io.route.RouteJson;

/**
 * The same request through the real CLI entry point and the real HTTP endpoint gives the same JSON:
 * both front ends call one application layer and one JSON writer.
 */
class ParityTest {
  private static ServerFactory.Running server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("karvan-parity");
    server =
        ServerFactory.find()
            .orElseThrow(() -> new AssertionError("karvan-server is not on the test class path"))
            .start(
                new ServerFactory.Settings(
                    "127.0.0.1",
                    0,
                    null,
                    "jdbc:sqlite:" + dir.resolve("k.db"),
                    null,
                    null,
                    "parity-token",
                    1 << 20,
                    20,
                    2_000_000,
                    1_000_000,
                    60_000),
                null);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonNode cli(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return RouteJson.MAPPER.readTree(out.toString());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  private static JsonNode post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private static JsonNode send(HttpRequest r) throws Exception {
    HttpResponse<String> res = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as("HTTP status; body: %s", res.body()).isEqualTo(200);
    return RouteJson.MAPPER.readTree(res.body());
  }

  @Test
  void route() throws Exception {
    JsonNode a = cli("route", "--from", "Nhava Sheva", "--to", "Moscow", "--format", "json");
    assertThat(a.get("totals").get("distanceKm").asDouble()).isGreaterThan(3000);
    assertThat(get("/api/route?from=" + q("Nhava Sheva") + "&to=Moscow")).isEqualTo(a);
  }

  @Test
  void datedRoutesApplyTheSameEvents() throws Exception {
    JsonNode a =
        cli(
            "route",
            "--from",
            "Baku",
            "--to",
            "Tehran",
            "--modes",
            "road",
            "--date",
            "2026-03-06",
            "--format",
            "json");
    assertThat(a.get("network").get("date").asText()).isEqualTo("2026-03-06");
    assertThat(a.get("network").get("eventsInForce").findValuesAsText("id"))
        .contains("AZ_IR_TRUCKS_2026_03", "HORMUZ_CLOSED_2026");
    assertThat(get("/api/route?from=Baku&to=Tehran&modes=road&date=2026-03-06")).isEqualTo(a);
    JsonNode h =
        cli(
            "route",
            "--from",
            "INNSA",
            "--to",
            "IRBND",
            "--date",
            "2026-05-01",
            "--format",
            "json");
    assertThat(h.get("disruptions").findValuesAsText("id"))
        .containsExactly("HORMUZ_RESTRICTED_2026");
    assertThat(post("/api/route", "{\"from\":\"INNSA\",\"to\":\"IRBND\",\"date\":\"2026-05-01\"}"))
        .isEqualTo(h);
  }

  @Test
  void routeWithADeparture() throws Exception {
    JsonNode a =
        cli(
            "route",
            "--from",
            "Nhava Sheva",
            "--to",
            "Baku",
            "--depart",
            "2026-12-01T08:00",
            "--format",
            "json");
    // --depart is local time at Nhava Sheva (Asia/Kolkata, UTC+5:30).
    assertThat(a.get("departs").asText()).isEqualTo("2026-12-01T08:00+05:30");
    assertThat(a.get("legs").get(0).has("arrives")).isTrue();
    assertThat(get("/api/route?from=" + q("Nhava Sheva") + "&to=Baku&depart=2026-12-01T08:00"))
        .isEqualTo(a);
    assertThat(
            post(
                "/api/route",
                "{\"from\":\"Nhava Sheva\",\"to\":\"Baku\",\"depart\":\"2026-12-01T08:00\"}"))
        .isEqualTo(a);
  }

  @Test
  void routeUnderAScenarioWithConstraints() throws Exception {
    JsonNode a =
        cli(
            "route",
            "--from",
            "Mumbai",
            "--to",
            "Moscow",
            "--optimize",
            "cost",
            "--cargo",
            "2x20ft",
            "--avoid-country",
            "AZ",
            "--scenario",
            "rasht-astara-built",
            "--format",
            "json");
    assertThat(a.get("network").get("scenario").asText()).isEqualTo("rasht-astara-built");
    JsonNode b =
        get(
            "/api/route?from=Mumbai&to=Moscow&optimize=cost&cargo=2x20ft&avoidCountry=AZ"
                + "&scenario=rasht-astara-built");
    assertThat(b).isEqualTo(a);
  }

  @Test
  void crewAndCustomsRegime() throws Exception {
    JsonNode transit = cli("route", "--from", "Nhava Sheva", "--to", "Tehran", "--format", "json");
    JsonNode imp =
        cli(
            "route",
            "--from",
            "Nhava Sheva",
            "--to",
            "Tehran",
            "--regime",
            "import",
            "--format",
            "json");
    assertThat(get("/api/route?from=" + q("Nhava Sheva") + "&to=Tehran&regime=import"))
        .isEqualTo(imp);
    // The import regime changes only the entry clearance at the port of entry.
    double dt =
        imp.get("totals").get("durationHours").asDouble()
            - transit.get("totals").get("durationHours").asDouble();
    double dc = customs(imp) - customs(transit);
    assertThat(dc).isPositive();
    assertThat(dt).isCloseTo(dc, org.assertj.core.data.Offset.offset(0.02));
    JsonNode one =
        cli("route", "--from", "Tehran", "--to", "Moscow", "--modes", "road", "--format", "json");
    JsonNode two =
        cli(
            "route",
            "--from",
            "Tehran",
            "--to",
            "Moscow",
            "--modes",
            "road",
            "--drivers",
            "2",
            "--format",
            "json");
    assertThat(two.get("totals").get("durationHours").asDouble())
        .isLessThan(one.get("totals").get("durationHours").asDouble());
    assertThat(get("/api/route?from=Tehran&to=Moscow&modes=road&drivers=2")).isEqualTo(two);
  }

  private static double customs(JsonNode route) {
    double h = 0;
    for (JsonNode e : route.get("events")) {
      if (e.get("type").asText().equals("CUSTOMS")) {
        h += e.get("durationHours").asDouble();
      }
    }
    return h;
  }

  @Test
  void alternativesAndPareto() throws Exception {
    JsonNode a =
        cli("route", "--from", "Tehran", "--to", "Baku", "--alternatives", "3", "--format", "json");
    assertThat(a.get("kind").asText()).isEqualTo("alternatives");
    assertThat(get("/api/alternatives?from=Tehran&to=Baku&k=3")).isEqualTo(a);
    JsonNode p = cli("route", "--from", "Tehran", "--to", "Baku", "--pareto", "--format", "json");
    assertThat(p.get("routes").size()).isGreaterThan(0);
    assertThat(get("/api/pareto?from=Tehran&to=Baku&maxLabels=200000")).isEqualTo(p);
  }

  @Test
  void matrix() throws Exception {
    JsonNode a =
        cli(
            "matrix",
            "--from",
            "Nhava Sheva,Mundra",
            "--to",
            "Moscow,Baku",
            "--optimize",
            "cost",
            "--format",
            "json");
    assertThat(a.get("values").size()).isEqualTo(2);
    JsonNode b =
        post(
            "/api/matrix",
            "{\"from\":[\"Nhava Sheva\",\"Mundra\"],\"to\":[\"Moscow\",\"Baku\"],\"optimize\":\"cost\"}");
    assertThat(b).isEqualTo(a);
  }

  @Test
  void compareAndTcd() throws Exception {
    JsonNode a =
        cli(
            "compare",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--scenario",
            "rasht-astara-built",
            "--scenario",
            "az-ir-border-closed",
            "--format",
            "json");
    assertThat(a.get("comparisons").size()).isEqualTo(2);
    JsonNode b =
        get(
            "/api/compare?from="
                + q("Nhava Sheva")
                + "&to=Moscow&scenario=rasht-astara-built&scenario=az-ir-border-closed");
    assertThat(b).isEqualTo(a);
    JsonNode t =
        cli(
            "tcd",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--scenario",
            "suez-closed",
            "--format",
            "json");
    assertThat(t.get("series").size()).isEqualTo(2);
    assertThat(get("/api/tcd?from=" + q("Nhava Sheva") + "&to=Moscow&compare=suez-closed"))
        .isEqualTo(t);
  }

  @Test
  void reportIsTheSamePage() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "report", "--from", "Tehran", "--to", "Baku", "--scenario", "suez-closed"
            },
            new PrintWriter(out),
            new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(uri("/api/report?from=Tehran&to=Baku&scenario=suez-closed"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(out.toString()).contains("<html");
  }

  @Test
  void analyses() throws Exception {
    JsonNode a = cli("assign", "--method", "aon", "--format", "json");
    assertThat(a.get("totalTonnes").asDouble()).isPositive();
    assertThat(post("/api/assign", "{\"method\":\"aon\"}")).isEqualTo(a);
    JsonNode l = cli("assign", "--method", "logit", "--format", "json");
    assertThat(post("/api/assign", "{\"method\":\"logit\"}")).isEqualTo(l);
    JsonNode c = cli("criticality", "--elements", "borders", "--format", "json");
    assertThat(c.get("elements").size()).isPositive();
    assertThat(post("/api/criticality", "{\"elements\":[\"borders\"]}")).isEqualTo(c);
    JsonNode r =
        cli(
            "reliability",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--samples",
            "2000",
            "--deadline",
            "30",
            "--format",
            "json");
    assertThat(r.get("routes").size()).isPositive();
    assertThat(
            get(
                "/api/reliability?from="
                    + q("Nhava Sheva")
                    + "&to=Moscow&samples=2000&deadline=30"))
        .isEqualTo(r);
    JsonNode dated =
        cli(
            "reliability",
            "--from",
            "Nhava Sheva",
            "--to",
            "Moscow",
            "--samples",
            "2000",
            "--date",
            "2026-12-01",
            "--history-years",
            "5",
            "--format",
            "json");
    assertThat(dated.get("historyYears").asInt()).isEqualTo(5);
    assertThat(dated.get("routes").get(0).get("closureRisks").findValuesAsText("event"))
        .contains("HORMUZ_CLOSED_2026");
    assertThat(
            get(
                "/api/reliability?from="
                    + q("Nhava Sheva")
                    + "&to=Moscow&samples=2000&date=2026-12-01&historyYears=5"))
        .isEqualTo(dated);
  }
}
