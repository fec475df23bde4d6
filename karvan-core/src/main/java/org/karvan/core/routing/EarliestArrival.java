package org.karvan.core.routing;

import java.util.Arrays;
import java.util.BitSet;
import org.karvan.core.graph.Csr;
import org.karvan.core.graph.MinHeap;
import org.karvan.core.graph.Sailings;
import org.karvan.core.graph.ZoneClock;

/**
 * Earliest-arrival search over timetables: Dijkstra's algorithm whose label is the arrival time
 * (hours since {@link Sailings#REFERENCE}, UTC) and whose edges are functions of the time they are
 * entered. An edge with departures ({@code sailings[e] != null}) costs the wait for the next
 * departure plus its fixed part ({@code weight[e] - expectedWait[e]}: sailing, clearance); every
 * other edge its fixed {@code weight[e]}. Because every arrival function {@code t ↦ next(t) + c} is
 * non-decreasing (FIFO), settling labels in order of arrival time is exact (Dreyfus 1969; Kaufman
 * and Smith, "Fastest paths in time-dependent networks for intelligent vehicle-highway systems
 * application", IVHS Journal 1(1), 1993), and waiting at a node never helps.
 *
 * <p>Time O((V + E) log V) per query, like Dijkstra; the workspace is allocated per query (O(V)).
 * Sinks are reached but never expanded unless they are a source, as in {@link Dijkstra}.
 */
final class EarliestArrival {
  private final Csr g;
  private final double[] weight;
  private final double[] expectedWait;
  private final Sailings[] sailings;
  private final ZoneClock clock;
  private double[] arr;
  private int[] parent;
  private boolean[] done;

  /**
   * @param weight hours per edge (the TIME weights, expected waits included)
   * @param expectedWait the expected wait folded into each weight, h (replaced by the real wait)
   * @param sailings the departures behind each edge, or {@code null} entries for fixed edges
   * @param clock the route's clock: the zone of ports without one (the origin's, else UTC)
   */
  EarliestArrival(
      Csr g, double[] weight, double[] expectedWait, Sailings[] sailings, ZoneClock clock) {
    if (weight.length != g.edgeCount()
        || expectedWait.length != g.edgeCount()
        || sailings.length != g.edgeCount()) {
      throw new IllegalArgumentException("one weight, wait and timetable entry per edge");
    }
    this.g = g;
    this.weight = weight;
    this.expectedWait = expectedWait;
    this.sailings = sailings;
    this.clock = clock;
  }

  /** The time of arrival at the head of {@code e} when entering it at time {@code t}. */
  double arrive(int e, double t) {
    Sailings s = sailings[e];
    return s == null ? t + weight[e] : s.next(t, clock) + (weight[e] - expectedWait[e]);
  }

  /**
   * Earliest arrival at each of {@code targets} ({@code +∞} when unreachable) from {@code
   * sources[i]} at time {@code start[i]} ({@code +∞}: not a source).
   */
  double[] arrivals(int[] sources, double[] start, int[] targets, BitSet disabled, BitSet sinks) {
    run(sources, start, targets, disabled, sinks);
    double[] out = new double[targets.length];
    for (int i = 0; i < targets.length; i++) {
      out[i] = done[targets[i]] ? arr[targets[i]] : Double.POSITIVE_INFINITY;
    }
    return out;
  }

  /**
   * The earliest-arrival path to {@code target}; {@link PathResult#weight()} is the arrival time
   * and {@link PathResult#source()} the source it leaves from.
   */
  PathResult routeFrom(int[] sources, double[] start, int target, BitSet disabled, BitSet sinks) {
    int settled = run(sources, start, new int[] {target}, disabled, sinks);
    if (!done[target]) {
      return PathResult.none(-1, target, settled);
    }
    int n = 0;
    int v = target;
    while (parent[v] >= 0) {
      n++;
      v = g.tail(parent[v]);
    }
    int src = v;
    int[] edges = new int[n];
    v = target;
    for (int i = n - 1; i >= 0; i--) {
      edges[i] = parent[v];
      v = g.tail(parent[v]);
    }
    return new PathResult(src, target, arr[target], edges, settled);
  }

  private int run(int[] sources, double[] start, int[] targets, BitSet disabled, BitSet sinks) {
    if (sources.length != start.length) {
      throw new IllegalArgumentException("one start time per source is needed");
    }
    int n = g.nodeCount();
    arr = new double[n];
    parent = new int[n];
    done = new boolean[n];
    Arrays.fill(arr, Double.POSITIVE_INFINITY);
    Arrays.fill(parent, -1);
    MinHeap heap = new MinHeap(n);
    BitSet isSource = new BitSet(n);
    for (int i = 0; i < sources.length; i++) {
      if (start[i] < arr[sources[i]]) {
        arr[sources[i]] = start[i];
        heap.push(sources[i], start[i]);
        isSource.set(sources[i]);
      }
    }
    BitSet wanted = new BitSet(n);
    for (int t : targets) {
      wanted.set(t);
    }
    int remaining = wanted.cardinality();
    int settled = 0;
    while (!heap.isEmpty() && remaining > 0) {
      int u = heap.pop();
      done[u] = true;
      if ((++settled & Cancellation.MASK) == 0) {
        Cancellation.check();
      }
      if (wanted.get(u)) {
        remaining--;
      }
      if (sinks != null && !isSource.get(u) && sinks.get(u)) {
        continue;
      }
      double tu = arr[u];
      for (int e = g.firstOut(u), end = g.endOut(u); e < end; e++) {
        if (disabled != null && disabled.get(e)) {
          continue;
        }
        int v = g.head(e);
        double tv = arrive(e, tu);
        // At an equal arrival, staying aboard (no departure to wait for) beats boarding the same
        // departure further down the line (a box on a train does not change onto it).
        boolean tie =
            Math.abs(tv - arr[v]) <= 1e-9
                && sailings[e] == null
                && parent[v] >= 0
                && sailings[parent[v]] != null;
        if ((tv < arr[v] || tie) && !done[v]) {
          arr[v] = tv;
          parent[v] = e;
          heap.push(v, tv);
        }
      }
    }
    return settled;
  }
}
