package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Node;

/**
 * The transit tariff layer of rail states (docs/cost-model.md, "Rail transit rates"): a rail haul
 * that enters a country with a transit rate ({@code rail.transit.*.XX}) by rail over a border or
 * off an international voyage at a port, and leaves it again by rail over a border or onto an
 * international voyage, pays the transit rate on its km there. A haul in the layer can neither
 * start nor end in the country, nor leave the rail for road there, so the cheapest route takes the
 * transit rate exactly where it applies and the search stays a plain shortest path. The layer sits
 * beside the through-rate layers of {@link MultimodalGraph} (a haul is in one of them at a time).
 */
final class RailTransit {
  private RailTransit() {}

  /** The layer of a rail state in transit through its node's country: above every through layer. */
  static final int LAYER = 1 + (1 << MultimodalGraph.MAX_MEMBERS);

  /** The cost model's tariff of a rail state's layer. */
  static CostModel.RailTariff tariffOf(int layer) {
    if (layer == MultimodalGraph.NATIONAL) {
      return CostModel.RailTariff.NATIONAL;
    }
    return layer == LAYER ? CostModel.RailTariff.TRANSIT : CostModel.RailTariff.THROUGH;
  }

  /** Per node: is its country one with a rail transit rate. */
  static boolean[] nodes(List<Node> nodes, Set<String> countries) {
    boolean[] out = new boolean[nodes.size()];
    for (int i = 0; i < out.length; i++) {
      String c = nodes.get(i).country();
      out[i] = c != null && countries.contains(c);
    }
    return out;
  }

  /** The rail layers of a node, plus the transit layer where its country has a transit rate. */
  static List<Integer> withLayer(List<Integer> layers, boolean transit) {
    if (!transit) {
      return layers;
    }
    List<Integer> out = new ArrayList<>(layers);
    out.add(LAYER);
    return out;
  }

  /** {@code a} followed by {@code b}. */
  static List<int[]> plus(List<int[]> a, List<int[]> b) {
    if (b.isEmpty()) {
      return a;
    }
    List<int[]> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * The transit layers (tail, head) a rail link of state {@code s} joins, from a node of country
   * index {@code from} to one of {@code to} (-1: none): a haul enters a transit country's layer
   * over a border from national rail, stays in it within the country, and leaves it over a border
   * (into national rail, or into the next transit country's layer). Other modes join none.
   */
  static List<int[]> steps(int from, int to, boolean transitFrom, boolean transitTo, State s) {
    List<int[]> out = new ArrayList<>();
    if (s.mode() != Mode.RAIL) {
      return out;
    }
    boolean border = from != to || from < 0;
    int national = MultimodalGraph.NATIONAL;
    if (transitFrom) {
      out.add(new int[] {LAYER, border ? national : LAYER});
    }
    if (border && transitTo) {
      out.add(new int[] {national, LAYER});
      if (transitFrom) {
        out.add(new int[] {LAYER, LAYER});
      }
    }
    return out;
  }

  /**
   * The transit layers (exit, entry) of a terminal transfer at a node of a transit country ({@code
   * transit}): a break of gauge keeps the layer; cargo off an international voyage ({@code scope}
   * -1) may come onto the rail in transit, and leaves the rail in transit only onto one. Never to
   * or from road.
   */
  static List<int[]> transfers(boolean transit, State exit, State entry, int scope) {
    boolean fromRail = exit.mode() == Mode.RAIL;
    boolean toRail = entry.mode() == Mode.RAIL;
    if (!transit || !(fromRail || toRail)) {
      return List.of();
    }
    if (fromRail && toRail) {
      return List.of(new int[] {LAYER, LAYER});
    }
    if (scope >= 0) {
      return List.of();
    }
    if (exit.isWater()) {
      return List.of(new int[] {MultimodalGraph.NATIONAL, LAYER});
    }
    return entry.isWater() ? List.of(new int[] {LAYER, MultimodalGraph.NATIONAL}) : List.of();
  }
}
