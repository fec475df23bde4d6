package org.karvan.core.assign;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.karvan.core.graph.Csr;
import org.karvan.core.routing.Cancellation;

/**
 * All-or-nothing loading: every OD volume on a shortest path at given edge costs. One Dijkstra
 * shortest-path tree per origin; the tree is loaded in reverse settling order in O(V), so the cost
 * per origin is that of the search. Origins are shared among worker threads, each with its own
 * workspace and flow array, summed at the end (so results do not depend on the thread count up to
 * floating-point summation order, which is fixed per thread count). Close it to stop the threads.
 */
public final class AllOrNothing implements AutoCloseable {
  private final AssignmentNetwork net;
  private final OdMatrix od;
  private final Worker[] workers;
  private final ExecutorService pool;

  /** Result of one loading: edge flows, the shortest-path total cost and unreachable demand. */
  public record Load(double[] flows, double sptt, double unreachable) {}

  public AllOrNothing(AssignmentNetwork net, OdMatrix od, int threads) {
    if (od.zoneCount() != net.zoneCount()) {
      throw new IllegalArgumentException(
          "demand has " + od.zoneCount() + " zones, the network " + net.zoneCount());
    }
    this.net = net;
    this.od = od;
    int t = Math.max(1, threads);
    workers = new Worker[t];
    for (int i = 0; i < t; i++) {
      workers[i] = new Worker(net);
    }
    pool =
        t == 1
            ? null
            : Executors.newFixedThreadPool(
                t,
                r -> {
                  Thread th = new Thread(r, "karvan-aon");
                  th.setDaemon(true);
                  return th;
                });
  }

  /** Loads the demand on shortest paths at edge costs {@code cost}. */
  public Load load(double[] cost) {
    AtomicInteger next = new AtomicInteger();
    for (Worker w : workers) {
      w.reset();
    }
    if (pool == null) {
      workers[0].run(cost, next);
    } else {
      Future<?>[] fs = new Future<?>[workers.length];
      for (int i = 0; i < workers.length; i++) {
        Worker w = workers[i];
        fs[i] = pool.submit(() -> w.run(cost, next));
      }
      for (Future<?> f : fs) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("all-or-nothing worker failed: " + e.getCause(), e);
        }
      }
    }
    double[] flows = workers[0].flows.clone();
    double sptt = workers[0].sptt;
    double unreachable = workers[0].unreachable;
    for (int i = 1; i < workers.length; i++) {
      double[] f = workers[i].flows;
      for (int e = 0; e < flows.length; e++) {
        flows[e] += f[e];
      }
      sptt += workers[i].sptt;
      unreachable += workers[i].unreachable;
    }
    return new Load(flows, sptt, unreachable);
  }

  /** Shortest-path costs from zone {@code origin} to every zone ({@code +∞} when unreachable). */
  public double[] skim(int origin, double[] cost) {
    Worker w = new Worker(net);
    w.tree(net.zoneNode(origin), cost);
    double[] out = new double[net.zoneCount()];
    for (int z = 0; z < out.length; z++) {
      out[z] = w.dist[net.zoneNode(z)];
    }
    return out;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private final class Worker {
    final Csr g;
    final double[] dist;
    final int[] pred;
    final int[] order;
    final double[] nodeLoad;
    final double[] flows;
    final Heap heap;
    int settled;
    double sptt;
    double unreachable;

    Worker(AssignmentNetwork net) {
      g = net.csr();
      int n = g.nodeCount();
      dist = new double[n];
      pred = new int[n];
      order = new int[n];
      nodeLoad = new double[n];
      flows = new double[g.edgeCount()];
      heap = new Heap(n);
    }

    void reset() {
      Arrays.fill(flows, 0);
      sptt = 0;
      unreachable = 0;
    }

    void run(double[] cost, AtomicInteger next) {
      int zones = od.zoneCount();
      for (int o = next.getAndIncrement(); o < zones; o = next.getAndIncrement()) {
        int[] dests = od.destShared(o);
        if (dests.length == 0) {
          continue;
        }
        double[] vols = od.volShared(o);
        int source = net.zoneNode(o);
        tree(source, cost);
        for (int k = 0; k < dests.length; k++) {
          int t = net.zoneNode(dests[k]);
          if (dist[t] == Double.POSITIVE_INFINITY) {
            unreachable += vols[k];
          } else {
            nodeLoad[t] += vols[k];
            sptt += vols[k] * dist[t];
          }
        }
        for (int i = settled - 1; i > 0; i--) {
          int v = order[i];
          double l = nodeLoad[v];
          if (l != 0) {
            int e = pred[v];
            flows[e] += l;
            nodeLoad[g.tail(e)] += l;
            nodeLoad[v] = 0;
          }
        }
        nodeLoad[source] = 0;
      }
    }

    /** A shortest-path tree from {@code source}: dist, pred and the settling order. */
    void tree(int source, double[] cost) {
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      heap.clear();
      dist[source] = 0;
      pred[source] = -1;
      heap.push(source, 0);
      settled = 0;
      while (!heap.isEmpty()) {
        double du = heap.topKey();
        int u = heap.pop();
        if (du > dist[u]) {
          continue;
        }
        order[settled++] = u;
        if ((settled & Cancellation.MASK) == 0) {
          Cancellation.check();
        }
        if (u != source && net.isNoThrough(u)) {
          continue;
        }
        for (int e = g.firstOut(u), end = g.endOut(u); e < end; e++) {
          int v = g.head(e);
          double nd = du + cost[e];
          if (nd < dist[v]) {
            dist[v] = nd;
            pred[v] = e;
            heap.push(v, nd);
          }
        }
      }
    }
  }

  /** A binary heap with lazy deletion (stale entries are skipped on pop). */
  private static final class Heap {
    private int[] items;
    private double[] keys;
    private int size;

    Heap(int capacity) {
      items = new int[Math.max(16, capacity)];
      keys = new double[items.length];
    }

    void clear() {
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    double topKey() {
      return keys[0];
    }

    void push(int item, double key) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
        keys = Arrays.copyOf(keys, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int p = (i - 1) >>> 1;
        if (keys[p] <= key) {
          break;
        }
        items[i] = items[p];
        keys[i] = keys[p];
        i = p;
      }
      items[i] = item;
      keys[i] = key;
    }

    int pop() {
      int top = items[0];
      size--;
      if (size > 0) {
        int item = items[size];
        double key = keys[size];
        int i = 0;
        while (true) {
          int c = 2 * i + 1;
          if (c >= size) {
            break;
          }
          if (c + 1 < size && keys[c + 1] < keys[c]) {
            c++;
          }
          if (keys[c] >= key) {
            break;
          }
          items[i] = items[c];
          keys[i] = keys[c];
          i = c;
        }
        items[i] = item;
        keys[i] = key;
      }
      return top;
    }
  }
}
