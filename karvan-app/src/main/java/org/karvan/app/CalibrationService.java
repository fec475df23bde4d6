package org.karvan.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;

/**
 * Fits the profile's free parameters to the training half of the back-test's cases, as a whole:
 * coordinate descent on each parameter's log, within physical bounds, minimising the mean squared
 * log-distance of Karvan's figures to the published bands plus a weak pull towards the starting
 * values (so that a parameter no case informs stays where its source put it). Never fitted to one
 * case; the test half is reported as held out. See docs/validation.md.
 */
public final class CalibrationService {
  /** A parameter to fit, with the physical bounds of its value. */
  public record Param(String key, double min, double max) {}

  /**
   * The default free parameters: the profile's own estimates (no source gives them) of commercial
   * speeds, handling and dwell, port customs, and sea and terminal tariffs; bounds are what the
   * corridor's published ranges allow. Parameters with a source are never fitted: {@link #fit}
   * skips any parameter the profile does not mark as an estimate.
   */
  public static final List<Param> DEFAULT_PARAMS =
      List.of(
          new Param("rail.speed_kmh", 12, 60),
          new Param("road.speed_kmh", 40, 80),
          new Param("endpoint.handling_h", 2, 48),
          new Param("port.transshipment_h", 6, 72),
          new Param("customs.port.transit_h", 2, 72),
          new Param("sea.usd_per_teu_km", 0.01, 0.5),
          new Param("terminal.default_usd_per_teu", 20, 400),
          new Param("endpoint.usd_per_teu", 20, 400));

  /** Fit quality on one half: the loss and how many cases fall within their band. */
  public record Score(double loss, long within, long computed, long cases) {}

  /** The fitted values and the score of each half before and after. */
  public record Fit(
      Map<String, Double> before,
      Map<String, Double> after,
      Score trainBefore,
      Score trainAfter,
      Score testBefore,
      Score testAfter,
      int evaluations,
      List<String> skipped) {}

  /** Weight of the pull towards the starting values, per squared log-factor. */
  static final double PRIOR = 0.01;

  private CalibrationService() {}

  public static Fit fit(
      Network net, Profile base, List<BacktestService.Case> cases, List<Param> params) {
    return fit(net, base, cases, params, PRIOR);
  }

  /** As {@link #fit(Network, Profile, List, List)} with the prior's weight given. */
  public static Fit fit(
      Network net,
      Profile base,
      List<BacktestService.Case> cases,
      List<Param> params,
      double prior) {
    List<String> skipped = new ArrayList<>();
    List<Param> free = new ArrayList<>();
    Map<String, Double> start = new LinkedHashMap<>();
    for (Param p : params) {
      var par = base.find(p.key());
      if (par.isEmpty()) {
        skipped.add(p.key() + " (not in the profile)");
      } else if (!par.get().estimate()) {
        skipped.add(p.key() + " (has a source: " + par.get().source() + "; not fitted)");
      } else {
        start.put(p.key(), par.get().value());
        free.add(p);
      }
    }
    List<BacktestService.Case> train =
        cases.stream().filter(c -> c.half().equals("train")).toList();
    List<BacktestService.Case> test = cases.stream().filter(c -> c.half().equals("test")).toList();
    int[] evals = {0};
    Map<String, Double> cur = new LinkedHashMap<>(start);
    double best = loss(net, base, cur, start, train, prior, evals);
    for (int sweep = 0; sweep < 3; sweep++) {
      for (Param p : free) {
        double lo = Math.log(p.min());
        double hi = Math.log(p.max());
        // Golden-section search on the log of this parameter, others held.
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double fc = at(net, base, cur, start, train, prior, p.key(), Math.exp(c), evals);
        double fd = at(net, base, cur, start, train, prior, p.key(), Math.exp(d), evals);
        for (int i = 0; i < 14; i++) {
          if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = at(net, base, cur, start, train, prior, p.key(), Math.exp(c), evals);
          } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = at(net, base, cur, start, train, prior, p.key(), Math.exp(d), evals);
          }
        }
        double x = Math.exp((a + b) / 2);
        double fx = at(net, base, cur, start, train, prior, p.key(), x, evals);
        if (fx < best) {
          best = fx;
          cur.put(p.key(), x);
        }
      }
    }
    return new Fit(
        start,
        cur,
        score(net, base, start, train),
        score(net, base, cur, train),
        score(net, base, start, test),
        score(net, base, cur, test),
        evals[0],
        skipped);
  }

  private static double at(
      Network net,
      Profile base,
      Map<String, Double> cur,
      Map<String, Double> start,
      List<BacktestService.Case> cases,
      double prior,
      String key,
      double value,
      int[] evals) {
    Map<String, Double> m = new LinkedHashMap<>(cur);
    m.put(key, value);
    return loss(net, base, m, start, cases, prior, evals);
  }

  private static double loss(
      Network net,
      Profile base,
      Map<String, Double> values,
      Map<String, Double> start,
      List<BacktestService.Case> cases,
      double prior,
      int[] evals) {
    evals[0]++;
    Score s = score(net, base, values, cases);
    double pull = 0;
    for (var e : values.entrySet()) {
      double l = Math.log(e.getValue() / start.get(e.getKey()));
      pull += l * l;
    }
    return s.loss() + prior * pull;
  }

  /** Mean squared log-distance to the band over the cases Karvan can compute. */
  static Score score(
      Network net, Profile base, Map<String, Double> values, List<BacktestService.Case> cases) {
    Karvan k = Karvan.open(net, base.with(values, "calibration"));
    BacktestService bt = k.backtest();
    double sum = 0;
    long within = 0;
    long computed = 0;
    for (BacktestService.Case c : cases) {
      BacktestService.Outcome o = bt.run(c);
      if (o.figure() == null || !(o.figure() > 0)) {
        continue;
      }
      computed++;
      if (o.within()) {
        within++;
        continue;
      }
      double bound = o.figure() < c.low() ? c.low() : c.high();
      double l = Math.log(o.figure() / Math.max(bound, 1e-9));
      sum += l * l;
    }
    return new Score(computed == 0 ? 0 : sum / computed, within, computed, cases.size());
  }
}
