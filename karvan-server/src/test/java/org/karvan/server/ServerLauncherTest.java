package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.karvan.app.ServerFactory.Settings;

/** What {@code karvan serve} gives reaches the server's configuration; the rest keeps defaults. */
class ServerLauncherTest {
  @Test
  void everyGivenLimitIsConfiguredAndTheOthersKeepTheirDefaults() {
    ServerConfig c =
        ServerLauncher.config(
            new Settings(
                "127.0.0.1",
                0,
                null,
                null,
                null,
                null,
                "t",
                2_048,
                4,
                900,
                36,
                1_200,
                3,
                2,
                500,
                20_000L,
                1_500L,
                0L,
                32));
    assertThat(c.maxBodyBytes()).isEqualTo(2_048);
    assertThat(c.maxAlternatives()).isEqualTo(4);
    assertThat(c.maxLabels()).isEqualTo(900);
    assertThat(c.maxMatrixCells()).isEqualTo(36);
    assertThat(c.requestTimeoutMs()).isEqualTo(1_200);
    assertThat(c.requests()).isEqualTo(new ServerConfig.Requests(3, 2, 500));
    assertThat(c.wire()).isEqualTo(new ServerConfig.Wire(1_500, 0, 20_000, 32));
    var limits = KarvanServer.limits(c);
    assertThat(limits.maxVia()).isEqualTo(3);
    assertThat(limits.maxScenarios()).isEqualTo(2);
    assertThat(limits.maxSamples()).isEqualTo(500);

    ServerConfig d =
        ServerLauncher.config(
            new Settings("127.0.0.1", 0, null, null, null, null, "t", 2_048, 4, 900, 36, 1_200));
    assertThat(d.requests()).isEqualTo(ServerConfig.Requests.DEFAULTS);
    assertThat(d.wire()).isEqualTo(ServerConfig.Wire.DEFAULTS);
  }

  @Test
  void aConfiguredViaLimitIsTheOneTheServerAnswers() throws Exception {
    ServerConfig c =
        ServerLauncher.config(
                new Settings(
                    "127.0.0.1",
                    0,
                    null,
                    null,
                    null,
                    null,
                    "t",
                    65_536,
                    10,
                    200_000,
                    2_500,
                    10_000,
                    2,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .withDb(
                "jdbc:sqlite:" + java.nio.file.Files.createTempFile("launch", ".db"), null, null);
    try (KarvanServer s = KarvanServer.start(c, null)) {
      Http http = new Http(s.baseUrl());
      Http.Res r = http.get("/api/route?from=INNSA&to=RUMOW&via=AZBAK,IRTHR,GEPTI");
      assertThat(r.status()).isEqualTo(422);
      assertThat(r.json().get("field").asText()).isEqualTo("via");
      assertThat(r.body()).contains("3 via places are too many; give at most 2");
      assertThat(http.get("/api/route?from=INNSA&to=RUMOW&via=AZBAK,IRTHR").status())
          .isEqualTo(200);
    }
  }
}
