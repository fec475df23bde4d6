package org.karvan.core.reliability;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.EdgeKind;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.PortCustoms;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;

/**
 * Builds the stochastic model of a route on the compiled multimodal graph. Per virtual edge: moving
 * time, driver rest and endpoint handling are fixed; border clearance is lognormal fitted to the
 * crossing's mean and P90 in that direction; boarding a ship or ferry waits uniformly over the
 * headway (168 h / sailings per week) with an optional cancellation probability per sailing;
 * sailing time is lognormal with the service's sailing time as mean and coefficient of variation
 * {@code sailingCv}; terminal dwell (break of gauge, transshipment) is lognormal with the
 * terminal's handling time as mean and coefficient of variation {@code dwellCv}.
 *
 * @param sailingCv coefficient of variation of sailing time (an assumption: the data has none)
 * @param dwellCv coefficient of variation of terminal dwell (an assumption)
 * @param cancelProbability probability that a sailing is cancelled (an assumption)
 */
public record RouteModels(double sailingCv, double dwellCv, double cancelProbability) {
  public RouteModels {
    if (!(sailingCv >= 0) || !(dwellCv >= 0)) {
      throw new IllegalArgumentException("coefficients of variation must be >= 0");
    }
    if (!(cancelProbability >= 0) || !(cancelProbability < 1)) {
      throw new IllegalArgumentException("cancellation probability must be in [0, 1)");
    }
  }

  /** The components of the route given as virtual edges; costs in USD for the given cargo. */
  public TransitSimulation.RouteModel of(MultimodalGraph g, String name, int[] edges, double usd) {
    List<Component> cs = new ArrayList<>();
    double fixed = 0;
    for (int e : edges) {
      EdgeCost c = g.cost(e);
      fixed += c.moveH() + c.restH();
      if (g.kind(e) == EdgeKind.MOVE) {
        Link l = g.link(e);
        if (c.borderH() > 0 && l.borderCrossing() != null) {
          BorderCrossing b = g.network().getCrossing(l.borderCrossing());
          boolean fwd = g.isForward(e);
          boolean ab = fwd ? l.from().equals(b.nodeA()) : l.to().equals(b.nodeA());
          var cl = ab ? b.ab() : b.ba();
          cs.add(Component.LogNormal.fromMeanP90("border " + b.id(), cl.meanH(), cl.p90H()));
        }
        if (c.waitH() > 0) {
          cs.add(new Component.ScheduledWait("wait " + l.id(), 2 * c.waitH(), cancelProbability));
        }
        Service s = g.network().findService(l.id()).orElse(null);
        if (s != null && sailingCv > 0) {
          fixed -= c.moveH();
          cs.add(Component.LogNormal.fromMeanCv("sailing " + l.id(), c.moveH(), sailingCv));
        }
      } else {
        portCustoms(g, e, c, cs);
        if (g.kind(e) == EdgeKind.TRANSFER && c.handlingH() > 0) {
          Terminal t = g.terminal(e);
          cs.add(Component.LogNormal.fromMeanCv("dwell " + t.id(), c.handlingH(), dwellCv));
        } else {
          fixed += c.handlingH();
        }
      }
    }
    cs.add(0, new Component.Fixed("moving, rest and handling", fixed));
    return new TransitSimulation.RouteModel(name, cs, usd);
  }

  /**
   * As {@link #of(MultimodalGraph, String, int[], double)}, under dated events: each passage over a
   * RESTRICTED edge adds a lognormal delay fitted to the event's mean and P90, and the route
   * carries {@code risks}.
   */
  public TransitSimulation.RouteModel of(
      MultimodalGraph g,
      String name,
      int[] edges,
      double usd,
      org.karvan.core.graph.EventOverlay events,
      List<ClosureRisk> risks) {
    TransitSimulation.RouteModel base = of(g, name, edges, usd);
    List<Component> cs = new ArrayList<>(base.components());
    for (int e : edges) {
      for (int i : events.restrictions(e)) {
        var ev = events.events().get(i);
        cs.add(
            Component.LogNormal.fromMeanP90("event " + ev.id(), ev.delayMeanH(), ev.delayP90H()));
      }
    }
    return new TransitSimulation.RouteModel(name, cs, usd, risks);
  }

  /**
   * Port customs on a transfer, loading or unloading (docs/cost-model.md): entry clearance varies
   * (log-normal from the mean and p90 of the port under the regime); exit clearance has no p90 in
   * the data and is a fixed time.
   */
  private static void portCustoms(MultimodalGraph g, int e, EdgeCost c, List<Component> cs) {
    if (c.borderH() <= 0) {
      return;
    }
    String node = g.physNode(g.physOf(g.csr().tail(e))).id();
    double p90 =
        g.stateOf(g.csr().tail(e)).isWater()
            ? new PortCustoms(g.profile(), g.network()).p90Hours(node)
            : c.borderH();
    cs.add(
        p90 > c.borderH()
            ? Component.LogNormal.fromMeanP90("customs " + node, c.borderH(), p90)
            : new Component.Fixed("customs " + node, c.borderH()));
  }
}
