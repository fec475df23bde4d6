package org.karvan.core.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karvan.core.validate.Problems;

/**
 * The rules of {@code events.csv} (docs/network-format.md, "events.csv"): unique ids, known
 * targets, end not before start, the fields each severity needs and no others, sources. Run by
 * {@link NetworkValidator}; every problem is collected with file, line and field.
 */
final class EventRules {
  private EventRules() {}

  /** A source entry that is not an id of sources.csv: a URL or a citation with spaces. */
  static boolean isCitation(String s) {
    return !NetworkValidator.ID.matcher(s).matches();
  }

  static void check(NetworkData d, Set<String> sourceIds, Problems p) {
    Set<String> nodes = new HashSet<>();
    Map<String, String> countryOf = new HashMap<>();
    for (Node n : d.nodes()) {
      nodes.add(n.id());
      countryOf.put(n.id(), n.country());
    }
    Set<String> links = new HashSet<>();
    d.links().forEach(l -> links.add(l.id()));
    Set<String> crossings = new HashSet<>();
    Set<String> pairs = new HashSet<>();
    // When a crossing names an unknown node (reported elsewhere), pairs can only be checked by
    // their countries: a missing crossing between them would be a follow-on error.
    boolean crossingsKnown = true;
    for (BorderCrossing c : d.crossings()) {
      crossings.add(c.id());
      String a = countryOf.get(c.nodeA());
      String b = countryOf.get(c.nodeB());
      if (a != null && b != null) {
        pairs.add(a + "-" + b);
        pairs.add(b + "-" + a);
      } else if (!nodes.contains(c.nodeA()) || !nodes.contains(c.nodeB())) {
        crossingsKnown = false;
      }
    }
    Set<String> countries = new HashSet<>();
    d.countries().forEach(c -> countries.add(c.code()));
    Set<String> chokepoints = new HashSet<>();
    d.chokepoints().forEach(c -> chokepoints.add(c.id()));
    Map<String, Origin> first = new HashMap<>();
    for (NetworkEvent e : d.events()) {
      Origin o = e.origin();
      if (e.id().isEmpty()) {
        p.error(o, "id", "empty id");
      } else if (!NetworkValidator.ID.matcher(e.id()).matches()) {
        p.error(o, "id", "id '" + e.id() + "' may hold only letters, digits, '_', '-' and '.'");
      } else {
        Origin prev = first.putIfAbsent(e.id(), o);
        if (prev != null) {
          p.error(o, "id", "duplicate id '" + e.id() + "' (first at " + prev.locate("id") + ")");
        }
      }
      if (e.start() != null && e.end() != null && e.end().isBefore(e.start())) {
        p.error(o, "end", "end " + e.end() + " is before start " + e.start());
      }
      if (e.targets().isEmpty()) {
        p.error(o, "targets", "name at least one target");
      }
      if (e.targetType() != null) {
        for (String t : e.targets()) {
          String u = t.toUpperCase(Locale.ROOT);
          boolean known =
              switch (e.targetType()) {
                case CROSSING -> crossings.contains(t);
                case CHOKEPOINT -> chokepoints.contains(t);
                case COUNTRY -> countries.contains(t);
                case LINK -> links.contains(t);
                case NODE -> nodes.contains(t);
                case COUNTRY_PAIR ->
                    pairs.contains(u) || (!crossingsKnown && bothKnown(u, countries));
              };
          if (!known) {
            p.error(
                o,
                "targets",
                e.targetType() == NetworkEvent.Target.COUNTRY_PAIR
                    ? "'" + t + "' is not a pair of countries with a border crossing (e.g. AZ-IR)"
                    : "unknown " + e.targetType().name().toLowerCase(Locale.ROOT) + " '" + t + "'");
          }
        }
      }
      if (e.severity() != null) {
        severity(e, p);
      }
      if (e.provenance().sources().isEmpty()) {
        p.error(o, "sources", "no source given; every event needs a source");
      }
      for (String s : e.provenance().sources()) {
        if (!isCitation(s) && !sourceIds.contains(s)) {
          p.error(
              o,
              "sources",
              "unknown source '" + s + "' (an id of sources.csv, or a URL or citation)");
        }
      }
    }
  }

  private static boolean bothKnown(String pair, Set<String> countries) {
    String[] ab = pair.split("-");
    return ab.length == 2 && countries.contains(ab[0]) && countries.contains(ab[1]);
  }

  private static void severity(NetworkEvent e, Problems p) {
    Origin o = e.origin();
    boolean effects =
        e.delayMeanH() != 0
            || e.delayP90H() != 0
            || e.surchargeUsdPerTeu() != 0
            || e.surchargePct() != 0
            || e.capacityCut() != 0;
    switch (e.severity()) {
      case CLOSED -> {
        if (effects) {
          p.error(o, "severity", "a CLOSED event carries no delay, surcharge or capacity cut");
        }
      }
      case RESTRICTED -> {
        nonNegative(o, "delay_mean_h", e.delayMeanH(), p);
        nonNegative(o, "surcharge_usd_per_teu", e.surchargeUsdPerTeu(), p);
        nonNegative(o, "surcharge_pct", e.surchargePct(), p);
        if (e.delayP90H() < e.delayMeanH()) {
          p.error(o, "delay_p90_h", "P90 " + e.delayP90H() + " h is below the mean");
        }
        if (!(e.capacityCut() >= 0 && e.capacityCut() <= 1)) {
          p.error(o, "capacity_cut", "must be a share between 0 and 1, got " + e.capacityCut());
        }
        if (!effects) {
          p.warning(o, "severity", "a RESTRICTED event without delay, surcharge or capacity cut");
        }
      }
      case RISK -> {
        if (effects) {
          p.error(o, "severity", "a RISK row carries no delay, surcharge or capacity cut");
        }
        if (e.ratePerYear() == null || !(e.ratePerYear() > 0)) {
          p.error(o, "rate_per_year", "a RISK row needs a positive rate_per_year");
        }
        if (e.durationMeanDays() == null || !(e.durationMeanDays() > 0)) {
          p.error(o, "duration_mean_days", "a RISK row needs a positive duration_mean_days");
        }
      }
    }
    if (e.severity() != NetworkEvent.Severity.RISK
        && (e.ratePerYear() != null || e.durationMeanDays() != null)) {
      p.error(o, "rate_per_year", "rate_per_year and duration_mean_days are for RISK rows only");
    }
  }

  private static void nonNegative(Origin o, String field, double v, Problems p) {
    if (v < 0) {
      p.error(o, field, "must not be negative, got " + v);
    }
  }
}
