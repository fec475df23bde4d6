package org.karvan.core.assign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.karvan.core.routing.Cancellation;

/**
 * User-equilibrium static assignment (Wardrop's first principle) by minimising the Beckmann
 * objective with the Frank-Wolfe family: plain FW (Frank and Wolfe 1956; LeBlanc, Morlok and
 * Pierskalla 1975), conjugate and bi-conjugate FW (Mitradjieva and Lindberg, Transportation Science
 * 47(2), 2013, with the step rules of AequilibraE), and the method of successive averages.
 *
 * <p>Each iteration: edge costs at the current flows {@code x}; an all-or-nothing loading {@code y}
 * on them; the relative gap of {@code x}, {@code (Σ x·c − Σ y·c) / Σ x·c}; stop when it is at most
 * the target; else a search direction {@code d} (FW: {@code y}; CFW: a combination of {@code y} and
 * the previous direction conjugate with respect to the Hessian of the objective; BFW: of {@code y}
 * and the two previous directions) and a step {@code τ ∈ [0,1]} by bisection on the directional
 * derivative of the Beckmann objective; {@code x ← x + τ (d − x)}. When a conjugate direction is
 * not a descent direction the iteration falls back to a FW step.
 */
public final class Equilibrium {
  private Equilibrium() {}

  /**
   * How to solve.
   *
   * @param targetGap stop when the relative gap is at most this (0 &lt; gap &lt; 1)
   * @param maxIterations stop after this many iterations
   * @param threads worker threads for the all-or-nothing loadings
   */
  public record Settings(Method method, double targetGap, int maxIterations, int threads) {
    public Settings {
      if (!(targetGap > 0) || !(targetGap < 1)) {
        throw new IllegalArgumentException(
            "target gap must be in (0, 1), got " + String.format(Locale.ROOT, "%g", targetGap));
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("iteration limit must be at least 1");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
    }
  }

  /**
   * One iteration: the relative gap and Beckmann objective of the flows it started from, and the
   * step taken from them ({@code NaN} on the last).
   */
  public record Iteration(
      int iteration, double gap, double objective, double step, String direction, long millis) {}

  /**
   * The solution.
   *
   * @param flows edge flows in CSR edge order
   * @param costs edge costs at those flows
   * @param gap relative gap of {@code flows}
   * @param unreachable demand whose destination cannot be reached (not loaded)
   */
  public record Result(
      double[] flows,
      double[] costs,
      double gap,
      double objective,
      boolean converged,
      List<Iteration> iterations,
      double unreachable,
      long millis) {
    /** The convergence report as CSV: iteration, relative gap, Beckmann objective, step. */
    public String convergenceCsv() {
      StringBuilder sb = new StringBuilder("iteration,relative_gap,objective,step,direction,ms\n");
      for (Iteration it : iterations) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%d,%.6e,%.10e,%s,%s,%d%n",
                it.iteration(),
                it.gap(),
                it.objective(),
                Double.isNaN(it.step()) ? "" : String.format(Locale.ROOT, "%.6e", it.step()),
                it.direction(),
                it.millis()));
      }
      return sb.toString();
    }
  }

  /** Solves with no progress reporting. */
  public static Result solve(AssignmentNetwork net, OdMatrix od, Settings s) {
    return solve(net, od, s, it -> {});
  }

  /** Solves, reporting each iteration to {@code progress}. */
  public static Result solve(
      AssignmentNetwork net, OdMatrix od, Settings s, Consumer<Iteration> progress) {
    long t0 = System.nanoTime();
    int m = net.edgeCount();
    double[] cost = new double[m];
    List<Iteration> its = new ArrayList<>();
    try (AllOrNothing aon = new AllOrNothing(net, od, s.threads())) {
      net.costs(new double[m], cost);
      AllOrNothing.Load first = aon.load(cost);
      double[] x = first.flows();
      double unreachable = first.unreachable();
      if (s.method() == Method.AON) {
        net.costs(x, cost);
        double gap = gap(x, cost, aon.load(cost).sptt());
        Iteration it = new Iteration(1, gap, net.beckmann(x), Double.NaN, "aon", ms(t0));
        its.add(it);
        progress.accept(it);
        return new Result(x, cost.clone(), gap, net.beckmann(x), false, its, unreachable, ms(t0));
      }
      Solver solver = new Solver(net, s.method());
      double gap = Double.NaN;
      boolean converged = false;
      for (int k = 1; ; k++) {
        Cancellation.check();
        net.costs(x, cost);
        AllOrNothing.Load y = aon.load(cost);
        gap = gap(x, cost, y.sptt());
        double obj = net.beckmann(x);
        if (gap <= s.targetGap() || k >= s.maxIterations()) {
          converged = gap <= s.targetGap();
          Iteration it = new Iteration(k, gap, obj, Double.NaN, "", ms(t0));
          its.add(it);
          progress.accept(it);
          return new Result(x, cost.clone(), gap, obj, converged, its, unreachable, ms(t0));
        }
        String dir = solver.step(x, y.flows(), k);
        Iteration it = new Iteration(k, gap, obj, solver.tau, dir, ms(t0));
        its.add(it);
        progress.accept(it);
      }
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static double gap(double[] x, double[] cost, double sptt) {
    double tstt = 0;
    for (int e = 0; e < x.length; e++) {
      tstt += x[e] * cost[e];
    }
    if (tstt <= 0) {
      return 0;
    }
    return Math.max(0, (tstt - sptt) / tstt);
  }

  /** Direction and step state across iterations. */
  private static final class Solver {
    final AssignmentNetwork net;
    final Method method;
    final int m;
    double[] dir; // s_k: the current direction point (a flow vector)
    double[] prevDir; // s_{k-1}
    double tau = 1;
    String last; // the kind of the previous step

    Solver(AssignmentNetwork net, Method method) {
      this.net = net;
      this.method = method;
      this.m = net.edgeCount();
    }

    /** Moves {@code x} one step towards a direction built from the AON flows {@code y}. */
    String step(double[] x, double[] y, int k) {
      String kind;
      double[] d;
      if (method == Method.MSA) {
        tau = 1.0 / (k + 1);
        axpy(x, y, tau);
        return "msa";
      }
      if (method == Method.FW || dir == null || tau >= 1.0) {
        d = y.clone();
        kind = "fw";
      } else if (method == Method.CFW || "fw".equals(last)) {
        d = conjugate(x, y);
        kind = "cfw";
      } else {
        d = biconjugate(x, y);
        kind = "bfw";
      }
      double t = lineSearch(x, d);
      if (t <= 0 && !kind.equals("fw")) {
        // Not a descent direction: restart from a FW step.
        d = y.clone();
        kind = "fw";
        t = lineSearch(x, d);
      }
      if (t <= 0) {
        t = 1e-2 / (k + 1); // flat objective: a small MSA-like step keeps the method moving
      }
      tau = t;
      prevDir = dir;
      dir = d;
      axpy(x, d, t);
      last = kind;
      return kind;
    }

    /** x ← x + t (d − x). */
    private static void axpy(double[] x, double[] d, double t) {
      for (int e = 0; e < x.length; e++) {
        x[e] += t * (d[e] - x[e]);
      }
    }

    /** Σ_r H_r (Σ_{e∈r} a_e)(Σ_{e∈r} b_e): a·H·b with the (resource) Hessian at {@code x}. */
    private double hess(double[] hr, double[] a, double[] b) {
      double[] ar = net.resourceVolumes(a);
      double[] br = a == b ? ar : net.resourceVolumes(b);
      double s = 0;
      for (int r = 0; r < hr.length; r++) {
        s += hr[r] * ar[r] * br[r];
      }
      return s;
    }

    private double[] hessianDiag(double[] x) {
      double[] v = net.resourceVolumes(x);
      double[] h = new double[v.length];
      for (int r = 0; r < v.length; r++) {
        h[r] = net.delayDerivative(r, v[r]);
      }
      return h;
    }

    private static double[] minus(double[] a, double[] b) {
      double[] out = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = a[i] - b[i];
      }
      return out;
    }

    /** CFW: {@code d = α s_k + (1 − α) y}, α making d − x conjugate to s_k − x. */
    private double[] conjugate(double[] x, double[] y) {
      double[] h = hessianDiag(x);
      double[] sMinusX = minus(dir, x);
      double num = hess(h, sMinusX, minus(y, x));
      double den = hess(h, sMinusX, minus(y, dir));
      double a = den == 0 ? 0 : num / den;
      a = Math.max(0, Math.min(0.99999, a));
      double[] d = new double[m];
      for (int e = 0; e < m; e++) {
        d[e] = a * dir[e] + (1 - a) * y[e];
      }
      return d;
    }

    /** BFW: {@code d = β0 y + β1 s_k + β2 s_{k−1}} (Mitradjieva and Lindberg 2013, eq. 17–19). */
    private double[] biconjugate(double[] x, double[] y) {
      double[] h = hessianDiag(x);
      double[] xs = new double[m]; // τ s_k + (1 − τ) s_{k−1} − x
      double[] w = minus(prevDir, dir); // s_{k−1} − s_k
      double[] z = minus(dir, x); // s_k − x
      double[] yx = minus(y, x);
      for (int e = 0; e < m; e++) {
        xs[e] = tau * dir[e] + (1 - tau) * prevDir[e] - x[e];
      }
      double muDen = hess(h, xs, w);
      double mu = muDen == 0 ? 0 : Math.max(0, -hess(h, xs, yx) / muDen);
      double nuDen = hess(h, z, z);
      double nu = nuDen == 0 ? 0 : Math.max(0, -hess(h, z, yx) / nuDen + mu * tau / (1 - tau));
      double b0 = 1 / (1 + nu + mu);
      double b1 = nu * b0;
      double b2 = mu * b0;
      double[] d = new double[m];
      for (int e = 0; e < m; e++) {
        d[e] = b0 * y[e] + b1 * dir[e] + b2 * prevDir[e];
      }
      return d;
    }

    /**
     * The step τ ∈ [0, 1] minimising the Beckmann objective along {@code x + τ (d − x)}: bisection
     * on its derivative {@code Σ (d − x)·c(x + τ (d − x))}, which increases with τ.
     */
    private double lineSearch(double[] x, double[] d) {
      double[] dx = minus(d, x);
      double fixedPart = 0;
      for (int e = 0; e < m; e++) {
        fixedPart += dx[e] * net.fixed(e);
      }
      double[] v = net.resourceVolumes(x);
      double[] dv = net.resourceVolumes(dx);
      double g0 = derivative(fixedPart, v, dv, 0);
      if (g0 >= 0) {
        return 0;
      }
      if (derivative(fixedPart, v, dv, 1) <= 0) {
        return 1;
      }
      double lo = 0;
      double hi = 1;
      for (int i = 0; i < 60 && hi - lo > 1e-15; i++) {
        double mid = 0.5 * (lo + hi);
        if (derivative(fixedPart, v, dv, mid) < 0) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return 0.5 * (lo + hi);
    }

    private double derivative(double fixedPart, double[] v, double[] dv, double t) {
      double s = fixedPart;
      for (int r = 0; r < v.length; r++) {
        if (dv[r] != 0) {
          s += dv[r] * net.delay(r, v[r] + t * dv[r]);
        }
      }
      return s;
    }
  }
}
