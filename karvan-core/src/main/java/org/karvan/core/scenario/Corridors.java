package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Route;

/**
 * Names the corridor(s) a route uses, from the crossings, sea areas and chokepoints it passes
 * (docs/scenarios.md lists the rules). A label, not a model input.
 */
public final class Corridors {
  private Corridors() {}

  private static final Set<String> CASPIAN_COUNTRIES = Set.of("IR", "AZ", "RU", "KZ", "TM");

  /**
   * Corridor labels in travel order, e.g. {@code [Suez sea route]} or {@code [INSTC west
   * (Azerbaijan)]}.
   */
  public static List<String> of(Network n, Route r) {
    Set<String> out = new LinkedHashSet<>();
    for (String linkId : r.links()) {
      Link l = n.getLink(linkId);
      if (l.mode().isWater()) {
        if (l.chokepoints().contains("SUEZ")) {
          out.add("Suez sea route");
        } else if (l.chokepoints().contains("BOSPHORUS")) {
          out.add("Black Sea via the Bosphorus");
        } else if (caspian(n, l)) {
          out.add(
              l.mode() == Mode.FERRY && isMiddle(n, l)
                  ? "Middle Corridor (trans-Caspian ferry)"
                  : "INSTC Caspian (sea)");
        }
      }
      if (l.borderCrossing() != null) {
        BorderCrossing c = n.getCrossing(l.borderCrossing());
        String pair = pair(n, c);
        if (c.id().startsWith("BC-TRIPP")) {
          out.add("TRIPP (Zangezur)");
        } else if (c.id().startsWith("BC-AGB") || c.id().startsWith("BC-AOR")) {
          out.add("Aras corridor");
        } else if (pair.equals("AZ-IR") && !c.id().startsWith("BC-JLF")) {
          out.add("INSTC west (Azerbaijan)");
        } else if (pair.equals("IR-TM") || pair.equals("KZ-TM")) {
          out.add("INSTC east (Turkmenistan-Kazakhstan)");
        } else if (pair.equals("AZ-GE") || pair.equals("GE-TR")) {
          out.add("Middle Corridor (Baku-Tbilisi-Kars)");
        } else if (pair.equals("AM-IR")) {
          out.add("Iran-Armenia (Norduz-Agarak)");
        } else if (c.id().startsWith("BC-JLF")) {
          out.add("Julfa-Jolfa (Nakhchivan)");
        }
      }
    }
    if (out.isEmpty()) {
      List<String> cs = new ArrayList<>();
      r.countries().forEach(c -> cs.add(c.code()));
      out.add(cs.isEmpty() ? "sea" : "domestic " + String.join("/", cs));
    }
    return List.copyOf(out);
  }

  private static String pair(Network n, BorderCrossing c) {
    String a = n.countryOf(c.nodeA());
    String b = n.countryOf(c.nodeB());
    return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
  }

  private static boolean caspian(Network n, Link l) {
    String a = n.countryOf(l.from());
    String b = n.countryOf(l.to());
    return a != null
        && b != null
        && CASPIAN_COUNTRIES.contains(a)
        && CASPIAN_COUNTRIES.contains(b)
        && n.getNode(l.from()).lon() > 46
        && n.getNode(l.to()).lon() > 46
        && n.getNode(l.from()).lon() < 55
        && n.getNode(l.to()).lon() < 55;
  }

  private static boolean isMiddle(Network n, Link l) {
    return Set.of(n.countryOf(l.from()), n.countryOf(l.to())).contains("AZ");
  }
}
