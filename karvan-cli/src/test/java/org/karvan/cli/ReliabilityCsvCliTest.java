package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.karvan.app.ResultCsv;

/**
 * {@code karvan reliability --format csv} (the rows the Spark reliability job writes): one row per
 * route, the same numbers as {@code --format json} for the same seed.
 */
class ReliabilityCsvCliTest {
  static String[] run(String format) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "reliability",
              "--from",
              "Nhava Sheva",
              "--to",
              "Moscow",
              "--samples",
              "2000",
              "--deadline",
              "30",
              "--seed",
              "5",
              "--alternatives",
              "2",
              "--date",
              "2026-12-01",
              "--format",
              format
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return new String[] {out.toString()};
  }

  @Test
  void csvRowsCarryTheJsonNumbersRouteByRoute() throws Exception {
    String csv = run("csv")[0];
    List<String> lines = csv.lines().toList();
    var rows =
        org.karvan.io.csv.CsvParser.parse(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "out.csv",
                new org.karvan.core.validate.Problems())
            .rows();
    JsonNode json = new ObjectMapper().readTree(run("json")[0]);
    assertThat(lines.get(0)).isEqualTo(String.join(",", ResultCsv.RELIABILITY));
    JsonNode routes = json.get("routes");
    assertThat(rows).hasSize(routes.size());
    for (int i = 0; i < routes.size(); i++) {
      String[] c = rows.get(i).cells().toArray(String[]::new);
      JsonNode r = routes.get(i);
      assertThat(c[0]).isEqualTo("INNSA");
      assertThat(c[1]).isEqualTo("RUMOW");
      assertThat(c[2]).isEqualTo("base");
      assertThat(c[3]).isEqualTo("5");
      assertThat(c[4]).isEqualTo("2000");
      assertThat(c[5]).isEqualTo("" + (i + 1));
      assertThat(c[6]).isEqualTo(r.get("route").asText());
      assertThat(c[7]).isEqualTo(json.get("mostReliable").asInt() == i + 1 ? "true" : "false");
      assertThat(c[9]).isEqualTo(String.format(Locale.ROOT, "%.3f", r.get("p50Days").asDouble()));
      assertThat(c[11]).isEqualTo(String.format(Locale.ROOT, "%.3f", r.get("p95Days").asDouble()));
      assertThat(c[13]).isEqualTo(String.format(Locale.ROOT, "%.2f", r.get("p90Usd").asDouble()));
      assertThat(c[15]).isEqualTo(String.format(Locale.ROOT, "%.4f", r.get("onTime").asDouble()));
      assertThat(Double.parseDouble(c[10])).isGreaterThanOrEqualTo(Double.parseDouble(c[9]));
    }
  }
}
