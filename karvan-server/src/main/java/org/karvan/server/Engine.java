package org.karvan.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Objective;
import org.karvan.io.geojson.GeoJsonWriter;
import org.karvan.io.route.RouteJson;

/**
 * The network as the map page needs it: GeoJSON (whole or filtered), a summary, and place search
 * for autocomplete.
 */
final class Engine {
  final Network net;
  private final ObjectNode geojson;
  private final byte[] geojsonBytes;

  Engine(Network net) {
    this.net = net;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      GeoJsonWriter.write(net, out);
      geojsonBytes = out.toByteArray();
      geojson = (ObjectNode) RouteJson.MAPPER.readTree(geojsonBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, Params p) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      p.error(
          field,
          "unknown value '"
              + value
              + "'; allowed: "
              + EnumSet.allOf(type).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
      return null;
    }
  }

  private static Set<String> upper(List<String> l) {
    return l.stream()
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The whole network as GeoJSON bytes (as {@code karvan network export --format geojson}). */
  byte[] networkGeoJsonBytes() {
    return geojsonBytes;
  }

  /**
   * The network GeoJSON with only the features that match: {@code modes} and {@code statuses}
   * filter links (statuses also crossings), {@code countries} keep what touches those countries.
   */
  ObjectNode networkGeoJson(Set<Mode> modes, Set<String> statuses, Set<String> countries) {
    ObjectNode out = geojson.deepCopy();
    ArrayNode features = out.putArray("features");
    for (JsonNode f : geojson.get("features")) {
      JsonNode pr = f.get("properties");
      String type = pr.get("featureType").asText();
      boolean keep =
          switch (type) {
            case "link" ->
                (modes.isEmpty() || modes.contains(Mode.valueOf(pr.get("mode").asText())))
                    && (statuses.isEmpty() || statuses.contains(pr.get("status").asText()))
                    && (countries.isEmpty()
                        || countries.contains(net.countryOf(pr.get("from").asText()))
                        || countries.contains(net.countryOf(pr.get("to").asText())));
            case "borderCrossing" ->
                (statuses.isEmpty() || statuses.contains(pr.get("status").asText()))
                    && (countries.isEmpty()
                        || countries.contains(pr.get("countryA").asText())
                        || countries.contains(pr.get("countryB").asText()));
            case "node" -> countries.isEmpty() || countries.contains(pr.get("country").asText());
            case "terminal" ->
                countries.isEmpty() || countries.contains(net.countryOf(pr.get("node").asText()));
            default -> true;
          };
      if (keep) {
        features.add(f);
      }
    }
    return out;
  }

  /** Parses the network filters; unknown values are field errors. */
  ObjectNode networkGeoJson(Params p) {
    Set<Mode> modes = new LinkedHashSet<>();
    for (String m : p.list("mode")) {
      Mode x = parseEnum(Mode.class, m, "mode", p);
      if (x != null) {
        modes.add(x);
      }
    }
    Set<String> statuses = new LinkedHashSet<>();
    Set<String> allowed = new LinkedHashSet<>();
    for (LinkStatus s : LinkStatus.values()) {
      allowed.add(s.name());
    }
    for (CrossingStatus s : CrossingStatus.values()) {
      allowed.add(s.name());
    }
    for (String s : p.list("status")) {
      String u = s.trim().toUpperCase(Locale.ROOT);
      if (!allowed.contains(u)) {
        p.error(
            "status",
            "unknown value '"
                + s
                + "'; allowed: "
                + allowed.stream()
                    .map(x -> x.toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
      }
      statuses.add(u);
    }
    Set<String> countries = upper(p.list("country"));
    for (String c : countries) {
      if (net.findCountry(c).isEmpty()) {
        p.error("country", "unknown country '" + c + "'");
      }
    }
    p.throwIfErrors();
    return networkGeoJson(modes, statuses, countries);
  }

  static String norm(String s) {
    return org.karvan.core.routing.Places.norm(s);
  }

  /**
   * Places matching what a user has typed so far: id, name or alias, best first (exact, then
   * prefix, then word prefix, then substring).
   */
  ArrayNode searchPlaces(String q, int limit) {
    String nq = norm(q == null ? "" : q);
    record Hit(Node n, int rank) {}
    List<Hit> hits = new ArrayList<>();
    for (Node n : net.nodes()) {
      int best = Integer.MAX_VALUE;
      if (nq.isEmpty()) {
        // No query lists every place; a query of only symbols (an emoji) matches none.
        best = q == null || q.isBlank() ? 5 : Integer.MAX_VALUE;
      } else if (n.id().equalsIgnoreCase(q.trim())) {
        best = 0;
      } else {
        List<String> names = new ArrayList<>();
        names.add(n.name());
        names.addAll(n.aliases());
        for (int i = 0; i < names.size(); i++) {
          String s = norm(names.get(i));
          int alias = i == 0 ? 0 : 1;
          if (s.equals(nq)) {
            best = Math.min(best, 1 + alias);
          } else if (s.startsWith(nq)) {
            best = Math.min(best, 3 + alias);
          } else if ((" " + s).contains(" " + nq)) {
            best = Math.min(best, 5 + alias);
          } else if (s.contains(nq)) {
            best = Math.min(best, 7 + alias);
          }
        }
        if (norm(n.id()).startsWith(nq)) {
          best = Math.min(best, 4);
        }
      }
      if (best < Integer.MAX_VALUE) {
        hits.add(new Hit(n, best));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::rank).thenComparing(h -> h.n().name()));
    ArrayNode out = RouteJson.MAPPER.createArrayNode();
    for (Hit h : hits.subList(0, Math.min(limit, hits.size()))) {
      ObjectNode o = out.addObject();
      o.put("id", h.n().id());
      o.put("name", h.n().name());
      o.put("country", h.n().country());
      o.put("lat", h.n().lat());
      o.put("lon", h.n().lon());
      ArrayNode a = o.putArray("aliases");
      h.n().aliases().forEach(a::add);
      ArrayNode k = o.putArray("kinds");
      h.n().kinds().stream().map(Object::toString).sorted().forEach(k::add);
    }
    return out;
  }

  /** Network summary for the page: name, version, counts, countries, chokepoints, modes. */
  ObjectNode info() {
    ObjectNode o = RouteJson.MAPPER.createObjectNode();
    o.put("name", net.manifest().name());
    o.put("version", net.manifest().version());
    o.put("asOf", net.manifest().asOf().toString());
    o.put("nodes", net.nodes().size());
    o.put("links", net.links().size());
    o.put("crossings", net.crossings().size());
    o.put("terminals", net.terminals().size());
    ArrayNode cs = o.putArray("countries");
    net.countries().forEach(c -> cs.addObject().put("code", c.code()).put("name", c.name()));
    ArrayNode cp = o.putArray("chokepoints");
    net.chokepoints().forEach(c -> cp.addObject().put("id", c.id()).put("name", c.name()));
    ArrayNode bc = o.putArray("borderCrossings");
    net.crossings().forEach(c -> bc.addObject().put("id", c.id()).put("name", c.name()));
    ArrayNode ms = o.putArray("modes");
    for (Mode m : Mode.values()) {
      ms.add(m.name().toLowerCase(Locale.ROOT));
    }
    ArrayNode ob = o.putArray("objectives");
    for (Objective x : Objective.values()) {
      ob.add(x.name().toLowerCase(Locale.ROOT));
    }
    return o;
  }
}
