package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.io.xlsx.XlsxReader;

/** {@code format=xlsx}: workbooks over real HTTP, read back cell by cell against the JSON. */
class WorkbookApiTest {
  @TempDir static Path dir;
  static KarvanServer server;
  static Http http;
  static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        KarvanServer.start(
            ServerConfig.defaults()
                .withPort(0)
                .withDb("jdbc:sqlite:" + dir.resolve("wb.db"), null, null)
                .withToken("t"),
            null);
    http = new Http(server.baseUrl());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> bytes(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, Map<String, XlsxReader.Cell>> workbook(HttpResponse<byte[]> r)
      throws Exception {
    assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
    return XlsxReader.read(r.body());
  }

  @Test
  void routeWorkbookHoldsTheSameFiguresAsTheJson() throws Exception {
    String q = "/api/alternatives?from=INNSA&to=RUMOW&k=2";
    JsonNode json = http.get(q).json();
    var wb =
        workbook(
            bytes(
                HttpRequest.newBuilder(
                    URI.create(server.baseUrl().replaceAll("/$", "") + q + "&format=xlsx"))));
    assertThat(wb.keySet()).containsExactly("Routes", "Itinerary", "Countries");
    var routes = wb.get("Routes");
    assertThat(routes.get("D1").text()).isEqualTo("distance (km)");
    assertThat(routes.get("G1").text()).isEqualTo("cost (USD)");
    for (int i = 0; i < json.get("routes").size(); i++) {
      JsonNode t = json.get("routes").get(i).get("totals");
      assertThat(routes.get("A" + (i + 2)).number()).isEqualTo(i + 1);
      assertThat(routes.get("B" + (i + 2)).text())
          .isEqualTo(json.get("routes").get(i).get("label").asText());
      assertThat(routes.get("D" + (i + 2)).type()).isEqualTo("n");
      assertThat(routes.get("D" + (i + 2)).number())
          .isCloseTo(t.get("distanceKm").asDouble(), org.assertj.core.data.Offset.offset(0.01));
      assertThat(routes.get("G" + (i + 2)).number())
          .isCloseTo(t.get("costUsd").asDouble(), org.assertj.core.data.Offset.offset(0.01));
    }
    // The itinerary's hours of route 1 add up to its total duration.
    var it = wb.get("Itinerary");
    assertThat(it.get("I1").text()).isEqualTo("duration (h)");
    double h = 0;
    for (int r = 2; it.containsKey("A" + r); r++) {
      if (it.get("A" + r).number() == 1 && it.containsKey("I" + r)) {
        h += it.get("I" + r).number();
      }
    }
    assertThat(h)
        .isCloseTo(
            json.get("routes").get(0).get("totals").get("durationHours").asDouble(),
            org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void compareMatrixAssignCriticalityAndBacktestAnswerWorkbooks() throws Exception {
    String base = server.baseUrl().replaceAll("/$", "");
    var cmp =
        workbook(
            bytes(
                HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/api/compare?from=INNSA&to=RUMOW&scenario=suez-closed&format=xlsx"))));
    JsonNode cj =
        http.get("/api/compare?from=INNSA&to=RUMOW&scenario=suez-closed")
            .json()
            .get("comparisons")
            .get(0);
    assertThat(cmp.get("Compare").get("C2").text()).isEqualTo("suez-closed");
    assertThat(cmp.get("Compare").get("E1").text()).isEqualTo("base distance (km)");
    assertThat(cmp.get("Compare").get("E2").number())
        .isCloseTo(
            cj.get("base").get("distanceKm").asDouble(), org.assertj.core.data.Offset.offset(0.01));

    String mbody = "{\"from\":[\"INNSA\"],\"to\":[\"RUMOW\",\"AZBAK\"],\"optimize\":\"cost\"";
    JsonNode mj = http.post("/api/matrix", mbody + "}", null).json();
    var m =
        workbook(
            bytes(
                HttpRequest.newBuilder(URI.create(base + "/api/matrix"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mbody + ",\"format\":\"xlsx\"}"))));
    assertThat(m.get("Matrix").get("C1").text()).isEqualTo("RUMOW (USD)");
    assertThat(m.get("Matrix").get("C2").number())
        .isCloseTo(
            mj.get("values").get(0).get(0).asDouble(), org.assertj.core.data.Offset.offset(0.01));

    var a =
        workbook(
            bytes(
                HttpRequest.newBuilder(URI.create(base + "/api/assign"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"method\":\"aon\",\"format\":\"xlsx\"}"))));
    assertThat(a.keySet())
        .containsExactly("Corridors", "Countries", "Bottlenecks", "Link loads", "OD routes");
    double share = 0;
    for (int r = 2; a.get("Corridors").containsKey("C" + r); r++) {
      share += a.get("Corridors").get("C" + r).number();
    }
    JsonNode aj = http.post("/api/assign", "{\"method\":\"aon\"}", null).json();
    double unservedShare =
        100 * aj.get("unservedTonnes").asDouble() / aj.get("totalTonnes").asDouble();
    assertThat(share + unservedShare).isCloseTo(100, org.assertj.core.data.Offset.offset(0.5));

    var k =
        workbook(
            bytes(
                HttpRequest.newBuilder(URI.create(base + "/api/criticality"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"elements\":[\"borders\"],\"format\":\"xlsx\"}"))));
    assertThat(k.get("Criticality").get("A2").number()).isEqualTo(1);
    assertThat(k.get("Criticality").get("B2").text()).isNotBlank();

    var b = workbook(bytes(HttpRequest.newBuilder(URI.create(base + "/api/backtest?format=xlsx"))));
    JsonNode bj = http.get("/api/backtest").json();
    assertThat(b.get("Backtest").get("A2").text())
        .isEqualTo(bj.get("outcomes").get(0).get("id").asText());
    assertThat(b.get("Backtest").get("I2").type()).isEqualTo("b");

    assertThat(
            http.get("/api/compare?from=INNSA&to=RUMOW&scenario=suez-closed&format=pdf").status())
        .isEqualTo(422);
  }
}
