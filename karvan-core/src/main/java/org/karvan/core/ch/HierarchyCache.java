package org.karvan.core.ch;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.karvan.core.graph.Csr;

/**
 * The contraction hierarchies of one graph, kept per weight array and edge mask, and the policy of
 * when one pays. A hierarchy is worth preparing only on a large graph and for a matrix with many
 * sources (on the bench's 100k-node road graph the preparation costs about as much CPU as a
 * thousand one-to-many Dijkstra searches); once prepared it serves every later matrix on the same
 * weights and mask. At most {@link #CAPACITY} are kept (the oldest goes first). Thread-safe.
 */
public final class HierarchyCache {
  /**
   * When a matrix prepares a hierarchy: the graph has at least {@code minNodes} nodes and the
   * matrix at least {@code minSources} rows. Defaults: the system properties {@code
   * karvan.ch.minNodes} (50,000) and {@code karvan.ch.minSources} (1,000).
   */
  public record Policy(int minNodes, int minSources) {
    public static final Policy NEVER = new Policy(Integer.MAX_VALUE, Integer.MAX_VALUE);
    public static final Policy ALWAYS = new Policy(0, 0);

    public static Policy fromSystemProperties() {
      return new Policy(
          Integer.getInteger("karvan.ch.minNodes", 50_000),
          Integer.getInteger("karvan.ch.minSources", 1000));
    }

    boolean pays(int nodes, int sources) {
      return nodes >= minNodes && sources >= minSources;
    }
  }

  public static final int CAPACITY = 4;

  /** The weight array by identity (weights are cached and shared), the mask by content. */
  private record Key(double[] weight, BitSet disabled) {}

  private record Entry(Key key, ContractionHierarchy ch) {}

  private final List<Entry> entries = new ArrayList<>();
  private volatile Policy policy = Policy.fromSystemProperties();

  public Policy policy() {
    return policy;
  }

  /** Sets the policy (tests force {@link Policy#ALWAYS} or {@link Policy#NEVER}). */
  public void policy(Policy p) {
    policy = p;
  }

  /** Hierarchies held. */
  public synchronized int size() {
    return entries.size();
  }

  /**
   * The hierarchy of {@code g} under {@code weight} and {@code disabled} with {@code sinks}: the
   * one held, else a new one when the policy says a matrix of {@code sources} rows pays for it,
   * else {@code null} (the caller runs Dijkstra). {@code weight} must not change afterwards.
   */
  public synchronized ContractionHierarchy forMatrix(
      Csr g, double[] weight, BitSet disabled, BitSet sinks, int sources) {
    Key key = new Key(weight, disabled == null ? new BitSet() : (BitSet) disabled.clone());
    for (Entry e : entries) {
      if (e.key().equals(key)) {
        return e.ch();
      }
    }
    if (!policy.pays(g.nodeCount(), sources)) {
      return null;
    }
    ContractionHierarchy ch =
        ContractionHierarchy.prepare(
            g, weight, disabled, sinks, Runtime.getRuntime().availableProcessors());
    if (entries.size() == CAPACITY) {
      entries.remove(0);
    }
    entries.add(new Entry(key, ch));
    return ch;
  }
}
