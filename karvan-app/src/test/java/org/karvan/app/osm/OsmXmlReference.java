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
import javax.xml.parsers.DocumentBuilderFactory;
import org.karvan.core.geo.Geo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A plain reference for the importer: the whole OSM XML file read with DOM (independent of the
 * importer's StAX reader), and way lengths summed segment by segment.
 */
final class OsmXmlReference {
  final Map<Long, double[]> nodes = new HashMap<>();
  final List<Way> ways = new ArrayList<>();

  record Way(long id, List<Long> refs, Map<String, String> tags) {}

  OsmXmlReference(Path gz) throws Exception {
    Document doc;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    NodeList ns = doc.getElementsByTagName("node");
    for (int i = 0; i < ns.getLength(); i++) {
      Element e = (Element) ns.item(i);
      nodes.put(
          Long.parseLong(e.getAttribute("id")),
          new double[] {
            Double.parseDouble(e.getAttribute("lat")), Double.parseDouble(e.getAttribute("lon"))
          });
    }
    NodeList ws = doc.getElementsByTagName("way");
    for (int i = 0; i < ws.getLength(); i++) {
      Element e = (Element) ws.item(i);
      List<Long> refs = new ArrayList<>();
      NodeList nds = e.getElementsByTagName("nd");
      for (int j = 0; j < nds.getLength(); j++) {
        refs.add(Long.parseLong(((Element) nds.item(j)).getAttribute("ref")));
      }
      Map<String, String> tags = new HashMap<>();
      NodeList ts = e.getElementsByTagName("tag");
      for (int j = 0; j < ts.getLength(); j++) {
        Element t = (Element) ts.item(j);
        tags.put(t.getAttribute("k"), t.getAttribute("v"));
      }
      ways.add(new Way(Long.parseLong(e.getAttribute("id")), refs, tags));
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
