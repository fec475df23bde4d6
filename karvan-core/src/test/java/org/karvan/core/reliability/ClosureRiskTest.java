package org.karvan.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.NetworkEvent.Severity;
import org.karvan.core.model.NetworkEvent.Target;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;

/**
 * Closure risk against answers known by hand: one route of fixed time T0 whose element is closed on
 * arrival with probability p, each closure lasting d hours (so the wait is uniform on [0, d)). Then
 * P(T ≤ T0 + x) = 1 − p + p·x/d for 0 ≤ x ≤ d.
 */
class ClosureRiskTest {
  static final int N = 400_000;

  static TransitSimulation.RouteModel route(ClosureRisk... risks) {
    return new TransitSimulation.RouteModel(
        "r", List.of(new Component.Fixed("move", 100)), 1000, List.of(risks));
  }

  @Test
  void waitingOnlyGivesTheMixtureOfNoWaitAndAUniformWait() {
    ClosureRisk risk = new ClosureRisk("X", 0.2, 50, Double.NaN, Double.NaN);
    TransitSimulation.Summary s =
        TransitSimulation.run(List.of(route(risk)), N, 7, 120, 1.0).get(0);
    // 0.8 + 0.2 × 20/50 = 0.88
    assertThat(s.onTime()).isCloseTo(0.88, within(0.003));
    assertThat(s.disrupted()).isCloseTo(0.2, within(0.003));
    assertThat(s.rerouted()).isZero();
    assertThat(s.byCause().get("X")).isCloseTo(0.2, within(0.003));
    // F(t) = 0.8 + 0.2 (t − 100)/50 reaches 0.9 at t = 125; half the samples wait nothing.
    assertThat(s.p90H()).isCloseTo(125, within(0.5));
    assertThat(s.p50H()).isEqualTo(100);
    // Mean: 100 + 0.2 × 25 = 105.
    assertThat(s.meanH()).isCloseTo(105, within(0.2));
    // Cost = 1000 + 1 USD/h × time.
    assertThat(s.p90Usd()).isCloseTo(1125, within(0.5));
  }

  @Test
  void aDetourIsTakenWhenTheWaitWouldCostMore() {
    // Detour: +10 h, no extra money; at 1 USD/h the shipment detours when the wait exceeds 10 h.
    ClosureRisk risk = new ClosureRisk("X", 0.2, 50, 10, 0);
    TransitSimulation.Summary s =
        TransitSimulation.run(List.of(route(risk)), N, 7, 105, 1.0).get(0);
    // T = 100 + min(U·50, 10): P(T ≤ 105) = 0.8 + 0.2 × 5/50 = 0.82.
    assertThat(s.onTime()).isCloseTo(0.82, within(0.003));
    // Detoured when U·50 > 10: 0.2 × 40/50 = 0.16 of the samples.
    assertThat(s.rerouted()).isCloseTo(0.16, within(0.003));
    // F jumps from 0.84 to 1 at 110 h.
    assertThat(s.p90H()).isCloseTo(110, within(1e-9));
    // An expensive detour (USD 1000 > any wait of at most 50 h) is never taken.
    ClosureRisk dear = new ClosureRisk("X", 0.2, 50, 10, 1000);
    assertThat(TransitSimulation.run(List.of(route(dear)), N, 7, 105, 1.0).get(0).rerouted())
        .isZero();
  }

  @Test
  void withoutRisksTheDrawsAreThoseOfThePlainSample() {
    TransitSimulation.RouteModel r =
        new TransitSimulation.RouteModel(
            "r",
            List.of(new Component.Fixed("f", 10), Component.LogNormal.fromMeanCv("c", 5, 0.5)),
            0);
    assertThat(TransitSimulation.simulate(r, 1000, 5, 0, 2.0).hours())
        .containsExactly(TransitSimulation.sample(r, 1000, 5, 0));
  }

  @Test
  void theShareOfTimeClosedIsThatOfAnAlternatingRenewalProcess() {
    // Two closures a year of 36.525 days: λd = 0.2, closed 0.2 / 1.2 of the time.
    assertThat(ClosureRisk.inForce(2, 36.525)).isCloseTo(1.0 / 6, within(1e-12));
  }

  static final Provenance PROV =
      new Provenance(List.of("test"), LocalDate.of(2026, 1, 1), Set.of(), "");

  static NetworkEvent closed(String id, String target, String start, String end) {
    return new NetworkEvent(
        id,
        Target.LINK,
        List.of(target),
        LocalDate.parse(start),
        end == null ? null : LocalDate.parse(end),
        Severity.CLOSED,
        Set.of(),
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        PROV,
        Origin.NONE);
  }

  @Test
  void hazardsComeFromDeclaredRatesAndFromTheClosureHistory() {
    NetworkEvent declared =
        new NetworkEvent(
            "RATE",
            Target.LINK,
            List.of("AB"),
            LocalDate.parse("2020-01-01"),
            null,
            Severity.RISK,
            Set.of(),
            0,
            0,
            0,
            0,
            0,
            2.0,
            36.525,
            PROV,
            Origin.NONE);
    NetworkEvent past = closed("PAST", "AB", "2024-05-01", "2024-05-10");
    NetworkEvent old = closed("OLD", "AB", "2010-05-01", "2010-05-10");
    NetworkEvent now = closed("NOW", "AB", "2026-02-01", null);
    List<ClosureRisks.Hazard> hs =
        ClosureRisks.hazards(List.of(declared, past, old, now), LocalDate.parse("2026-01-01"), 10);
    // OLD is out of the window; NOW has not started yet.
    assertThat(hs).extracting(h -> h.event().id()).containsExactly("RATE", "PAST");
    assertThat(hs.get(0).ratePerYear()).isEqualTo(2.0);
    assertThat(hs.get(1).ratePerYear()).isEqualTo(0.1);
    assertThat(hs.get(1).durationDays()).isEqualTo(10);
    // In force on the day: masked, not a risk.
    assertThat(ClosureRisks.hazards(List.of(now), LocalDate.parse("2026-03-01"), 10)).isEmpty();
  }

  @Test
  void aHazardTouchesOnlyRoutesOverItsElementsAndKnowsTheirDetour() {
    // A-B direct (120 km road at 50 km/h: 2.4 h) or round by C (250 + 150 km: 8 h).
    MultimodalGraph g =
        TestNetworks.compile(
            TestNetworks.builder()
                .node("A", "AA", 0)
                .node("B", "AA", 1)
                .node("C", "AA", 2)
                .road("AB", "A", "B", 120)
                .road("AC", "A", "C", 250)
                .link("CB", "C", "B", Mode.ROAD, 150, null, LinkStatus.OPERATIONAL, null)
                .build());
    int[] direct = edgesOver(g, "AB");
    ClosureRisks.Hazard h =
        new ClosureRisks.Hazard(closed("PAST", "AB", "2024-05-01", "2024-05-10"), 0.1, 10, false);
    double[] hours = new double[g.csr().edgeCount()];
    for (int e = 0; e < hours.length; e++) {
      hours[e] = g.cost(e).hours();
    }
    org.karvan.core.routing.Dijkstra d = new org.karvan.core.routing.Dijkstra(g.csr());
    int a = g.hub(g.physIndex("A"));
    int b = g.hub(g.physIndex("B"));
    double base = d.route(a, b, hours, null, g.hubs(), null).weight();
    java.util.function.Function<java.util.BitSet, double[]> detour =
        off -> {
          var p = d.route(a, b, hours, off, g.hubs(), null);
          return p.isFound() ? new double[] {p.weight() - base, 0} : null;
        };
    List<ClosureRisk> rs = ClosureRisks.of(g, direct, List.of(h), detour);
    assertThat(rs)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.label()).isEqualTo("PAST");
              assertThat(r.durationH()).isEqualTo(240);
              assertThat(r.probability()).isCloseTo(ClosureRisk.inForce(0.1, 10), within(1e-15));
              assertThat(r.rerouteExtraH()).isCloseTo(8 - 2.4, within(1e-9));
            });
    int[] round = edgesOver(g, "AC");
    assertThat(ClosureRisks.of(g, round, List.of(h), detour)).isEmpty();
  }

  /** The move edges over one link. */
  static int[] edgesOver(MultimodalGraph g, String link) {
    return java.util.stream.IntStream.range(0, g.csr().edgeCount())
        .filter(
            e -> g.kind(e) == org.karvan.core.graph.EdgeKind.MOVE && g.link(e).id().equals(link))
        .toArray();
  }
}
