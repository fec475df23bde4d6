package org.karvan.bench;

import java.util.SplittableRandom;

/** Seeded random source/target pairs (source ≠ target), the same for every engine. */
public record Queries(int[] sources, int[] targets) {
  public static Queries random(int nodeCount, int count, long seed) {
    if (nodeCount < 2) {
      throw new IllegalArgumentException("need at least 2 nodes");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] s = new int[count];
    int[] t = new int[count];
    for (int i = 0; i < count; i++) {
      s[i] = rnd.nextInt(nodeCount);
      do {
        t[i] = rnd.nextInt(nodeCount);
      } while (t[i] == s[i]);
    }
    return new Queries(s, t);
  }

  /** {@code count} distinct random nodes. */
  public static int[] distinctNodes(int nodeCount, int count, long seed) {
    if (count > nodeCount) {
      throw new IllegalArgumentException(count + " distinct nodes from " + nodeCount);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    java.util.BitSet taken = new java.util.BitSet(nodeCount);
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      int v;
      do {
        v = rnd.nextInt(nodeCount);
      } while (taken.get(v));
      taken.set(v);
      out[i] = v;
    }
    return out;
  }

  public int size() {
    return sources.length;
  }
}
