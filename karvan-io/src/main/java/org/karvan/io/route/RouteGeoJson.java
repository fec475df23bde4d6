package org.karvan.io.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.Leg;

/**
 * Routes as an RFC 7946 FeatureCollection: one LineString per leg (along link geometry where the
 * data has it) and one Point per event, with the leg and event figures as properties and the route
 * index in {@code route}.
 */
public final class RouteGeoJson {
  private RouteGeoJson() {}

  public static ObjectNode of(Network n, List<Route> routes) {
    ObjectNode fc = RouteJson.MAPPER.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (int ri = 0; ri < routes.size(); ri++) {
      Route route = routes.get(ri);
      for (Leg l : route.legs()) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "LineString");
        ArrayNode coords = g.putArray("coordinates");
        String at = l.from();
        point(coords, n.getNode(at));
        for (String linkId : l.links()) {
          Link link = n.getLink(linkId);
          boolean fwd = link.from().equals(at);
          List<LatLon> geom = link.geometry();
          for (int i = 0; i < geom.size(); i++) {
            LatLon v = geom.get(fwd ? i : geom.size() - 1 - i);
            coords.addArray().add(v.lon()).add(v.lat());
          }
          at = link.other(at);
          point(coords, n.getNode(at));
        }
        ObjectNode p = f.putObject("properties");
        p.put("route", ri);
        p.put("kind", "leg");
        p.setAll(legProps(n, l));
      }
      for (Event e : route.events()) {
        ObjectNode f = features.addObject();
        f.put("type", "Feature");
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        Node at = n.getNode(e.at());
        g.putArray("coordinates").add(at.lon()).add(at.lat());
        ObjectNode p = f.putObject("properties");
        p.put("route", ri);
        p.put("kind", "event");
        p.put("seq", e.seq());
        p.put("type", e.type().name());
        p.put("at", e.at());
        p.put("atName", at.name());
        p.put("detail", e.detail());
        p.put("durationHours", e.durationHours());
        p.put("costUsd", e.costUsd());
        p.put("co2eKg", e.co2eKg());
      }
    }
    return fc;
  }

  private static ObjectNode legProps(Network n, Leg l) {
    ObjectNode x = RouteJson.MAPPER.createObjectNode();
    x.put("seq", l.seq());
    x.put("mode", l.mode());
    x.put("gauge", l.gauge());
    x.put("from", l.from());
    x.put("to", l.to());
    x.put("fromName", n.getNode(l.from()).name());
    x.put("toName", n.getNode(l.to()).name());
    x.put("country", l.country());
    x.put("distanceKm", l.distanceKm());
    x.put("durationHours", l.durationHours());
    x.put("costUsd", l.costUsd());
    x.put("co2eKg", l.co2eKg());
    return x;
  }

  private static void point(ArrayNode coords, Node node) {
    coords.addArray().add(node.lon()).add(node.lat());
  }
}
