package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The freight-model flags of issue 10 on the default network: --drivers, --regime, payloads. */
class FreightFlagsTest {
  static JsonNode json(String... args) throws Exception {
    CliTest.Run r = CliTest.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  static double hoursOf(JsonNode route, String type) {
    double h = 0;
    for (JsonNode e : route.path("events")) {
      if (e.path("type").asText().equals(type)) {
        h += e.path("durationHours").asDouble();
      }
    }
    return h;
  }

  @Test
  void importRegimeAddsTheImportClearanceAtKuryk() throws Exception {
    String[] base = {"route", "--from", "Baku", "--to", "Aktau", "--format", "json"};
    JsonNode transit = json(base);
    JsonNode imp = json(concat(base, "--regime", "import"));
    // Kuryk has no value of its own: transit 12 h, import 48 h by default; the Alat exit 1.8 h.
    assertThat(hoursOf(transit, "CUSTOMS")).isEqualTo(1.8 + 12);
    assertThat(hoursOf(imp, "CUSTOMS")).isEqualTo(1.8 + 48);
  }

  @Test
  void importRegimeAppliesOnlyInTheDestinationsCountry() throws Exception {
    // Nhava Sheva exit 6 h; Bandar Abbas entry 12 h in transit, 48 h when imported into Iran.
    String[] toIran = {"route", "--from", "INNSA", "--to", "IRBND", "--format", "json"};
    assertThat(hoursOf(json(concat(toIran, "--regime", "import")), "CUSTOMS")).isEqualTo(6 + 48);
    // Through Iran to Russia: Bandar Abbas is passed in transit even under the import regime.
    String[] toRussia = {"route", "--from", "INNSA", "--to", "RUAST", "--format", "json"};
    JsonNode through = json(concat(toRussia, "--regime", "import"));
    assertThat(hoursOf(through, "CUSTOMS")).isEqualTo(hoursOf(json(toRussia), "CUSTOMS"));
    assertThat(through.toString()).contains("IRBND").contains("transit regime");
  }

  @Test
  void eventSourcesAreRowsOfSourcesCsvCitedByUrl() throws Exception {
    JsonNode r = json("route", "--from", "INNSA", "--to", "IRBND", "--format", "json");
    // events.csv names sources.csv ids (humenglish-hormuz-15-vessels, ...); routes cite the URLs.
    JsonNode d = r.path("disruptions").get(0);
    assertThat(d.path("id").asText()).isEqualTo("HORMUZ_RESTRICTED_2026");
    assertThat(d.path("sources").get(0).asText())
        .startsWith("https://humenglish.com/latest/is-tehran-limiting-strait-transit");
    assertThat(r.path("network").path("eventsInForce").toString())
        .contains("https://humenglish.com/")
        .doesNotContain("humenglish-hormuz-15-vessels");
  }

  @Test
  void twoDriversRestLessAndBadValuesExitTwo() throws Exception {
    String[] base = {"route", "--from", "INNSA", "--to", "RUMOW", "--format", "json"};
    double one = hoursOf(json(base), "DRIVER_REST");
    double two = hoursOf(json(concat(base, "--drivers", "2")), "DRIVER_REST");
    assertThat(one).isGreaterThan(0);
    JsonNode cargo = json(concat(base, "--cargo", "2x20ft@12t", "--drivers", "2")).path("cargo");
    assertThat(cargo.path("unit").asText()).isEqualTo("20ft");
    assertThat(cargo.path("boxes20").asDouble()).isEqualTo(2);
    // 2 x (12 + 2.23) = 28.46 t exceeds a truck's 25 t: two trucks; one flat wagon (60 t).
    assertThat(cargo.path("trucks").asDouble()).isEqualTo(2);
    assertThat(cargo.path("wagons").asDouble()).isEqualTo(1);
    assertThat(cargo.path("grossTonnes").asDouble()).isEqualTo(28.46);
    assertThat(cargo.path("drivers").asInt()).isEqualTo(2);
    assertThat(two).isLessThan(one);
    assertThat(CliTest.run(concat(base, "--drivers", "3")).code()).isEqualTo(2);
    assertThat(CliTest.run(concat(base, "--regime", "bonded")).code()).isEqualTo(2);
    CliTest.Run heavy =
        CliTest.run("route", "--from", "INNSA", "--to", "RUMOW", "--cargo", "1x40ft@100t");
    assertThat(heavy.code()).isEqualTo(2);
    assertThat(heavy.err()).contains("exceeds the 40ft payload limit of 26.73 t");
  }

  static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
