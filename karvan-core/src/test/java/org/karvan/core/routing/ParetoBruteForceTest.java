package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.graph.Csr;

/** The Pareto front against brute-force enumeration of all simple paths on small random graphs. */
class ParetoBruteForceTest {
  static LongStream seeds() {
    return LongStream.range(1, 61);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void frontEqualsTheNonDominatedSimplePaths(long seed) {
    Random rnd = new Random(seed);
    int n = 5 + rnd.nextInt(5);
    int m = n * 2 + rnd.nextInt(n * 2);
    int[] t = new int[m];
    int[] h = new int[m];
    for (int i = 0; i < m; i++) {
      t[i] = rnd.nextInt(n);
      h[i] = rnd.nextInt(n);
    }
    Csr g = Csr.of(n, t, h, m, null);
    double[][] w = new double[3][m];
    for (int k = 0; k < 3; k++) {
      for (int e = 0; e < m; e++) {
        w[k][e] = rnd.nextInt(10); // small integers: ties and equal vectors happen
      }
    }
    int s = 0;
    int target = n - 1;
    Pareto.Result res =
        Pareto.search(g, s, target, w, new double[] {1, 1, 1}, null, null, 1_000_000);
    assertThat(res.truncated()).isFalse();
    List<double[]> expected = bruteForce(g, w, s, target);
    List<double[]> got = res.front().stream().map(Pareto.Solution::criteria).toList();
    assertThat(sorted(got))
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(sorted(expected));
    for (Pareto.Solution sol : res.front()) {
      double[] sum = new double[3];
      for (int e : sol.edges()) {
        for (int k = 0; k < 3; k++) {
          sum[k] += w[k][e];
        }
      }
      assertThat(sum).containsExactly(sol.criteria());
    }
  }

  @Test
  void labelBoundIsReported() {
    Random rnd = new Random(3);
    int n = 30;
    int m = 200;
    int[] t = new int[m];
    int[] h = new int[m];
    for (int i = 0; i < m; i++) {
      t[i] = rnd.nextInt(n);
      h[i] = rnd.nextInt(n);
    }
    Csr g = Csr.of(n, t, h, m, null);
    double[][] w = new double[3][m];
    for (int e = 0; e < m; e++) {
      w[0][e] = rnd.nextDouble();
      w[1][e] = 1 - w[0][e];
      w[2][e] = rnd.nextDouble();
    }
    Pareto.Result res = Pareto.search(g, 0, n - 1, w, new double[] {1, 1, 1}, null, null, 10);
    assertThat(res.truncated()).isTrue();
    assertThat(res.labels()).isLessThanOrEqualTo(10);
  }

  private static List<double[]> sorted(List<double[]> l) {
    List<double[]> c = new ArrayList<>(l);
    c.sort(
        Comparator.<double[]>comparingDouble(a -> a[0])
            .thenComparingDouble(a -> a[1])
            .thenComparingDouble(a -> a[2]));
    return c;
  }

  static List<double[]> bruteForce(Csr g, double[][] w, int s, int t) {
    List<double[]> all = new ArrayList<>();
    dfs(g, w, s, t, new BitSet(), new double[3], all);
    List<double[]> front = new ArrayList<>();
    for (double[] a : all) {
      boolean dominated = false;
      for (double[] b : all) {
        boolean le = b[0] <= a[0] && b[1] <= a[1] && b[2] <= a[2];
        boolean lt = b[0] < a[0] || b[1] < a[1] || b[2] < a[2];
        if (le && lt) {
          dominated = true;
          break;
        }
      }
      if (!dominated
          && front.stream().noneMatch(f -> f[0] == a[0] && f[1] == a[1] && f[2] == a[2])) {
        front.add(a);
      }
    }
    return front;
  }

  private static void dfs(
      Csr g, double[][] w, int u, int t, BitSet seen, double[] acc, List<double[]> out) {
    if (u == t) {
      out.add(acc.clone());
      return;
    }
    seen.set(u);
    for (int e = g.firstOut(u); e < g.endOut(u); e++) {
      int v = g.head(e);
      if (seen.get(v)) {
        continue;
      }
      for (int k = 0; k < 3; k++) {
        acc[k] += w[k][e];
      }
      dfs(g, w, v, t, seen, acc, out);
      for (int k = 0; k < 3; k++) {
        acc[k] -= w[k][e];
      }
    }
    seen.clear(u);
  }
}
