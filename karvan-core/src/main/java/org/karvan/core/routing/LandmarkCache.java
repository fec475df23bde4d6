package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.graph.Csr;

/**
 * The ALT landmarks of one graph, kept per base weights, and the policy of when they pay. On a
 * small graph (the default network) the great-circle A* bound settles few nodes already and the
 * landmarks' preparation (two full searches per landmark) would cost more than it saves; on a large
 * imported network a masked one-to-one query (avoidances, closures, scenarios), which a contraction
 * hierarchy of the unmasked graph cannot answer, gets landmark bounds instead. At most {@link
 * #CAPACITY} sets are kept (the oldest goes first). Thread-safe.
 *
 * <p>{@link #of} gives every router on one graph the same cache (the base network's, its dated
 * variants and the scenarios that add no elements), so the landmarks of a base weight vector are
 * prepared once per graph: a scenario router computes its base weights as an array of its own, and
 * an array equal in content to a held one finds its landmarks (compared once, then by identity).
 */
public final class LandmarkCache {
  private static final java.util.Map<Csr, LandmarkCache> BY_GRAPH = new java.util.WeakHashMap<>();

  /** The cache of {@code g}, shared by every caller with the same graph object. */
  public static LandmarkCache of(Csr g) {
    synchronized (BY_GRAPH) {
      return BY_GRAPH.computeIfAbsent(g, k -> new LandmarkCache());
    }
  }

  /**
   * When landmarks are prepared: the graph has at least {@code minNodes} nodes; then {@code count}
   * landmarks. Defaults: the system properties {@code karvan.alt.minNodes} (50,000) and {@code
   * karvan.alt.landmarks} (16).
   */
  public record Policy(int minNodes, int count) {
    public static final Policy NEVER = new Policy(Integer.MAX_VALUE, 16);
    public static final Policy ALWAYS = new Policy(0, 16);

    public Policy {
      if (count < 1) {
        throw new IllegalArgumentException("at least one landmark is needed, got " + count);
      }
    }

    public static Policy fromSystemProperties() {
      return new Policy(
          Integer.getInteger("karvan.alt.minNodes", 50_000),
          Integer.getInteger("karvan.alt.landmarks", 16));
    }

    boolean pays(int nodes) {
      return nodes >= minNodes;
    }
  }

  public static final int CAPACITY = 8;

  private record Entry(double[] base, Landmarks landmarks) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Arrays already matched by content to an entry's base, by identity. */
  private final java.util.Map<double[], Landmarks> seen = new java.util.IdentityHashMap<>();

  private volatile Policy policy = Policy.fromSystemProperties();

  public Policy policy() {
    return policy;
  }

  /** Sets the policy (tests force {@link Policy#ALWAYS} or {@link Policy#NEVER}). */
  public void policy(Policy p) {
    policy = p;
  }

  /** Landmark sets held. */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * The landmarks of {@code g} at {@code base} (it must not change afterwards): the set held for
   * these weights, else a new one when the policy says they pay, else {@code null}.
   */
  public synchronized Landmarks forBase(Csr g, double[] base) {
    Landmarks known = seen.get(base);
    if (known != null) {
      return known;
    }
    for (Entry e : entries) {
      if (e.base() == base || java.util.Arrays.equals(e.base(), base)) {
        if (seen.size() >= 64) {
          seen.clear();
        }
        seen.put(base, e.landmarks());
        return e.landmarks();
      }
    }
    Policy p = policy;
    if (!p.pays(g.nodeCount())) {
      return null;
    }
    Landmarks lm =
        Landmarks.farthest(g, base, p.count(), Runtime.getRuntime().availableProcessors());
    if (entries.size() == CAPACITY) {
      entries.remove(0);
      seen.clear();
    }
    entries.add(new Entry(base, lm));
    seen.put(base, lm);
    return lm;
  }
}
