package org.karvan.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parameters several endpoints share, named once. */
final class SharedParams {
  private SharedParams() {}

  /** Parameters every routing endpoint accepts. */
  static final List<String> ROUTE =
      List.of(
          "from",
          "to",
          "via",
          "cargo",
          "optimize",
          "avoidCountry",
          "avoidBorder",
          "avoidChokepoint",
          "avoidNode",
          "modes",
          "year",
          "include",
          "drivers",
          "regime",
          "date",
          "format");

  /** A shared parameter's OpenAPI documentation, written once for every endpoint that takes it. */
  record Doc(String name, boolean required, String type, String description, String example) {}

  /**
   * The request fields of {@link org.karvan.app.RouteSpec}, as every routing endpoint reads them.
   */
  static final List<Doc> ROUTE_DOCS =
      List.of(
          new Doc("from", true, "string", "Origin: node id, name or alias", "Nhava Sheva"),
          new Doc("to", true, "string", "Destination: node id, name or alias", "Moscow"),
          new Doc("via", false, "string", "Places to pass through, in order (repeatable)", null),
          new Doc(
              "cargo",
              false,
              "string",
              "1x40ft (default), 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons",
              null),
          new Doc("optimize", false, "string", "time (default), cost, co2, generalized", null),
          new Doc("avoidCountry", false, "string", "ISO codes to avoid (repeatable)", null),
          new Doc("avoidBorder", false, "string", "Crossing ids or country pairs (AZ-RU)", null),
          new Doc("avoidChokepoint", false, "string", "Chokepoint ids (SUEZ, HORMUZ)", null),
          new Doc("avoidNode", false, "string", "Places to avoid", null),
          new Doc("modes", false, "string", "Allowed modes: rail, road, sea, ferry", null),
          new Doc("year", false, "integer", "The network of this year", null),
          new Doc("include", false, "string", "'planned': every link not defunct", null),
          new Doc(
              "drivers", false, "integer", "Truck crew, 1 (default) or 2 (hours of service)", null),
          new Doc(
              "regime",
              false,
              "string",
              "Customs regime at port entries: transit (default) or import",
              null),
          new Doc(
              "date",
              false,
              "string",
              "YYYY-MM-DD: apply the dated events in force that day (default: today)",
              "2026-03-06"));

  /** Operations (by operationId) that take the shared routing parameters as query parameters. */
  static final Set<String> ROUTE_OPERATIONS =
      Set.of("route", "alternatives", "pareto", "compare", "tcd", "report", "reliability");

  /**
   * Adds the shared routing parameters to every operation of {@link #ROUTE_OPERATIONS} in the
   * generated OpenAPI document, after the operation's own parameters.
   */
  static String addTo(com.fasterxml.jackson.databind.node.ObjectNode doc) {
    var paths = doc.path("paths");
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          var o = (com.fasterxml.jackson.databind.node.ObjectNode) op.getValue();
                          if (!ROUTE_OPERATIONS.contains(o.path("operationId").asText())) {
                            return;
                          }
                          var params =
                              o.has("parameters")
                                  ? (com.fasterxml.jackson.databind.node.ArrayNode)
                                      o.get("parameters")
                                  : o.putArray("parameters");
                          Set<String> have = new LinkedHashSet<>();
                          params.forEach(x -> have.add(x.path("name").asText()));
                          for (Doc d : ROUTE_DOCS) {
                            if (have.contains(d.name())) {
                              continue;
                            }
                            var x = params.addObject();
                            x.put("name", d.name()).put("in", "query");
                            x.put("description", d.description()).put("required", d.required());
                            x.putObject("schema").put("type", d.type());
                            if (d.example() != null) {
                              x.put("example", d.example());
                            }
                          }
                        }));
    return doc.toPrettyString();
  }

  /** The routing parameters and {@code extra}. */
  static Set<String> route(String... extra) {
    Set<String> s = new LinkedHashSet<>(ROUTE);
    s.addAll(List.of(extra));
    return s;
  }
}
