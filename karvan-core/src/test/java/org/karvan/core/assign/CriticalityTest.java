package org.karvan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.Csr;

/** Criticality on a small network where the answer is obvious. */
class CriticalityTest {
  @Test
  void bridgeIsMostCriticalAndDetourCostsAreExact() {
    // 0 -a(1)-> 1 -b(1)-> 2, detour 0 -c(5)-> 2; bridge 2 -d(1)-> 3. OD 0->3, 100 t; OD 0->2, 50 t.
    int[] tails = {0, 1, 0, 2};
    int[] heads = {1, 2, 2, 3};
    int[] order = new int[4];
    Csr csr = Csr.of(4, tails, heads, 4, order);
    double[] wIn = {1, 1, 5, 1};
    double[] w = Csr.permute(wIn, order);
    double[] km = Csr.permute(new double[] {10, 10, 50, 10}, order);
    Criticality.Graph g = new Criticality.Graph(csr, null, null, w, km);
    List<Criticality.Od> ods =
        List.of(new Criticality.Od("0->3", 0, 3, 100, w), new Criticality.Od("0->2", 0, 2, 50, w));
    List<Criticality.Element> els = new ArrayList<>();
    String[] names = {"a", "b", "c", "d"};
    for (int e = 0; e < 4; e++) {
      BitSet b = new BitSet();
      b.set(e);
      els.add(new Criticality.Element("link", names[order[e]], b));
    }
    List<Criticality.Impact> r = Criticality.run(g, ods, els, 2, k -> {});
    assertThat(r.get(0).element().id()).isEqualTo("d");
    assertThat(r.get(0).unservedTonnes()).isEqualTo(100);
    assertThat(r.get(0).newMainPath()).isNull();
    // Closing a or b moves 150 t to the detour: +3 per tonne, +30 km.
    assertThat(r.get(1).element().id()).isIn("a", "b");
    assertThat(r.get(1).extraCost()).isCloseTo(150 * 3, within(1e-9));
    assertThat(r.get(1).extraKm()).isCloseTo(30, within(1e-9));
    assertThat(r.get(1).tonnesAffected()).isEqualTo(150);
    assertThat(r.get(3).element().id()).isEqualTo("c");
    assertThat(r.get(3).tonnesAffected()).isZero();
  }
}
