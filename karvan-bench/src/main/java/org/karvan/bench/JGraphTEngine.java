package org.karvan.bench;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedPseudograph;
import org.karvan.core.graph.Csr;

/**
 * JGraphT 1.5.3 {@link DijkstraShortestPath} (pairing heap, hash-map labels) on a {@link
 * DirectedWeightedPseudograph} of boxed {@code Integer} nodes: JGraphT's standard directed weighted
 * graph that admits parallel arcs and loops, as DIMACS graphs may have them. (The compact {@code
 * SparseIntDirectedWeightedGraph} lives in the separate {@code jgrapht-opt} artifact, which is not
 * published for 1.5.3, and is not in {@code jgrapht-core}.)
 */
public final class JGraphTEngine implements Engine {
  private final Graph<Integer, DefaultWeightedEdge> graph;
  private final DijkstraShortestPath<Integer, DefaultWeightedEdge> dsp;
  private final Integer[] node;

  public JGraphTEngine(BenchGraph g) {
    graph = new DirectedWeightedPseudograph<>(DefaultWeightedEdge.class);
    int n = g.nodeCount();
    node = new Integer[n];
    for (int v = 0; v < n; v++) {
      node[v] = v;
      graph.addVertex(node[v]);
    }
    Csr csr = g.csr();
    double[] w = g.weight();
    for (int e = 0; e < csr.edgeCount(); e++) {
      DefaultWeightedEdge edge = graph.addEdge(node[csr.tail(e)], node[csr.head(e)]);
      graph.setEdgeWeight(edge, w[e]);
    }
    dsp = new DijkstraShortestPath<>(graph);
  }

  @Override
  public String name() {
    return "jgrapht";
  }

  @Override
  public double distance(int source, int target) {
    return dsp.getPathWeight(node[source], node[target]);
  }

  public Graph<Integer, DefaultWeightedEdge> graph() {
    return graph;
  }
}
