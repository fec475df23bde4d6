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
    List<Link> links = new ArrayList<>();
    for (String linkId : r.links()) {
      links.add(n.getLink(linkId));
    }
    List<String> out = labels(n, links);
    if (!out.isEmpty()) {
      return out;
    }
    List<String> cs = new ArrayList<>();
    r.countries().forEach(c -> cs.add(c.code()));
    return List.of(cs.isEmpty() ? "sea" : "domestic " + String.join("/", cs));
  }

  /** The corridor classes of flow analysis, in the order a route is tested against them. */
  public static final List<String> CLASSES =
      List.of("SUEZ", "CASPIAN", "INSTC_WEST", "INSTC_EAST", "OTHER");

  /**
   * The corridor class of a route's links for flow shares: SUEZ when it passes Suez, CASPIAN when
   * it sails the Caspian (by sea or ferry), INSTC_WEST when it crosses Iran–Azerbaijan or
   * Azerbaijan–Russia, INSTC_EAST when it crosses Iran–Turkmenistan, Turkmenistan–Kazakhstan or
   * Kazakhstan–Russia, else OTHER; derived from the same {@link #labels} as comparisons show.
   */
  public static String classOf(Network n, List<Link> links) {
    List<String> l = labels(n, links);
    if (l.contains(SUEZ)) {
      return "SUEZ";
    }
    if (l.contains(CASPIAN_SEA) || l.contains(MIDDLE_FERRY)) {
      return "CASPIAN";
    }
    if (l.contains(WEST)) {
      return "INSTC_WEST";
    }
    return l.contains(EAST) ? "INSTC_EAST" : "OTHER";
  }

  private static final String SUEZ = "Suez sea route";
  private static final String CAPE = "Cape of Good Hope sea route";
  private static final String CASPIAN_SEA = "INSTC Caspian (sea)";
  private static final String MIDDLE_FERRY = "Middle Corridor (trans-Caspian ferry)";
  private static final String WEST = "INSTC west (Azerbaijan)";
  private static final String EAST = "INSTC east (Turkmenistan-Kazakhstan)";

  /**
   * The corridor labels of links in travel order (empty when they use no corridor element: a
   * domestic or open-sea route).
   */
  public static List<String> labels(Network n, List<Link> links) {
    Set<String> out = new LinkedHashSet<>();
    for (Link l : links) {
      if (l.mode().isWater()) {
        if (l.chokepoints().contains("SUEZ")) {
          out.add(SUEZ);
        } else if (roundsTheCape(l)) {
          out.add(CAPE);
        } else if (l.chokepoints().contains("BOSPHORUS")) {
          out.add("Black Sea via the Bosphorus");
        } else if (caspian(n, l)) {
          out.add(l.mode() == Mode.FERRY && isMiddle(n, l) ? MIDDLE_FERRY : CASPIAN_SEA);
        }
      }
      if (l.borderCrossing() != null) {
        BorderCrossing c = n.getCrossing(l.borderCrossing());
        String pair = pair(n, c);
        if (c.id().startsWith("BC-TRIPP")) {
          out.add("TRIPP (Zangezur)");
        } else if (c.id().startsWith("BC-AGB")) {
          out.add("Aras corridor");
        } else if ((pair.equals("AZ-IR") || pair.equals("AZ-RU")) && !c.id().startsWith("BC-JLF")) {
          out.add(WEST);
        } else if (pair.equals("IR-TM") || pair.equals("KZ-TM") || pair.equals("KZ-RU")) {
          out.add(EAST);
        } else if (pair.equals("AZ-GE") || pair.equals("GE-TR")) {
          out.add("Middle Corridor (Baku-Tbilisi-Kars)");
        } else if (pair.equals("AM-IR")) {
          out.add("Iran-Armenia (Norduz-Agarak)");
        } else if (c.id().startsWith("BC-JLF")) {
          out.add("Julfa-Jolfa (Nakhchivan)");
        }
      }
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

  /** A sea line drawn round southern Africa: a vertex south of 30 S between 10 E and 35 E. */
  private static boolean roundsTheCape(Link l) {
    return l.geometry().stream().anyMatch(p -> p.lat() < -30 && p.lon() > 10 && p.lon() < 35);
  }

  private static boolean isMiddle(Network n, Link l) {
    return Set.of(n.countryOf(l.from()), n.countryOf(l.to())).contains("AZ");
  }
}
