package org.karvan.io.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.GeometryLayer.Line;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Node;
import org.karvan.core.validate.Problems;

/**
 * The optional geometry files of a bundle (docs/network-format.md, "Geometry files"): GeoJSON
 * FeatureCollections of LineStrings keyed by link id, named by the manifest key {@code geometry}.
 * Problems are reported as {@code file:feature:field} with the 1-based feature index.
 */
public final class GeometryFiles {
  /** The manifest key that names the files. */
  public static final String MANIFEST_KEY = "geometry";

  /** A line whose ends lie farther than this from its link's end nodes gets a warning. */
  public static final double FAR_KM = 20.0;

  /** An end position this close to its node is the node itself and is not repeated. */
  static final double SAME_KM = 0.05;

  private static final ObjectMapper JSON = new ObjectMapper();

  private GeometryFiles() {}

  /**
   * Reads and checks every named file. Lines for unknown links, with unknown sources or bad
   * positions are errors; lines whose ends are far from the link's nodes are warnings.
   */
  static List<GeometryLayer> read(
      BundleSource source,
      List<String> files,
      List<Link> links,
      List<Node> nodes,
      Set<String> sourceIds,
      Problems problems) {
    Map<String, Link> linkById = new HashMap<>();
    links.forEach(l -> linkById.putIfAbsent(l.id(), l));
    Map<String, Node> nodeById = new HashMap<>();
    nodes.forEach(n -> nodeById.putIfAbsent(n.id(), n));
    Map<String, String> seen = new HashMap<>();
    List<GeometryLayer> out = new ArrayList<>();
    for (String file : files) {
      String display = source.display(file);
      byte[] bytes;
      try {
        bytes = source.read(file);
      } catch (IOException e) {
        problems.error(display, 0, 0, "", "cannot be read: " + e.getMessage());
        continue;
      }
      if (bytes == null) {
        problems.error(display, 0, 0, "", "missing file (named by the manifest key 'geometry')");
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        var loc = e.getLocation();
        problems.error(
            display,
            0,
            0,
            "",
            "not valid JSON (line "
                + (loc == null ? 0 : loc.getLineNr())
                + ", column "
                + (loc == null ? 0 : loc.getColumnNr())
                + "): "
                + firstClause(e.getOriginalMessage()));
        continue;
      }
      GeometryLayer layer =
          layer(file, display, root, linkById, nodeById, sourceIds, seen, problems);
      if (layer != null) {
        out.add(layer);
      }
    }
    return out;
  }

  /** A parser message without its trailing source excerpt, e.g. "Unexpected end-of-input". */
  private static String firstClause(String m) {
    int cut = m == null ? -1 : m.indexOf(" (");
    return m == null ? "" : cut < 0 ? m : m.substring(0, cut);
  }

  private static GeometryLayer layer(
      String file,
      String display,
      JsonNode root,
      Map<String, Link> links,
      Map<String, Node> nodes,
      Set<String> sourceIds,
      Map<String, String> seen,
      Problems problems) {
    if (root == null
        || !root.isObject()
        || !"FeatureCollection".equals(root.path("type").asText())
        || !root.path("features").isArray()) {
      problems.error(display, 0, 0, "type", "not a GeoJSON FeatureCollection with 'features'");
      return null;
    }
    String licence = root.path("licence").asText("");
    if (!root.path("licence").isTextual() || licence.isBlank()) {
      problems.error(display, 0, 0, "licence", "the file needs a 'licence' member");
    }
    List<Line> lines = new ArrayList<>();
    int index = 0;
    for (JsonNode f : root.get("features")) {
      index++;
      Line line = line(display, index, f, links, nodes, sourceIds, problems);
      if (line == null) {
        continue;
      }
      String at = display + " feature " + index;
      String before = seen.putIfAbsent(line.link(), at);
      if (before != null) {
        problems.error(
            display,
            index,
            0,
            "link",
            "link '" + line.link() + "' already has a line (" + before + ")");
        continue;
      }
      lines.add(line);
    }
    return new GeometryLayer(file, licence, root.path("attribution").asText(""), lines);
  }

  private static Line line(
      String display,
      int index,
      JsonNode f,
      Map<String, Link> links,
      Map<String, Node> nodes,
      Set<String> sourceIds,
      Problems problems) {
    int errors = problems.errorCount();
    if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
      problems.error(display, index, 0, "type", "not a GeoJSON Feature");
      return null;
    }
    JsonNode props = f.path("properties");
    String linkId = props.path("link").asText("");
    Link link = links.get(linkId);
    if (linkId.isEmpty() || !props.path("link").isTextual()) {
      problems.error(display, index, 0, "link", "property 'link' (a link id) is required");
    } else if (link == null) {
      problems.error(display, index, 0, "link", "unknown link '" + linkId + "'");
    }
    String src = props.path("source").asText("");
    if (src.isEmpty() || !props.path("source").isTextual()) {
      problems.error(display, index, 0, "source", "property 'source' (a source id) is required");
    } else if (!sourceIds.contains(src)) {
      problems.error(display, index, 0, "source", "unknown source '" + src + "'");
    }
    JsonNode est = props.path("estimated");
    if (!est.isMissingNode() && !est.isNull() && !est.isBoolean()) {
      problems.error(display, index, 0, "estimated", "must be true or false, not " + est);
    }
    JsonNode g = f.path("geometry");
    List<LatLon> points = new ArrayList<>();
    if (!"LineString".equals(g.path("type").asText())) {
      problems.error(display, index, 0, "geometry", "must be a LineString");
    } else if (!g.path("coordinates").isArray() || g.path("coordinates").size() < 2) {
      problems.error(display, index, 0, "coordinates", "a LineString needs at least 2 positions");
    } else {
      int i = 0;
      for (JsonNode c : g.get("coordinates")) {
        i++;
        LatLon p = position(c);
        if (p == null) {
          problems.error(
              display,
              index,
              0,
              "coordinates",
              "position " + i + " " + c + " is not [lon, lat] within ±180°, ±90°");
        } else {
          points.add(p);
        }
      }
    }
    if (problems.errorCount() > errors) {
      return null;
    }
    Node a = nodes.get(link.from());
    Node b = nodes.get(link.to());
    if (a != null && b != null) {
      double[] ends = ends(points, a, b);
      if (Math.max(ends[0], ends[1]) > FAR_KM) {
        problems.warning(
            display,
            index,
            0,
            "coordinates",
            String.format(
                Locale.ROOT,
                "the line ends %.1f km from %s and %.1f km from %s (more than %.0f km)",
                ends[0],
                a.id(),
                ends[1],
                b.id(),
                FAR_KM));
      }
    }
    return new Line(linkId, points, src, est.asBoolean(false));
  }

  private static LatLon position(JsonNode c) {
    if (!c.isArray()
        || c.size() < 2
        || c.size() > 3
        || !c.get(0).isNumber()
        || !c.get(1).isNumber()) {
      return null;
    }
    double lon = c.get(0).asDouble();
    double lat = c.get(1).asDouble();
    if (!(Math.abs(lon) <= 180) || !(Math.abs(lat) <= 90)) {
      return null;
    }
    return new LatLon(lat, lon);
  }

  /** Distances of the line's ends from the link's nodes, in the orientation that fits better. */
  private static double[] ends(List<LatLon> pts, Node a, Node b) {
    LatLon s = pts.get(0);
    LatLon e = pts.get(pts.size() - 1);
    double[] fwd = {km(s, a), km(e, b)};
    double[] rev = {km(e, a), km(s, b)};
    return fwd[0] + fwd[1] <= rev[0] + rev[1] ? fwd : rev;
  }

  private static double km(LatLon p, Node n) {
    return Geo.distanceKm(p.lat(), p.lon(), n.lat(), n.lon());
  }

  /**
   * The link's intermediate vertices from a line: oriented from the link's {@code from} node to its
   * {@code to} node, without end positions that are the nodes themselves.
   */
  public static List<LatLon> vertices(Line line, Node from, Node to) {
    List<LatLon> pts = new ArrayList<>(line.points());
    LatLon s = pts.get(0);
    LatLon e = pts.get(pts.size() - 1);
    if (km(s, from) + km(e, to) > km(e, from) + km(s, to)) {
      java.util.Collections.reverse(pts);
    }
    if (!pts.isEmpty() && km(pts.get(0), from) < SAME_KM) {
      pts.remove(0);
    }
    if (!pts.isEmpty() && km(pts.get(pts.size() - 1), to) < SAME_KM) {
      pts.remove(pts.size() - 1);
    }
    return pts;
  }

  /** The links with each line attached to its link when the link has no inline geometry. */
  static List<Link> attach(List<Link> links, List<Node> nodes, List<GeometryLayer> layers) {
    Map<String, Line> byLink = byLink(layers);
    Map<String, Node> nodeById = new HashMap<>();
    nodes.forEach(n -> nodeById.putIfAbsent(n.id(), n));
    List<Link> out = new ArrayList<>(links.size());
    for (Link l : links) {
      Line line = byLink.get(l.id());
      Node a = nodeById.get(l.from());
      Node b = nodeById.get(l.to());
      if (line != null && l.geometry().isEmpty() && a != null && b != null) {
        out.add(l.withGeometry(vertices(line, a, b)));
      } else {
        out.add(l);
      }
    }
    return out;
  }

  /** Every line by its link id (the first when a link had several). */
  public static Map<String, Line> byLink(List<GeometryLayer> layers) {
    return index(layers, (layer, line) -> line);
  }

  /** The layer by link id: which file (and so which licence) a link's line came from. */
  public static Map<String, GeometryLayer> layerByLink(List<GeometryLayer> layers) {
    return index(layers, (layer, line) -> layer);
  }

  private static <T> Map<String, T> index(
      List<GeometryLayer> layers, java.util.function.BiFunction<GeometryLayer, Line, T> value) {
    Map<String, T> m = new LinkedHashMap<>();
    for (GeometryLayer layer : layers) {
      for (Line line : layer.lines()) {
        m.putIfAbsent(line.link(), value.apply(layer, line));
      }
    }
    return m;
  }

  /** A layer as GeoJSON text that {@link #read} reads back to an equal layer. */
  static String toJson(GeometryLayer layer) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    fc.put("licence", layer.licence());
    if (!layer.attribution().isEmpty()) {
      fc.put("attribution", layer.attribution());
    }
    ArrayNode features = fc.putArray("features");
    for (Line line : layer.lines()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      ObjectNode p = f.putObject("properties");
      p.put("link", line.link());
      p.put("source", line.source());
      p.put("estimated", line.estimated());
      ObjectNode g = f.putObject("geometry");
      g.put("type", "LineString");
      ArrayNode coords = g.putArray("coordinates");
      for (LatLon v : line.points()) {
        coords.addArray().add(v.lon()).add(v.lat());
      }
    }
    try {
      return JSON.writeValueAsString(fc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
