package org.karvan.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.validate.Problems;

/**
 * The path of a scheduled rail service over the network's rail links, and the rules a {@code
 * rail_services.csv} row must follow (called by {@link NetworkValidator}).
 */
public final class RailServiceRules {
  private RailServiceRules() {}

  /** One step of a service's path: the rail link run, from its {@code from} end when forward. */
  public record Step(Link link, boolean forward) {
    /** The node the step leaves. */
    public String tail() {
      return forward ? link.from() : link.to();
    }

    /** The node the step reaches. */
    public String head() {
      return forward ? link.to() : link.from();
    }
  }

  /**
   * The steps of {@code r}'s path: for each pair of consecutive nodes, the shortest rail link that
   * runs from the first to the second; {@code null} in place of a step that has none.
   */
  public static List<Step> steps(RailService r, List<Link> links) {
    Map<String, List<Link>> at = new HashMap<>();
    for (Link l : links) {
      if (l.mode() == Mode.RAIL) {
        at.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l);
        at.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l);
      }
    }
    List<Step> out = new ArrayList<>();
    for (int i = 0; i + 1 < r.path().size(); i++) {
      String a = r.path().get(i);
      String b = r.path().get(i + 1);
      Step best = null;
      for (Link l : at.getOrDefault(a, List.of())) {
        boolean fwd = l.from().equals(a) && l.to().equals(b);
        boolean back = l.direction() == Direction.BOTH && l.to().equals(a) && l.from().equals(b);
        if ((fwd || back) && (best == null || l.lengthKm() < best.link().lengthKm())) {
          best = new Step(l, fwd);
        }
      }
      out.add(best);
    }
    return out;
  }

  /**
   * The gauge a service runs on over each step: the link's, or for a dual-gauge link its
   * neighbour's.
   */
  public static List<Gauge> gauges(List<Step> steps) {
    List<Gauge> g = new ArrayList<>();
    for (Step s : steps) {
      g.add(s == null || s.link().gauge() == null ? Gauge.G1520 : s.link().gauge());
    }
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < g.size(); i++) {
        if (g.get(i) == Gauge.DUAL) {
          Gauge n =
              i > 0 && g.get(i - 1) != Gauge.DUAL
                  ? g.get(i - 1)
                  : i + 1 < g.size() && g.get(i + 1) != Gauge.DUAL ? g.get(i + 1) : null;
          if (n != null || pass == 1) {
            g.set(i, n == null ? Gauge.G1435 : n);
          }
        }
      }
    }
    return g;
  }

  /** Checks every rail service of {@code d}; problems name the file, line and field. */
  static void check(NetworkData d, Problems p) {
    Set<String> ids = new HashSet<>();
    Set<String> nodes = new HashSet<>();
    d.nodes().forEach(n -> nodes.add(n.id()));
    for (RailService r : d.railServices()) {
      Origin o = r.origin();
      if (!ids.add(r.id())) {
        p.error(o, "id", "duplicate id '" + r.id() + "'");
      }
      if (r.path().size() < 2) {
        p.error(o, "path", "a service needs at least two nodes, separated by |");
        continue;
      }
      Set<String> seen = new HashSet<>();
      boolean known = true;
      for (String n : r.path()) {
        if (!nodes.contains(n)) {
          p.error(o, "path", "unknown node '" + n + "'");
          known = false;
        } else if (!seen.add(n)) {
          p.error(o, "path", "node '" + n + "' appears twice; a service runs a simple path");
        }
      }
      if (known) {
        List<Step> steps = steps(r, d.links());
        for (int i = 0; i < steps.size(); i++) {
          if (steps.get(i) == null) {
            p.error(
                o,
                "path",
                "no rail link runs from '"
                    + r.path().get(i)
                    + "' to '"
                    + r.path().get(i + 1)
                    + "'");
          }
        }
        if (!steps.contains(null)) {
          gaugeChanges(r, steps, d.terminals(), p);
        }
      }
      stops(r, p);
      if (!(r.runsPerWeek() > 0) || r.runsPerWeek() > 168) {
        p.error(o, "runs_per_week", "runs a week must be above 0 and at most 168");
      }
      if (r.capacityTeu() != null && !(r.capacityTeu() > 0)) {
        p.error(o, "capacity_teu", "capacity must be positive");
      }
      departures(r, p);
    }
  }

  /** Stops: on the path, in running order, first and last node included, times increasing. */
  private static void stops(RailService r, Problems p) {
    Origin o = r.origin();
    List<RailService.Stop> s = r.stops();
    if (s.size() < 2) {
      p.error(o, "stops", "a service needs at least two stops (its first and last node)");
      return;
    }
    if (!s.get(0).node().equals(r.path().get(0))) {
      p.error(o, "stops", "the first stop must be the first node of the path, " + r.path().get(0));
    }
    if (!s.get(s.size() - 1).node().equals(r.path().get(r.path().size() - 1))) {
      p.error(
          o,
          "stops",
          "the last stop must be the last node of the path, " + r.path().get(r.path().size() - 1));
    }
    if (s.get(0).atH() != null && s.get(0).atH() != 0) {
      p.error(o, "stops", "the first stop is at 0 h (the departure), got " + s.get(0).atH());
    }
    if (s.get(s.size() - 1).atH() == null) {
      p.error(o, "stops", "the last stop needs its scheduled time, NODE@HOURS");
    }
    int prevIdx = -1;
    double prevH = 0;
    for (RailService.Stop x : s) {
      int idx = r.path().indexOf(x.node());
      if (idx < 0) {
        p.error(o, "stops", "stop '" + x.node() + "' is not on the path");
        continue;
      }
      if (idx <= prevIdx) {
        p.error(o, "stops", "stop '" + x.node() + "' is out of running order");
      }
      prevIdx = idx;
      if (x.atH() != null) {
        if (!(x.atH() >= 0) || Double.isInfinite(x.atH())) {
          p.error(o, "stops", "time of stop '" + x.node() + "' must be a finite number of hours");
        } else if (idx > 0 && !(x.atH() > prevH)) {
          p.error(
              o,
              "stops",
              "stop '" + x.node() + "' at " + x.atH() + " h is not after the stop before it");
        } else {
          prevH = x.atH();
        }
      }
    }
  }

  /**
   * Per node of the path, the break-of-gauge terminal where the service changes gauge there, else
   * {@code null} (also where the gauge changes but no terminal exists: {@link #check} reports it).
   */
  public static Terminal[] gaugeChanges(RailService r, List<Step> steps, List<Terminal> terminals) {
    List<Gauge> g = gauges(steps);
    Terminal[] out = new Terminal[r.path().size()];
    for (int i = 1; i < g.size(); i++) {
      Gauge a = g.get(i - 1);
      Gauge b = g.get(i);
      String at = r.path().get(i);
      for (Terminal t : terminals) {
        if (a != b
            && out[i] == null
            && t.node().equals(at)
            && t.isBreakOfGauge()
            && ((t.from().gauge() == a && t.to().gauge() == b)
                || (t.from().gauge() == b && t.to().gauge() == a))) {
          out[i] = t;
        }
      }
    }
    return out;
  }

  /** Gauge changes need a terminal; the time between timed stops must exceed their handling. */
  private static void gaugeChanges(
      RailService r, List<Step> steps, List<Terminal> terminals, Problems p) {
    List<Gauge> g = gauges(steps);
    Terminal[] bog = gaugeChanges(r, steps, terminals);
    for (int i = 1; i < g.size(); i++) {
      if (g.get(i) != g.get(i - 1) && bog[i] == null) {
        p.error(
            r.origin(),
            "path",
            "the gauge changes at '"
                + r.path().get(i)
                + "' ("
                + g.get(i - 1).code()
                + " -> "
                + g.get(i).code()
                + ") but it has no break-of-gauge terminal");
      }
    }
    double lastH = 0;
    double handling = 0;
    for (int i = 0; i < r.path().size(); i++) {
      RailService.Stop s = r.stopAt(r.path().get(i));
      if (i > 0 && s != null && s.atH() != null) {
        if (s.atH() - lastH <= handling) {
          p.error(
              r.origin(),
              "stops",
              "stop '"
                  + s.node()
                  + "' at "
                  + s.atH()
                  + " h leaves no running time after "
                  + handling
                  + " h of gauge change since the stop before it");
        }
        lastH = s.atH();
        handling = 0;
      }
      if (bog[i] != null) {
        handling += bog[i].handlingH();
      }
    }
  }

  /** Departures from the first stop: weekdays and times, or an anchor, as departures.csv. */
  private static void departures(RailService r, Problems p) {
    schedule(r.origin(), r.weekdays(), r.times(), r.anchor(), p);
    int perWeek = r.weekdays().size() * r.times().size();
    if (perWeek > 0 && Math.abs(perWeek - r.runsPerWeek()) > 1e-9) {
      p.warning(
          r.origin(),
          "weekdays",
          perWeek
              + " departures a week, but runs_per_week is "
              + r.runsPerWeek()
              + " (used for the expected wait without --depart)");
    }
  }

  /**
   * The rules of a departures row (departures.csv or rail_services.csv): a weekly timetable of
   * weekdays and times, each listed once, or one anchor departure, not both and not neither.
   */
  static void schedule(
      Origin o,
      List<java.time.DayOfWeek> weekdays,
      List<java.time.LocalTime> times,
      java.time.LocalDateTime anchor,
      Problems p) {
    if (!weekdays.isEmpty()) {
      if (anchor != null) {
        p.error(o, "anchor", "give weekdays and times, or an anchor, not both");
      }
      if (times.isEmpty()) {
        p.error(o, "times", "a timetable needs at least one time of day");
      }
      if (new HashSet<>(weekdays).size() < weekdays.size()) {
        p.error(o, "weekdays", "a weekday is listed twice");
      }
      if (new HashSet<>(times).size() < times.size()) {
        p.error(o, "times", "a time is listed twice");
      }
    } else if (!times.isEmpty()) {
      p.error(o, "weekdays", "times need the weekdays they run on");
    } else if (anchor == null) {
      p.error(o, "anchor", "give weekdays and times, or an anchor (one departure)");
    }
  }
}
