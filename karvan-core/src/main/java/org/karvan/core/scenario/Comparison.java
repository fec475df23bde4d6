package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;

/**
 * The best route of one OD pair under one scenario, and its change against the base network.
 *
 * @param route the scenario's route, or {@code null} when none exists
 * @param noRoute why there is no route, or {@code null}
 * @param base the base route, or {@code null}
 */
public record Comparison(
    String scenario,
    String from,
    String to,
    Route route,
    String noRoute,
    Route base,
    Delta delta,
    List<String> corridors,
    List<String> countriesGained,
    List<String> countriesLost,
    List<String> crossingsGained,
    List<String> crossingsLost) {

  /** Scenario minus base; null figures when either route is missing. */
  public record Delta(Double km, Double days, Double usd, Double kgCo2e) {}

  public static Comparison of(
      Network n,
      String scenario,
      String from,
      String to,
      Optional<Route> r,
      String why,
      Optional<Route> base) {
    Route a = r.orElse(null);
    Route b = base.orElse(null);
    Delta d =
        a != null && b != null
            ? new Delta(
                a.totals().distanceKm() - b.totals().distanceKm(),
                a.totals().durationDays() - b.totals().durationDays(),
                a.totals().costUsd() - b.totals().costUsd(),
                a.totals().co2eKg() - b.totals().co2eKg())
            : new Delta(null, null, null, null);
    // Gained and lost compare two routes: with either missing there is nothing to compare (the
    // delta is null too), so the lists stay empty rather than call every country "gained".
    boolean both = a != null && b != null;
    Set<String> ca = both ? countries(a) : Set.of();
    Set<String> cb = both ? countries(b) : Set.of();
    Set<String> xa = both ? new LinkedHashSet<>(a.crossings()) : Set.of();
    Set<String> xb = both ? new LinkedHashSet<>(b.crossings()) : Set.of();
    return new Comparison(
        scenario,
        from,
        to,
        a,
        a == null ? why : null,
        b,
        d,
        a == null ? List.of() : Corridors.of(n, a),
        minus(ca, cb),
        minus(cb, ca),
        minus(xa, xb),
        minus(xb, xa));
  }

  private static Set<String> countries(Route r) {
    Set<String> s = new LinkedHashSet<>();
    if (r != null) {
      r.countries().forEach(c -> s.add(c.code()));
    }
    return s;
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>();
    for (String x : a) {
      if (!b.contains(x)) {
        out.add(x);
      }
    }
    return out;
  }
}
