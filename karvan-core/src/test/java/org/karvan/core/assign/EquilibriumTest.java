package org.karvan.core.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** User equilibrium on networks whose answer is known by hand. */
class EquilibriumTest {
  static Equilibrium.Settings settings(Method m, double gap) {
    return new Equilibrium.Settings(m, gap, 5000, 2);
  }

  /** Two parallel links, t1 = 1 + 0.1 x, t2 = 2 + 0.1 x, 30 trips: x1 = 20, x2 = 10, cost 3. */
  static AssignmentNetwork twoLinks() {
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(2);
    b.bprLink(0, 1, 1, 10, 1, 1, 0);
    b.bprLink(0, 1, 2, 20, 1, 1, 0);
    return b.zones(new int[] {0, 1}).build();
  }

  @ParameterizedTest
  @EnumSource(
      value = Method.class,
      names = {"FW", "CFW", "BFW"})
  void twoParallelLinksByHand(Method m) {
    AssignmentNetwork net = twoLinks();
    OdMatrix od = OdMatrix.builder(2).add(0, 1, 30).build();
    Equilibrium.Result r = Equilibrium.solve(net, od, settings(m, 1e-10));
    assertThat(r.converged()).isTrue();
    double[] byInput = new double[2];
    for (int e = 0; e < 2; e++) {
      byInput[net.inputOf(e)] = r.flows()[e];
    }
    assertThat(byInput[0]).isCloseTo(20, within(1e-6));
    assertThat(byInput[1]).isCloseTo(10, within(1e-6));
    for (double c : r.costs()) {
      assertThat(c).isCloseTo(3, within(1e-7));
    }
  }

  /**
   * Braess's network (Braess 1968, the usual textbook numbers): 6 trips from 1 to 4; 1→2 and 3→4
   * cost 10 x, 1→3 and 2→4 cost 50 + x, 2→3 costs 10 + x. At equilibrium each of the three routes
   * carries 2 and costs 92.
   */
  static AssignmentNetwork braess() {
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(4);
    int r12 = b.resource(10, 1, 1, 1);
    int r34 = b.resource(10, 1, 1, 1);
    int r13 = b.resource(1, 1, 1, 1);
    int r24 = b.resource(1, 1, 1, 1);
    int r23 = b.resource(1, 1, 1, 1);
    b.edge(0, 1, 0, r12);
    b.edge(2, 3, 0, r34);
    b.edge(0, 2, 50, r13);
    b.edge(1, 3, 50, r24);
    b.edge(1, 2, 10, r23);
    return b.zones(new int[] {0, 3}).build();
  }

  @ParameterizedTest
  @EnumSource(
      value = Method.class,
      names = {"FW", "CFW", "BFW", "MSA"})
  void braessParadox(Method m) {
    AssignmentNetwork net = braess();
    OdMatrix od = OdMatrix.builder(2).add(0, 1, 6).build();
    double gap = m == Method.MSA ? 1e-4 : 1e-10;
    Equilibrium.Result r = Equilibrium.solve(net, od, settings(m, gap));
    assertThat(r.converged()).isTrue();
    double tol = m == Method.MSA ? 1e-2 : 1e-6;
    double[] byInput = new double[5];
    for (int e = 0; e < 5; e++) {
      byInput[net.inputOf(e)] = r.flows()[e];
    }
    assertThat(byInput).containsExactly(new double[] {4, 4, 2, 2, 2}, within(tol * 10));
    double[] dist = new AllOrNothing(net, od, 1).skim(0, r.costs());
    assertThat(dist[1]).isCloseTo(92, within(tol * 100));
    // The Beckmann objective at equilibrium is below that at any other feasible flow.
    double[] other = {3, 3, 3, 3, 0};
    double[] otherCsr = new double[5];
    for (int e = 0; e < 5; e++) {
      otherCsr[e] = other[net.inputOf(e)];
    }
    assertThat(r.objective()).isLessThan(net.beckmann(otherCsr));
  }

  @Test
  void bprPowerFourMatchesBisection() {
    // Two links t = 10 (1 + 0.15 (x/100)^4) and t = 15 (1 + 0.15 (x/200)^4), 400 trips.
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(2);
    b.bprLink(0, 1, 10, 100, 0.15, 4, 0);
    b.bprLink(0, 1, 15, 200, 0.15, 4, 0);
    AssignmentNetwork net = b.zones(new int[] {0, 1}).build();
    Equilibrium.Result r =
        Equilibrium.solve(
            net, OdMatrix.builder(2).add(0, 1, 400).build(), settings(Method.BFW, 1e-12));
    // Reference: x1 solving t1(x1) = t2(400 - x1) by bisection.
    double lo = 0;
    double hi = 400;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double t1 = 10 * (1 + 0.15 * Math.pow(mid / 100, 4));
      double t2 = 15 * (1 + 0.15 * Math.pow((400 - mid) / 200, 4));
      if (t1 < t2) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double x1 = r.flows()[net.csrOf(0)];
    assertThat(x1).isCloseTo(lo, within(1e-4));
  }

  @Test
  void aonInParallelEqualsSerialAndRespectsNoThroughZones() {
    Random rnd = new Random(7);
    int n = 60;
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(n);
    for (int i = 0; i < 300; i++) {
      int a = rnd.nextInt(n);
      int c = rnd.nextInt(n);
      if (a != c) {
        b.bprLink(a, c, 1 + rnd.nextInt(9), 50, 0.15, 4, 0);
      }
    }
    int[] zones = new int[10];
    for (int z = 0; z < 10; z++) {
      zones[z] = z;
    }
    BitSet block = new BitSet();
    block.set(0, 10);
    AssignmentNetwork net = b.zones(zones).noThrough(block).build();
    OdMatrix.Builder ob = OdMatrix.builder(10);
    for (int o = 0; o < 10; o++) {
      for (int d = 0; d < 10; d++) {
        ob.add(o, d, rnd.nextInt(20));
      }
    }
    OdMatrix od = ob.build();
    double[] cost = new double[net.edgeCount()];
    net.costs(new double[net.edgeCount()], cost);
    AllOrNothing.Load one;
    AllOrNothing.Load two;
    try (AllOrNothing a1 = new AllOrNothing(net, od, 1);
        AllOrNothing a2 = new AllOrNothing(net, od, 2)) {
      one = a1.load(cost);
      two = a2.load(cost);
    }
    assertThat(two.flows()).containsExactly(one.flows(), within(1e-9));
    assertThat(two.sptt()).isCloseTo(one.sptt(), within(1e-6));
    // Flow conservation: what enters a blocked zone node never leaves it unless it started there.
    for (int v = 0; v < 10; v++) {
      double in = 0;
      double out = 0;
      for (int e = 0; e < net.edgeCount(); e++) {
        if (net.csr().head(e) == v) {
          in += one.flows()[e];
        }
        if (net.csr().tail(e) == v) {
          out += one.flows()[e];
        }
      }
      double produced = 0;
      for (double x : od.volumes(v)) {
        produced += x;
      }
      assertThat(out).isLessThanOrEqualTo(produced + 1e-9);
    }
  }

  @Test
  void badSettingsAreRejected() {
    assertThatThrownBy(() -> new Equilibrium.Settings(Method.BFW, 0, 10, 1))
        .hasMessageContaining("target gap");
    assertThatThrownBy(() -> new Equilibrium.Settings(Method.BFW, 1.5, 10, 1))
        .hasMessageContaining("target gap");
    assertThatThrownBy(() -> OdMatrix.builder(2).add(0, 1, -1)).hasMessageContaining(">= 0");
  }

  @Test
  void pathSizeLogit() {
    // Two identical-cost routes sharing nothing split evenly; a third duplicating one of them
    // takes its share from that one (path size 1/2 each on the shared part).
    PathSizeLogit.Alternative a = new PathSizeLogit.Alternative(10, List.of("a"), new double[] {1});
    PathSizeLogit.Alternative b = new PathSizeLogit.Alternative(10, List.of("b"), new double[] {1});
    PathSizeLogit.Alternative b2 =
        new PathSizeLogit.Alternative(10, List.of("b", "c"), new double[] {1, 0});
    assertThat(PathSizeLogit.shares(List.of(a, b), 1))
        .containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    double[] p = PathSizeLogit.shares(List.of(a, b, b2), 1);
    assertThat(p[0]).isCloseTo(0.5, within(1e-12));
    assertThat(p[1] + p[2]).isCloseTo(0.5, within(1e-12));
    // Cost difference of 1 with theta = ln 2: the cheaper gets twice the weight.
    PathSizeLogit.Alternative c = new PathSizeLogit.Alternative(11, List.of("c"), new double[] {1});
    double[] q = PathSizeLogit.shares(List.of(a, c), Math.log(2));
    assertThat(q[0]).isCloseTo(2.0 / 3, within(1e-12));
  }
}
