package org.karvan.core.ch;

import java.util.BitSet;
import org.karvan.core.graph.Csr;

/**
 * A contraction hierarchy of a {@link Csr} graph under one weight vector (Geisberger, Sanders,
 * Schultes, Delling, "Contraction Hierarchies: Faster and Simpler Hierarchical Routing in Road
 * Networks", WEA 2008): the nodes in contraction order ({@link #rank}) and, per node, its upward
 * arcs (to higher-ranked nodes) out of it and into it. An arc is an edge of the graph or a shortcut
 * standing for two arcs through a lower-ranked node; {@link #unpack} turns arcs back into CSR edge
 * ids. Immutable and safe to share between threads; queries use {@link ChQuery} (one per thread)
 * and {@link ChMatrix}.
 *
 * <p>Sinks (nodes that a path may start or end at but never pass through, such as the origin and
 * destination hubs of Karvan's virtual network) are split: the node keeps its out-edges and a node
 * above the original ids ({@link #targetNode}) takes its in-edges.
 */
public final class ContractionHierarchy {
  private final int originalNodes;
  private final int[] targetNode;
  private final int[] rank;
  final int[] upFirst;
  final int[] upArc;
  final int[] downFirst;
  final int[] downArc;
  final int[] arcFrom;
  final int[] arcTo;
  final double[] arcW;
  private final int[] arcS1;
  private final int[] arcS2;
  private final PreparationStats stats;

  ContractionHierarchy(
      int originalNodes,
      int[] targetNode,
      int[] rank,
      int[] upFirst,
      int[] upArc,
      int[] downFirst,
      int[] downArc,
      int[] arcFrom,
      int[] arcTo,
      double[] arcW,
      int[] arcS1,
      int[] arcS2,
      PreparationStats stats) {
    this.stats = stats;
    this.originalNodes = originalNodes;
    this.targetNode = targetNode;
    this.rank = rank;
    this.upFirst = upFirst;
    this.upArc = upArc;
    this.downFirst = downFirst;
    this.downArc = downArc;
    this.arcFrom = arcFrom;
    this.arcTo = arcTo;
    this.arcW = arcW;
    this.arcS1 = arcS1;
    this.arcS2 = arcS2;
  }

  /**
   * Prepares the hierarchy with the default witness-search limits.
   *
   * @param weight weight per CSR edge id, ≥ 0; {@code +∞} removes the edge
   * @param disabled edges left out, or {@code null}
   * @param sinks nodes a path may start or end at but not pass through, or {@code null}
   * @param threads worker threads for the contraction
   */
  public static ContractionHierarchy prepare(
      Csr g, double[] weight, BitSet disabled, BitSet sinks, int threads) {
    return prepare(g, weight, disabled, sinks, threads, WitnessLimits.DEFAULT);
  }

  /** As {@link #prepare(Csr, double[], BitSet, BitSet, int)} with other witness-search limits. */
  public static ContractionHierarchy prepare(
      Csr g, double[] weight, BitSet disabled, BitSet sinks, int threads, WitnessLimits limits) {
    return ChPreparation.build(g, weight, disabled, sinks, limits, threads);
  }

  /** Where the preparation spent its time. */
  public PreparationStats preparationStats() {
    return stats;
  }

  /** Nodes of the graph it was built from. */
  public int nodeCount() {
    return originalNodes;
  }

  void check(int v, String what) {
    if (v < 0 || v >= originalNodes) {
      throw new IllegalArgumentException(
          what + " node " + v + " outside [0, " + originalNodes + ")");
    }
  }

  /** Nodes of the hierarchy: the graph's plus one per sink. */
  int hierarchyNodes() {
    return rank.length;
  }

  /**
   * The hierarchy node a path to graph node {@code v} ends at (differs from {@code v} for sinks).
   */
  int targetNode(int v) {
    return targetNode[v];
  }

  /** Position of hierarchy node {@code v} in the contraction order (0 = contracted first). */
  public int rank(int v) {
    return rank[v];
  }

  /** Arcs of the hierarchy: the graph's edges that were kept plus the shortcuts. */
  public int arcCount() {
    return arcFrom.length;
  }

  /** Shortcut arcs (arcs that stand for two others). */
  public int shortcutCount() {
    int s = 0;
    for (int a : arcS1) {
      if (a >= 0) {
        s++;
      }
    }
    return s;
  }

  /**
   * Shortcuts counted as GraphHopper counts them: a shortcut u→x and a shortcut x→u of the same
   * weight are one two-way shortcut edge.
   */
  public int shortcutEdgeCount() {
    java.util.HashMap<Long, java.util.List<Integer>> byPair = new java.util.HashMap<>();
    int count = 0;
    for (int a = 0; a < arcS1.length; a++) {
      if (arcS1[a] < 0) {
        continue;
      }
      int lo = Math.min(arcFrom[a], arcTo[a]);
      int hi = Math.max(arcFrom[a], arcTo[a]);
      java.util.List<Integer> same =
          byPair.computeIfAbsent(((long) lo << 32) | hi, k -> new java.util.ArrayList<>());
      boolean paired = false;
      for (int i = 0; i < same.size(); i++) {
        int b = same.get(i);
        if (arcFrom[b] == arcTo[a] && arcW[b] == arcW[a]) {
          same.remove(i);
          paired = true;
          break;
        }
      }
      if (!paired) {
        same.add(a);
        count++;
      }
    }
    return count;
  }

  /** Approximate heap bytes of the hierarchy's arrays. */
  public long bytes() {
    return 4L * (targetNode.length + rank.length + upFirst.length + downFirst.length)
        + 4L * (upArc.length + downArc.length)
        + (4L * 4 + 8) * arcFrom.length;
  }

  /** A growable list of CSR edge ids, filled by {@link #unpack}. */
  static final class Edges {
    int[] ids = new int[64];
    int size;
    private int[] stack = new int[64];

    int[] toArray() {
      return java.util.Arrays.copyOf(ids, size);
    }
  }

  /** Appends the CSR edge ids that arc {@code a} stands for, in path order, to {@code out}. */
  void unpack(int a, Edges out) {
    int[] stack = out.stack;
    int top = 0;
    stack[top++] = a;
    while (top > 0) {
      int x = stack[--top];
      if (arcS1[x] < 0) {
        if (out.size == out.ids.length) {
          out.ids = java.util.Arrays.copyOf(out.ids, out.size * 2);
        }
        out.ids[out.size++] = arcS2[x];
      } else {
        if (top + 2 > stack.length) {
          stack = java.util.Arrays.copyOf(stack, stack.length * 2);
          out.stack = stack;
        }
        stack[top++] = arcS2[x];
        stack[top++] = arcS1[x];
      }
    }
  }
}
