package org.karvan.core.assign;

import java.util.Arrays;
import java.util.BitSet;
import org.karvan.core.graph.Csr;

/**
 * A link-based network for static traffic assignment: a {@link Csr} graph whose edges have a fixed
 * cost and may share a congestible <em>resource</em> (a road link, a border crossing, a terminal, a
 * ferry slot) with a BPR volume-delay function. The cost of edge {@code e} at resource volumes
 * {@code V} is {@code fixed[e] + D_r(V_r)} with {@code D_r(V) = d0_r · α_r · (V / cap_r)^β_r},
 * where {@code V_r} is the sum of the flows on the edges of resource {@code r}. For a TNTP link,
 * {@code fixed} is the free-flow time plus the generalised toll and distance terms and {@code d0}
 * the free-flow time, which gives the usual {@code t = t0 (1 + α (x/c)^β)}. Because the delay
 * depends only on the resource volume, the cost Jacobian is symmetric and the Beckmann objective
 * exists.
 *
 * <p>Zones are the nodes where trips start and end; nodes in {@code noThrough} are reached but
 * never passed through (TNTP zones below the first thru node, hubs of the multimodal network).
 * Immutable.
 */
public final class AssignmentNetwork {
  private final Csr csr;
  private final double[] fixed;
  private final int[] resourceOf;
  private final double[] d0;
  private final double[] alpha;
  private final double[] beta;
  private final double[] capacity;
  private final int[] zoneNode;
  private final BitSet noThrough;
  private final int[] inputOf;
  private final int[] csrOf;

  private AssignmentNetwork(Builder b) {
    int m = b.edges;
    int[] order = new int[m];
    csr = Csr.of(b.nodes, b.tails, b.heads, m, order);
    fixed = Csr.permute(Arrays.copyOf(b.fixed, m), order);
    resourceOf = Csr.permute(Arrays.copyOf(b.res, m), order);
    inputOf = order;
    csrOf = new int[m];
    for (int e = 0; e < m; e++) {
      csrOf[order[e]] = e;
    }
    int r = b.resources;
    d0 = Arrays.copyOf(b.d0, r);
    alpha = Arrays.copyOf(b.alpha, r);
    beta = Arrays.copyOf(b.beta, r);
    capacity = Arrays.copyOf(b.cap, r);
    zoneNode = b.zoneNode == null ? new int[0] : b.zoneNode.clone();
    noThrough = b.noThrough == null ? new BitSet() : (BitSet) b.noThrough.clone();
  }

  /** A builder for a network of {@code nodes} nodes. */
  public static Builder builder(int nodes) {
    return new Builder(nodes);
  }

  /** Builds an {@link AssignmentNetwork}: edges and resources in input order. */
  public static final class Builder {
    private final int nodes;
    private int edges;
    private int resources;
    private int[] tails = new int[16];
    private int[] heads = new int[16];
    private double[] fixed = new double[16];
    private int[] res = new int[16];
    private double[] d0 = new double[16];
    private double[] alpha = new double[16];
    private double[] beta = new double[16];
    private double[] cap = new double[16];
    private int[] zoneNode;
    private BitSet noThrough;

    private Builder(int nodes) {
      if (nodes < 1) {
        throw new IllegalArgumentException("a network needs at least one node");
      }
      this.nodes = nodes;
    }

    /**
     * Adds a congestible resource with delay {@code d0 · alpha · (V / capacity)^beta}; returns its
     * index.
     */
    public int resource(double d0, double alpha, double beta, double capacity) {
      if (!(capacity > 0) || !(d0 >= 0) || !(alpha >= 0) || !(beta >= 1)) {
        throw new IllegalArgumentException(
            "resource needs capacity > 0, d0 >= 0, alpha >= 0, beta >= 1; got capacity="
                + capacity
                + ", d0="
                + d0
                + ", alpha="
                + alpha
                + ", beta="
                + beta);
      }
      if (resources == this.d0.length) {
        int n = resources * 2;
        this.d0 = Arrays.copyOf(this.d0, n);
        this.alpha = Arrays.copyOf(this.alpha, n);
        this.beta = Arrays.copyOf(this.beta, n);
        this.cap = Arrays.copyOf(this.cap, n);
      }
      this.d0[resources] = d0;
      this.alpha[resources] = alpha;
      this.beta[resources] = beta;
      this.cap[resources] = capacity;
      return resources++;
    }

    /**
     * Adds an edge with a fixed cost, using resource {@code resource} (or none when -1); returns
     * its input index.
     */
    public int edge(int tail, int head, double fixedCost, int resource) {
      if (tail < 0 || tail >= nodes || head < 0 || head >= nodes) {
        throw new IllegalArgumentException(
            "edge " + edges + " has an endpoint outside [0, " + nodes + ")");
      }
      if (!(fixedCost >= 0) || Double.isInfinite(fixedCost)) {
        throw new IllegalArgumentException("edge " + edges + " has a negative or invalid cost");
      }
      if (resource < -1 || resource >= resources) {
        throw new IllegalArgumentException("edge " + edges + ": unknown resource " + resource);
      }
      if (edges == tails.length) {
        int n = edges * 2;
        tails = Arrays.copyOf(tails, n);
        heads = Arrays.copyOf(heads, n);
        fixed = Arrays.copyOf(fixed, n);
        res = Arrays.copyOf(res, n);
      }
      tails[edges] = tail;
      heads[edges] = head;
      fixed[edges] = fixedCost;
      res[edges] = resource;
      return edges++;
    }

    /**
     * A BPR link {@code t = t0 (1 + alpha (x / capacity)^beta) + extra}: its own resource when
     * capacity is positive, else an uncongested edge. Returns the input index of the edge.
     */
    public int bprLink(
        int tail, int head, double t0, double capacity, double alpha, double beta, double extra) {
      int r = capacity > 0 && alpha > 0 ? resource(t0, alpha, beta, capacity) : -1;
      return edge(tail, head, t0 + extra, r);
    }

    /** The node of each zone (zone {@code z} starts and ends trips at node {@code zones[z]}). */
    public Builder zones(int[] zones) {
      for (int z : zones) {
        if (z < 0 || z >= nodes) {
          throw new IllegalArgumentException("zone node " + z + " outside [0, " + nodes + ")");
        }
      }
      this.zoneNode = zones.clone();
      return this;
    }

    /** Nodes that trips may reach but never pass through. */
    public Builder noThrough(BitSet nodes) {
      this.noThrough = (BitSet) nodes.clone();
      return this;
    }

    public AssignmentNetwork build() {
      return new AssignmentNetwork(this);
    }
  }

  public Csr csr() {
    return csr;
  }

  public int edgeCount() {
    return csr.edgeCount();
  }

  public int resourceCount() {
    return d0.length;
  }

  public int zoneCount() {
    return zoneNode.length;
  }

  public int zoneNode(int zone) {
    return zoneNode[zone];
  }

  /** True when trips may not pass through node {@code v}. */
  public boolean isNoThrough(int v) {
    return noThrough.get(v);
  }

  BitSet noThroughShared() {
    return noThrough;
  }

  /** The input index of CSR edge {@code e}. */
  public int inputOf(int e) {
    return inputOf[e];
  }

  /** The CSR edge of input edge {@code i}. */
  public int csrOf(int i) {
    return csrOf[i];
  }

  public double fixed(int e) {
    return fixed[e];
  }

  /** The resource of CSR edge {@code e}, or -1. */
  public int resourceOf(int e) {
    return resourceOf[e];
  }

  public double capacity(int r) {
    return capacity[r];
  }

  /** The delay of resource {@code r} at volume {@code v}. */
  public double delay(int r, double v) {
    return d0[r] * alpha[r] * pow(v / capacity[r], beta[r]);
  }

  /** The integral of the delay of resource {@code r} from 0 to {@code v}. */
  public double delayIntegral(int r, double v) {
    double b = beta[r];
    return d0[r] * alpha[r] * capacity[r] / (b + 1) * pow(v / capacity[r], b + 1);
  }

  /** The derivative of the delay of resource {@code r} at {@code v}. */
  public double delayDerivative(int r, double v) {
    double b = beta[r];
    if (v <= 0) {
      return b == 1 ? d0[r] * alpha[r] / capacity[r] : 0;
    }
    return d0[r] * alpha[r] * b / capacity[r] * pow(v / capacity[r], b - 1);
  }

  /** x^b for x ≥ 0, with a fast path for small integer powers (BPR's 4). */
  static double pow(double x, double b) {
    if (x <= 0) {
      return 0;
    }
    if (b == 4) {
      double x2 = x * x;
      return x2 * x2;
    }
    if (b == 1) {
      return x;
    }
    if (b == 5) {
      double x2 = x * x;
      return x2 * x2 * x;
    }
    if (b == 2) {
      return x * x;
    }
    return Math.pow(x, b);
  }

  /** Resource volumes of edge flows. */
  public double[] resourceVolumes(double[] edgeFlows) {
    double[] v = new double[d0.length];
    for (int e = 0; e < edgeFlows.length; e++) {
      int r = resourceOf[e];
      if (r >= 0) {
        v[r] += edgeFlows[e];
      }
    }
    return v;
  }

  /** Edge costs at edge flows {@code x} (into {@code out}). */
  public void costs(double[] x, double[] out) {
    double[] v = resourceVolumes(x);
    for (int e = 0; e < out.length; e++) {
      int r = resourceOf[e];
      out[e] = fixed[e] + (r >= 0 ? delay(r, v[r]) : 0);
    }
  }

  /**
   * The Beckmann objective {@code Σ_e fixed_e x_e + Σ_r ∫_0^{V_r} D_r}: the function user
   * equilibrium minimises (Beckmann, McGuire, Winsten 1956).
   */
  public double beckmann(double[] x) {
    double[] v = resourceVolumes(x);
    double s = 0;
    for (int e = 0; e < x.length; e++) {
      s += fixed[e] * x[e];
    }
    for (int r = 0; r < v.length; r++) {
      s += delayIntegral(r, v[r]);
    }
    return s;
  }
}
