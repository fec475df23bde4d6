package org.karvan.app.osm;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.SAXParserFactory;
import org.karvan.core.geo.Geo;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A plain reference for the importer: the whole OSM XML file read with SAX (independent of the
 * importer's StAX reader), and way lengths summed segment by segment.
 */
final class OsmXmlReference {
  final Map<Long, double[]> nodes = new HashMap<>();
  final List<Way> ways = new ArrayList<>();

  record Way(long id, List<Long> refs, Map<String, String> tags) {}

  OsmXmlReference(Path gz) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      SAXParserFactory.newInstance()
          .newSAXParser()
          .parse(
              in,
              new DefaultHandler() {
                Way way;

                @Override
                public void startElement(String uri, String local, String q, Attributes a) {
                  switch (q) {
                    case "node" ->
                        nodes.put(
                            Long.parseLong(a.getValue("id")),
                            new double[] {
                              Double.parseDouble(a.getValue("lat")),
                              Double.parseDouble(a.getValue("lon"))
                            });
                    case "way" ->
                        way =
                            new Way(
                                Long.parseLong(a.getValue("id")),
                                new ArrayList<>(),
                                new HashMap<>());
                    case "nd" -> way.refs().add(Long.parseLong(a.getValue("ref")));
                    case "tag" -> {
                      if (way != null) {
                        way.tags().put(a.getValue("k"), a.getValue("v"));
                      }
                    }
                    default -> {}
                  }
                }

                @Override
                public void endElement(String uri, String local, String q) {
                  if (q.equals("way")) {
                    ways.add(way);
                    way = null;
                  }
                }
              });
    }
  }

  /** The summed great-circle length of the matching ways, km (segments with both nodes present). */
  double km(Predicate<Map<String, String>> which) {
    double km = 0;
    for (Way w : ways) {
      if (!which.test(w.tags())) {
        continue;
      }
      for (int i = 1; i < w.refs().size(); i++) {
        double[] a = nodes.get(w.refs().get(i - 1));
        double[] b = nodes.get(w.refs().get(i));
        if (a != null && b != null) {
          km += Geo.distanceKm(a[0], a[1], b[0], b[1]);
        }
      }
    }
    return km;
  }

  long count(Predicate<Map<String, String>> which) {
    return ways.stream().filter(w -> which.test(w.tags())).count();
  }
}
