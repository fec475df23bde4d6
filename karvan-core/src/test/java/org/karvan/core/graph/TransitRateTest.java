package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;

/**
 * A country's rail transit rate applies only to hauls that enter the country (by rail over a border
 * or off an international voyage) and leave it again (by rail or onto a voyage). The line AZ - IR1
 * - IR2 - TM of 120 km rail links, a 250 km ferry IR2 - KZ with rail-ferry terminals, and a road
 * IR2 - IR3 from a rail-road terminal at IR2. Rail costs USD 1 per 40ft-km and 1 per tonne-km
 * nationally; Iran's transit rate is 0.5 for both. A rail link is priced by its start's country, so
 * each case is worked by hand as 0.5 USD saved per km of rail that starts in Iran in transit.
 */
class TransitRateTest {
  private static final Profile NATIONAL = TestNetworks.PROFILE;
  private static final Profile TRANSIT = with(Map.of());

  private static Profile with(Map<String, Double> more) {
    Map<String, Double> m = new HashMap<>(more);
    m.put("rail.transit.usd_per_feu_km.IR", 0.5);
    m.put("rail.transit.usd_per_tkm.IR", 0.5);
    return NATIONAL.with(m, "test");
  }

  private static Network network() {
    TestNetworks.Builder b =
        TestNetworks.builder()
            .node("AZAAA", "AZ", 0)
            .node("IRBBB", "IR", 1)
            .node("IRCCC", "IR", 2)
            .node("TMDDD", "TM", 3)
            .node("KZEEE", "KZ", 4)
            .node("IRRRR", "IR", 3)
            .crossing("X-AZ-IR", "AZAAA", "IRBBB", 0, CrossingStatus.OPEN, null)
            .crossing("X-IR-TM", "IRCCC", "TMDDD", 0, CrossingStatus.OPEN, null)
            .ferry("F-IR-KZ", "IRCCC", "KZEEE", 7, 10)
            .railFerry("T-IRCCC-FERRY", "IRCCC", 0)
            .railFerry("T-KZEEE-FERRY", "KZEEE", 0)
            .road("D-IR", "IRCCC", "IRRRR", 120)
            .roadRail("T-IRCCC-ROAD", "IRCCC", 0);
    rail(b, "R1", "AZAAA", "IRBBB", "X-AZ-IR");
    rail(b, "R2", "IRBBB", "IRCCC", null);
    rail(b, "R3", "IRCCC", "TMDDD", "X-IR-TM");
    return b.build();
  }

  private static void rail(TestNetworks.Builder b, String id, String a, String z, String x) {
    b.link(id, a, z, Mode.RAIL, 120, x, LinkStatus.OPERATIONAL, null);
  }

  private static double usd(Profile p, String from, String to, String cargo) {
    return TestNetworks.cheapestUsd(network(), p, from, to, cargo);
  }

  private static double saving(String from, String to) {
    return usd(NATIONAL, from, to, "1x40ft") - usd(TRANSIT, from, to, "1x40ft");
  }

  @Test
  void aHaulThatEntersAndLeavesByRailPaysTheTransitRateInside() {
    // R1 starts in AZ (national); R2 and R3 start in Iran: 0.5 x 240.
    assertThat(saving("AZAAA", "TMDDD")).isCloseTo(120, within(1e-6));
    // Back: R3 starts in TM; R2 and R1 start in Iran.
    assertThat(saving("TMDDD", "AZAAA")).isCloseTo(120, within(1e-6));
    // Bulk per tonne: 20 t x 0.5 x 240.
    assertThat(
            usd(NATIONAL, "AZAAA", "TMDDD", "20t bulk")
                - usd(TRANSIT, "AZAAA", "TMDDD", "20t bulk"))
        .isCloseTo(2400, within(1e-6));
  }

  @Test
  void aPortCountsAsAnEntryAndAnExit() {
    // In by rail, out onto the ferry at IR2: R2 in transit.
    assertThat(saving("AZAAA", "KZEEE")).isCloseTo(60, within(1e-6));
    // Off the ferry at IR2, out by rail: R3 in transit.
    assertThat(saving("KZEEE", "TMDDD")).isCloseTo(60, within(1e-6));
  }

  @Test
  void aHaulThatStartsEndsOrLeavesByRoadInsidePaysTheNationalRate() {
    assertThat(saving("AZAAA", "IRCCC")).isCloseTo(0, within(1e-6));
    assertThat(saving("IRBBB", "TMDDD")).isCloseTo(0, within(1e-6));
    assertThat(saving("KZEEE", "IRBBB")).isCloseTo(0, within(1e-6));
    // Off the rail onto a truck in Iran is not transit by rail.
    assertThat(saving("AZAAA", "IRRRR")).isCloseTo(0, within(1e-6));
  }

  @Test
  void theCheaperOfTheThroughAndTheTransitRateApplies() {
    // TM and IR in a through-rate agreement at 0.2: AZ -> TM crosses the IR-TM border, so R2 and
    // R3 pay 0.2 (a saving of 0.8 x 240 = 192), below the transit rate's 0.5 x 240.
    Profile both =
        with(Map.of("rail.through.usd_per_feu_km.IR", 0.2, "rail.through.usd_per_feu_km.TM", 0.2));
    assertThat(usd(NATIONAL, "AZAAA", "TMDDD", "1x40ft") - usd(both, "AZAAA", "TMDDD", "1x40ft"))
        .isCloseTo(192, within(1e-6));
    // Through-rates at 0.9 are dearer than transit: the transit rate is taken (120).
    Profile dear =
        with(Map.of("rail.through.usd_per_feu_km.IR", 0.9, "rail.through.usd_per_feu_km.TM", 0.9));
    assertThat(usd(NATIONAL, "AZAAA", "TMDDD", "1x40ft") - usd(dear, "AZAAA", "TMDDD", "1x40ft"))
        .isCloseTo(120, within(1e-6));
  }

  @Test
  void costsUnderTheBaseViewAreTheCompiledCosts() {
    Network n = network();
    MultimodalGraph g = MultimodalGraph.compile(n, TRANSIT);
    assertThat(g.costsUnder(DataView.of(n), TRANSIT)).containsExactly(g.edgeCosts());
    long transitStates =
        java.util.stream.IntStream.range(0, g.csr().nodeCount()).filter(g::isTransitRate).count();
    // A transit layer on the rail state of each of the two Iranian nodes with rail (not IR3).
    assertThat(transitStates).isEqualTo(2);
  }
}
