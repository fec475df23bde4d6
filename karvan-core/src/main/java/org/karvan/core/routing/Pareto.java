package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.karvan.core.graph.Csr;

/**
 * Multi-objective label-setting search (Martins 1984) for the set of Pareto-optimal paths between
 * two nodes under three non-negative criteria. Labels are settled in increasing order of the sum of
 * criteria scaled by {@code scale}, a strictly monotone order, so a settled label is never
 * dominated later; a new label is dropped when any label at its node, or at the target, dominates
 * it. Paths whose criteria are all equal to a kept one are dropped (one representative each).
 *
 * <p>Worst case exponential in the graph size; {@code maxLabels} bounds the labels created, and
 * when it is hit the result says so ({@link Result#truncated()}) and holds the front found so far.
 *
 * <p>Reference: E. Q. V. Martins, "On a multicriteria shortest path problem", EJOR 16 (1984).
 */
public final class Pareto {
  private Pareto() {}

  /** One Pareto-optimal path: its criteria and edges. */
  public record Solution(double[] criteria, int[] edges) {}

  /** The front, sorted by the first criterion; {@code truncated} when the label bound was hit. */
  public record Result(List<Solution> front, boolean truncated, int labels) {}

  private record Label(int node, double a, double b, double c, double key, Label parent, int edge) {
    boolean dominatesOrEquals(double x, double y, double z) {
      return a <= x && b <= y && c <= z;
    }
  }

  /**
   * @param w three weight arrays indexed by edge id
   * @param scale per criterion, e.g. 1 / (criterion of the single-objective best path), so the
   *     settling order treats criteria evenly; any positive values are correct
   */
  public static Result search(
      Csr g,
      int source,
      int target,
      double[][] w,
      double[] scale,
      BitSet disabled,
      BitSet sinks,
      int maxLabels) {
    List<List<Label>> at = new ArrayList<>(g.nodeCount());
    for (int i = 0; i < g.nodeCount(); i++) {
      at.add(null);
    }
    PriorityQueue<Label> pq = new PriorityQueue<>(Comparator.comparingDouble(Label::key));
    Label start = new Label(source, 0, 0, 0, 0, null, -1);
    pq.add(start);
    add(at, start);
    int labels = 1;
    boolean truncated = false;
    List<Label> done = new ArrayList<>();
    int polled = 0;
    while (!pq.isEmpty()) {
      Label l = pq.poll();
      if ((++polled & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
      if (l.node == target) {
        done.add(l);
        continue;
      }
      if (sinks != null && l.node != source && sinks.get(l.node)) {
        continue;
      }
      for (int e = g.firstOut(l.node), end = g.endOut(l.node); e < end; e++) {
        if (disabled != null && disabled.get(e)) {
          continue;
        }
        int v = g.head(e);
        double a = l.a + w[0][e];
        double b = l.b + w[1][e];
        double c = l.c + w[2][e];
        if (dominated(at.get(v), a, b, c) || dominated(at.get(target), a, b, c)) {
          continue;
        }
        if (labels >= maxLabels) {
          truncated = true;
          break;
        }
        Label n = new Label(v, a, b, c, a * scale[0] + b * scale[1] + c * scale[2], l, e);
        removeDominatedBy(at.get(v), n, pq);
        add(at, n);
        pq.add(n);
        labels++;
      }
      if (truncated) {
        break;
      }
    }
    List<Solution> front = new ArrayList<>();
    for (Label l : done) {
      front.add(new Solution(new double[] {l.a, l.b, l.c}, edges(l)));
    }
    front.sort(
        Comparator.comparingDouble((Solution s) -> s.criteria()[0])
            .thenComparingDouble(s -> s.criteria()[1]));
    return new Result(front, truncated, labels);
  }

  private static void add(List<List<Label>> at, Label l) {
    List<Label> list = at.get(l.node);
    if (list == null) {
      list = new ArrayList<>(2);
      at.set(l.node, list);
    }
    list.add(l);
  }

  private static boolean dominated(List<Label> list, double a, double b, double c) {
    if (list == null) {
      return false;
    }
    for (Label o : list) {
      if (o.dominatesOrEquals(a, b, c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops unsettled labels at the node that the new label dominates (they are marked, not polled).
   */
  private static void removeDominatedBy(List<Label> list, Label n, PriorityQueue<Label> pq) {
    if (list == null) {
      return;
    }
    list.removeIf(
        o -> {
          boolean dom = n.a <= o.a && n.b <= o.b && n.c <= o.c;
          if (dom && pq.remove(o)) {
            return true;
          }
          return false;
        });
  }

  private static int[] edges(Label l) {
    int n = 0;
    for (Label x = l; x.parent != null; x = x.parent) {
      n++;
    }
    int[] out = new int[n];
    int i = n - 1;
    for (Label x = l; x.parent != null; x = x.parent) {
      out[i--] = x.edge;
    }
    return out;
  }
}
