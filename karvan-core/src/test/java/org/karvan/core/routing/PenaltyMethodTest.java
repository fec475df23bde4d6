package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;

/**
 * The penalty method on three parallel roads O–D of 200, 220 and 300 km (4, 4.4 and 6 h at 50
 * km/h): each path found makes its own links dearer, so the next search takes the next road.
 */
class PenaltyMethodTest {
  static final Network NET =
      TestNetworks.builder()
          .node("O", "AA", 0)
          .node("A", "AA", 0.9)
          .node("B", "AA", 0.9)
          .node("C", "AA", 0.9)
          .node("D", "AA", 1.8)
          .road("OA", "O", "A", 100)
          .road("AD", "A", "D", 100)
          .road("OB", "O", "B", 110)
          .road("BD", "B", "D", 110)
          .road("OC", "O", "C", 150)
          .road("CD", "C", "D", 150)
          .build();

  static List<String> links(MultimodalGraph g, int[] edges) {
    return java.util.Arrays.stream(edges)
        .filter(e -> g.kind(e) == EdgeKind.MOVE)
        .mapToObj(e -> g.link(e).id())
        .toList();
  }

  @Test
  void eachPathFoundMakesTheNextSearchTakeAnotherRoad() {
    MultimodalGraph g = TestNetworks.compile(NET);
    Router r = new Router(g);
    double[] w = r.weights(Objective.TIME, Cargo.parse("1x40ft", TestNetworks.PROFILE)).w();
    double[] before = w.clone();
    int o = g.hub(g.physIndex("O"));
    int d = g.hub(g.physIndex("D"));
    List<int[]> paths = PenaltyMethod.paths(g, new Dijkstra(g.csr()), o, d, w, null, 3, 1.5);
    assertThat(paths).hasSize(3);
    assertThat(links(g, paths.get(0))).containsExactly("OA", "AD");
    // 4 h x 1.5 = 6 h > 4.4 h: the second search takes B.
    assertThat(links(g, paths.get(1))).containsExactly("OB", "BD");
    // Now A 6 h, B 6.6 h, C 6 h: the third search takes C, or A (a duplicate: dropped, and A
    // penalised again to 9 h) and then C.
    assertThat(links(g, paths.get(2))).containsExactly("OC", "CD");
    assertThat(w).as("the caller's weights are not changed").isEqualTo(before);
  }

  @Test
  void penaliseScalesOnlyTheLinksUsed() {
    MultimodalGraph g = TestNetworks.compile(NET);
    double[] w = new double[g.csr().edgeCount()];
    java.util.Arrays.fill(w, 1);
    int[] path = null;
    for (int e = 0; e < w.length; e++) {
      if (g.kind(e) == EdgeKind.MOVE && g.link(e).id().equals("OA")) {
        path = new int[] {e};
        break;
      }
    }
    PenaltyMethod.penalise(g, path, w, 3);
    for (int e = 0; e < w.length; e++) {
      boolean oa = g.kind(e) == EdgeKind.MOVE && g.link(e).id().equals("OA");
      assertThat(w[e]).isEqualTo(oa ? 3 : 1);
    }
  }
}
