package org.karvan.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Corridors;

/**
 * What tells routes of one answer apart (alternatives, a Pareto front): each route's corridor,
 * modes and crossings, a short label, and how it differs from the first route (corridor, crossings,
 * modes, else the first place where the paths part), plus which extremes it holds (fastest,
 * cheapest, lowest CO2e) when there are several routes.
 */
public final class RouteDistinctions {
  private RouteDistinctions() {}

  /**
   * One route's distinction.
   *
   * @param label corridor(s) and modes, e.g. {@code INSTC west (Azerbaijan) · sea/road}
   * @param corridors corridor labels in travel order ({@link Corridors#of})
   * @param modes modes in travel order, lower case
   * @param differs what differs from the first route, e.g. {@code crosses Sarakhs (IR) - Serakhs
   *     (TM), rail}; for the first route its extremes ({@code fastest}) or {@code reference}
   */
  public record Distinction(
      String label, List<String> corridors, List<String> modes, List<String> differs) {
    public Distinction {
      corridors = List.copyOf(corridors);
      modes = List.copyOf(modes);
      differs = List.copyOf(differs);
    }
  }

  public static List<Distinction> of(Network n, List<Route> routes) {
    List<Distinction> out = new ArrayList<>();
    if (routes.isEmpty()) {
      return out;
    }
    Route base = routes.get(0);
    List<String> baseCorr = Corridors.of(n, base);
    List<String> baseModes = modes(base);
    for (int i = 0; i < routes.size(); i++) {
      Route r = routes.get(i);
      List<String> corr = Corridors.of(n, r);
      List<String> modes = modes(r);
      List<String> differs = new ArrayList<>(extremes(routes, r));
      if (i > 0) {
        if (!corr.equals(baseCorr)) {
          differs.add(
              "corridor "
                  + String.join(" + ", corr)
                  + " instead of "
                  + String.join(" + ", baseCorr));
        }
        List<String> gained = minus(r.crossings(), base.crossings());
        List<String> lost = minus(base.crossings(), r.crossings());
        if (!gained.isEmpty()) {
          differs.add("crosses " + crossingNames(n, gained));
        }
        if (!lost.isEmpty()) {
          differs.add("not " + crossingNames(n, lost));
        }
        List<String> addModes = minus(modes, baseModes);
        List<String> dropModes = minus(baseModes, modes);
        if (!addModes.isEmpty()) {
          differs.add("adds " + String.join(", ", addModes));
        }
        if (!dropModes.isEmpty()) {
          differs.add("no " + String.join(", ", dropModes));
        }
        if (gained.isEmpty() && lost.isEmpty() && addModes.isEmpty() && dropModes.isEmpty()) {
          differs.add(parting(n, base, r));
        }
      } else if (differs.isEmpty()) {
        differs.add("reference");
      }
      out.add(
          new Distinction(
              String.join(" + ", corr) + " · " + String.join("/", modes), corr, modes, differs));
    }
    return out;
  }

  /** Which of the fastest, cheapest and lowest-CO2e routes this is, when there are several. */
  private static List<String> extremes(List<Route> routes, Route r) {
    List<String> out = new ArrayList<>();
    if (routes.size() < 2) {
      return out;
    }
    double h = Double.MAX_VALUE;
    double usd = Double.MAX_VALUE;
    double co2 = Double.MAX_VALUE;
    for (Route x : routes) {
      h = Math.min(h, x.totals().durationHours());
      usd = Math.min(usd, x.totals().costUsd());
      co2 = Math.min(co2, x.totals().co2eKg());
    }
    if (r.totals().durationHours() <= h) {
      out.add("fastest");
    }
    if (r.totals().costUsd() <= usd) {
      out.add("cheapest");
    }
    if (r.totals().co2eKg() <= co2) {
      out.add("lowest CO2e");
    }
    return out;
  }

  /** Where two paths with the same crossings and modes part: the first node the other avoids. */
  private static String parting(Network n, Route base, Route r) {
    Set<String> baseNodes = new LinkedHashSet<>(base.nodes());
    Set<String> rNodes = new LinkedHashSet<>(r.nodes());
    String here = r.nodes().stream().filter(x -> !baseNodes.contains(x)).findFirst().orElse(null);
    String there = base.nodes().stream().filter(x -> !rNodes.contains(x)).findFirst().orElse(null);
    if (here == null && there == null) {
      return "same places, other links or services";
    }
    return (here == null ? "skips " + name(n, there) : "via " + name(n, here))
        + (here != null && there != null ? " instead of " + name(n, there) : "");
  }

  private static String name(Network n, String id) {
    return n.findNode(id).map(Node::name).orElse(id);
  }

  private static String crossingNames(Network n, List<String> ids) {
    List<String> names = new ArrayList<>();
    for (String id : ids) {
      names.add(n.findCrossing(id).map(c -> c.name()).orElse(id));
    }
    return String.join("; ", names);
  }

  static List<String> modes(Route r) {
    Set<String> m = new LinkedHashSet<>();
    r.legs().forEach(l -> m.add(l.mode().toLowerCase(Locale.ROOT)));
    return List.copyOf(m);
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    for (String x : a) {
      if (!b.contains(x) && !out.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }
}
