package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/scenarios answers the saved scenarios a page at a time. */
class ScenarioPagingTest {
  @TempDir Path dir;

  @Test
  void savedScenariosComeInPagesByName() {
    String url = "jdbc:sqlite:" + dir.resolve("paging.db");
    ServerConfig c =
        ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken("paging-token");
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http h = new Http(s.baseUrl());
      for (String n : List.of("g", "c", "a", "f", "b", "e", "d")) {
        String body = "{\"name\":\"" + n + "\",\"modifications\":[]}";
        assertThat(h.post("/api/scenarios/saved", body, "paging-token").status()).isEqualTo(201);
      }
      List<String> names = new ArrayList<>();
      List<String> nexts = new ArrayList<>();
      String next = "0";
      while (!next.equals("null")) {
        JsonNode page = h.get("/api/scenarios?limit=3&offset=" + next).json();
        assertThat(page.get("savedTotal").asInt()).isEqualTo(7);
        assertThat(page.get("limit").asInt()).isEqualTo(3);
        assertThat(page.get("builtin").size()).isPositive();
        page.get("saved").forEach(x -> names.add(x.get("name").asText()));
        next = page.get("next").asText();
        nexts.add(next);
      }
      assertThat(names).containsExactly("a", "b", "c", "d", "e", "f", "g");
      assertThat(nexts).containsExactly("3", "6", "null");
      JsonNode all = h.get("/api/scenarios").json();
      assertThat(all.get("limit").asInt()).isEqualTo(ScenarioResource.DEFAULT_PAGE);
      assertThat(all.get("saved").size()).isEqualTo(7);
      assertThat(h.get("/api/scenarios?limit=0").status()).isEqualTo(422);
      assertThat(h.get("/api/scenarios?limit=1001").status()).isEqualTo(422);
      assertThat(h.get("/api/scenarios?offset=-1").status()).isEqualTo(422);
      assertThat(h.get("/api/scenarios?limit=2&offset=7").json().get("saved").size()).isZero();
    }
  }
}
