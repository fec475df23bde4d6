package org.karvan.core.assign;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares of a set of alternative routes by a path-size logit model (Ben-Akiva and Bierlaire, "
 * Discrete choice methods and their applications to short term travel decisions", 1999): {@code P_i
 * ∝ PS_i · exp(−θ c_i)}, with the path size {@code PS_i = Σ_{a∈i} (L_a / L_i) / N_a}, where {@code
 * N_a} is the number of routes using element {@code a}. Overlapping routes share their probability
 * instead of counting twice, as in NODUS's multi-flow assignment (Jourquin 2005).
 */
public final class PathSizeLogit {
  private PathSizeLogit() {}

  /**
   * One alternative.
   *
   * @param cost generalised cost (any unit; θ is per that unit)
   * @param elements the elements (link ids, crossings, ...) the route uses
   * @param lengths the length of each element (km, or 1 each to count elements)
   */
  public record Alternative(double cost, List<String> elements, double[] lengths) {
    public Alternative {
      elements = List.copyOf(elements);
      lengths = lengths.clone();
      if (lengths.length != elements.size()) {
        throw new IllegalArgumentException("one length per element is needed");
      }
    }
  }

  /** The path size of each alternative, in (0, 1]. */
  public static double[] pathSizes(List<Alternative> alts) {
    Map<String, Integer> uses = new HashMap<>();
    for (Alternative a : alts) {
      for (String el : new java.util.HashSet<>(a.elements())) {
        uses.merge(el, 1, Integer::sum);
      }
    }
    double[] ps = new double[alts.size()];
    for (int i = 0; i < ps.length; i++) {
      Alternative a = alts.get(i);
      double total = 0;
      for (double l : a.lengths()) {
        total += l;
      }
      if (total <= 0) {
        ps[i] = 1;
        continue;
      }
      double s = 0;
      for (int k = 0; k < a.elements().size(); k++) {
        s += a.lengths()[k] / total / uses.get(a.elements().get(k));
      }
      ps[i] = s;
    }
    return ps;
  }

  /**
   * Choice probabilities with dispersion {@code theta} (per unit of cost); alternatives with
   * infinite cost get 0. Computed relative to the cheapest route, so large costs do not overflow.
   */
  public static double[] shares(List<Alternative> alts, double theta) {
    if (!(theta >= 0) || Double.isInfinite(theta)) {
      throw new IllegalArgumentException("theta must be a finite number >= 0, got " + theta);
    }
    double[] ps = pathSizes(alts);
    double min = Double.POSITIVE_INFINITY;
    for (Alternative a : alts) {
      min = Math.min(min, a.cost());
    }
    double[] p = new double[alts.size()];
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double c = alts.get(i).cost();
      p[i] = Double.isFinite(c) ? ps[i] * Math.exp(-theta * (c - min)) : 0;
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] = sum > 0 ? p[i] / sum : 0;
    }
    return p;
  }
}
