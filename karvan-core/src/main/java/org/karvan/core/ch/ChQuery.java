package org.karvan.core.ch;

import java.util.Arrays;

/**
 * One-to-one queries on a {@link ContractionHierarchy}: a forward search from the source over
 * upward out-arcs and a backward search from the target over upward in-arcs ({@link UpwardSearch},
 * with stall-on-demand), alternating by the smaller key, until both keys reach the best meeting
 * distance. The path is the two half-paths joined at the meeting node, with every shortcut unpacked
 * into CSR edges.
 *
 * <p>An instance holds the workspace and is <b>not thread-safe</b>: use one per thread.
 */
public final class ChQuery {
  private final ContractionHierarchy ch;
  private final UpwardSearch fwd;
  private final UpwardSearch bwd;
  private final ContractionHierarchy.Edges edges = new ContractionHierarchy.Edges();
  private int meet;
  private int settled;

  /**
   * A shortest path: CSR edge ids in path order and their total weight ({@code +∞} and no edges
   * when there is none; 0 and no edges from a node to itself), with the nodes settled.
   */
  public record Path(int source, int target, double weight, int[] edges, int settled) {
    public boolean isFound() {
      return weight != Double.POSITIVE_INFINITY;
    }
  }

  public ChQuery(ContractionHierarchy ch) {
    this.ch = ch;
    fwd = new UpwardSearch(ch, true);
    bwd = new UpwardSearch(ch, false);
  }

  /** Nodes settled (in both directions) by the last query. */
  public int lastSettled() {
    return settled;
  }

  /** The shortest distance from {@code source} to {@code target}, {@code +∞} if unreachable. */
  public double distance(int source, int target) {
    return search(source, target);
  }

  /**
   * The shortest path as CSR edge ids. Its weight is the sum of {@code weight} over those edges in
   * path order (as Dijkstra adds them), so the same path gives the same bits as Dijkstra.
   *
   * @param weight the weight array the hierarchy was prepared with
   */
  public Path route(int source, int target, double[] weight) {
    double best = search(source, target);
    if (best == Double.POSITIVE_INFINITY || source == target) {
      return new Path(source, target, best, new int[0], settled);
    }
    edges.size = 0;
    int chain = 0;
    int[] up = new int[16];
    for (int v = meet; fwd.parent(v) >= 0; v = ch.arcFrom[fwd.parent(v)]) {
      if (chain == up.length) {
        up = Arrays.copyOf(up, chain * 2);
      }
      up[chain++] = fwd.parent(v);
    }
    for (int i = chain - 1; i >= 0; i--) {
      ch.unpack(up[i], edges);
    }
    for (int v = meet; bwd.parent(v) >= 0; v = ch.arcTo[bwd.parent(v)]) {
      ch.unpack(bwd.parent(v), edges);
    }
    int[] path = edges.toArray();
    double sum = 0;
    for (int e : path) {
      sum += weight[e];
    }
    return new Path(source, target, sum, path, settled);
  }

  private double search(int source, int target) {
    ch.check(source, "source");
    ch.check(target, "target");
    settled = 0;
    if (source == target) {
      return 0;
    }
    fwd.start(source);
    bwd.start(ch.targetNode(target));
    double best = Double.POSITIVE_INFINITY;
    meet = -1;
    while (true) {
      double kf = fwd.minKey();
      double kb = bwd.minKey();
      if (kf >= best && kb >= best) {
        return best;
      }
      UpwardSearch s = kf <= kb ? fwd : bwd;
      UpwardSearch other = s == fwd ? bwd : fwd;
      int u = s.settleNext();
      u = u < 0 ? -1 - u : u;
      settled++;
      if (other.reached(u) && s.dist(u) + other.dist(u) < best) {
        best = s.dist(u) + other.dist(u);
        meet = u;
      }
    }
  }
}
