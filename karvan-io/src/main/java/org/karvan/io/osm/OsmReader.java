package org.karvan.io.osm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * One OSM file that can be read several times, one pass per call. The format is chosen by the
 * file's extension: {@code .osm.pbf} / {@code .pbf} (PBF), {@code .osm} (XML), {@code .osm.gz}
 * (gzip-compressed XML).
 */
public interface OsmReader {
  /** What one pass delivers. */
  enum Kind {
    NODE,
    WAY,
    RELATION
  }

  Path path();

  /**
   * Reads the file once, handing the elements of the given kinds to {@code handler} in file order.
   *
   * @throws OsmFormatException when the file is not well-formed
   */
  void read(Set<Kind> kinds, OsmHandler handler) throws IOException;

  /** The reader for a file by its extension. */
  static OsmReader open(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".pbf")) {
      return new PbfReader(file);
    }
    if (name.endsWith(".osm") || name.endsWith(".osm.gz") || name.endsWith(".osm.xml")) {
      return new XmlReader(file);
    }
    throw new IllegalArgumentException(
        file + ": unknown OSM file type (expected .osm.pbf, .osm or .osm.gz)");
  }
}
