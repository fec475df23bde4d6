package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.RailService;
import org.karvan.core.model.RailServiceRules;
import org.karvan.core.model.Terminal;

/**
 * The timetable of each scheduled rail service laid over its path (docs/routing.md, "Scheduled rail
 * services"): the time between two timed stops, less the gauge changes between them, is split over
 * the links in proportion to their free running time plus their border clearance (both from the
 * cost model), so that a border keeps its share of the schedule. Stops without a time get the time
 * this split gives them (an estimate).
 */
final class RailSchedules {
  private RailSchedules() {}

  /**
   * One service's plan.
   *
   * @param path physical node indices in running order
   * @param links link index of each step
   * @param forward each step's direction on its link
   * @param states the rail state of each step (its gauge)
   * @param moveH scheduled running hours of each step
   * @param borderH scheduled border stop of each step (0 without a crossing)
   * @param baseBorderH the base network's clearance of each step's crossing
   * @param departH per path node, hours after the first departure when the train leaves it
   * @param stop per path node, true where cargo boards or leaves
   * @param bog per path node, the break-of-gauge terminal index where the gauge changes, else -1
   */
  record Plan(
      RailService service,
      int[] path,
      int[] links,
      boolean[] forward,
      State[] states,
      double[] moveH,
      double[] borderH,
      double[] baseBorderH,
      double[] departH,
      boolean[] stop,
      int[] bog) {}

  /** The plans of every rail service of {@code n}, over a valid network. */
  static List<Plan> of(Network n, CostModel cm, Map<String, Integer> nodeIndex) {
    List<Plan> out = new ArrayList<>();
    List<Link> links = n.links();
    List<Terminal> terminals = n.terminals();
    for (RailService r : n.railServices()) {
      List<RailServiceRules.Step> steps = RailServiceRules.steps(r, links);
      List<Gauge> gauges = RailServiceRules.gauges(steps);
      Terminal[] bogT = RailServiceRules.gaugeChanges(r, steps, terminals);
      int k = steps.size();
      int[] path = new int[k + 1];
      int[] li = new int[k];
      boolean[] fwd = new boolean[k];
      State[] st = new State[k];
      double[] mv = new double[k];
      double[] bd = new double[k];
      double[] base = new double[k];
      boolean[] stop = new boolean[k + 1];
      int[] bog = new int[k + 1];
      double[] handling = new double[k + 1];
      for (int i = 0; i <= k; i++) {
        path[i] = nodeIndex.get(r.path().get(i));
        stop[i] = r.stopAt(r.path().get(i)) != null;
        bog[i] = bogT[i] == null ? -1 : terminals.indexOf(bogT[i]);
        handling[i] = bogT[i] == null ? 0 : bogT[i].handlingH();
      }
      for (int i = 0; i < k; i++) {
        RailServiceRules.Step s = steps.get(i);
        li[i] = links.indexOf(s.link());
        fwd[i] = s.forward();
        st[i] = gauges.get(i) == Gauge.G1520 ? State.RAIL_1520 : State.RAIL_1435;
        EdgeCost c = cm.move(s.link(), s.forward(), false, false);
        mv[i] = c.moveH();
        bd[i] = c.borderH();
        base[i] = c.borderH();
      }
      // Scale each stretch between two timed stops to the timetable.
      int from = 0;
      double fromH = 0;
      for (int j = 1; j <= k; j++) {
        RailService.Stop s = r.stopAt(r.path().get(j));
        if (s == null || s.atH() == null) {
          continue;
        }
        double free = 0;
        double held = 0;
        for (int i = from; i < j; i++) {
          free += mv[i] + bd[i];
          held += i > from ? handling[i] : 0;
        }
        double f = (s.atH() - fromH - held) / (free > 0 ? free : j - from);
        for (int i = from; i < j; i++) {
          if (free > 0) {
            mv[i] *= f;
            bd[i] *= f;
          } else {
            mv[i] = f;
          }
        }
        from = j;
        fromH = s.atH();
      }
      double[] depart = new double[k + 1];
      for (int i = 1; i <= k; i++) {
        depart[i] = depart[i - 1] + mv[i - 1] + bd[i - 1] + handling[i];
      }
      out.add(new Plan(r, path, li, fwd, st, mv, bd, base, depart, stop, bog));
    }
    return out;
  }

  /**
   * The edges of one rail service on line {@code line}: boarding at each stop (a MOVE onto the next
   * link with the expected wait), running aboard, leaving at each later stop (ALIGHT), and changing
   * gauge aboard at a break-of-gauge terminal (TRANSFER, the terminal's handling).
   */
  static void addEdges(
      EdgeList el, Map<Long, Integer> vid, Plan pl, int line, CostModel costs, Network n) {
    List<Link> links = n.links();
    int k = pl.links().length;
    double wait = pl.service().expectedWaitH();
    for (int i = 0; i < k; i++) {
      Link l = links.get(pl.links()[i]);
      State s = pl.states()[i];
      int tail = pl.path()[i];
      int head = pl.path()[i + 1];
      Integer to = vid.get(MultimodalGraph.key(head, s, line, -1));
      if (pl.stop()[i]) {
        int e =
            el.add(
                vid.get(MultimodalGraph.key(tail, s, -1, -1)),
                to,
                EdgeKind.MOVE,
                pl.links()[i],
                pl.forward()[i],
                schedCost(costs, links, pl, i, wait));
        el.sched.put(e, schedule(pl, i, line, wait, pl.departH()[i]));
      }
      if (i > 0) {
        Integer from = vid.get(MultimodalGraph.key(tail, s, line, -1));
        int e =
            el.add(
                from,
                to,
                EdgeKind.MOVE,
                pl.links()[i],
                pl.forward()[i],
                schedCost(costs, links, pl, i, 0));
        el.sched.put(e, schedule(pl, i, line, 0, Double.NaN));
      }
      if (pl.stop()[i + 1]) {
        el.add(
            to,
            vid.get(MultimodalGraph.key(head, s, -1, -1)),
            EdgeKind.ALIGHT,
            -1,
            true,
            ALIGHTING);
      }
      if (i + 1 < k && pl.bog()[i + 1] >= 0) {
        State next = pl.states()[i + 1];
        el.add(
            to,
            vid.get(MultimodalGraph.key(head, next, line, -1)),
            EdgeKind.TRANSFER,
            pl.bog()[i + 1],
            true,
            costs.transfer(n.terminals().get(pl.bog()[i + 1]), Mode.RAIL, Mode.RAIL));
      }
    }
  }

  static final EdgeCost ALIGHTING = EdgeCost.handling(0, 0, 0, 0);

  /** Per service edge: line, running h, border h, base border h, expected wait, boarding at h. */
  private static double[] schedule(Plan pl, int i, int line, double wait, double atH) {
    return new double[] {line, pl.moveH()[i], pl.borderH()[i], pl.baseBorderH()[i], wait, atH};
  }

  private static EdgeCost schedCost(
      CostModel costs, List<Link> links, Plan pl, int i, double wait) {
    return costs.scheduledRail(
        links.get(pl.links()[i]),
        pl.forward()[i],
        pl.moveH()[i],
        pl.borderH()[i],
        pl.baseBorderH()[i],
        wait);
  }
}
