package org.karvan.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Monte Carlo results against distributions derived by hand on small synthetic corridors. */
class TransitSimulationTest {
  static final int N = 100_000;

  @Test
  void lognormalClearanceHasTheDataMeanAndP90() {
    Component.LogNormal c = Component.LogNormal.fromMeanP90("b", 40.6, 81.2);
    assertThat(c.meanH()).isCloseTo(40.6, within(1e-9));
    assertThat(c.quantile(Component.LogNormal.Z90)).isCloseTo(81.2, within(1e-9));
    TransitSimulation.RouteModel r =
        new TransitSimulation.RouteModel("r", List.of(new Component.Fixed("f", 10), c), 0);
    double[] t = TransitSimulation.sample(r, N, 1, 0);
    assertThat(TransitSimulation.quantile(t, 0.9)).isCloseTo(91.2, within(91.2 * 0.015));
    assertThat(TransitSimulation.quantile(t, 0.5)).isCloseTo(10 + c.quantile(0), within(0.5));
    // P90 at the mean: no spread; P90 beyond what a lognormal allows: capped at sigma = z.
    assertThat(Component.LogNormal.fromMeanP90("x", 5, 5).sigma()).isZero();
    assertThat(Component.LogNormal.fromMeanP90("x", 5, 50).sigma())
        .isEqualTo(Component.LogNormal.Z90);
  }

  @Test
  void twoFerryWaitsSumToATriangle() {
    // Two independent waits uniform on [0, 10): the sum is triangular on [0, 20];
    // P(T <= x) = 1 - (20 - x)^2 / 200 for x >= 10, so P90 = 20 - sqrt(20) and P(T <= 15) = 0.875.
    TransitSimulation.RouteModel r =
        new TransitSimulation.RouteModel(
            "two ferries",
            List.of(
                new Component.ScheduledWait("w1", 10, 0), new Component.ScheduledWait("w2", 10, 0)),
            0);
    List<TransitSimulation.Summary> s = TransitSimulation.run(List.of(r), N, 42, 15, 0);
    assertThat(s.get(0).p90H()).isCloseTo(20 - Math.sqrt(20), within(0.05));
    assertThat(s.get(0).p50H()).isCloseTo(10, within(0.05));
    assertThat(s.get(0).onTime()).isCloseTo(0.875, within(0.005));
    assertThat(s.get(0).meanH()).isCloseTo(10, within(0.05));
  }

  @Test
  void cancellationsAddGeometricHeadways() {
    // Wait = U[0,h) + h * Geometric(p): mean h/2 + h p / (1 - p).
    Component.ScheduledWait w = new Component.ScheduledWait("w", 24, 0.2);
    TransitSimulation.RouteModel r = new TransitSimulation.RouteModel("r", List.of(w), 0);
    List<TransitSimulation.Summary> s = TransitSimulation.run(List.of(r), N, 3, 24, 0);
    assertThat(s.get(0).meanH()).isCloseTo(12 + 24 * 0.25, within(0.3));
    // P(T <= 24) = P(no cancellation) = 0.8.
    assertThat(s.get(0).onTime()).isCloseTo(0.8, within(0.005));
  }

  @Test
  void bestRouteMaximisesTheAnalyticOnTimeProbability() {
    // A: 100 h + a wait uniform on [0, 48): P(A <= D) = (D - 100) / 48.
    // B: 90 h + lognormal clearance with mean 30 and P90 60: P(B <= D) = Phi((ln(D-90) - mu) / s).
    Component.LogNormal clear = Component.LogNormal.fromMeanP90("b", 30, 60);
    TransitSimulation.RouteModel a =
        new TransitSimulation.RouteModel(
            "A",
            List.of(new Component.Fixed("move", 100), new Component.ScheduledWait("f", 48, 0)),
            1000);
    TransitSimulation.RouteModel b =
        new TransitSimulation.RouteModel("B", List.of(new Component.Fixed("move", 90), clear), 800);
    for (double deadline : new double[] {130, 145}) {
      double pa = Math.min(1, (deadline - 100) / 48);
      double pb = phi((Math.log(deadline - 90) - clear.mu()) / clear.sigma());
      List<TransitSimulation.Summary> s =
          TransitSimulation.run(List.of(a, b), N, 11, deadline, 2.0);
      assertThat(s.get(0).onTime()).isCloseTo(pa, within(0.006));
      assertThat(s.get(1).onTime()).isCloseTo(pb, within(0.006));
      assertThat(TransitSimulation.best(s)).isEqualTo(pa > pb ? 0 : 1);
      // Cost = fixed + USD/h x hours at the same percentile.
      assertThat(s.get(0).p90Usd()).isCloseTo(1000 + 2 * s.get(0).p90H(), within(1e-9));
    }
  }

  @Test
  void seededRunsAreReproducible() {
    TransitSimulation.RouteModel r =
        new TransitSimulation.RouteModel(
            "r",
            List.of(
                Component.LogNormal.fromMeanP90("b", 10, 20),
                new Component.ScheduledWait("w", 12, 0.1)),
            0);
    assertThat(TransitSimulation.sample(r, 1000, 5, 0))
        .containsExactly(TransitSimulation.sample(r, 1000, 5, 0));
    assertThat(TransitSimulation.sample(r, 1000, 5, 0))
        .isNotEqualTo(TransitSimulation.sample(r, 1000, 6, 0));
  }

  /** Standard normal CDF (Abramowitz and Stegun 7.1.26 via erf; error below 1.5e-7). */
  static double phi(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double y =
        1
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592)
                * t
                * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
  }
}
