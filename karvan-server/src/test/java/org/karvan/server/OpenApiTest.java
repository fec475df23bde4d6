package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.io.route.RouteJson;

/** The checked-in OpenAPI document describes exactly the routes the server registers. */
class OpenApiTest {
  @TempDir Path dir;

  @Test
  void theDocumentListsEveryRegisteredRouteAndNoOther() throws Exception {
    ServerConfig c =
        ServerConfig.defaults()
            .withPort(0)
            .withDb("jdbc:sqlite:" + dir.resolve("doc.db"), null, null)
            .withToken("t");
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Set<String> registered = new TreeSet<>();
      for (String e : s.endpoints()) {
        String path = e.substring(e.indexOf(' ') + 1);
        if (!path.equals("/openapi") && !path.equals("/swagger")) {
          registered.add(e);
        }
      }
      JsonNode doc = RouteJson.MAPPER.readTree(new Http(s.baseUrl()).get("/openapi").body());
      Set<String> documented = new TreeSet<>();
      doc.get("paths")
          .fields()
          .forEachRemaining(
              p ->
                  p.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          m ->
                              documented.add(
                                  m.toUpperCase(Locale.ROOT)
                                      + " "
                                      + p.getKey().replaceAll("\\{(\\w+)}", "{$1}"))));
      Set<String> reg = new TreeSet<>();
      registered.forEach(e -> reg.add(e.replaceAll("\\{(\\w+)}", "{$1}")));
      assertThat(documented).isEqualTo(reg);
      assertThat(doc.get("openapi").asText()).startsWith("3.");
    }
  }
}
