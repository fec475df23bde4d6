package org.karvan.bench;

import com.graphhopper.routing.Dijkstra;
import com.graphhopper.routing.DijkstraBidirectionRef;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.RoutingAlgorithm;
import com.graphhopper.routing.ev.DecimalEncodedValue;
import com.graphhopper.routing.ev.DecimalEncodedValueImpl;
import com.graphhopper.routing.util.EncodingManager;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.SpeedWeighting;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import java.util.BitSet;
import org.karvan.core.graph.Csr;

/**
 * GraphHopper 11 ({@code graphhopper-core}) on a {@link BaseGraph} in RAM, built the way
 * GraphHopper's own tests build graphs: one {@link DecimalEncodedValue} "speed" (7 bits, 1 m/s
 * steps, both directions), {@code edge(a, b).setDistance(m).set(speed, fwd, bwd)}, and
 * GraphHopper's {@link SpeedWeighting} ({@code distance / speed}, +∞ at speed 0). An arc u→v and a
 * reverse arc v→u of the same length share one edge (a two-way road); other arcs become one-way
 * edges (reverse speed 0). Self-loops are left out: they are never on a shortest path. Node-based
 * traversal, no turn costs, a new algorithm object per query (GraphHopper's contract).
 *
 * <p>Queries run GraphHopper's unidirectional {@link Dijkstra} (the fair match for Karvan's) or, as
 * an extra row, {@link DijkstraBidirectionRef}.
 */
public final class GraphHopperEngine implements Engine {
  private final BaseGraph graph;
  private final Weighting weighting;
  private final boolean bidirectional;
  private long settled = -1;

  /** GraphHopper stores distances as int millimetres. */
  static final double MAX_LENGTH_M = Integer.MAX_VALUE / 1000.0;

  private GraphHopperEngine(BaseGraph graph, Weighting weighting, boolean bidirectional) {
    this.graph = graph;
    this.weighting = weighting;
    this.bidirectional = bidirectional;
  }

  public static GraphHopperEngine dijkstra(BenchGraph g) {
    return build(g, false);
  }

  public static GraphHopperEngine bidirectional(BenchGraph g) {
    return build(g, true);
  }

  /** Another query mode on the same loaded graph. */
  public GraphHopperEngine withBidirectional(boolean bidir) {
    return new GraphHopperEngine(graph, weighting, bidir);
  }

  private static GraphHopperEngine build(BenchGraph g, boolean bidir) {
    DecimalEncodedValue speedEnc = new DecimalEncodedValueImpl("speed", 7, 1, true);
    EncodingManager em = EncodingManager.start().add(speedEnc).build();
    BaseGraph graph = new BaseGraph.Builder(em).create();
    NodeAccess na = graph.getNodeAccess();
    int n = g.nodeCount();
    for (int v = 0; v < n; v++) {
      na.setNode(v, g.hasCoordinates() ? g.lat()[v] : 0, g.hasCoordinates() ? g.lon()[v] : 0);
    }
    Csr csr = g.csr();
    double[] len = g.lengthM();
    int[] speed = g.speedMps();
    double maxSpeed = speedEnc.getMaxStorableDecimal();
    for (int e = 0; e < csr.edgeCount(); e++) {
      if (len[e] > MAX_LENGTH_M || Math.round(len[e] * 1000) / 1000.0 != len[e]) {
        throw new IllegalArgumentException(
            "GraphHopper stores lengths as whole millimetres up to "
                + MAX_LENGTH_M
                + " m; edge "
                + e
                + " has "
                + len[e]);
      }
      if (speed[e] > maxSpeed) {
        throw new IllegalArgumentException("speed " + speed[e] + " above " + maxSpeed);
      }
    }
    BitSet used = new BitSet(csr.edgeCount());
    for (int u = 0; u < n; u++) {
      for (int e = csr.firstOut(u); e < csr.endOut(u); e++) {
        int v = csr.head(e);
        if (used.get(e) || u == v) {
          continue;
        }
        used.set(e);
        int reverse = -1;
        if (u < v) {
          for (int f = csr.firstOut(v); f < csr.endOut(v); f++) {
            if (!used.get(f) && csr.head(f) == u && len[f] == len[e]) {
              reverse = f;
              used.set(f);
              break;
            }
          }
        }
        graph
            .edge(u, v)
            .setDistance(len[e])
            .set(speedEnc, speed[e], reverse < 0 ? 0 : speed[reverse]);
      }
    }
    return new GraphHopperEngine(graph, new SpeedWeighting(speedEnc), bidir);
  }

  @Override
  public String name() {
    return bidirectional ? "graphhopper-bidir" : "graphhopper";
  }

  @Override
  public double distance(int source, int target) {
    RoutingAlgorithm algo =
        bidirectional
            ? new DijkstraBidirectionRef(graph, weighting, TraversalMode.NODE_BASED)
            : new Dijkstra(graph, weighting, TraversalMode.NODE_BASED);
    Path p = algo.calcPath(source, target);
    settled = algo.getVisitedNodes();
    return p.isFound() ? p.getWeight() : Double.POSITIVE_INFINITY;
  }

  @Override
  public long lastSettled() {
    return settled;
  }

  public BaseGraph graph() {
    return graph;
  }

  public Weighting weighting() {
    return weighting;
  }
}
