package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.route.RouteJson;

/** The REST API over real HTTP on a random loopback port. */
class ApiTest {
  static final String TOKEN = "test-token-123";
  @TempDir static Path dir;
  static KarvanServer server;
  static Http http;

  @BeforeAll
  static void start() {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(0)
            .withDb("jdbc:sqlite:" + dir.resolve("api.db"), null, null)
            .withToken(TOKEN)
            .withLimits(4096, 5, 50_000, 100, 10_000);
    server = KarvanServer.start(c, null);
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static void assertProblem(Http.Res r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode p = r.json();
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("type").asText()).startsWith("urn:karvan:problem:");
    assertThat(p.get("title").asText()).isNotEmpty();
    assertThat(p.get("detail").asText()).isNotEmpty();
    if (field != null) {
      assertThat(p.get("errors").findValuesAsText("field")).contains(field);
    }
  }

  @Test
  void healthAndLoopbackOnly() {
    Http.Res r = http.get("/api/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("UP");
    assertThat(r.json().get("database").asText()).isEqualTo("UP");
    assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
  }

  @Test
  void routeIsTheSameJsonAsTheCli() throws Exception {
    Http.Res r = http.get("/api/route?from=" + Http.q("Nhava Sheva") + "&to=Moscow");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    Network net = BundleReader.readDefault();
    Profile prof = ProfileReader.readDefault();
    // Without a date the server routes under the events in force today (UTC).
    Router router =
        new Router(MultimodalGraph.compile(net, prof))
            .on(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    Route route =
        router
            .route(
                new RouteRequest(
                    "INNSA",
                    "RUMOW",
                    List.of(),
                    Cargo.parse("1x40ft", prof),
                    Objective.TIME,
                    Constraints.NONE))
            .orElseThrow();
    JsonNode expected =
        RouteJson.MAPPER.valueToTree(RouteJson.route(net, route, Cargo.parse("1x40ft", prof)));
    assertThat(r.json().get("network").get("dataAsOf").asText())
        .isEqualTo(net.manifest().asOf().toString());
    assertThat(
            (JsonNode)
                ((com.fasterxml.jackson.databind.node.ObjectNode) r.json().deepCopy())
                    .without("network"))
        .isEqualTo(expected);

    Http.Res post = http.post("/api/route", "{\"from\":\"INNSA\",\"to\":\"RUMOW\"}", null);
    assertThat(post.json()).isEqualTo(r.json());
  }

  @Test
  void routeOptionsAndFormats() {
    Http.Res r =
        http.get(
            "/api/route?from=Mumbai&to=Moscow&optimize=cost&cargo=2x20ft&avoidCountry=AZ&modes=rail,sea,road,ferry");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("countries").findValuesAsText("code")).doesNotContain("AZ");
    Http.Res geo = http.get("/api/route?from=INNSA&to=RUMOW&format=geojson");
    assertThat(geo.contentType()).startsWith("application/geo+json");
    assertThat(geo.json().get("type").asText()).isEqualTo("FeatureCollection");
    Http.Res csv = http.get("/api/route?from=INNSA&to=RUMOW&format=csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body().lines().count()).isGreaterThan(3);
  }

  @Test
  void alternativesAndPareto() {
    Http.Res a = http.get("/api/alternatives?from=INNSA&to=RUMOW&k=3");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    assertThat(a.json().get("kind").asText()).isEqualTo("alternatives");
    assertThat(a.json().get("routes").size()).isBetween(1, 3);
    Http.Res p =
        http.post("/api/pareto", "{\"from\":\"INNSA\",\"to\":\"RUMOW\",\"maxLabels\":20000}", null);
    assertThat(p.status()).as(p.body()).isEqualTo(200);
    assertThat(p.json().get("kind").asText()).isEqualTo("pareto");
    assertThat(p.json().get("routes").size()).isGreaterThanOrEqualTo(1);
    assertThat(p.json().has("truncated")).isTrue();
  }

  @Test
  void matrixIsBounded() {
    Http.Res m =
        http.post(
            "/api/matrix",
            "{\"from\":[\"INNSA\",\"Tehran\"],\"to\":[\"Moscow\",\"Baku\",\"Istanbul\"],\"optimize\":\"cost\"}",
            null);
    assertThat(m.status()).as(m.body()).isEqualTo(200);
    assertThat(m.json().get("values").size()).isEqualTo(2);
    assertThat(m.json().get("values").get(0).size()).isEqualTo(3);
    assertThat(m.json().get("unit").asText()).isEqualTo("USD");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      many.append(i == 0 ? "" : ",").append("\"INNSA\"");
    }
    many.append("]");
    Http.Res big = http.post("/api/matrix", "{\"from\":" + many + ",\"to\":" + many + "}", null);
    assertProblem(big, 413, "from");
  }

  @Test
  void placesGivenAsCoordinatesAreSnappedAndReported() {
    // 40.41,49.88 is 0.85 km east of Baku (AZBAK, 40.41,49.87)
    Http.Res r = http.get("/api/route?from=" + Http.q("40.41,49.88") + "&to=RUMOW");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode s = r.json().get("snapped").get(0);
    assertThat(s.get("field").asText()).isEqualTo("from");
    assertThat(s.get("node").asText()).isEqualTo("AZBAK");
    assertThat(s.get("snapKm").asDouble())
        .isCloseTo(
            org.karvan.core.geo.Geo.distanceKm(40.41, 49.88, 40.41, 49.87),
            org.assertj.core.data.Offset.offset(0.001));
    assertProblem(http.get("/api/route?from=" + Http.q("40.41,190") + "&to=RUMOW"), 422, "from");
  }

  @Test
  void validationNamesEveryField() {
    Http.Res r =
        http.get("/api/route?from=" + Http.q("Nhava Shevaa") + "&to=Moskow&optimize=fast&year=abc");
    assertProblem(r, 422, "to");
    JsonNode p = r.json();
    assertThat(p.get("errors").findValuesAsText("field")).contains("optimize", "year");
    assertThat(p.toString()).contains("did you mean").contains("Moscow [RUMOW]");

    assertProblem(http.get("/api/route?to=Moscow"), 422, "from");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&date=2026-02-30"), 422, "date");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&avoidCountry=XX"), 422, "avoidCountry");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&avoidBorder=NOPE"), 422, "avoidBorder");
    assertProblem(
        http.get("/api/route?from=INNSA&to=RUMOW&include=planned&year=2030"), 422, "year");
    assertProblem(http.get("/api/route?from=INNSA&to=INNSA"), 422, "to");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&colour=red"), 422, "colour");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&modes=teleport"), 422, "modes");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&cargo=lots"), 422, "cargo");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&format=pdf"), 422, "format");
    assertProblem(http.get("/api/alternatives?from=INNSA&to=RUMOW&k=50"), 422, "k");
    assertProblem(http.get("/api/pareto?from=INNSA&to=RUMOW&maxLabels=1000000"), 422, "maxLabels");
    assertProblem(http.get("/api/pareto?from=INNSA&to=RUMOW&via=Baku"), 422, "via");
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&depart=2026-12-01"), 422, "depart");
    assertProblem(
        http.get("/api/route?from=INNSA&to=RUMOW&depart=2026-02-30T08:00"), 422, "depart");
    assertProblem(
        http.get("/api/pareto?from=INNSA&to=RUMOW&depart=2026-12-01T08:00"), 422, "depart");
    assertProblem(
        http.post("/api/route", "{\"from\":5,\"to\":[\"x\"],\"year\":\"2030\"}", null),
        422,
        "from");
  }

  @Test
  void noRouteExplainsWhy() {
    Http.Res r = http.get("/api/route?from=INNSA&to=RUMOW&modes=road");
    assertProblem(r, 422, null);
    assertThat(r.json().get("type").asText()).isEqualTo("urn:karvan:problem:no-route");
    assertThat(r.json().get("detail").asText()).contains("no route");
    // The reason is worded with the API's parameter names, never with the CLI's flags.
    Http.Res b = http.get("/api/route?from=Tehran&to=Baku&avoidCountry=AZ");
    for (Http.Res x : List.of(r, b)) {
      assertThat(x.json().get("type").asText()).isEqualTo("urn:karvan:problem:no-route");
      assertThat(x.json().get("detail").asText()).doesNotContain("--");
    }
    assertThat(r.json().get("detail").asText()).contains("modes=ROAD");
    assertThat(b.json().get("detail").asText()).contains("avoidCountry=AZ");
  }

  @Test
  void badInputGetsProblemsAndTheServerKeepsServing() throws Exception {
    assertProblem(http.post("/api/route", "{\"from\": \"INNSA\",", null), 400, null);
    assertThat(http.post("/api/route", "{\"from\": \"INNSA\",", null).json().get("detail").asText())
        .contains("line 1");
    assertProblem(http.post("/api/route", "[1,2]", null), 400, null);
    assertProblem(http.post("/api/route", "", null), 400, null);
    assertProblem(
        http.post("/api/route", "{\"from\":\"" + "x".repeat(5000) + "\"}", null), 413, null);
    assertProblem(http.get("/api/nothing-here"), 404, null);
    // Traversal attempts, sent raw so no client normalises them.
    for (String path :
        List.of(
            "/../../../../etc/passwd",
            "/vendor/..%2f..%2f..%2fetc%2fpasswd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/vendor/leaflet/../../../../../etc/passwd",
            "/..\\..\\etc\\passwd")) {
      String raw = rawGet(path);
      int status = Integer.parseInt(raw.substring(9, 12));
      assertThat(status).as(path + "\n" + raw).isBetween(400, 404);
      assertThat(raw).doesNotContain("root:x:0:0");
      assertThat(raw.toLowerCase()).contains("application/problem+json");
    }
    assertThat(http.get("/api/health").status()).isEqualTo(200);
  }

  private static String rawGet(String path) throws Exception {
    java.net.URI u = java.net.URI.create(server.baseUrl());
    try (Socket s = new Socket(u.getHost(), u.getPort())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void networkGeoJsonFiltersAndPlaces() {
    Http.Res all = http.get("/api/network");
    assertThat(all.status()).isEqualTo(200);
    int n = all.json().get("features").size();
    Http.Res rail = http.get("/api/network?mode=rail&status=operational");
    for (JsonNode f : rail.json().get("features")) {
      JsonNode p = f.get("properties");
      if (p.get("featureType").asText().equals("link")) {
        assertThat(p.get("mode").asText()).isEqualTo("RAIL");
        assertThat(p.get("status").asText()).isEqualTo("OPERATIONAL");
      }
    }
    assertThat(rail.json().get("features").size()).isLessThan(n);
    // The map draws links along their geometry files: Baku-Alat follows the OSM rail line (ODbL,
    // attribution listed), Tbilisi-Khashuri road runs through hand-placed waypoints.
    JsonNode bakAlt = null;
    JsonNode tbsKhs = null;
    for (JsonNode f : all.json().get("features")) {
      String id = f.get("properties").path("id").asText();
      if (id.equals("R-BAK-ALT")) {
        bakAlt = f;
      } else if (id.equals("D-TBS-KHS")) {
        tbsKhs = f;
      }
    }
    assertThat(bakAlt.at("/geometry/coordinates").size()).isGreaterThan(20);
    assertThat(bakAlt.at("/properties/geometryLicence").asText()).isEqualTo("ODbL-1.0");
    assertThat(tbsKhs.at("/geometry/coordinates").size()).isEqualTo(5);
    assertThat(tbsKhs.at("/properties/geometryEstimated").asBoolean()).isTrue();
    assertThat(all.json().at("/karvan/geometryFiles/0/attribution").asText())
        .contains("OpenStreetMap contributors");
    Http.Res az = http.get("/api/network?country=AZ");
    assertThat(az.json().get("features").size()).isLessThan(n).isGreaterThan(5);
    assertProblem(http.get("/api/network?mode=hovercraft"), 422, "mode");
    assertProblem(http.get("/api/network?country=ZZ"), 422, "country");

    Http.Res places = http.get("/api/places?q=mosc");
    assertThat(places.json().get(0).get("id").asText()).isEqualTo("RUMOW");
    assertThat(http.get("/api/places?q=" + Http.q("Nhava")).json().get(0).get("id").asText())
        .isEqualTo("INNSA");
    assertProblem(http.get("/api/places?q=a&limit=0"), 422, "limit");
    assertThat(http.get("/api/network/info").json().get("nodes").asInt()).isGreaterThan(50);
  }

  @Test
  void openApiSwaggerMetricsAndPage() {
    Http.Res o = http.get("/openapi");
    assertThat(o.status()).isEqualTo(200);
    Set<String> paths = Set.copyOf(iter(o.json().get("paths").fieldNames()));
    assertThat(paths)
        .contains(
            "/api/route",
            "/api/alternatives",
            "/api/pareto",
            "/api/matrix",
            "/api/network",
            "/api/places",
            "/api/health",
            "/metrics",
            "/api/scenarios/saved",
            "/api/scenarios/saved/{id}",
            "/api/assign",
            "/api/criticality",
            "/api/reliability");
    // The shared routing parameters are written once and appear on every routing operation,
    // each once, after the operation's own.
    for (String op : List.of("/api/route", "/api/alternatives", "/api/tcd", "/api/reliability")) {
      JsonNode params = o.json().get("paths").get(op).get("get").get("parameters");
      List<String> names = new java.util.ArrayList<>();
      params.forEach(x -> names.add(x.get("name").asText()));
      assertThat(names)
          .as(op)
          .contains("from", "to", "avoidCountry", "year")
          .doesNotHaveDuplicates();
    }
    assertThat(
            o.json()
                .get("paths")
                .get("/api/alternatives")
                .get("get")
                .get("parameters")
                .get(0)
                .get("name")
                .asText())
        .isEqualTo("k");
    Http.Res sw = http.get("/swagger");
    assertThat(sw.status()).isEqualTo(200);
    assertThat(sw.body()).contains("swagger").doesNotContain("https://");
    // Swagger UI is vendored (with its licence), not fetched from a CDN or a webjar.
    assertThat(http.get("/vendor/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    assertThat(http.get("/vendor/swagger-ui/LICENSE").body()).contains("Apache License");
    assertThat(http.get("/swagger/init.js").body()).contains("url: \"/openapi\"");
    http.get("/api/health");
    Http.Res m = http.get("/metrics");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.body()).contains("karvan_http_requests").contains("jvm_memory_used_bytes");
    // Requests are counted by the route that answered them, not as "unmatched".
    assertThat(m.body()).contains("path=\"/api/health\"");
    Http.Res page = http.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("vendor/leaflet/leaflet.js").doesNotContain("https://unpkg");
    assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
    assertThat(http.get("/vendor/leaflet/leaflet.js").status()).isEqualTo(200);
    assertThat(http.get("/vendor/world-atlas/countries-50m.json").status()).isEqualTo(200);
    assertThat(http.get("/vendor/leaflet/LICENSE").status()).isEqualTo(200);
  }

  private static List<String> iter(java.util.Iterator<String> it) {
    List<String> l = new java.util.ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  @Test
  void savedScenariosNeedTheTokenForWrites() {
    String body =
        "{\"name\":\"api-test-1\",\"description\":\"d\",\"modifications\":"
            + "[{\"type\":\"close\",\"target\":\"chokepoint\",\"ids\":[\"SUEZ\"]}]}";
    assertProblem(http.post("/api/scenarios/saved", body, null), 401, "Authorization");
    assertProblem(http.post("/api/scenarios/saved", body, "wrong"), 401, "Authorization");
    Http.Res c = http.post("/api/scenarios/saved", body, TOKEN);
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String id = c.json().get("id").asText();
    assertThat(c.raw().headers().firstValue("Location").orElse("")).endsWith(id);
    assertProblem(http.post("/api/scenarios/saved", body, TOKEN), 409, "name");
    assertProblem(http.post("/api/scenarios/saved", "{\"description\":\"x\"}", TOKEN), 422, "name");
    assertProblem(
        http.post(
            "/api/scenarios/saved",
            "{\"name\":\"bad\",\"modifications\":[{\"type\":\"close\",\"target\":\"link\",\"ids\":[\"NO-SUCH-LINK\"]}]}",
            TOKEN),
        422,
        null);
    assertProblem(
        http.post("/api/scenarios/saved", "{\"name\":\"x\",\"colour\":\"red\"}", TOKEN),
        422,
        "colour");
    assertProblem(
        http.post("/api/scenarios/saved", "{\"name\":\"suez-closed\"}", TOKEN), 422, "name");
    assertProblem(http.post("/api/scenarios/saved", "{oops", TOKEN), 400, null);

    Http.Res g = http.get("/api/scenarios/saved/" + id);
    assertThat(g.json().get("scenario").get("name").asText()).isEqualTo("api-test-1");
    assertThat(http.get("/api/scenarios").json().get("saved").findValuesAsText("id")).contains(id);

    String body2 = "{\"name\":\"api-test-1b\",\"modifications\":[]}";
    // A saved scenario can be routed under and compared.
    Http.Res under = http.get("/api/route?from=INNSA&to=RUMOW&scenario=saved:" + id);
    assertThat(under.status()).as(under.body()).isEqualTo(200);
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&scenario=saved:nope"), 422, "scenario");
    assertProblem(http.put("/api/scenarios/saved/" + id, body2, null, null), 401, null);
    assertProblem(http.put("/api/scenarios/saved/" + id, body2, TOKEN, "\"7\""), 409, null);
    Http.Res u = http.put("/api/scenarios/saved/" + id, body2, TOKEN, "\"1\"");
    assertThat(u.status()).as(u.body()).isEqualTo(200);
    assertThat(u.json().get("version").asInt()).isEqualTo(2);
    assertProblem(http.delete("/api/scenarios/saved/" + id, null), 401, null);
    assertThat(http.delete("/api/scenarios/saved/" + id, TOKEN).status()).isEqualTo(204);
    assertProblem(http.get("/api/scenarios/saved/" + id), 404, null);
    assertProblem(http.delete("/api/scenarios/saved/" + id, TOKEN), 404, null);
  }

  @Test
  void builtInScenariosRouteAndCompare() {
    JsonNode list = http.get("/api/scenarios").json();
    assertThat(list.get("builtin").findValuesAsText("name")).contains("suez-closed", "year-2030");
    Http.Res base = http.get("/api/route?from=INNSA&to=" + Http.q("Rotterdam"));
    Http.Res suez =
        http.get("/api/route?from=INNSA&to=" + Http.q("Rotterdam") + "&scenario=suez-closed");
    if (base.status() == 200 && suez.status() == 200) {
      assertThat(suez.json().get("chokepoints").findValuesAsText("id")).doesNotContain("SUEZ");
    }
    assertProblem(http.get("/api/route?from=INNSA&to=RUMOW&scenario=atlantis"), 422, "scenario");
    Http.Res c =
        http.get("/api/compare?from=INNSA&to=RUMOW&scenario=suez-closed&scenario=year-2030");
    assertThat(c.status()).as(c.body()).isEqualTo(200);
    JsonNode cs = c.json().get("comparisons");
    assertThat(cs.size()).isEqualTo(2);
    assertThat(cs.get(0).get("scenario").asText()).isEqualTo("suez-closed");
    assertThat(cs.get(0).has("delta")).isTrue();
    assertProblem(http.get("/api/compare?from=INNSA&to=RUMOW"), 422, "scenario");
  }

  @Test
  void tcdChartAndReport() {
    Http.Res j = http.get("/api/tcd?from=INNSA&to=RUMOW&y=cost");
    assertThat(j.status()).as(j.body()).isEqualTo(200);
    assertThat(j.json().get("segments").size()).isGreaterThan(3);
    assertThat(j.json().get("y").asText()).isEqualTo("cost");
    Http.Res svg = http.get("/api/tcd?from=INNSA&to=RUMOW&k=2&format=svg");
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(svg.body()).contains("<svg");
    assertThat(http.get("/api/tcd?from=INNSA&to=RUMOW&format=csv").contentType())
        .startsWith("text/csv");
    assertProblem(http.get("/api/tcd?from=INNSA&to=RUMOW&y=weight"), 422, "y");
    Http.Res rep = http.get("/api/report?from=INNSA&to=NLRTM&scenario=suez-closed");
    assertThat(rep.status()).as(rep.body()).isEqualTo(200);
    assertThat(rep.contentType()).startsWith("text/html");
    assertThat(rep.body()).contains("<html").contains("suez-closed");
  }

  @Test
  void timeLimitGives503() {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(0)
            .withDb("jdbc:sqlite:" + dir.resolve("slow.db"), null, null)
            .withToken(TOKEN)
            .withLimits(4096, 5, 200_000, 100, 0);
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http h = new Http(s.baseUrl());
      assertProblem(h.get("/api/pareto?from=INNSA&to=RUMOW&include=planned"), 503, null);
      assertThat(h.get("/api/health").status()).isEqualTo(200);
    }
  }

  @Test
  void aFailedStartForgetsTheTokenItCouldNotShow() {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(server.port())
            .withDb("jdbc:sqlite:" + dir.resolve("busy.db"), null, null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KarvanServer.start(c, null))
        .isInstanceOf(RuntimeException.class);
    try (KarvanServer s = KarvanServer.start(c.withPort(0), null)) {
      assertThat(s.generatedToken()).isPresent();
    }
  }

  @Test
  void tokenIsGeneratedOnceAndKept() {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(0)
            .withDb("jdbc:sqlite:" + dir.resolve("tok.db"), null, null);
    String token;
    try (KarvanServer s = KarvanServer.start(c, null)) {
      token = s.generatedToken().orElseThrow();
    }
    try (KarvanServer s = KarvanServer.start(c, null)) {
      assertThat(s.generatedToken()).isEmpty();
      Http h = new Http(s.baseUrl());
      assertThat(h.post("/api/scenarios/saved", "{\"name\":\"t\"}", token).status()).isEqualTo(201);
      assertThat(h.post("/api/scenarios/saved", "{\"name\":\"u\"}", "other").status())
          .isEqualTo(401);
    }
  }
}
