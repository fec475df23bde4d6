package org.karvan.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.PathResult;

/**
 * Penalty alternatives as raw edge paths, for the analyses that weigh their own edges (logit
 * assignment, reliability): after each path found, the weight of every edge of its links is
 * multiplied by {@code factor} and the search repeats; identical paths are kept once. Routes for
 * users come from {@link org.karvan.core.routing.Router#alternatives}, which also filters by
 * overlap.
 */
final class Penalties {
  private Penalties() {}

  static List<int[]> paths(
      MultimodalGraph g,
      Dijkstra d,
      int src,
      int dst,
      double[] w,
      BitSet off,
      int k,
      double factor) {
    double[] pw = k == 1 ? w : w.clone();
    List<int[]> paths = new ArrayList<>();
    for (int attempt = 0; attempt < 4 * k + 4 && paths.size() < k; attempt++) {
      PathResult p = d.route(src, dst, pw, off, g.hubs(), null);
      if (!p.isFound()) {
        break;
      }
      if (paths.stream().noneMatch(q -> Arrays.equals(q, p.edges()))) {
        paths.add(p.edges());
      }
      if (paths.size() == k) {
        break;
      }
      BitSet links = new BitSet();
      for (int e : p.edges()) {
        if (g.kind(e) == EdgeKind.MOVE) {
          links.set(g.ref(e));
        }
      }
      for (int e = 0; e < pw.length; e++) {
        if (g.kind(e) == EdgeKind.MOVE && links.get(g.ref(e))) {
          pw[e] *= factor;
        }
      }
    }
    return paths;
  }
}
