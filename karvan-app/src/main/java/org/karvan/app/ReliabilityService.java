package org.karvan.app;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.karvan.core.assign.Freight;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.reliability.ClosureRisk;
import org.karvan.core.reliability.ClosureRisks;
import org.karvan.core.reliability.Component;
import org.karvan.core.reliability.RouteModels;
import org.karvan.core.reliability.TransitSimulation;
import org.karvan.core.routing.Dijkstra;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.PathResult;
import org.karvan.core.routing.PenaltyMethod;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;

/**
 * Use case: Monte Carlo of door-to-door time and cost over penalty alternatives (border clearance,
 * waits for sailings, sailing and terminal dwell, the delays of the dated restrictions in force,
 * and the closure risk of each element from its history and declared rates): P50/P90/P95, on-time
 * probability, the share of samples disrupted and by what, and the most reliable route.
 */
public final class ReliabilityService {
  /** Years of closure history counted when none is given. */
  public static final int HISTORY_YEARS = 10;

  /**
   * @param spec places, cargo, constraints, scenario and date of the routes compared
   * @param deadlineDays the deadline, or {@code null}
   * @param historyYears years of closure history before the date that count (default {@value
   *     #HISTORY_YEARS})
   */
  public record Request(
      RouteSpec spec,
      int samples,
      Double deadlineDays,
      long seed,
      int alternatives,
      double cancelProbability,
      double sailingCv,
      double dwellCv,
      Integer historyYears) {
    public Request(
        RouteSpec spec,
        int samples,
        Double deadlineDays,
        long seed,
        int alternatives,
        double cancelProbability,
        double sailingCv,
        double dwellCv) {
      this(
          spec,
          samples,
          deadlineDays,
          seed,
          alternatives,
          cancelProbability,
          sailingCv,
          dwellCv,
          null);
    }

    /** The years of history in force. */
    public int history() {
      return historyYears == null ? HISTORY_YEARS : historyYears;
    }
  }

  /** One route's model and its simulated summary. */
  public record RouteRow(
      TransitSimulation.RouteModel model, TransitSimulation.Summary summary, Histogram histogram) {}

  /**
   * Arrival times of a route's samples in equal bins (days): {@code counts[i]} samples arrived in
   * {@code [fromDays + i * widthDays, fromDays + (i + 1) * widthDays)}; the bins span the first
   * sample to the 99th percentile, and the last bin also counts every later arrival (the long tail
   * of closures).
   */
  public record Histogram(double fromDays, double widthDays, int[] counts) {
    /** Bins {@code sorted} hours into {@code bins} equal bins of days (see above). */
    public static Histogram of(double[] sortedHours, int bins) {
      double lo = sortedHours[0] / 24;
      double hi = TransitSimulation.quantile(sortedHours, 0.99) / 24;
      double w = hi > lo ? (hi - lo) / bins : 1.0 / bins;
      int[] c = new int[bins];
      for (double h : sortedHours) {
        c[Math.min(bins - 1, (int) ((h / 24 - lo) / w))]++;
      }
      return new Histogram(lo, w, c);
    }
  }

  /**
   * @param best index of the most reliable route (on-time probability), or -1 without a deadline
   * @param usdPerHour value of time added to cost per hour
   * @param date the day whose events apply and before which the history counts
   * @param eventsInForce the events in force that day
   */
  public record Result(
      Network network,
      String scenario,
      RouteRequest request,
      Request settings,
      List<RouteRow> routes,
      int best,
      double usdPerHour,
      long millis,
      java.time.LocalDate date,
      List<org.karvan.core.model.NetworkEvent> eventsInForce) {}

  private final Karvan k;

  ReliabilityService(Karvan k) {
    this.k = k;
  }

  public Result run(Request r) {
    Fields f = new Fields();
    int maxSamples = k.limits().maxSamples();
    if (r.samples() < 1 || r.samples() > maxSamples) {
      f.error("samples", r.samples() + " is out of range; give 1 to " + maxSamples);
    }
    if (r.deadlineDays() != null && !(r.deadlineDays() > 0)) {
      f.error("deadline", "is not a positive number of days; give e.g. 30");
    }
    if (r.alternatives() < 1 || r.alternatives() > Math.min(10, k.limits().maxAlternatives())) {
      f.error(
          "alternatives", "must be between 1 and " + Math.min(10, k.limits().maxAlternatives()));
    }
    if (!(r.cancelProbability() >= 0 && r.cancelProbability() < 1)) {
      f.error("cancelProb", "is out of range; give a probability from 0 to below 1");
    }
    if (!(r.sailingCv() >= 0)) {
      f.error("sailingCv", "is negative; give 0 or more");
    }
    if (!(r.dwellCv() >= 0)) {
      f.error("dwellCv", "is negative; give 0 or more");
    }
    if (r.history() < 1 || r.history() > 100) {
      f.error("historyYears", r.history() + " is out of range; give 1 to 100 years");
    }
    if (!r.spec().via().isEmpty()) {
      f.error("via", "reliability does not support via places; drop them");
    }
    Resolver.Resolved res = k.resolver().resolve(r.spec(), f, true);
    f.throwIfAny();
    RouteRequest req = res.request();
    Router router = res.router();
    MultimodalGraph g = router.graph();
    Freight fr = new Freight(res.workspace().graph(), req.constraints(), res.on().view());
    double[] time = router.weights(Objective.TIME, req.cargo()).w();
    double[] usd = router.weights(Objective.COST, req.cargo()).w();
    int src = g.hub(g.physIndex(req.from()));
    int dst = g.hub(g.physIndex(req.to()));
    BitSet off = fr.off();
    off.or(router.events().closed());
    Dijkstra d = new Dijkstra(g.csr());
    List<int[]> paths = PenaltyMethod.paths(g, d, src, dst, time, off, r.alternatives(), 1.5);
    if (paths.isEmpty()) {
      throw RouteService.noRoute(router, req);
    }
    double usdPerHour = router.profile().get("value_of_time.usd_per_teu_h") * req.cargo().teu();
    List<ClosureRisks.Hazard> hazards =
        ClosureRisks.hazards(router.allEvents(), res.date(), r.history());
    RouteModels rm = new RouteModels(r.sailingCv(), r.dwellCv(), r.cancelProbability());
    List<TransitSimulation.RouteModel> models = new ArrayList<>();
    for (int[] p : paths) {
      double h = sum(time, p);
      double cost = sum(usd, p);
      // The detour round a closure: the best route with its edges closed too, by time.
      List<ClosureRisk> risks =
          ClosureRisks.of(
              g,
              p,
              hazards,
              closed -> {
                BitSet o = (BitSet) off.clone();
                o.or(closed);
                PathResult q = d.route(src, dst, time, o, g.hubs(), null);
                return q.isFound()
                    ? new double[] {sum(time, q.edges()) - h, sum(usd, q.edges()) - cost}
                    : null;
              });
      models.add(rm.of(g, String.join(" > ", fr.nodes(p)), p, cost, router.events(), risks));
    }
    long t0 = System.nanoTime();
    List<TransitSimulation.Summary> sums =
        TransitSimulation.run(
            models,
            r.samples(),
            r.seed(),
            r.deadlineDays() == null ? Double.NaN : r.deadlineDays() * 24,
            usdPerHour);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    List<RouteRow> rows = new ArrayList<>();
    for (int i = 0; i < sums.size(); i++) {
      // the same draws as the summary (same seed and route index), binned for the histogram
      double[] hours =
          TransitSimulation.simulate(models.get(i), r.samples(), r.seed(), i, usdPerHour).hours();
      rows.add(new RouteRow(models.get(i), sums.get(i), Histogram.of(hours, 30)));
    }
    int best = r.deadlineDays() == null ? -1 : TransitSimulation.best(sums);
    return new Result(
        res.on().network(),
        res.on().name(),
        req,
        r,
        rows,
        best,
        usdPerHour,
        ms,
        res.date(),
        router.events().events());
  }

  /**
   * The seed of one OD pair and scenario in a sweep: a mix of the sweep's seed and the three names
   * (node ids; "base" for the base network), so that each request's samples depend on what it is,
   * never on where or in which order a sweep runs it. Re-running {@code karvan reliability --seed}
   * with this seed gives the same numbers.
   */
  public static long seed(long base, String from, String to, String scenario) {
    long h = base ^ 0x9E3779B97F4A7C15L;
    for (String s : new String[] {from, to, scenario == null ? "base" : scenario}) {
      for (int i = 0; i < s.length(); i++) {
        h = (h ^ s.charAt(i)) * 0x100000001B3L;
      }
      h = (h ^ 0xFF) * 0x100000001B3L;
    }
    // SplitMix64 finaliser; kept non-negative so it reads as a plain --seed value.
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return (h ^ (h >>> 31)) & Long.MAX_VALUE;
  }

  private static double sum(double[] w, int[] edges) {
    double s = 0;
    for (int e : edges) {
      s += w[e];
    }
    return s;
  }

  /** The components of a route model that vary (fixed parts left out). */
  public static List<Component> varying(TransitSimulation.RouteModel m) {
    return m.components().stream().filter(c -> !(c instanceof Component.Fixed)).toList();
  }
}
