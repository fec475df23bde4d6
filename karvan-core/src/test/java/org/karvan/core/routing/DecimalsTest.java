package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Decimals#fixed} writes exactly what {@code String.format(Locale.ROOT, "%.Nf")} writes. */
class DecimalsTest {
  @Test
  void tiesAndEdgeCasesAsFormatterWritesThem() {
    assertThat(Decimals.fixed(0.15, 1)).isEqualTo("0.2");
    assertThat(Decimals.fixed(2.25, 1)).isEqualTo("2.3");
    assertThat(Decimals.fixed(4.5, 0)).isEqualTo("5");
    assertThat(Decimals.fixed(0.49, 0)).isEqualTo("0");
    assertThat(Decimals.fixed(1e20, 0)).isEqualTo("100000000000000000000");
    assertThat(Decimals.fixed(-0.0, 0)).isEqualTo("-0");
    assertThat(Decimals.fixed(Double.NaN, 1)).isEqualTo("NaN");
    assertThat(Decimals.fixed(-2.25, 1)).isEqualTo(String.format(Locale.ROOT, "%.1f", -2.25));
  }

  @Test
  void agreesWithTheFormatterOnSeededRandomValues() {
    Random r = new Random(12);
    for (int i = 0; i < 200_000; i++) {
      double x =
          switch (i % 4) {
            case 0 -> r.nextDouble() * 20;
            case 1 -> Math.round(r.nextDouble() * 2_000) / 100.0; // many ties at the 2nd digit
            case 2 -> r.nextDouble() * 5_000 - 1_000;
            default -> Math.round(r.nextDouble() * 200_000) / 20.0;
          };
      for (int scale = 0; scale <= 2; scale++) {
        assertThat(Decimals.fixed(x, scale))
            .as("%s to %d digits", x, scale)
            .isEqualTo(String.format(Locale.ROOT, "%." + scale + "f", x));
      }
    }
  }
}
