package org.karvan.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A geometry file of a bundle (docs/network-format.md, "Geometry files"): one line per link, under
 * the file's own licence. The reader attaches each line to its link when the link has no inline
 * geometry; the layer is kept so that a writer can give the lines back in their own file.
 *
 * @param file the file's path inside the bundle, e.g. {@code geometry/osm-rail.geojson}
 * @param licence the licence of the file's data, e.g. {@code ODbL-1.0}
 * @param attribution the attribution the licence asks for, or empty
 * @param lines the lines in file order
 */
public record GeometryLayer(String file, String licence, String attribution, List<Line> lines) {
  public GeometryLayer {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(licence, "licence");
    attribution = attribution == null ? "" : attribution;
    lines = List.copyOf(lines);
  }

  /**
   * The line of one link: every position of the file's LineString, in file order.
   *
   * @param source id of a source in {@code sources.csv}
   * @param estimated true when the positions are hand-placed waypoints rather than measured
   */
  public record Line(String link, List<LatLon> points, String source, boolean estimated) {
    public Line {
      Objects.requireNonNull(link, "link");
      points = List.copyOf(points);
      Objects.requireNonNull(source, "source");
    }
  }
}
