package org.karvan.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.Criticality;
import org.karvan.core.assign.Equilibrium;
import org.karvan.core.assign.Method;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;
import org.karvan.io.tntp.TntpReader;

/**
 * Use cases on a standard TNTP test network (research and validation): user-equilibrium assignment
 * checked against the best-known flows when the directory has them, and link criticality at
 * free-flow cost. See docs/analysis.md.
 */
public final class TntpService {
  private TntpService() {}

  /** A TNTP instance as read: its problems and skipped rows. */
  public record Loaded(
      TntpReader.Instance instance,
      AssignmentNetwork network,
      OdMatrix demand,
      List<String> problems) {}

  /** How far the equilibrium is from the published best-known flows. */
  public record BestKnown(String file, double objective, double maxFlowDiff, double maxFlow) {}

  public record Assigned(Loaded loaded, Method method, Equilibrium.Result result, BestKnown best) {}

  public record Critical(Loaded loaded, int odPairs, List<Criticality.Impact> impacts) {}

  static Loaded load(Path dir) {
    TntpReader.Instance in = TntpReader.readDir(dir);
    List<String> problems = new ArrayList<>();
    for (Problem p : in.problems().sorted()) {
      problems.add(p.toString());
    }
    if (in.skipped() > 0) {
      problems.add("skipped " + in.skipped() + " bad row(s); continuing with the rest");
    }
    return new Loaded(in, TntpReader.network(in), TntpReader.demand(in), problems);
  }

  /** Equilibrium assignment ({@code logit} is not offered on TNTP networks). */
  public static Assigned assign(
      Path dir,
      String method,
      double gap,
      int maxIter,
      int threads,
      Consumer<Equilibrium.Iteration> progress) {
    Fields f = new Fields();
    Method m = AssignService.method(method, f);
    if (m == null) {
      f.error("method", "logit needs route alternatives; use it with the multimodal demand");
    }
    if (!(gap > 0) || !(gap < 1)) {
      f.error("gap", gap + " is out of range; give a gap above 0 and below 1, e.g. 1e-4");
    }
    if (maxIter < 1) {
      f.error("maxIter", maxIter + " is out of range; give 1 or more");
    }
    AssignService.threads(threads, f);
    f.throwIfAny();
    Loaded l = load(dir);
    Equilibrium.Result r =
        Equilibrium.solve(
            l.network(), l.demand(), new Equilibrium.Settings(m, gap, maxIter, threads), progress);
    BestKnown best = null;
    TntpReader.Instance in = l.instance();
    if (in.flows() != null) {
      AssignmentNetwork net = l.network();
      double[] known = TntpReader.flowsByLink(in, new Problems());
      double[] csr = new double[known.length];
      double maxDiff = 0;
      double maxFlow = 0;
      for (int e = 0; e < net.edgeCount(); e++) {
        csr[e] = known[net.inputOf(e)];
        maxDiff = Math.max(maxDiff, Math.abs(csr[e] - r.flows()[e]));
        maxFlow = Math.max(maxFlow, csr[e]);
      }
      best = new BestKnown(in.flows().file(), net.beckmann(csr), maxDiff, maxFlow);
    }
    return new Assigned(l, m, r, best);
  }

  /** Closes each link in turn and re-routes its trips at free-flow cost. */
  public static Critical criticality(Path dir, int threads, IntFunction<IntConsumer> progress) {
    Fields f = new Fields();
    AssignService.threads(threads, f);
    f.throwIfAny();
    Loaded l = load(dir);
    AssignmentNetwork net = l.network();
    OdMatrix od = l.demand();
    int m = net.edgeCount();
    double[] cost = new double[m];
    net.costs(new double[m], cost);
    double[] km = new double[m];
    List<TntpReader.Link> links = l.instance().net().links();
    List<Criticality.Element> els = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      int e = net.csrOf(i);
      km[e] = links.get(i).length();
      BitSet b = new BitSet(m);
      b.set(e);
      els.add(new Criticality.Element("link", links.get(i).from() + "-" + links.get(i).to(), b));
    }
    BitSet sinks = new BitSet();
    for (int v = 0; v < net.csr().nodeCount(); v++) {
      if (net.isNoThrough(v)) {
        sinks.set(v);
      }
    }
    List<Criticality.Od> ods = new ArrayList<>();
    for (int z = 0; z < od.zoneCount(); z++) {
      int[] ds = od.destinations(z);
      double[] vs = od.volumes(z);
      for (int k = 0; k < ds.length; k++) {
        if (ds[k] != z && vs[k] > 0) {
          ods.add(
              new Criticality.Od(
                  (z + 1) + "->" + (ds[k] + 1), net.zoneNode(z), net.zoneNode(ds[k]), vs[k], cost));
        }
      }
    }
    List<Criticality.Impact> res =
        Criticality.run(
            new Criticality.Graph(net.csr(), new BitSet(), sinks, cost, km),
            ods,
            els,
            threads,
            progress == null ? i -> {} : progress.apply(els.size()));
    return new Critical(l, ods.size(), res);
  }
}
