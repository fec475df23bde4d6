package org.karvan.core.assign;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.Cancellation;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.PathResult;

/**
 * Criticality: close each element in turn (an edge mask over the unchanged graph, never a copy) and
 * re-route the demand that used it. Only OD pairs whose base route uses an element can change when
 * it closes (closing an unused element leaves every shortest path available), so each element costs
 * one search per affected pair. Elements are processed in parallel, one search workspace per
 * thread.
 */
public final class Criticality {
  private Criticality() {}

  /** An element that can be closed: a type, an id and its edges. */
  public record Element(String type, String id, BitSet edges) {}

  /**
   * A demand flow: from a source node to a target node, with its tonnes and the per-tonne edge
   * weights it is routed by.
   */
  public record Od(String name, int source, int target, double tonnes, double[] weight) {}

  /**
   * What closing an element does.
   *
   * @param tonnesAffected tonnes whose base route used the element
   * @param unservedTonnes tonnes left without any route
   * @param extraCost Σ tonnes × (new − base) weight, over re-routed tonnes
   * @param extraHours tonne-weighted mean extra hours of re-routed tonnes
   * @param extraKm tonne-weighted mean extra km of re-routed tonnes
   * @param newMainRoute the new route of the largest affected flow (node path), or "" / "none"
   */
  public record Impact(
      Element element,
      double tonnesAffected,
      double unservedTonnes,
      double extraCost,
      double extraHours,
      double extraKm,
      String mainOd,
      int[] newMainPath) {}

  /** The graph and per-edge attributes the analysis needs. */
  public record Graph(Csr csr, BitSet baseOff, BitSet sinks, double[] hours, double[] km) {}

  /** Base routes of each OD (null when unreachable at base). */
  public static int[][] baseRoutes(Graph g, List<Od> ods) {
    Dijkstra d = new Dijkstra(g.csr());
    int[][] out = new int[ods.size()][];
    for (int i = 0; i < ods.size(); i++) {
      Od od = ods.get(i);
      PathResult p = d.route(od.source(), od.target(), od.weight(), g.baseOff(), g.sinks(), null);
      out[i] = p.isFound() ? p.edges() : null;
    }
    return out;
  }

  /** Ranks elements: unserved tonnes, then extra cost, descending. */
  public static final Comparator<Impact> RANK =
      Comparator.comparingDouble(Impact::unservedTonnes)
          .thenComparingDouble(Impact::extraCost)
          .thenComparingDouble(Impact::tonnesAffected)
          .reversed();

  /** Runs the analysis; {@code progress} receives the count of elements done. */
  public static List<Impact> run(
      Graph g, List<Od> ods, List<Element> elements, int threads, IntConsumer progress) {
    int[][] base = baseRoutes(g, ods);
    double[] baseW = new double[ods.size()];
    double[] baseH = new double[ods.size()];
    double[] baseKm = new double[ods.size()];
    // Which ODs use each edge: CSR-like lists.
    int m = g.csr().edgeCount();
    int[] count = new int[m + 1];
    for (int i = 0; i < ods.size(); i++) {
      if (base[i] != null) {
        for (int e : base[i]) {
          count[e + 1]++;
          baseW[i] += ods.get(i).weight()[e];
          baseH[i] += g.hours()[e];
          baseKm[i] += g.km()[e];
        }
      }
    }
    for (int e = 0; e < m; e++) {
      count[e + 1] += count[e];
    }
    int[] users = new int[count[m]];
    int[] pos = count.clone();
    for (int i = 0; i < ods.size(); i++) {
      if (base[i] != null) {
        for (int e : base[i]) {
          users[pos[e]++] = i;
        }
      }
    }
    Impact[] out = new Impact[elements.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int t = Math.max(1, threads);
    Runnable work =
        () -> {
          Dijkstra d = new Dijkstra(g.csr());
          for (int k = next.getAndIncrement(); k < out.length; k = next.getAndIncrement()) {
            Cancellation.check();
            out[k] = one(g, ods, elements.get(k), d, count, users, baseW, baseH, baseKm);
            progress.accept(done.incrementAndGet());
          }
        };
    if (t == 1) {
      work.run();
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(t);
      try {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < t; i++) {
          fs.add(pool.submit(work));
        }
        for (Future<?> f : fs) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("criticality worker failed: " + e.getCause(), e);
      } finally {
        pool.shutdownNow();
      }
    }
    List<Impact> list = new ArrayList<>(List.of(out));
    list.sort(RANK);
    return list;
  }

  private static Impact one(
      Graph g,
      List<Od> ods,
      Element el,
      Dijkstra d,
      int[] first,
      int[] users,
      double[] baseW,
      double[] baseH,
      double[] baseKm) {
    BitSet affected = new BitSet(ods.size());
    for (int e = el.edges().nextSetBit(0); e >= 0; e = el.edges().nextSetBit(e + 1)) {
      for (int j = first[e]; j < first[e + 1]; j++) {
        affected.set(users[j]);
      }
    }
    if (affected.isEmpty()) {
      return new Impact(el, 0, 0, 0, 0, 0, "", null);
    }
    BitSet off = g.baseOff() == null ? new BitSet() : (BitSet) g.baseOff().clone();
    off.or(el.edges());
    double tonnes = 0;
    double unserved = 0;
    double extra = 0;
    double hours = 0;
    double km = 0;
    double rerouted = 0;
    double biggest = -1;
    String mainOd = "";
    int[] mainPath = null;
    for (int i = affected.nextSetBit(0); i >= 0; i = affected.nextSetBit(i + 1)) {
      Od od = ods.get(i);
      tonnes += od.tonnes();
      PathResult p = d.route(od.source(), od.target(), od.weight(), off, g.sinks(), null);
      if (!p.isFound()) {
        unserved += od.tonnes();
      } else {
        double h = 0;
        double k = 0;
        for (int e : p.edges()) {
          h += g.hours()[e];
          k += g.km()[e];
        }
        extra += od.tonnes() * (p.weight() - baseW[i]);
        hours += od.tonnes() * (h - baseH[i]);
        km += od.tonnes() * (k - baseKm[i]);
        rerouted += od.tonnes();
      }
      if (od.tonnes() > biggest) {
        biggest = od.tonnes();
        mainOd = od.name();
        mainPath = p.isFound() ? p.edges() : null;
      }
    }
    return new Impact(
        el,
        tonnes,
        unserved,
        extra,
        rerouted > 0 ? hours / rerouted : 0,
        rerouted > 0 ? km / rerouted : 0,
        mainOd,
        mainPath);
  }
}
