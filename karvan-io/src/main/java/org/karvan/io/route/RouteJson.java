package org.karvan.io.route;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.Leg;

/**
 * The route JSON shared by the CLI and the server (docs/route-json.md): totals, legs, events,
 * countries, crossings, chokepoints, with place names next to ids.
 */
public final class RouteJson {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RouteJson() {}

  private static double r(double v, int digits) {
    return round(v, digits);
  }

  /**
   * {@code v} rounded to {@code digits} decimals. Never saturates: a value so large that it has no
   * decimals left to round (above 2^52 once scaled) is returned as it is, where {@code Math.round}
   * would clamp it to {@code Long.MAX_VALUE} (9.22e18, or 9.22e17 at one decimal).
   */
  public static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    double scaled = v * f;
    if (!Double.isFinite(scaled) || Math.abs(scaled) >= 0x1p52) {
      return v;
    }
    return Math.round(scaled) / f;
  }

  private static String name(Network n, String id) {
    return n.findNode(id).map(Node::name).orElse(id);
  }

  public static ObjectNode route(Network n, Route route) {
    ObjectNode o = MAPPER.createObjectNode();
    ObjectNode t = o.putObject("totals");
    t.put("distanceKm", r(route.totals().distanceKm(), 1));
    t.put("durationHours", r(route.totals().durationHours(), 2));
    t.put("durationDays", r(route.totals().durationDays(), 2));
    t.put("costUsd", r(route.totals().costUsd(), 2));
    t.put("co2eKg", r(route.totals().co2eKg(), 1));
    o.put("objectiveValue", r(route.objectiveValue(), 4));
    times(o, route.departs(), route.arrives());
    ArrayNode legs = o.putArray("legs");
    for (Leg l : route.legs()) {
      ObjectNode x = legs.addObject();
      x.put("seq", l.seq());
      x.put("mode", l.mode());
      x.put("gauge", l.gauge());
      x.put("from", l.from());
      x.put("fromName", name(n, l.from()));
      x.put("to", l.to());
      x.put("toName", name(n, l.to()));
      x.put("country", l.country());
      x.put("distanceKm", r(l.distanceKm(), 1));
      x.put("durationHours", r(l.durationHours(), 2));
      x.put("costUsd", r(l.costUsd(), 2));
      x.put("co2eKg", r(l.co2eKg(), 1));
      times(x, l.departs(), l.arrives());
      ArrayNode links = x.putArray("links");
      l.links().forEach(links::add);
    }
    ArrayNode events = o.putArray("events");
    for (Event e : route.events()) {
      ObjectNode x = events.addObject();
      x.put("seq", e.seq());
      x.put("type", e.type().name());
      x.put("at", e.at());
      x.put("atName", name(n, e.at()));
      x.put("detail", e.detail());
      x.put("durationHours", r(e.durationHours(), 2));
      x.put("costUsd", r(e.costUsd(), 2));
      x.put("co2eKg", r(e.co2eKg(), 1));
      x.put("kmFromOrigin", r(e.kmFromOrigin(), 1));
      times(x, e.departs(), e.arrives());
    }
    ArrayNode disruptions = o.putArray("disruptions");
    for (Route.Disruption d : route.disruptions()) {
      ObjectNode x = disruptions.addObject();
      x.put("id", d.id());
      x.put("severity", d.severity());
      x.put("targetType", d.targetType());
      ArrayNode ts = x.putArray("targets");
      d.targets().forEach(ts::add);
      x.put("effect", d.effect());
      x.put("passages", d.passages());
      x.put("addedHours", r(d.hours(), 2));
      x.put("addedUsd", r(d.usd(), 2));
      x.put("capacityCut", r(d.capacityCut(), 3));
      ArrayNode src = x.putArray("sources");
      d.sources().forEach(src::add);
      x.put("estimated", d.estimated());
    }
    ArrayNode countries = o.putArray("countries");
    route
        .countries()
        .forEach(
            c ->
                countries
                    .addObject()
                    .put("code", c.code())
                    .put("distanceKm", r(c.distanceKm(), 1)));
    ArrayNode crossings = o.putArray("crossings");
    for (String id : route.crossings()) {
      var c = n.getCrossing(id);
      crossings
          .addObject()
          .put("id", id)
          .put("name", c.name())
          .put("countries", n.countryOf(c.nodeA()) + "-" + n.countryOf(c.nodeB()));
    }
    ArrayNode chokepoints = o.putArray("chokepoints");
    for (String id : route.chokepoints()) {
      chokepoints
          .addObject()
          .put("id", id)
          .put("name", n.findChokepoint(id).map(c -> c.name()).orElse(id));
    }
    ArrayNode nodes = o.putArray("nodes");
    route.nodes().forEach(nodes::add);
    return o;
  }

  /**
   * A dated event as JSON: id, severity, targets, dates ({@code end} null while open), modes, its
   * figures, what it does, sources and whether it holds estimates.
   */
  public static ObjectNode event(NetworkEvent e) {
    return event(e, null);
  }

  /** As {@link #event(NetworkEvent)}, with source ids of {@code n}'s sources.csv cited by URL. */
  public static ObjectNode event(NetworkEvent e, org.karvan.core.model.Network n) {
    ObjectNode x = MAPPER.createObjectNode();
    x.put("id", e.id());
    x.put("severity", e.severity().name());
    x.put("targetType", e.targetType().name());
    ArrayNode ts = x.putArray("targets");
    e.targets().forEach(ts::add);
    x.put("start", e.start().toString());
    x.put("end", e.end() == null ? null : e.end().toString());
    ArrayNode ms = x.putArray("modes");
    e.modes().stream().map(Enum::name).sorted().forEach(ms::add);
    x.put("effect", org.karvan.core.routing.Route.describe(e));
    x.put("delayMeanHours", r(e.delayMeanH(), 2));
    x.put("delayP90Hours", r(e.delayP90H(), 2));
    x.put("surchargeUsdPerTeu", r(e.surchargeUsdPerTeu(), 2));
    x.put("surchargePct", r(e.surchargePct(), 2));
    x.put("capacityCut", r(e.capacityCut(), 3));
    ArrayNode src = x.putArray("sources");
    e.provenance().sources().forEach(s -> src.add(n == null ? s : n.cite(s)));
    x.put("estimated", !e.provenance().estimated().isEmpty());
    x.put("note", e.provenance().note());
    return x;
  }

  /**
   * {@code departs} and {@code arrives} of a timed route (ISO offset date-times, local time at the
   * place: {@code 2026-12-08T12:00+04:00}), else nothing.
   */
  private static void times(ObjectNode o, OffsetDateTime departs, OffsetDateTime arrives) {
    if (departs != null) {
      o.put("departs", RouteTimes.iso(departs));
    }
    if (arrives != null) {
      o.put("arrives", RouteTimes.iso(arrives));
    }
  }

  /** The route with the units it was priced in and its CAREC CPMM indicators (TFI1-TFI4). */
  public static ObjectNode route(Network n, Route route, org.karvan.core.routing.Cargo cargo) {
    ObjectNode o = route(n, route);
    o.set("cargo", cargo(cargo));
    o.set("cpmm", cpmm(org.karvan.core.scenario.Cpmm.of(n, route, cargo)));
    return o;
  }

  /** What the tariffs counted (docs/cost-model.md, "Cargo"). */
  public static ObjectNode cargo(org.karvan.core.routing.Cargo c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("label", c.label());
    o.put("unit", c.unit().key());
    o.put("teu", r(c.teu(), 3));
    o.put("tonnes", r(c.tonnes(), 3));
    o.put("grossTonnes", r(c.grossTonnes(), 3));
    o.put("boxes20", r(c.boxes20(), 0));
    o.put("boxes40", r(c.boxes40(), 0));
    o.put("trucks", r(c.trucks(), 0));
    o.put("wagons", r(c.wagons(), 0));
    o.put("drivers", c.drivers());
    return o;
  }

  /** CPMM indicators as JSON. */
  public static ObjectNode cpmm(org.karvan.core.scenario.Cpmm c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("tfi1BorderClearanceHours", r(c.tfi1BorderHours(), 2));
    o.put("tfi2BorderCostUsd", r(c.tfi2BorderUsd(), 2));
    o.put("tfi3UsdPer500kmPer20t", r(c.tfi3UsdPer500kmPer20t(), 2));
    o.put("tfi4SwodKmh", r(c.swodKmh(), 2));
    o.put("tfi4SwdKmh", r(c.swdKmh(), 2));
    ArrayNode xs = o.putArray("crossings");
    c.crossings()
        .forEach(
            x ->
                xs.addObject()
                    .put("at", x.at())
                    .put("name", x.name())
                    .put("hours", r(x.hours(), 2))
                    .put("usd", r(x.usd(), 2)));
    ArrayNode ss = o.putArray("sections");
    c.sections()
        .forEach(
            x ->
                ss.addObject()
                    .put("country", x.country())
                    .put("distanceKm", r(x.km(), 1))
                    .put("movingHours", r(x.movingH(), 2))
                    .put("totalHours", r(x.totalH(), 2))
                    .put("costUsd", r(x.usd(), 2))
                    .put("tfi3UsdPer500kmPer20t", r(x.tfi3(), 2))
                    .put("swodKmh", r(x.swod(), 2))
                    .put("swdKmh", r(x.swd(), 2)));
    return o;
  }

  /** A list of routes (alternatives or a Pareto front) under {@code routes}. */
  public static ObjectNode routes(Network n, List<Route> routes, ObjectNode meta) {
    ObjectNode o = meta == null ? MAPPER.createObjectNode() : meta;
    ArrayNode arr = o.putArray("routes");
    routes.forEach(rt -> arr.add(route(n, rt)));
    return o;
  }
}
