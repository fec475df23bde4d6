package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.CostModel;
import org.karvan.core.graph.DataView;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/** Canal dues are charged per box on the sea links that pass the chokepoint, and nowhere else. */
class ChokepointDuesTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile WITH = ProfileReader.readDefault();
  static final Profile WITHOUT = WITH.with(Map.of("chokepoint.usd_per_teu.SUEZ", 0.0), "test");

  @Test
  void suezDuesArePerTeuOnSuezLinksOnly() {
    CostModel a = new CostModel(NET, WITHOUT, DataView.of(NET));
    CostModel b = new CostModel(NET, WITH, DataView.of(NET));
    Cargo two20 = Cargo.parse("2x20ft", WITH);
    Cargo one40 = Cargo.parse("1x40ft", WITH);
    double dues = WITH.get("chokepoint.usd_per_teu.SUEZ");
    assertThat(dues).isEqualTo(60.0);
    int suez = 0;
    for (Link l : NET.links()) {
      if (!l.mode().isWater()) {
        continue;
      }
      double d20 = two20.usd(b.move(l, true, false)) - two20.usd(a.move(l, true, false));
      double d40 = one40.usd(b.move(l, true, false)) - one40.usd(a.move(l, true, false));
      if (l.chokepoints().contains("SUEZ")) {
        suez++;
        assertThat(d20).as(l.id()).isCloseTo(2 * dues, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(d40).as(l.id()).isCloseTo(2 * dues, org.assertj.core.data.Offset.offset(1e-6));
      } else {
        assertThat(d20).as(l.id()).isZero();
        assertThat(d40).as(l.id()).isZero();
      }
    }
    assertThat(suez).isPositive();
  }
}
