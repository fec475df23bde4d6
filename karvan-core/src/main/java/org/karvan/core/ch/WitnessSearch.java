package org.karvan.core.ch;

import org.karvan.core.graph.MinHeap;

/**
 * The local Dijkstra of a contraction: from an in-neighbour {@code u} of the node {@code v} being
 * contracted, over the remaining graph without {@code v} (and without the other nodes of the same
 * batch), bounded by a weight, a number of settled nodes and a number of hops. Any path it finds is
 * a real path of the remaining graph, so a search cut short can only add superfluous shortcuts,
 * never lose a distance. One instance per thread; the workspace is reset by stamping.
 */
final class WitnessSearch {
  private final ChPreparation g;
  private final double[] dist;
  private final int[] hops;
  private final int[] stamp;
  private final int[] targetStamp;
  private final double[] needed;
  private int[] targetList = new int[16];
  private int targetCount;
  private final MinHeap heap;
  private int current;

  /** Nodes settled by this workspace's searches so far: a measure of their work. */
  long settledTotal;

  /** This thread's buffer for the shortcuts of one witness search. */
  final ChPreparation.Shortcuts buffer = new ChPreparation.Shortcuts();

  WitnessSearch(ChPreparation g, int nodeCount) {
    this.g = g;
    dist = new double[nodeCount];
    hops = new int[nodeCount];
    stamp = new int[nodeCount];
    targetStamp = new int[nodeCount];
    needed = new double[nodeCount];
    heap = new MinHeap(nodeCount);
  }

  /** Starts a new search: the targets are marked with {@link #target} before {@link #run}. */
  void reset() {
    heap.clear();
    targetCount = 0;
    current++;
    if (current == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamp, 0);
      java.util.Arrays.fill(targetStamp, 0);
      current = 1;
    }
  }

  /**
   * Marks {@code x} as a target that needs a path of weight at most {@code weight}; returns false
   * when {@code x} was already marked (its need is then the larger of the two).
   */
  boolean target(int x, double weight) {
    if (targetStamp[x] == current) {
      needed[x] = Math.max(needed[x], weight);
      return false;
    }
    targetStamp[x] = current;
    needed[x] = weight;
    if (targetCount == targetList.length) {
      targetList = java.util.Arrays.copyOf(targetList, targetCount * 2);
    }
    targetList[targetCount++] = x;
    return true;
  }

  /** The weight of the best path found to {@code x} by the last {@link #run}, +∞ if none. */
  double dist(int x) {
    return stamp[x] == current ? dist[x] : Double.POSITIVE_INFINITY;
  }

  /** The largest need of the targets without a witness yet: no longer path is of use. */
  private double unwitnessedNeed() {
    double max = 0;
    for (int i = 0; i < targetCount; i++) {
      int x = targetList[i];
      if (stamp[x] != current || dist[x] > needed[x]) {
        max = Math.max(max, needed[x]);
      }
    }
    return max;
  }

  /**
   * Runs the search from {@code source} avoiding {@code avoid} and every contracted node.
   *
   * @param targets number of distinct marked targets (the search stops once each has a path within
   *     its need)
   * @param maxWeight no path heavier than this is needed
   */
  void run(int source, int avoid, int targets, double maxWeight, int maxSettled, int maxHops) {
    stamp[source] = current;
    dist[source] = 0;
    hops[source] = 0;
    heap.push(source, 0);
    int settled = 0;
    int left = targets;
    while (left > 0 && !heap.isEmpty()) {
      if (heap.peekKey() > maxWeight || settled >= maxSettled) {
        break;
      }
      int u = heap.pop();
      settled++;
      settledTotal++;
      int h = hops[u] + 1;
      if (h > maxHops) {
        continue;
      }
      double du = dist[u];
      int[] arcs = g.out[u];
      for (int i = 0, n = g.outN[u]; i < n; i++) {
        int a = arcs[i];
        int x = g.arcTo[a];
        if (x == avoid || g.contracted[x]) {
          continue;
        }
        double nd = du + g.arcW[a];
        if (nd <= maxWeight && (stamp[x] != current || nd < dist[x])) {
          boolean witnessed =
              targetStamp[x] == current
                  && nd <= needed[x]
                  && (stamp[x] != current || dist[x] > needed[x]);
          stamp[x] = current;
          dist[x] = nd;
          if (witnessed) {
            if (--left == 0) {
              return;
            }
            maxWeight = unwitnessedNeed();
          }
          hops[x] = h;
          heap.push(x, nd);
        }
      }
    }
  }
}
