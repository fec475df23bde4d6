package org.karvan.core.ch;

import static org.karvan.core.ch.PhaseTimes.APPLY;
import static org.karvan.core.ch.PhaseTimes.BOOKKEEPING;
import static org.karvan.core.ch.PhaseTimes.INIT;
import static org.karvan.core.ch.PhaseTimes.LAZY;
import static org.karvan.core.ch.PhaseTimes.RECHECK;
import static org.karvan.core.ch.PhaseTimes.SELECT;
import static org.karvan.core.ch.PhaseTimes.WITNESS;
import static org.karvan.core.ch.PhaseTimes.threadCpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.karvan.core.graph.Csr;

/**
 * Builds a {@link ContractionHierarchy}: the node contraction of Geisberger, Sanders, Schultes and
 * Delling (WEA 2008) in rounds of independent node sets (Vetter 2009).
 *
 * <p>The working graph keeps, per node, its arcs to and from the nodes not yet contracted (arc ids
 * into growing arc arrays). Each round:
 *
 * <ol>
 *   <li>picks every remaining node whose priority is lower than that of each remaining neighbour
 *       (ties by a hash of the id): an independent set, so no two chosen nodes are adjacent;
 *   <li>lazy update: a chosen node whose neighbourhood changed since its priority was computed is
 *       recomputed first and kept only if it is still a local minimum;
 *   <li>finds the shortcuts of all chosen nodes in parallel; the witness searches avoid every node
 *       of the round, so each witness survives the round;
 *   <li>applies the shortcuts (a parallel arc keeps the lighter weight), moves each chosen node's
 *       remaining arcs into the hierarchy and removes the node; its neighbours' deleted-neighbour
 *       count and level go up and their priority is marked stale.
 * </ol>
 *
 * <p>Priority = 10 × edge difference + original edges of the shortcuts + deleted neighbours +
 * level. The edge difference is simulated with a cheap witness search (few settled nodes and hops);
 * the contraction's own search is allowed more, which saves shortcuts.
 */
final class ChPreparation {
  final int n;
  final int[][] out;
  final int[] outN;
  final int[][] in;
  final int[] inN;
  final boolean[] contracted;
  int arcCount;
  int[] arcFrom;
  int[] arcTo;
  double[] arcW;
  int[] arcS1;
  int[] arcS2;
  int[] arcHops;

  private final float[] prio;
  private final boolean[] stale;
  private final int[] deleted;
  private final int[] level;
  private final int[] rank;
  private final int[][] upOut;
  private final int[][] upIn;
  private final WitnessLimits limits;
  private final int threads;

  private final PhaseTimes times = new PhaseTimes();

  private int rounds;
  private int smallRounds;

  /** Work items of a round: (node, index of one of its in-arcs), node by node. */
  private int[] taskNode = new int[64];

  private int[] taskArc = new int[64];
  private long[] taskCount = new long[64];

  /** {@code taskFirst[i]} to {@code taskFirst[i + 1]}: the work items of the i-th node. */
  private final int[] taskFirst;

  PreparationStats stats;

  ChPreparation(int n, WitnessLimits limits, int threads) {
    this.n = n;
    this.limits = limits;
    this.threads = Math.max(1, threads);
    out = new int[n][];
    in = new int[n][];
    outN = new int[n];
    inN = new int[n];
    contracted = new boolean[n];
    prio = new float[n];
    stale = new boolean[n];
    deleted = new int[n];
    level = new int[n];
    rank = new int[n];
    upOut = new int[n][];
    upIn = new int[n][];
    taskFirst = new int[n + 1];
    int cap = 16;
    arcFrom = new int[cap];
    arcTo = new int[cap];
    arcW = new double[cap];
    arcS1 = new int[cap];
    arcS2 = new int[cap];
    arcHops = new int[cap];
  }

  /**
   * The hierarchy of {@code g} under {@code weight} ({@code +∞} or a set bit of {@code disabled}
   * removes an edge). A node of {@code sinks} is split in two: the node itself keeps the out-edges
   * (it may start a path) and a new node {@code n + k} takes the in-edges (it may end one), so no
   * path passes through a sink.
   */
  static ContractionHierarchy build(
      Csr g, double[] weight, BitSet disabled, BitSet sinks, WitnessLimits limits, int threads) {
    if (weight.length != g.edgeCount()) {
      throw new IllegalArgumentException(
          "weight array has " + weight.length + " entries for " + g.edgeCount() + " edges");
    }
    int n0 = g.nodeCount();
    int[] targetNode = new int[n0];
    int n = n0;
    for (int v = 0; v < n0; v++) {
      targetNode[v] = sinks != null && sinks.get(v) ? n++ : v;
    }
    ChPreparation p = new ChPreparation(n, limits, threads);
    for (int v = 0; v < n; v++) {
      p.out[v] = new int[4];
      p.in[v] = new int[4];
    }
    for (int e = 0; e < g.edgeCount(); e++) {
      double w = weight[e];
      if (!(w >= 0)) {
        throw new IllegalArgumentException("weight of edge " + e + " is " + w);
      }
      int u = g.tail(e);
      int x = targetNode[g.head(e)];
      if (u == x || w == Double.POSITIVE_INFINITY || (disabled != null && disabled.get(e))) {
        continue;
      }
      p.addOrImprove(u, x, w, -1, e, 1);
    }
    p.contractAll();
    return p.result(n0, targetNode);
  }

  private int newArc(int u, int x, double w, int s1, int s2, int hops) {
    if (arcCount == arcFrom.length) {
      int cap = arcCount * 2;
      arcFrom = Arrays.copyOf(arcFrom, cap);
      arcTo = Arrays.copyOf(arcTo, cap);
      arcW = Arrays.copyOf(arcW, cap);
      arcS1 = Arrays.copyOf(arcS1, cap);
      arcS2 = Arrays.copyOf(arcS2, cap);
      arcHops = Arrays.copyOf(arcHops, cap);
    }
    int a = arcCount++;
    arcFrom[a] = u;
    arcTo[a] = x;
    arcW[a] = w;
    arcS1[a] = s1;
    arcS2[a] = s2;
    arcHops[a] = hops;
    return a;
  }

  /** Adds the arc u→x, or lowers the weight of the existing one (whose skips then change). */
  private void addOrImprove(int u, int x, double w, int s1, int s2, int hops) {
    int[] arcs = out[u];
    for (int i = 0, k = outN[u]; i < k; i++) {
      int a = arcs[i];
      if (arcTo[a] == x) {
        if (w < arcW[a]) {
          arcW[a] = w;
          arcS1[a] = s1;
          arcS2[a] = s2;
          arcHops[a] = hops;
        }
        return;
      }
    }
    int a = newArc(u, x, w, s1, s2, hops);
    if (outN[u] == out[u].length) {
      out[u] = Arrays.copyOf(out[u], outN[u] * 2);
    }
    out[u][outN[u]++] = a;
    if (inN[x] == in[x].length) {
      in[x] = Arrays.copyOf(in[x], inN[x] * 2);
    }
    in[x][inN[x]++] = a;
  }

  private static void remove(int[] list, int[] size, int node, int arc) {
    int k = size[node];
    for (int i = 0; i < k; i++) {
      if (list[i] == arc) {
        list[i] = list[k - 1];
        size[node] = k - 1;
        return;
      }
    }
    throw new IllegalStateException("arc " + arc + " missing at node " + node);
  }

  /** Shortcuts of one contraction: parallel arrays, arcs u→v and v→x it replaces. */
  static final class Shortcuts {
    int size;
    int[] from = new int[8];
    int[] to = new int[8];
    int[] s1 = new int[8];
    int[] s2 = new int[8];
    double[] w = new double[8];

    /** A copy trimmed to its size. */
    Shortcuts copy() {
      Shortcuts c = new Shortcuts();
      c.size = size;
      c.from = Arrays.copyOf(from, size);
      c.to = Arrays.copyOf(to, size);
      c.s1 = Arrays.copyOf(s1, size);
      c.s2 = Arrays.copyOf(s2, size);
      c.w = Arrays.copyOf(w, size);
      return c;
    }

    void add(int u, int x, int a1, int a2, double weight) {
      if (size == from.length) {
        int cap = size * 2;
        from = Arrays.copyOf(from, cap);
        to = Arrays.copyOf(to, cap);
        s1 = Arrays.copyOf(s1, cap);
        s2 = Arrays.copyOf(s2, cap);
        w = Arrays.copyOf(w, cap);
      }
      from[size] = u;
      to[size] = x;
      s1[size] = a1;
      s2[size] = a2;
      w[size] = weight;
      size++;
    }
  }

  /**
   * Finds the shortcuts that contracting {@code v} needs; counts them (and their original edges)
   * only when {@code into} is null.
   *
   * @return number of shortcuts (high 32 bits) and their original edges (low 32 bits)
   */
  private long shortcuts(WitnessSearch ws, int v, Shortcuts into, int maxSettled, int maxHops) {
    long sum = 0;
    for (int i = 0, nIn = inN[v]; i < nIn; i++) {
      sum += shortcutsVia(ws, v, i, into, maxSettled, maxHops);
    }
    return sum;
  }

  /**
   * The shortcuts of contracting {@code v} that start with its {@code i}-th in-arc: one witness
   * search from that arc's tail. The searches of different in-arcs are independent, so they are the
   * unit of parallel work (a few heavy nodes late in the contraction still split).
   *
   * @return number of shortcuts (high 32 bits) and their original edges (low 32 bits)
   */
  private long shortcutsVia(
      WitnessSearch ws, int v, int i, Shortcuts into, int maxSettled, int maxHops) {
    int a = in[v][i];
    int u = arcFrom[a];
    if (contracted[u] && u != v) {
      return 0;
    }
    int[] outs = out[v];
    int nOut = outN[v];
    double wa = arcW[a];
    ws.reset();
    double maxW = 0;
    int targets = 0;
    for (int j = 0; j < nOut; j++) {
      int b = outs[j];
      int x = arcTo[b];
      if (x == u || (contracted[x] && x != v)) {
        continue;
      }
      if (ws.target(x, wa + arcW[b])) {
        targets++;
      }
      maxW = Math.max(maxW, wa + arcW[b]);
    }
    if (targets == 0) {
      return 0;
    }
    ws.run(u, v, targets, maxW, maxSettled, maxHops);
    long shortcutCount = 0;
    long originals = 0;
    for (int j = 0; j < nOut; j++) {
      int b = outs[j];
      int x = arcTo[b];
      if (x == u || (contracted[x] && x != v)) {
        continue;
      }
      double w = wa + arcW[b];
      if (ws.dist(x) > w) {
        shortcutCount++;
        originals += arcHops[a] + arcHops[b];
        if (into != null) {
          into.add(u, x, a, b, w);
        }
      }
    }
    return (shortcutCount << 32) + originals;
  }

  private float priority(WitnessSearch ws, int v) {
    return priority(v, shortcuts(ws, v, null, limits.simulationSettled(), limits.simulationHops()));
  }

  /** The priority of {@code v} from its simulated contraction's packed counts {@code r}. */
  private float priority(int v, long r) {
    int sc = (int) (r >>> 32);
    int originals = (int) r;
    int edgeDifference = sc - inN[v] - outN[v];
    return 10f * edgeDifference + originals + deleted[v] + level[v];
  }

  private static int hash(int v) {
    int h = v * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private boolean before(int a, int b) {
    return prio[a] < prio[b] || (prio[a] == prio[b] && hash(a) < hash(b));
  }

  /** No remaining neighbour of {@code v} comes before it. */
  private boolean localMinimum(int v) {
    for (int i = 0, k = outN[v]; i < k; i++) {
      int x = arcTo[out[v][i]];
      if (x != v && before(x, v)) {
        return false;
      }
    }
    for (int i = 0, k = inN[v]; i < k; i++) {
      int u = arcFrom[in[v][i]];
      if (u != v && before(u, v)) {
        return false;
      }
    }
    return true;
  }

  @FunctionalInterface
  private interface Body {
    void run(WitnessSearch ws, int i);
  }

  /**
   * Runs {@code body} for {@code 0..count)}, split between the threads in chunks taken in turn: at
   * most 64 items, fewer for a small count so that a few heavy items still spread.
   */
  private void parallel(int phase, ExecutorService pool, WitnessSearch[] ws, int count, Body body) {
    long wall0 = System.nanoTime();
    if (threads == 1 || count < 2) {
      long cpu0 = threadCpu();
      for (int i = 0; i < count; i++) {
        body.run(ws[0], i);
      }
      times.serial(phase, wall0, cpu0);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<long[]>> fs = new ArrayList<>();
    int chunk = Math.max(1, Math.min(64, count / (threads * 8)));
    for (int t = 0; t < threads; t++) {
      WitnessSearch mine = ws[t];
      fs.add(
          pool.submit(
              () -> {
                long cpu0 = threadCpu();
                long work = 0;
                long largest = 0;
                for (int s = next.getAndAdd(chunk); s < count; s = next.getAndAdd(chunk)) {
                  for (int i = s, e = Math.min(count, s + chunk); i < e; i++) {
                    long before = mine.settledTotal;
                    body.run(mine, i);
                    long w = mine.settledTotal - before;
                    work += w;
                    largest = Math.max(largest, w);
                  }
                }
                long used = threadCpu() - cpu0;
                times.workerCpu(phase, used);
                return new long[] {used, work, largest};
              }));
    }
    long busiest = 0;
    long callCpu = 0;
    long work = 0;
    long largest = 0;
    for (Future<long[]> f : fs) {
      try {
        long[] r = f.get();
        busiest = Math.max(busiest, r[0]);
        callCpu += r[0];
        work += r[1];
        largest = Math.max(largest, r[2]);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("contraction interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("contraction failed", e.getCause());
      }
    }
    times.split(phase, wall0, busiest, callCpu, work, largest, threads);
  }

  /**
   * Lists the work items of {@code nodes[0..k)}: one per in-arc, node by node, in arc order (the
   * order the shortcuts are applied in, which keeps the contraction deterministic).
   *
   * @return the number of items
   */
  private int tasks(int[] nodes, int k) {
    int t = 0;
    for (int i = 0; i < k; i++) {
      taskFirst[i] = t;
      int v = nodes[i];
      int d = inN[v];
      if (t + d > taskNode.length) {
        int cap = Math.max(2 * taskNode.length, t + d);
        taskNode = Arrays.copyOf(taskNode, cap);
        taskArc = Arrays.copyOf(taskArc, cap);
        taskCount = Arrays.copyOf(taskCount, cap);
      }
      for (int j = 0; j < d; j++) {
        taskNode[t] = v;
        taskArc[t] = j;
        t++;
      }
    }
    taskFirst[k] = t;
    return t;
  }

  /** Recomputes the priority of the stale nodes of {@code batch[0..k)}, in parallel per in-arc. */
  private void updateStale(ExecutorService pool, WitnessSearch[] ws, int[] batch, int k) {
    long wall0 = System.nanoTime();
    long cpu0 = threadCpu();
    int[] nodes = new int[k];
    int m = 0;
    for (int i = 0; i < k; i++) {
      if (stale[batch[i]]) {
        nodes[m++] = batch[i];
      }
    }
    int t = tasks(nodes, m);
    times.serial(BOOKKEEPING, wall0, cpu0);
    int[] tn = taskNode;
    int[] ta = taskArc;
    long[] counts = taskCount;
    int settled = limits.simulationSettled();
    int hops = limits.simulationHops();
    parallel(
        LAZY,
        pool,
        ws,
        t,
        (s, j) -> counts[j] = shortcutsVia(s, tn[j], ta[j], null, settled, hops));
    wall0 = System.nanoTime();
    cpu0 = threadCpu();
    for (int i = 0; i < m; i++) {
      long r = 0;
      for (int j = taskFirst[i]; j < taskFirst[i + 1]; j++) {
        r += counts[j];
      }
      prio[nodes[i]] = priority(nodes[i], r);
      stale[nodes[i]] = false;
    }
    times.serial(BOOKKEEPING, wall0, cpu0);
  }

  private void contractAll() {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    try {
      WitnessSearch[] ws = new WitnessSearch[threads];
      for (int t = 0; t < threads; t++) {
        ws[t] = new WitnessSearch(this, n);
      }
      parallel(INIT, pool, ws, n, (s, v) -> prio[v] = priority(s, v));
      int[] remaining = new int[n];
      for (int v = 0; v < n; v++) {
        remaining[v] = v;
      }
      int left = n;
      int nextRank = 0;
      boolean[] chosen = new boolean[n];
      int[] batch = new int[n];
      while (left > 0) {
        final int[] rem = remaining;
        final int count = left;
        parallel(SELECT, pool, ws, count, (s, i) -> chosen[rem[i]] = localMinimum(rem[i]));
        long wall0 = System.nanoTime();
        long cpu0 = threadCpu();
        int k = 0;
        for (int i = 0; i < count; i++) {
          if (chosen[rem[i]]) {
            batch[k++] = rem[i];
            chosen[rem[i]] = false;
          }
        }
        times.serial(BOOKKEEPING, wall0, cpu0);
        final int candidates = k;
        updateStale(pool, ws, batch, candidates);
        parallel(
            RECHECK, pool, ws, candidates, (s, i) -> chosen[batch[i]] = localMinimum(batch[i]));
        wall0 = System.nanoTime();
        cpu0 = threadCpu();
        k = 0;
        for (int i = 0; i < candidates; i++) {
          if (chosen[batch[i]]) {
            chosen[batch[i]] = false;
            batch[k++] = batch[i];
          }
        }
        if (k == 0) {
          times.serial(BOOKKEEPING, wall0, cpu0);
          continue;
        }
        times.serial(BOOKKEEPING, wall0, cpu0);
        rounds++;
        if (k < 256) {
          smallRounds++;
        }
        nextRank = contract(pool, ws, batch, k, nextRank);
        wall0 = System.nanoTime();
        cpu0 = threadCpu();
        int m = 0;
        for (int i = 0; i < left; i++) {
          if (!contracted[remaining[i]]) {
            remaining[m++] = remaining[i];
          }
        }
        left = m;
        times.serial(BOOKKEEPING, wall0, cpu0);
      }
      stats = times.stats(rounds, smallRounds);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** Contracts the independent set {@code batch[0..k)}; returns the next free rank. */
  private int contract(ExecutorService pool, WitnessSearch[] ws, int[] batch, int k, int nextRank) {
    for (int i = 0; i < k; i++) {
      contracted[batch[i]] = true;
    }
    int t = tasks(batch, k);
    int[] tn = taskNode;
    int[] ta = taskArc;
    int settled = limits.contractionSettled();
    int hops = limits.contractionHops();
    Shortcuts[] found = new Shortcuts[t];
    parallel(
        WITNESS,
        pool,
        ws,
        t,
        (s, j) -> {
          Shortcuts buffer = s.buffer;
          buffer.size = 0;
          shortcutsVia(s, tn[j], ta[j], buffer, settled, hops);
          if (buffer.size > 0) {
            found[j] = buffer.copy();
          }
        });
    long wall0 = System.nanoTime();
    long cpu0 = threadCpu();
    for (int i = 0; i < k; i++) {
      int v = batch[i];
      rank[v] = nextRank++;
      upOut[v] = Arrays.copyOf(out[v], outN[v]);
      upIn[v] = Arrays.copyOf(in[v], inN[v]);
      for (int a : upOut[v]) {
        int x = arcTo[a];
        remove(in[x], inN, x, a);
        touch(x, v);
      }
      for (int a : upIn[v]) {
        int u = arcFrom[a];
        remove(out[u], outN, u, a);
        touch(u, v);
      }
      out[v] = null;
      in[v] = null;
      outN[v] = 0;
      inN[v] = 0;
    }
    for (Shortcuts sc : found) {
      if (sc == null) {
        continue;
      }
      for (int j = 0; j < sc.size; j++) {
        addOrImprove(
            sc.from[j],
            sc.to[j],
            sc.w[j],
            sc.s1[j],
            sc.s2[j],
            arcHops[sc.s1[j]] + arcHops[sc.s2[j]]);
      }
    }
    times.serial(APPLY, wall0, cpu0);
    return nextRank;
  }

  private void touch(int neighbour, int v) {
    deleted[neighbour]++;
    level[neighbour] = Math.max(level[neighbour], level[v] + 1);
    stale[neighbour] = true;
  }

  private ContractionHierarchy result(int originalNodes, int[] targetNode) {
    int[] upFirst = new int[n + 1];
    int[] downFirst = new int[n + 1];
    for (int v = 0; v < n; v++) {
      upFirst[v + 1] = upFirst[v] + upOut[v].length;
      downFirst[v + 1] = downFirst[v] + upIn[v].length;
    }
    int[] upArc = new int[upFirst[n]];
    int[] downArc = new int[downFirst[n]];
    for (int v = 0; v < n; v++) {
      System.arraycopy(upOut[v], 0, upArc, upFirst[v], upOut[v].length);
      System.arraycopy(upIn[v], 0, downArc, downFirst[v], upIn[v].length);
      upOut[v] = null;
      upIn[v] = null;
    }
    return new ContractionHierarchy(
        originalNodes,
        targetNode,
        rank,
        upFirst,
        upArc,
        downFirst,
        downArc,
        Arrays.copyOf(arcFrom, arcCount),
        Arrays.copyOf(arcTo, arcCount),
        Arrays.copyOf(arcW, arcCount),
        Arrays.copyOf(arcS1, arcCount),
        Arrays.copyOf(arcS2, arcCount),
        stats);
  }
}
