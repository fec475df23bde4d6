package org.karvan.io.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Chokepoint;
import org.karvan.core.model.GeometryLayer;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.Source;
import org.karvan.core.model.Terminal;
import org.karvan.io.bundle.GeometryFiles;

/**
 * Writes a network as an RFC 7946 GeoJSON FeatureCollection: nodes, border crossings and terminals
 * as Points, links as LineStrings. Every attribute is a property, including provenance with the
 * sources expanded (id, title, url, reliability). The manifest and the chokepoints travel in a
 * foreign member {@code karvan}.
 */
public final class GeoJsonWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private GeoJsonWriter() {}

  public static void write(Network n, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeObjectFieldStart("karvan");
      g.writeStringField("name", n.manifest().name());
      g.writeStringField("version", n.manifest().version());
      g.writeStringField("asOf", n.manifest().asOf().toString());
      g.writeStringField("licence", n.manifest().licence());
      // Each geometry file keeps its own licence; its attribution travels with the export.
      g.writeArrayFieldStart("geometryFiles");
      for (GeometryLayer layer : n.manifest().geometry()) {
        g.writeStartObject();
        g.writeStringField("file", layer.file());
        g.writeStringField("licence", layer.licence());
        g.writeStringField("attribution", layer.attribution());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("chokepoints");
      for (Chokepoint c : n.chokepoints()) {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", c.name());
        g.writeStringField("kind", c.kind().name());
        provenance(g, n, c.provenance());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("features");
      for (Node node : n.nodes()) {
        node(g, n, node);
      }
      Map<String, GeometryLayer> layerOf = GeometryFiles.layerByLink(n.manifest().geometry());
      Map<String, GeometryLayer.Line> lineOf = GeometryFiles.byLink(n.manifest().geometry());
      for (Link l : n.links()) {
        link(g, n, l, layerOf.get(l.id()), lineOf.get(l.id()));
      }
      for (BorderCrossing c : n.crossings()) {
        crossing(g, n, c);
      }
      for (Terminal t : n.terminals()) {
        terminal(g, n, t);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  private static void point(JsonGenerator g, double lat, double lon) throws IOException {
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "Point");
    g.writeArrayFieldStart("coordinates");
    g.writeNumber(lon);
    g.writeNumber(lat);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String field, Collection<?> items)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (Object o : items) {
      g.writeString(o.toString());
    }
    g.writeEndArray();
  }

  private static void numberOrNull(JsonGenerator g, String field, Number v) throws IOException {
    if (v == null) {
      g.writeNullField(field);
    } else if (v instanceof Integer i) {
      g.writeNumberField(field, i);
    } else {
      g.writeNumberField(field, v.doubleValue());
    }
  }

  private static void provenance(JsonGenerator g, Network n, Provenance p) throws IOException {
    g.writeArrayFieldStart("sources");
    for (String id : p.sources()) {
      g.writeStartObject();
      g.writeStringField("id", id);
      Source s = n.findSource(id).orElse(null);
      if (s != null) {
        g.writeStringField("title", s.title());
        g.writeStringField("url", s.url());
        g.writeStringField("reliability", s.reliability().name());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("asOf", p.asOf().toString());
    strings(g, "estimated", p.estimated().stream().sorted().toList());
    g.writeStringField("note", p.note());
  }

  private static void node(JsonGenerator g, Network n, Node node) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", node.id());
    point(g, node.lat(), node.lon());
    g.writeObjectFieldStart("properties");
    g.writeStringField("featureType", "node");
    g.writeStringField("id", node.id());
    g.writeStringField("name", node.name());
    strings(g, "aliases", node.aliases());
    g.writeStringField("country", node.country());
    strings(g, "kinds", node.kinds().stream().sorted().toList());
    provenance(g, n, node.provenance());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void link(
      JsonGenerator g, Network n, Link l, GeometryLayer layer, GeometryLayer.Line line)
      throws IOException {
    Node a = n.getNode(l.from());
    Node b = n.getNode(l.to());
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", l.id());
    g.writeObjectFieldStart("geometry");
    g.writeStringField("type", "LineString");
    g.writeArrayFieldStart("coordinates");
    coord(g, a.lat(), a.lon());
    for (LatLon v : l.geometry()) {
      coord(g, v.lat(), v.lon());
    }
    coord(g, b.lat(), b.lon());
    g.writeEndArray();
    g.writeEndObject();
    g.writeObjectFieldStart("properties");
    g.writeStringField("featureType", "link");
    g.writeStringField("id", l.id());
    g.writeStringField("from", l.from());
    g.writeStringField("to", l.to());
    g.writeStringField("mode", l.mode().name());
    g.writeNumberField("lengthKm", l.lengthKm());
    g.writeStringField("direction", l.direction().name());
    g.writeStringField("gauge", l.gauge() == null ? null : l.gauge().code());
    if (l.electrified() == null) {
      g.writeNullField("electrified");
    } else {
      g.writeBooleanField("electrified", l.electrified());
    }
    numberOrNull(g, "speedKmh", l.speedKmh());
    numberOrNull(g, "capacityTpy", l.capacityTpy());
    g.writeStringField("status", l.status().name());
    numberOrNull(g, "openingYear", l.openingYear());
    g.writeStringField("borderCrossing", l.borderCrossing());
    strings(g, "chokepoints", l.chokepoints());
    if (line != null && l.geometry().equals(GeometryFiles.vertices(line, a, b))) {
      g.writeStringField("geometrySource", line.source());
      g.writeBooleanField("geometryEstimated", line.estimated());
      g.writeStringField("geometryFile", layer.file());
      g.writeStringField("geometryLicence", layer.licence());
    }
    var svc = n.findService(l.id());
    if (svc.isPresent()) {
      g.writeNumberField("sailingsPerWeek", svc.get().sailingsPerWeek());
      g.writeNumberField("sailingH", svc.get().sailingH());
    }
    provenance(g, n, l.provenance());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void coord(JsonGenerator g, double lat, double lon) throws IOException {
    g.writeStartArray();
    g.writeNumber(lon);
    g.writeNumber(lat);
    g.writeEndArray();
  }

  private static void crossing(JsonGenerator g, Network n, BorderCrossing c) throws IOException {
    Node a = n.getNode(c.nodeA());
    Node b = n.getNode(c.nodeB());
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", c.id());
    point(g, (a.lat() + b.lat()) / 2, (a.lon() + b.lon()) / 2);
    g.writeObjectFieldStart("properties");
    g.writeStringField("featureType", "borderCrossing");
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    g.writeStringField("nodeA", c.nodeA());
    g.writeStringField("nodeB", c.nodeB());
    g.writeStringField("countryA", a.country());
    g.writeStringField("countryB", b.country());
    strings(g, "modes", c.modes().stream().sorted().toList());
    g.writeNumberField("clearanceAbMeanH", c.ab().meanH());
    g.writeNumberField("clearanceAbP90H", c.ab().p90H());
    g.writeNumberField("clearanceBaMeanH", c.ba().meanH());
    g.writeNumberField("clearanceBaP90H", c.ba().p90H());
    g.writeNumberField("feeAbUsd", c.feeAbUsd());
    g.writeNumberField("feeBaUsd", c.feeBaUsd());
    g.writeStringField("status", c.status().name());
    numberOrNull(g, "openingYear", c.openingYear());
    numberOrNull(g, "capacityPerDay", c.capacityPerDay());
    provenance(g, n, c.provenance());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void terminal(JsonGenerator g, Network n, Terminal t) throws IOException {
    Node at = n.getNode(t.node());
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", t.id());
    point(g, at.lat(), at.lon());
    g.writeObjectFieldStart("properties");
    g.writeStringField("featureType", "terminal");
    g.writeStringField("id", t.id());
    g.writeStringField("node", t.node());
    g.writeStringField("from", t.from().toString());
    g.writeStringField("to", t.to().toString());
    g.writeBooleanField("breakOfGauge", t.isBreakOfGauge());
    g.writeNumberField("handlingH", t.handlingH());
    numberOrNull(g, "costUsdPerTeu", t.costUsdPerTeu());
    numberOrNull(g, "costUsdPerTonne", t.costUsdPerTonne());
    numberOrNull(g, "capacityTpy", t.capacityTpy());
    provenance(g, n, t.provenance());
    g.writeEndObject();
    g.writeEndObject();
  }
}
