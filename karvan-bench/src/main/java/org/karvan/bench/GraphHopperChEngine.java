package org.karvan.bench;

import com.graphhopper.routing.EdgeToEdgeRoutingAlgorithm;
import com.graphhopper.routing.Path;
import com.graphhopper.routing.ch.CHRoutingAlgorithmFactory;
import com.graphhopper.routing.ch.PrepareContractionHierarchies;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.CHConfig;
import com.graphhopper.storage.RoutingCHGraph;
import com.graphhopper.storage.RoutingCHGraphImpl;
import com.graphhopper.util.PMap;

/**
 * GraphHopper 11's node-based contraction hierarchy, prepared with its default parameters ({@code
 * PrepareContractionHierarchies.fromGraph(graph, CHConfig.nodeBased(...)).doWork()}) on the same
 * {@link BaseGraph} and {@code SpeedWeighting} as {@link GraphHopperEngine}; queried with the
 * algorithm GraphHopper's own CH factory creates (bidirectional Dijkstra with stall-on-demand), a
 * new algorithm object per query.
 */
public final class GraphHopperChEngine implements Engine {
  private final RoutingCHGraph chGraph;
  private final long shortcuts;
  private long settled = -1;

  private GraphHopperChEngine(RoutingCHGraph chGraph, long shortcuts) {
    this.chGraph = chGraph;
    this.shortcuts = shortcuts;
  }

  /** Loads {@code g} into GraphHopper and prepares the hierarchy (the timed part is all of it). */
  public static GraphHopperChEngine prepare(BenchGraph g) {
    GraphHopperEngine base = GraphHopperEngine.dijkstra(g);
    BaseGraph graph = base.graph();
    graph.freeze();
    CHConfig config = CHConfig.nodeBased("bench", base.weighting());
    PrepareContractionHierarchies.Result r =
        PrepareContractionHierarchies.fromGraph(graph, config).doWork();
    RoutingCHGraph ch = RoutingCHGraphImpl.fromGraph(graph, r.getCHStorage(), r.getCHConfig());
    return new GraphHopperChEngine(ch, r.getShortcuts());
  }

  public long shortcuts() {
    return shortcuts;
  }

  @Override
  public String name() {
    return "graphhopper-ch";
  }

  @Override
  public double distance(int source, int target) {
    EdgeToEdgeRoutingAlgorithm algo = new CHRoutingAlgorithmFactory(chGraph).createAlgo(new PMap());
    Path p = algo.calcPath(source, target);
    settled = algo.getVisitedNodes();
    return p.isFound() ? p.getWeight() : Double.POSITIVE_INFINITY;
  }

  @Override
  public long lastSettled() {
    return settled;
  }
}
