package org.karvan.io.lines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.karvan.core.boundary.Boundaries;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkData;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * {@code karvan import lines}: turns a GIS line layer (GeoJSON {@code LineString} or {@code
 * MultiLineString} features, WGS84) into a network bundle of one mode. See docs/import.md.
 *
 * <p>Steps: read the lines and their status; {@link LineGraph} snaps coinciding ends, splits at
 * junctions and joins chains; {@link LineBorders} gives every node its country from the recognised
 * boundaries, splits links where they cross a boundary into border crossings, and defaults the
 * gauge by country. Lengths are exact along the lines.
 */
public final class LinesImporter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One {@code --status-from PROPERTY=VALUE:STATUS} rule. */
  public record StatusRule(String property, String value, LinkStatus status) {
    /**
     * Parses {@code PROPERTY=VALUE:STATUS}, e.g. {@code railway=construction:UNDER_CONSTRUCTION}.
     */
    public static StatusRule parse(String text) {
      int eq = text.indexOf('=');
      int colon = text.lastIndexOf(':');
      if (eq <= 0 || colon < eq + 2 || colon == text.length() - 1) {
        throw new IllegalArgumentException(
            "expected PROPERTY=VALUE:STATUS (e.g. railway=construction:UNDER_CONSTRUCTION), got '"
                + text
                + "'");
      }
      String status = text.substring(colon + 1).trim().toUpperCase(Locale.ROOT);
      try {
        return new StatusRule(
            text.substring(0, eq).trim(),
            text.substring(eq + 1, colon).trim(),
            LinkStatus.valueOf(status));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown status '"
                + status
                + "' in '"
                + text
                + "' (expected OPERATIONAL, UNDER_CONSTRUCTION, PLANNED or DEFUNCT)");
      }
    }
  }

  /**
   * What to import and how.
   *
   * @param mode {@code RAIL} or {@code ROAD}
   * @param gaugeByCountry rail: default the gauge of lines without a {@code gauge} property by
   *     country (1520 in former Soviet states, 1435 in Iran and Türkiye)
   * @param statusRules the first rule a feature matches gives its status (else OPERATIONAL)
   * @param snapM line ends within this many metres of another end or vertex are joined
   * @param crossingStatus status of the border crossings created where lines cross a boundary
   * @param licence licence of the input's data (the bundle's and its geometry file's)
   * @param attribution attribution the licence asks for, or empty
   * @param asOf date of the data
   * @param exclude features whose property has the value ({@code PROPERTY=VALUE}) are left out
   * @param gauges gauges by country added to (or replacing) the defaults, e.g. {@code AF=1520}
   */
  public record Options(
      Mode mode,
      boolean gaugeByCountry,
      List<StatusRule> statusRules,
      double snapM,
      CrossingStatus crossingStatus,
      String licence,
      String attribution,
      LocalDate asOf,
      List<String> exclude,
      Map<String, Gauge> gauges) {
    /** Options without exclusions or extra gauges. */
    public Options(
        Mode mode,
        boolean gaugeByCountry,
        List<StatusRule> statusRules,
        double snapM,
        CrossingStatus crossingStatus,
        String licence,
        String attribution,
        LocalDate asOf) {
      this(
          mode,
          gaugeByCountry,
          statusRules,
          snapM,
          crossingStatus,
          licence,
          attribution,
          asOf,
          List.of(),
          Map.of());
    }

    public Options {
      exclude = List.copyOf(exclude);
      for (String x : exclude) {
        if (x.indexOf('=') <= 0) {
          throw new IllegalArgumentException("--exclude: expected PROPERTY=VALUE, got '" + x + "'");
        }
      }
      gauges = Map.copyOf(gauges);
      if (mode != Mode.RAIL && mode != Mode.ROAD) {
        throw new IllegalArgumentException("--mode must be rail or road, got " + mode);
      }
      if (!(snapM >= 0) || snapM > 1000) {
        throw new IllegalArgumentException("--snap-m must be within 0..1000 m, got " + snapM);
      }
      statusRules = List.copyOf(statusRules);
    }
  }

  /** The imported content and a summary of what was defaulted or created, one line each. */
  public record Result(NetworkData data, List<String> summary) {}

  private LinesImporter() {}

  /** Reads {@code file} and builds the network content (not yet validated). */
  public static Result read(Path file, Options options) throws IOException {
    String name = file.getFileName().toString();
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw invalid(name, 0, "", "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw invalid(name, 0, "type", "expected a GeoJSON FeatureCollection");
    }
    Problems problems = new Problems();
    List<LineGraph.Line> lines = new ArrayList<>();
    Map<String, Integer> statusCount = new TreeMap<>();
    int gaugeGiven = 0;
    int excludedCount = 0;
    int index = 0;
    for (JsonNode f : root.path("features")) {
      index++;
      JsonNode g = f.path("geometry");
      JsonNode props = f.path("properties");
      String type = g.path("type").asText();
      List<JsonNode> parts = new ArrayList<>();
      if (type.equals("LineString")) {
        parts.add(g.path("coordinates"));
      } else if (type.equals("MultiLineString")) {
        g.path("coordinates").forEach(parts::add);
      } else {
        problems.error(
            name,
            index,
            0,
            "geometry",
            "expected a LineString or MultiLineString, got '" + type + "'");
        continue;
      }
      if (excluded(props, options.exclude())) {
        excludedCount++;
        continue;
      }
      LinkStatus status = status(props, options.statusRules());
      Gauge gauge = null;
      if (options.mode() == Mode.RAIL && props.hasNonNull("gauge")) {
        try {
          gauge = Gauge.parse(props.get("gauge").asText().trim());
          gaugeGiven++;
        } catch (IllegalArgumentException e) {
          problems.error(name, index, 0, "gauge", e.getMessage());
          continue;
        }
      }
      statusCount.merge(status.name(), 1, Integer::sum);
      String kind = status.name() + "/" + (gauge == null ? "" : gauge.code());
      for (JsonNode c : parts) {
        double[][] xy = positions(c, name, index, problems);
        if (xy != null) {
          lines.add(new LineGraph.Line(index, xy[0], xy[1], kind));
        }
      }
    }
    if (problems.hasErrors()) {
      throw new InvalidInputException("invalid line layer " + name, problems);
    }
    if (lines.isEmpty()) {
      throw invalid(name, 0, "features", "no line features");
    }
    LineGraph graph = LineGraph.build(lines, options.snapM());
    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            Locale.ROOT,
            "%d features, %d lines, %d positions; %d line ends snapped within %s m",
            index,
            lines.size(),
            graph.coords.size(),
            graph.snapped,
            org.karvan.io.bundle.BundleWriter.num(options.snapM())));
    statusCount.forEach((s, n) -> summary.add(n + " features " + s));
    if (excludedCount > 0) {
      summary.add(
          excludedCount + " features excluded (" + String.join(", ", options.exclude()) + ")");
    }
    if (options.mode() == Mode.RAIL && gaugeGiven < index - excludedCount) {
      if (!options.gaugeByCountry()) {
        throw invalid(
            name,
            0,
            "gauge",
            (index - excludedCount - gaugeGiven)
                + " features have no gauge property; pass --gauge-by-country to default it");
      }
    }
    NetworkData data =
        LineBorders.build(graph, name, options, Boundaries.recognised(), summary, problems);
    if (problems.hasErrors()) {
      throw new InvalidInputException("cannot import " + name, problems);
    }
    return new Result(data, summary);
  }

  private static boolean excluded(JsonNode props, List<String> exclude) {
    for (String x : exclude) {
      int eq = x.indexOf('=');
      JsonNode v = props.get(x.substring(0, eq).trim());
      if (v != null && !v.isNull() && v.asText().equals(x.substring(eq + 1).trim())) {
        return true;
      }
    }
    return false;
  }

  private static LinkStatus status(JsonNode props, List<StatusRule> rules) {
    for (StatusRule r : rules) {
      JsonNode v = props.get(r.property());
      if (v != null && !v.isNull() && v.asText().equals(r.value())) {
        return r.status();
      }
    }
    return LinkStatus.OPERATIONAL;
  }

  private static double[][] positions(JsonNode c, String file, int index, Problems problems) {
    if (!c.isArray() || c.size() < 2) {
      problems.error(file, index, 0, "coordinates", "a line needs at least two positions");
      return null;
    }
    double[] lon = new double[c.size()];
    double[] lat = new double[c.size()];
    for (int i = 0; i < c.size(); i++) {
      JsonNode p = c.get(i);
      if (!p.isArray()
          || p.size() < 2
          || !p.get(0).isNumber()
          || !p.get(1).isNumber()
          || Math.abs(p.get(0).asDouble()) > 180
          || Math.abs(p.get(1).asDouble()) > 90) {
        problems.error(
            file, index, 0, "coordinates", "position " + (i + 1) + " is not [lon, lat] in range");
        return null;
      }
      lon[i] = p.get(0).asDouble();
      lat[i] = p.get(1).asDouble();
    }
    return new double[][] {lon, lat};
  }

  private static InvalidInputException invalid(String file, int line, String field, String msg) {
    Problems p = new Problems();
    p.error(file, line, 0, field, msg);
    return new InvalidInputException("invalid line layer " + file, p);
  }
}
