package org.karvan.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;

/**
 * The through-rates of an agreement apply only to rail hauls that cross a border between two of its
 * countries. A line RU - KZ1 - KZ2 - TM - IR of 120 km rail links; rail costs USD 1 per 40ft-km
 * nationally and 0.2 under the agreement of KZ, TM and IR. Each case is worked by hand as the
 * saving of the agreement: 0.8 USD per km at through-rates.
 */
class ThroughRateTest {
  private static final Profile NATIONAL = TestNetworks.PROFILE;
  private static final Profile AGREEMENT = agreement(List.of("KZ", "TM", "IR"));

  private static Profile agreement(List<String> countries) {
    Map<String, Double> m = new HashMap<>();
    for (String c : countries) {
      m.put("rail.through.usd_per_feu_km." + c, 0.2);
      m.put("rail.through.usd_per_teu_km." + c, 0.1);
    }
    return NATIONAL.with(m, "test");
  }

  private static Network network() {
    TestNetworks.Builder b =
        TestNetworks.builder()
            .node("RUAAA", "RU", 0)
            .node("KZBBB", "KZ", 1)
            .node("KZCCC", "KZ", 2)
            .node("TMDDD", "TM", 3)
            .node("IRFFF", "IR", 4)
            .crossing("X-RU-KZ", "RUAAA", "KZBBB", 0, CrossingStatus.OPEN, null)
            .crossing("X-KZ-TM", "KZCCC", "TMDDD", 0, CrossingStatus.OPEN, null)
            .crossing("X-TM-IR", "TMDDD", "IRFFF", 0, CrossingStatus.OPEN, null);
    rail(b, "R1", "RUAAA", "KZBBB", "X-RU-KZ");
    rail(b, "R2", "KZBBB", "KZCCC", null);
    rail(b, "R3", "KZCCC", "TMDDD", "X-KZ-TM");
    rail(b, "R4", "TMDDD", "IRFFF", "X-TM-IR");
    return b.build();
  }

  private static void rail(TestNetworks.Builder b, String id, String a, String z, String x) {
    b.link(id, a, z, Mode.RAIL, 120, x, LinkStatus.OPERATIONAL, null);
  }

  private static double usd(Profile p, String from, String to) {
    return TestNetworks.cheapestUsd(network(), p, from, to, "1x40ft");
  }

  private static double saving(String from, String to) {
    return usd(NATIONAL, from, to) - usd(AGREEMENT, from, to);
  }

  @Test
  void aHaulAcrossTwoMembersPaysTheThroughRateInEveryMember() {
    // RU 120 km national; KZ 240 km, TM 120 km at through-rates: 0.8 x 360.
    assertThat(saving("RUAAA", "IRFFF")).isCloseTo(288, within(1e-6));
    // Back, the border link into Russia starts in KZ (a link is priced by its start's country):
    // all four links at through-rates, 0.8 x 480.
    assertThat(saving("IRFFF", "RUAAA")).isCloseTo(384, within(1e-6));
    // KZ 240 km and the KZ-TM border link: 0.8 x 240.
    assertThat(saving("KZBBB", "TMDDD")).isCloseTo(192, within(1e-6));
  }

  @Test
  void aHaulWithinOneMemberOrIntoOneFromOutsidePaysTheNationalRate() {
    assertThat(saving("KZBBB", "KZCCC")).isCloseTo(0, within(1e-6));
    assertThat(saving("RUAAA", "KZCCC")).isCloseTo(0, within(1e-6));
    assertThat(saving("KZCCC", "RUAAA")).isCloseTo(0, within(1e-6));
    // Not by crossing into TM and back either: a haul may not re-enter a member it has left.
    assertThat(usd(AGREEMENT, "KZBBB", "KZCCC"))
        .isCloseTo(usd(NATIONAL, "KZBBB", "KZCCC"), within(1e-6));
  }

  @Test
  void onlyTheAgreementsCountriesCount() {
    // Without TM in the agreement, KZ -> IR crosses no border between two members.
    Profile kzIr = agreement(List.of("KZ", "IR"));
    assertThat(usd(NATIONAL, "KZBBB", "IRFFF") - usd(kzIr, "KZBBB", "IRFFF"))
        .isCloseTo(0, within(1e-6));
    // With only KZ and TM, KZ -> TM qualifies (KZ 240 km through) and TM -> IR leaves the members:
    // TM's 120 km are at its through-rate too.
    Profile kzTm = agreement(List.of("KZ", "TM"));
    assertThat(usd(NATIONAL, "KZBBB", "IRFFF") - usd(kzTm, "KZBBB", "IRFFF"))
        .isCloseTo(0.8 * 360, within(1e-6));
  }
}
