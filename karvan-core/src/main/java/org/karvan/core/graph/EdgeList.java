package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Virtual edges in input order, permuted to CSR order when the graph is built. */
final class EdgeList {
  int size;
  int[] tails = new int[64];
  int[] heads = new int[64];
  int[] refs = new int[64];
  final List<EdgeKind> kinds = new ArrayList<>();
  final List<EdgeCost> costs = new ArrayList<>();
  final BitSet forward = new BitSet();

  final Map<Integer, double[]> sched = new HashMap<>();

  int add(int tail, int head, EdgeKind kind, int ref, boolean fwd, EdgeCost cost) {
    if (size == tails.length) {
      tails = java.util.Arrays.copyOf(tails, size * 2);
      heads = java.util.Arrays.copyOf(heads, size * 2);
      refs = java.util.Arrays.copyOf(refs, size * 2);
    }
    tails[size] = tail;
    heads[size] = head;
    refs[size] = ref;
    kinds.add(kind);
    costs.add(cost);
    if (fwd) {
      forward.set(size);
    }
    return size++;
  }
}
