package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Network;
import org.karvan.core.model.Plausibility;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.route.RouteJson;

/** Plausibility ranges per column: impossible values are errors, unusual ones warnings. */
class PlausibilityTest {
  @Test
  void physicallyImpossibleValuesAreErrorsNamingFileLineAndColumn() {
    TinyBundle t =
        TinyBundle.load()
            .replace("links.csv", "L2,IRAAA,IRBBB,RAIL,120", "L2,IRAAA,IRBBB,RAIL,1e300")
            .replace("links.csv", "RAIL,100,BOTH,1435,false,40", "RAIL,100,BOTH,1435,false,1e-9")
            .replace("services.csv", "L7,2,30", "L7,1e-300,30");
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, t::read);
    assertThat(e.errors())
        .extracting(Problem::toString)
        .contains(
            "tiny/links.csv:3:5: length_km: 1.000e+300 km is impossible: above 40075 km (no link"
                + " is longer than the Earth's circumference (40,075 km))",
            "tiny/links.csv:2:9: speed_kmh: 1.000e-09 km/h is impossible: below 0.1 km/h (no"
                + " surface freight moves at 1,000 km/h; below 0.1 km/h nothing arrives)",
            "tiny/services.csv:2:2: sailings_per_week: 1.000e-300 1/week is impossible: below"
                + " 0.0189 1/week (fewer than one sailing a year is no service; one a minute is no"
                + " ship)");
    // Negative values keep their own message (the sign rule), once.
    InvalidInputException neg =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class,
            () ->
                TinyBundle.load()
                    .replace(
                        "links.csv", "RAIL,100,BOTH,1435,false,40", "RAIL,100,BOTH,1435,false,-40")
                    .read());
    assertThat(neg.errors())
        .extracting(Problem::toString)
        .containsExactly("tiny/links.csv:2:9: speed_kmh: speed must be positive");
  }

  @Test
  void unusualValuesAreWarningsAndStillLoad() {
    Network n =
        TinyBundle.load()
            .replace("links.csv", "RAIL,100,BOTH,1435,false,40", "RAIL,100,BOTH,1435,false,250")
            .replace("services.csv", "L7,2,30", "L7,0.1,30")
            .read();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .contains(
            "tiny/links.csv:2:9: speed_kmh: warning: 250 km/h is unusual: above 160 km/h",
            "tiny/services.csv:2:2: sailings_per_week: warning: 0.1 1/week is unusual: below 0.23"
                + " 1/week");
  }

  @Test
  void theDefaultNetworkIsPlausible() {
    Network n = BundleReader.readDefault();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .noneMatch(s -> s.contains("is unusual") || s.contains("is impossible"));
  }

  @Test
  void everyRangeIsDocumented() throws Exception {
    Path doc = Path.of("..", "docs", "network-format.md");
    String text = Files.readString(doc);
    for (Plausibility.Range r : Plausibility.RANGES) {
      assertThat(text)
          .as(r.file() + " " + r.column())
          .contains("| " + r.file() + " | `" + r.column() + "` |");
    }
  }

  @Test
  void jsonNumbersAreNeverSaturated() {
    // Math.round(1e300 * 10) / 10 was Long.MAX_VALUE / 10 = 9.22e17.
    assertThat(RouteJson.round(1e300, 1)).isEqualTo(1e300);
    assertThat(RouteJson.round(-3.5e20, 2)).isEqualTo(-3.5e20);
    assertThat(RouteJson.round(9.3e17, 1)).isEqualTo(9.3e17);
    assertThat(RouteJson.round(1234.5678, 2)).isEqualTo(1234.57);
    assertThat(RouteJson.round(-0.125, 2)).isEqualTo(-0.12);
    assertThat(RouteJson.round(Double.MAX_VALUE, 3)).isEqualTo(Double.MAX_VALUE);
    assertThatThrownBy(() -> Plausibility.of("links.csv", "colour"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
