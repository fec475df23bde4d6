package org.karvan.core.boundary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.Node;
import org.karvan.core.validate.Problems;

/**
 * Checks a network against recognised boundaries: every node lies in its own country, and every
 * land link ({@code RAIL}, {@code ROAD}) stays within the countries of its two ends. A link that
 * changes country must be a border crossing (the topological rule of {@code NetworkValidator});
 * this check adds the geometric one, so a link drawn from Nakhchivan to Baku across Syunik is an
 * error naming the link and Armenia, even though both its ends are in Azerbaijan.
 *
 * <p>Tolerances absorb the drawing of the boundaries (Natural Earth 1:50m, quantized to about 300
 * m, 1:10m on the Aras and at Astara, which still lies up to 4 km off the OSM railway along the
 * Aras near Ordubad) and approximate coordinates: a point counts as inside a foreign country only
 * when it lies more than {@link #TOLERANCE_KM} from the territory it belongs to. Beyond that, a
 * measured position (a node whose {@code lat}/{@code lon} are not marked estimated, a line not
 * marked estimated) is an error; an estimated one (hand waypoints, the straight chord of a link
 * without geometry, a line within {@link #NEAR_NODE_KM} of an approximate end node) is a warning up
 * to {@link #ESTIMATE_TOLERANCE_KM} and an error beyond. Points at sea or where no country is drawn
 * are not judged; nor are countries the boundaries do not know.
 *
 * <p>Cost: each link is sampled every {@link #STEP_KM} km; each sample is a point-in-polygon test
 * over the rings whose boxes hold it, so O(total length / step × ring size).
 */
public final class SovereigntyCheck {
  /** How far (km) a measured point may lie outside its countries before it "enters" another. */
  public static final double TOLERANCE_KM = 5.0;

  /** How far (km) an estimated point may lie outside before the warning becomes an error. */
  public static final double ESTIMATE_TOLERANCE_KM = 15.0;

  /**
   * Within this distance (km) of an end node with estimated coordinates, a measured line counts as
   * an estimate too: it was cut or snapped to that approximate node.
   */
  public static final double NEAR_NODE_KM = 10.0;

  /** Sampling step along a link's line, km. */
  public static final double STEP_KM = 1.0;

  private SovereigntyCheck() {}

  /**
   * One link's excursion into a country not its own: the deepest point, and whether the part of the
   * line that strays there is an estimate.
   */
  public record Excursion(
      String link, String country, double depthKm, LatLon deepest, boolean estimated) {
    /** True when this excursion is an error rather than a warning. */
    public boolean isError() {
      return !estimated || depthKm > ESTIMATE_TOLERANCE_KM;
    }
  }

  /** Checks every node and every land link of {@code data}; problems are errors. */
  public static Problems check(NetworkData data, Boundaries boundaries) {
    Problems p = new Problems();
    Map<String, Node> nodes = new HashMap<>();
    for (Node n : data.nodes()) {
      nodes.put(n.id(), n);
      checkNode(n, boundaries, p);
    }
    Set<String> estimatedLines = new HashSet<>();
    for (GeometryLayer layer : data.manifest().geometry()) {
      for (GeometryLayer.Line line : layer.lines()) {
        if (line.estimated()) {
          estimatedLines.add(line.link());
        }
      }
    }
    for (Link l : data.links()) {
      boolean estimated =
          l.geometry().isEmpty()
              || l.provenance().isEstimated("geometry")
              || estimatedLines.contains(l.id());
      for (Excursion e : excursions(l, nodes, boundaries, estimated)) {
        String m =
            String.format(
                Locale.ROOT,
                "link '%s' (%s) enters %s without a border crossing: %.1f km inside at %.4f,%.4f%s",
                l.id(),
                countriesOf(l, nodes),
                e.country(),
                e.depthKm(),
                e.deepest().lat(),
                e.deepest().lon(),
                e.estimated() ? " (estimated line)" : "");
        if (e.isError()) {
          p.error(l.origin(), "geometry", m);
        } else {
          p.warning(l.origin(), "geometry", m);
        }
      }
    }
    return p;
  }

  private static void checkNode(Node n, Boundaries b, Problems p) {
    if (n.country() == null || !b.knows(n.country())) {
      return;
    }
    String at = b.countryAt(n.lat(), n.lon()).orElse(null);
    if (at == null || at.equals(n.country())) {
      return;
    }
    double d = b.distanceKm(n.country(), n.lat(), n.lon());
    if (d <= TOLERANCE_KM) {
      return;
    }
    boolean estimated = isEstimated(n);
    String m =
        String.format(
            Locale.ROOT,
            "node '%s' of %s lies in %s, %.1f km from %s (at %.4f,%.4f)%s",
            n.id(),
            n.country(),
            at,
            d,
            n.country(),
            n.lat(),
            n.lon(),
            estimated ? " (estimated coordinates)" : "");
    if (!estimated || d > ESTIMATE_TOLERANCE_KM) {
      p.error(n.origin(), "country", m);
    } else {
      p.warning(n.origin(), "country", m);
    }
  }

  private static boolean isEstimated(Node n) {
    return n.provenance().isEstimated("lat") || n.provenance().isEstimated("lon");
  }

  /**
   * The countries a land link enters beyond {@link #TOLERANCE_KM}, other than those of its ends,
   * with the deepest point of each; empty for other modes or links whose ends are unknown.
   *
   * @param estimatedLine whether the link's intermediate line is an estimate (no geometry, or
   *     hand-placed); its end stretches take the precision of their nodes
   */
  public static List<Excursion> excursions(
      Link l, Map<String, Node> nodes, Boundaries b, boolean estimatedLine) {
    if (l.mode() != Mode.RAIL && l.mode() != Mode.ROAD) {
      return List.of();
    }
    Node from = nodes.get(l.from());
    Node to = nodes.get(l.to());
    if (from == null || to == null) {
      return List.of();
    }
    Set<String> own = new LinkedHashSet<>();
    for (Node n : List.of(from, to)) {
      if (n.country() != null && b.knows(n.country())) {
        own.add(n.country());
      }
    }
    if (own.isEmpty()) {
      return List.of();
    }
    Map<String, Excursion> deepest = new LinkedHashMap<>();
    List<LatLon> line = line(l, from, to);
    for (int i = 0; i + 1 < line.size(); i++) {
      LatLon a = line.get(i);
      LatLon c = line.get(i + 1);
      boolean first = i == 0;
      boolean last = i + 2 == line.size();
      boolean estimated =
          first && last
              ? estimatedLine || isEstimated(from) || isEstimated(to)
              : first ? isEstimated(from) : last ? isEstimated(to) : estimatedLine;
      double km = Geo.distanceKm(a.lat(), a.lon(), c.lat(), c.lon());
      int steps = Math.max(1, (int) Math.ceil(km / STEP_KM));
      for (int s = i == 0 ? 0 : 1; s <= steps; s++) {
        double t = (double) s / steps;
        double lat = a.lat() + t * (c.lat() - a.lat());
        double lon = a.lon() + t * (c.lon() - a.lon());
        String at = b.countryAt(lat, lon).orElse(null);
        if (at == null || own.contains(at)) {
          continue;
        }
        // a line cut to an approximate node is only as good as the node near it
        boolean near =
            isEstimated(from) && Geo.distanceKm(lat, lon, from.lat(), from.lon()) <= NEAR_NODE_KM
                || isEstimated(to) && Geo.distanceKm(lat, lon, to.lat(), to.lon()) <= NEAR_NODE_KM;
        double d = Double.POSITIVE_INFINITY;
        for (String o : own) {
          d = Math.min(d, b.distanceKm(o, lat, lon));
        }
        if (d > TOLERANCE_KM) {
          Excursion e = deepest.get(at);
          Excursion here = new Excursion(l.id(), at, d, new LatLon(lat, lon), estimated || near);
          if (e == null
              || here.isError() && !e.isError()
              || here.isError() == e.isError() && d > e.depthKm()) {
            deepest.put(at, here);
          }
        }
      }
    }
    return List.copyOf(deepest.values());
  }

  private static List<LatLon> line(Link l, Node from, Node to) {
    java.util.ArrayList<LatLon> pts = new java.util.ArrayList<>(l.geometry().size() + 2);
    pts.add(new LatLon(from.lat(), from.lon()));
    pts.addAll(l.geometry());
    pts.add(new LatLon(to.lat(), to.lon()));
    return pts;
  }

  private static String countriesOf(Link l, Map<String, Node> nodes) {
    String a = nodes.get(l.from()).country();
    String z = nodes.get(l.to()).country();
    return a == null || a.equals(z) ? String.valueOf(z) : a + "–" + z;
  }
}
