package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;

/**
 * The penalty method for alternative routes, in one place: after each path found, the weight of
 * every move edge of the links it used is multiplied by a factor, and the search repeats, at most
 * {@link #maxSearches} times. {@link Router#alternatives} keeps the routes that overlap little with
 * those kept; {@link #paths} keeps every distinct path (for the analyses that weigh their own
 * edges: logit assignment, reliability).
 */
public final class PenaltyMethod {
  private PenaltyMethod() {}

  /** How many searches may be spent finding {@code k} alternatives. */
  public static int maxSearches(int k) {
    return 4 * k + 4;
  }

  /** Multiplies by {@code factor}, in place, the weight of every move edge of the links used. */
  public static void penalise(MultimodalGraph g, int[] edges, double[] w, double factor) {
    BitSet links = new BitSet();
    for (int e : edges) {
      if (g.kind(e) == EdgeKind.MOVE) {
        links.set(g.ref(e));
      }
    }
    for (int e = 0; e < w.length; e++) {
      if (g.kind(e) == EdgeKind.MOVE && links.get(g.ref(e))) {
        w[e] *= factor;
      }
    }
  }

  /**
   * Up to {@code k} distinct hub-to-hub paths on {@code w} (not changed) with the edges of {@code
   * off} disabled.
   */
  public static List<int[]> paths(
      MultimodalGraph g,
      Dijkstra d,
      int src,
      int dst,
      double[] w,
      BitSet off,
      int k,
      double factor) {
    double[] pw = w.clone();
    List<int[]> paths = new ArrayList<>();
    for (int attempt = 0; attempt < maxSearches(k) && paths.size() < k; attempt++) {
      Cancellation.check();
      PathResult p = d.route(src, dst, pw, off, g.hubs(), null);
      if (!p.isFound()) {
        break;
      }
      if (paths.stream().noneMatch(q -> Arrays.equals(q, p.edges()))) {
        paths.add(p.edges());
      }
      if (paths.size() < k) {
        penalise(g, p.edges(), pw, factor);
      }
    }
    return paths;
  }
}
