package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.karvan.app.Karvan;
import org.karvan.app.ResultJson;
import org.karvan.app.RouteSpec;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.route.RouteJson;

/**
 * The server's fast number writer writes the same text as {@link Double#toString} for the numbers
 * answers carry.
 */
class NumberWriterTest {
  private static final ObjectWriter PLAIN =
      RouteJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private static String server(JsonNode n) {
    return new String(Api.bytes(n), StandardCharsets.UTF_8);
  }

  @Test
  void seededRandomNumbersAsTheAnswersRoundThemAreWrittenAlike() throws Exception {
    SplittableRandom rnd = new SplittableRandom(20261201);
    ArrayNode a = RouteJson.MAPPER.createArrayNode();
    for (int i = 0; i < 200_000; i++) {
      double magnitude = Math.pow(10, rnd.nextInt(-3, 8));
      double v = rnd.nextDouble() * magnitude * (rnd.nextBoolean() ? 1 : -1);
      // RouteJson rounds to 0-4 digits; raw doubles reach the answers too (coordinates, ratios).
      a.add(i % 3 == 0 ? v : RouteJson.round(v, rnd.nextInt(0, 5)));
    }
    a.add(0.0).add(-0.0).add(1e-7).add(1e21).add(Double.MIN_VALUE).add(Double.MAX_VALUE);
    assertThat(server(a)).isEqualTo(PLAIN.writeValueAsString(a));
  }

  @Test
  void theFastWriterIsTheOneInUse() throws Exception {
    // One of the doubles JDK 17's Double.toString writes with more digits than it needs
    // ("2.82879384806159008E17"; JDK 19 and later write the shortest digits too).
    ArrayNode a = RouteJson.MAPPER.createArrayNode().add(2.82879384806159E17);
    assertThat(server(a)).isEqualTo("[2.82879384806159E17]");
    assertThat(PLAIN.writeValueAsString(a))
        .isEqualTo("[" + Double.toString(2.82879384806159E17) + "]");
  }

  @Test
  void realRouteAnswersAreByteForByteTheSame() throws Exception {
    Karvan k = Karvan.open(BundleReader.readDefault(), ProfileReader.readDefault());
    List<String[]> pairs =
        List.of(
            new String[] {"INNSA", "RUMOW", null},
            new String[] {"INNSA", "NLRTM", "cost"},
            new String[] {"IRTHR", "AZBAK", "co2"},
            new String[] {"AZBAK", "AZNAK", "generalized"});
    for (String[] p : pairs) {
      RouteSpec s = RouteSpec.builder().from(p[0]).to(p[1]).optimize(p[2]).build();
      JsonNode route = ResultJson.routes(k.routes().route(s));
      JsonNode alternatives = ResultJson.routes(k.routes().alternatives(s, 3));
      assertThat(server(route)).isEqualTo(PLAIN.writeValueAsString(route));
      assertThat(server(alternatives)).isEqualTo(PLAIN.writeValueAsString(alternatives));
    }
  }
}
