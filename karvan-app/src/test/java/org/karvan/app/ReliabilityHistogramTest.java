package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReliabilityHistogramTest {
  @Test
  void binsEverySampleUpToThe99thPercentileAndTheTailInTheLastBin() {
    // 100 samples: 24, 48, ..., 2400 hours = 1..100 days; P99 (nearest rank) = 99 days
    double[] h = new double[100];
    for (int i = 0; i < 100; i++) {
      h[i] = 24.0 * (i + 1);
    }
    ReliabilityService.Histogram x = ReliabilityService.Histogram.of(h, 7);
    assertThat(x.fromDays()).isEqualTo(1.0);
    assertThat(x.widthDays()).isEqualTo(14.0);
    // bins [1,15) [15,29) ... [85,99) and the last also holds 99 and 100
    assertThat(x.counts()).containsExactly(14, 14, 14, 14, 14, 14, 16);
  }
}
