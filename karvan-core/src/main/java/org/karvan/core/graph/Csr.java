package org.karvan.core.graph;

import java.util.Arrays;

/**
 * A directed graph in compressed sparse row form: the out-edges of node {@code v} are the edge ids
 * {@code firstOut[v] .. firstOut[v+1]-1}, each with its {@code head} and {@code tail}. Dense int
 * ids, primitive arrays, immutable after construction (the arrays are never exposed for writing).
 * Memory: 4 bytes per node and 8 bytes per edge.
 */
public final class Csr {
  private final int nodeCount;
  private final int[] firstOut;
  private final int[] head;
  private final int[] tail;

  private Csr(int nodeCount, int[] firstOut, int[] head, int[] tail) {
    this.nodeCount = nodeCount;
    this.firstOut = firstOut;
    this.head = head;
    this.tail = tail;
  }

  /**
   * Builds a CSR graph from parallel edge arrays. Edges keep their relative order within a tail
   * node. {@code order} receives, for each CSR edge id, the index of the input edge it came from,
   * so that callers can permute their attribute arrays; pass {@code null} when not needed.
   */
  public static Csr of(int nodeCount, int[] tails, int[] heads, int edgeCount, int[] order) {
    int[] first = new int[nodeCount + 1];
    for (int i = 0; i < edgeCount; i++) {
      if (tails[i] < 0 || tails[i] >= nodeCount || heads[i] < 0 || heads[i] >= nodeCount) {
        throw new IllegalArgumentException(
            "edge " + i + " has an endpoint outside [0, " + nodeCount + ")");
      }
      first[tails[i] + 1]++;
    }
    for (int v = 0; v < nodeCount; v++) {
      first[v + 1] += first[v];
    }
    int[] pos = Arrays.copyOf(first, nodeCount);
    int[] head = new int[edgeCount];
    int[] tail = new int[edgeCount];
    for (int i = 0; i < edgeCount; i++) {
      int e = pos[tails[i]]++;
      head[e] = heads[i];
      tail[e] = tails[i];
      if (order != null) {
        order[e] = i;
      }
    }
    return new Csr(nodeCount, first, head, tail);
  }

  public int nodeCount() {
    return nodeCount;
  }

  public int edgeCount() {
    return head.length;
  }

  /** First out-edge id of {@code v}. */
  public int firstOut(int v) {
    return firstOut[v];
  }

  /** One past the last out-edge id of {@code v}. */
  public int endOut(int v) {
    return firstOut[v + 1];
  }

  public int head(int e) {
    return head[e];
  }

  public int tail(int e) {
    return tail[e];
  }

  /** Approximate heap bytes of the arrays. */
  public long bytes() {
    return 4L * firstOut.length + 4L * head.length + 4L * tail.length;
  }

  /** Reorders an attribute array given in input order into CSR edge order. */
  public static double[] permute(double[] values, int[] order) {
    double[] out = new double[order.length];
    for (int e = 0; e < order.length; e++) {
      out[e] = values[order[e]];
    }
    return out;
  }

  /** Reorders an attribute array given in input order into CSR edge order. */
  public static int[] permute(int[] values, int[] order) {
    int[] out = new int[order.length];
    for (int e = 0; e < order.length; e++) {
      out[e] = values[order[e]];
    }
    return out;
  }
}
