package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Place search and routes with Cyrillic, Persian and emoji input. */
class UnicodePlacesApiTest {
  @TempDir Path dir;

  @Test
  void nonLatinPlacesAreSearchedByAliasAndSymbolsMatchNothing() {
    String url = "jdbc:sqlite:" + dir.resolve("u.db");
    ServerConfig c = ServerConfig.defaults().withPort(0).withDb(url, null, null).withToken("t");
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http h = new Http(s.baseUrl());
      JsonNode ru = h.get("/api/places?q=" + Http.q("Моск")).json();
      assertThat(ru.get(0).get("id").asText()).isEqualTo("RUMOW");
      JsonNode fa = h.get("/api/places?q=" + Http.q("تهران")).json();
      assertThat(fa.get(0).get("id").asText()).isEqualTo("IRTHR");
      assertThat(h.get("/api/places?q=" + Http.q("\uD83D\uDEA2")).json().size()).isZero();
      assertThat(h.get("/api/places?limit=3").json().size()).isEqualTo(3);
      Http.Res r = h.get("/api/route?from=" + Http.q("Баку") + "&to=" + Http.q("بندر عباس"));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      Http.Res ship = h.get("/api/route?from=" + Http.q("\uD83D\uDEA2") + "&to=Baku");
      assertThat(ship.status()).isEqualTo(422);
      assertThat(ship.body()).contains("unknown place").doesNotContain("empty place name");
    }
  }
}
