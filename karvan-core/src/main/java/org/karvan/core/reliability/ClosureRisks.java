package org.karvan.core.reliability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.karvan.core.graph.EventOverlay;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.NetworkEvent.Severity;

/**
 * The closure risk of a route's elements, from their closure history and declared rates
 * (docs/routing.md, "Disruption risk"):
 *
 * <ul>
 *   <li>a RISK row of events.csv valid on the day declares its rate (closures per year) and the
 *       length of one closure;
 *   <li>each CLOSED event that started within the {@code historyYears} before the day, and is not
 *       in force that day (those are closed for certain and already masked), counts as one closure
 *       in that window: rate {@code 1 / historyYears}, length its own (to the day when still open).
 * </ul>
 *
 * A hazard on an element the route uses is found in force with probability {@link
 * ClosureRisk#inForce}; its detour is the best route with the hazard's edges closed.
 */
public final class ClosureRisks {
  private ClosureRisks() {}

  /** A closure process: the event it comes from, its rate and the length of one closure. */
  public record Hazard(
      NetworkEvent event, double ratePerYear, double durationDays, boolean declared) {}

  /** The hazards known on {@code day}. */
  public static List<Hazard> hazards(List<NetworkEvent> events, LocalDate day, int historyYears) {
    if (historyYears < 1) {
      throw new IllegalArgumentException("history: at least 1 year, got " + historyYears);
    }
    LocalDate from = day.minusYears(historyYears);
    List<Hazard> out = new ArrayList<>();
    for (NetworkEvent e : events) {
      if (e.severity() == Severity.RISK && e.activeOn(day)) {
        out.add(new Hazard(e, e.ratePerYear(), e.durationMeanDays(), true));
      } else if (e.severity() == Severity.CLOSED
          && e.start().isBefore(day)
          && !e.start().isBefore(from)
          && !e.activeOn(day)) {
        out.add(new Hazard(e, 1.0 / historyYears, e.daysUntil(day), false));
      }
    }
    return out;
  }

  /**
   * The risks of the route {@code edges}: one per hazard that touches one of them. {@code detour}
   * gives, for a set of closed edges, the extra hours and USD of the best route avoiding them, or
   * {@code null} when there is none.
   */
  public static List<ClosureRisk> of(
      MultimodalGraph g, int[] edges, List<Hazard> hazards, Function<BitSet, double[]> detour) {
    List<ClosureRisk> out = new ArrayList<>();
    for (Hazard h : hazards) {
      BitSet touched = EventOverlay.edgesOf(g, h.event());
      boolean on = false;
      for (int e : edges) {
        if (touched.get(e)) {
          on = true;
          break;
        }
      }
      if (!on) {
        continue;
      }
      double[] d = detour.apply(touched);
      out.add(
          new ClosureRisk(
              h.event().id(),
              ClosureRisk.inForce(h.ratePerYear(), h.durationDays()),
              h.durationDays() * 24,
              d == null ? Double.NaN : d[0],
              d == null ? Double.NaN : d[1]));
    }
    return out;
  }
}
