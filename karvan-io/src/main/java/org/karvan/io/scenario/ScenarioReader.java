package org.karvan.io.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Node;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Terminal;
import org.karvan.core.scenario.Modification;
import org.karvan.core.scenario.Modification.Target;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;
import org.karvan.io.bundle.BundleFormat;
import org.karvan.io.bundle.BundleReader;

/**
 * Reads a scenario file, YAML or JSON by extension (docs/scenarios.md). Every problem (syntax,
 * unknown type, missing or ill-typed field) is collected with file, line and field; a scenario with
 * problems is never returned. Whether ids exist is checked when the scenario is applied to a
 * network ({@code ScenarioView.apply}).
 */
public final class ScenarioReader {
  private ScenarioReader() {}

  static final Map<String, Set<String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("close", Set.of("target", "ids", "id", "country_pair"));
    FIELDS.put("open", Set.of("target", "ids", "id"));
    FIELDS.put("set-link-status", Set.of("link", "status", "opening_year"));
    FIELDS.put("set-crossing-status", Set.of("crossing", "status", "opening_year"));
    FIELDS.put("scale-clearance", Set.of("crossings", "country_pair", "factor"));
    FIELDS.put(
        "set-crossing",
        Set.of(
            "crossing",
            "clearance_ab_mean_h",
            "clearance_ab_p90_h",
            "clearance_ba_mean_h",
            "clearance_ba_p90_h",
            "fee_ab_usd",
            "fee_ba_usd"));
    FIELDS.put("scale-speed", Set.of("links", "mode", "factor"));
    FIELDS.put("set-speed", Set.of("link", "speed_kmh"));
    FIELDS.put("scale-sailings", Set.of("links", "mode", "factor"));
    FIELDS.put("set-service", Set.of("link", "sailings_per_week", "sailing_h"));
    FIELDS.put("scale-capacity", Set.of("links", "mode", "factor"));
    FIELDS.put("set-parameter", Set.of("key", "value"));
    FIELDS.put("scale-parameter", Set.of("key", "factor"));
    FIELDS.put("add-node", Set.of());
    FIELDS.put("add-link", Set.of());
    FIELDS.put("add-crossing", Set.of());
    FIELDS.put("add-terminal", Set.of());
    FIELDS.put("add-event", Set.of());
  }

  public static Scenario read(Path file) {
    try {
      return read(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      Problems p = new Problems();
      p.error(
          file.toString(),
          0,
          0,
          "",
          e instanceof java.nio.file.NoSuchFileException
              ? "no such file"
              : "cannot be read: " + e.getMessage());
      throw new InvalidInputException("cannot read scenario", p);
    }
  }

  private static boolean yaml(String name) {
    String l = name.toLowerCase(Locale.ROOT);
    return l.endsWith(".yaml") || l.endsWith(".yml");
  }

  /** Parses a scenario; {@code name} is the file name used in messages and picks YAML or JSON. */
  public static Scenario read(byte[] bytes, String name) {
    JsonFactory factory = yaml(name) ? new YAMLFactory() : new JsonFactory();
    ObjectMapper mapper = new ObjectMapper(factory);
    Problems p = new Problems();
    JsonNode root;
    List<Integer> lines;
    try {
      root = mapper.readTree(bytes);
      lines = elementLines(factory, bytes, "modifications");
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      p.error(
          name,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "",
          "syntax error: " + e.getOriginalMessage());
      throw new InvalidInputException("invalid scenario", p);
    } catch (IOException e) {
      p.error(name, 0, 0, "", "cannot be read: " + e.getMessage());
      throw new InvalidInputException("invalid scenario", p);
    }
    if (root == null || !root.isObject()) {
      p.error(name, 1, 0, "", "a scenario is an object with name, description and modifications");
      throw new InvalidInputException("invalid scenario", p);
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("name", "description", "extends", "year", "sources", "modifications")
          .contains(f)) {
        p.error(
            name,
            0,
            0,
            f,
            "unknown field (allowed: name, description, extends, year, sources, modifications)");
      }
    }
    String sname = root.path("name").asText("");
    if (sname.isBlank()) {
      p.error(name, 0, 0, "name", "required");
    } else if (!sname.matches("[A-Za-z0-9_.\\-]+")) {
      p.error(
          name, 0, 0, "name", "'" + sname + "' may hold only letters, digits, '_', '-' and '.'");
    }
    Integer year = null;
    if (root.has("year") && !root.get("year").isNull()) {
      if (!root.get("year").canConvertToInt() || !root.get("year").isIntegralNumber()) {
        p.error(name, 0, 0, "year", "must be a whole number");
      } else {
        year = root.get("year").asInt();
        if (year < 1900 || year > 2200) {
          p.error(name, 0, 0, "year", "year " + year + " is out of range");
        }
      }
    }
    List<String> sources = new ArrayList<>();
    root.path("sources").forEach(s -> sources.add(s.asText()));
    List<Modification> mods = new ArrayList<>();
    JsonNode ms = root.get("modifications");
    if (ms != null && !ms.isArray()) {
      p.error(name, 0, 0, "modifications", "must be a list");
    } else if (ms != null) {
      for (int i = 0; i < ms.size(); i++) {
        int line = i < lines.size() ? lines.get(i) : 0;
        Modification m = modification(ms.get(i), name, line, "modifications[" + i + "]", p);
        if (m != null) {
          mods.add(m);
        }
      }
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("invalid scenario", p);
    }
    String ext = root.hasNonNull("extends") ? root.get("extends").asText() : null;
    return new Scenario(sname, root.path("description").asText(""), ext, year, sources, mods, name);
  }

  /** The 1-based line where each element of a top-level array field starts. */
  static List<Integer> elementLines(JsonFactory f, byte[] bytes, String field) throws IOException {
    List<Integer> lines = new ArrayList<>();
    try (JsonParser jp = f.createParser(bytes)) {
      if (jp.nextToken() != JsonToken.START_OBJECT) {
        return lines;
      }
      while (jp.nextToken() == JsonToken.FIELD_NAME) {
        String n = jp.currentName();
        JsonToken t = jp.nextToken();
        if (n.equals(field) && t == JsonToken.START_ARRAY) {
          while (jp.nextToken() != JsonToken.END_ARRAY) {
            lines.add(jp.currentTokenLocation().getLineNr());
            jp.skipChildren();
          }
        } else {
          jp.skipChildren();
        }
      }
    }
    return lines;
  }

  private static Modification modification(
      JsonNode n, String file, int line, String where, Problems p) {
    Origin o = new Origin(file, line, Map.of());
    Fields f = new Fields(n, file, line, where, p);
    if (!n.isObject()) {
      f.err("", "each modification is an object with a 'type'");
      return null;
    }
    String type = n.path("type").asText("");
    if (!FIELDS.containsKey(type)) {
      f.err(
          "type",
          type.isEmpty()
              ? "required; one of " + String.join(", ", FIELDS.keySet())
              : "unknown type '" + type + "'; one of " + String.join(", ", FIELDS.keySet()));
      return null;
    }
    if (type.startsWith("add-")) {
      return add(type, n, file, line, where, p, o);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("type") && !FIELDS.get(type).contains(k)) {
        f.err(
            k,
            "unknown field for "
                + type
                + " (allowed: "
                + String.join(", ", FIELDS.get(type).stream().sorted().toList())
                + ")");
      }
    }
    int before = p.errorCount();
    Modification m =
        switch (type) {
          case "close" ->
              new Modification.Close(
                  f.enumValue(Target.class, "target", true),
                  f.ids(),
                  f.text("country_pair", false),
                  o,
                  where);
          case "open" ->
              new Modification.Open(f.enumValue(Target.class, "target", true), f.ids(), o, where);
          case "set-link-status" ->
              new Modification.SetLinkStatus(
                  f.text("link", true),
                  f.enumValue(LinkStatus.class, "status", true),
                  f.integer("opening_year"),
                  o,
                  where);
          case "set-crossing-status" ->
              new Modification.SetCrossingStatus(
                  f.text("crossing", true),
                  f.enumValue(CrossingStatus.class, "status", true),
                  f.integer("opening_year"),
                  o,
                  where);
          case "scale-clearance" ->
              new Modification.ScaleClearance(
                  f.list("crossings"),
                  f.text("country_pair", false),
                  f.number("factor", true),
                  o,
                  where);
          case "set-crossing" ->
              new Modification.SetCrossing(
                  f.text("crossing", true),
                  f.numberOrNull("clearance_ab_mean_h"),
                  f.numberOrNull("clearance_ab_p90_h"),
                  f.numberOrNull("clearance_ba_mean_h"),
                  f.numberOrNull("clearance_ba_p90_h"),
                  f.numberOrNull("fee_ab_usd"),
                  f.numberOrNull("fee_ba_usd"),
                  o,
                  where);
          case "scale-speed" ->
              new Modification.ScaleSpeed(
                  f.list("links"),
                  f.enumValue(Mode.class, "mode", false),
                  f.number("factor", true),
                  o,
                  where);
          case "set-speed" ->
              new Modification.SetSpeed(
                  f.text("link", true), f.number("speed_kmh", true), o, where);
          case "scale-sailings" ->
              new Modification.ScaleSailings(
                  f.list("links"),
                  f.enumValue(Mode.class, "mode", false),
                  f.number("factor", true),
                  o,
                  where);
          case "set-service" ->
              new Modification.SetService(
                  f.text("link", true),
                  f.numberOrNull("sailings_per_week"),
                  f.numberOrNull("sailing_h"),
                  o,
                  where);
          case "scale-capacity" ->
              new Modification.ScaleCapacity(
                  f.list("links"),
                  f.enumValue(Mode.class, "mode", false),
                  f.number("factor", true),
                  o,
                  where);
          case "set-parameter" ->
              new Modification.SetParameter(f.text("key", true), f.number("value", true), o, where);
          case "scale-parameter" ->
              new Modification.ScaleParameter(
                  f.text("key", true), f.number("factor", true), o, where);
          default -> null;
        };
    return p.errorCount() == before ? m : null;
  }

  private static Modification add(
      String type, JsonNode n, String file, int line, String where, Problems p, Origin o) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals("type")) {
        continue;
      }
      JsonNode v = e.getValue();
      if (v.isArray()) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(x.asText()));
        values.put(e.getKey(), String.join("|", parts));
      } else {
        values.put(e.getKey(), v.isNull() ? "" : v.asText());
      }
    }
    BundleFormat.FileSpec spec =
        switch (type) {
          case "add-node" -> BundleFormat.NODES;
          case "add-link" -> BundleFormat.LINKS;
          case "add-crossing" -> BundleFormat.CROSSINGS;
          case "add-event" -> BundleFormat.EVENTS;
          default -> BundleFormat.TERMINALS;
        };
    Problems local = new Problems();
    Object el = BundleReader.parseElement(spec, values, file, line, LocalDate.now(), local);
    local
        .sorted()
        .forEach(x -> p.error(x.file(), x.line(), 0, where + "." + x.field(), x.message()));
    if (el == null || local.hasErrors()) {
      return null;
    }
    return switch (type) {
      case "add-node" -> new Modification.AddNode((Node) el, o, where);
      case "add-link" -> new Modification.AddLink((Link) el, o, where);
      case "add-crossing" -> new Modification.AddCrossing((BorderCrossing) el, o, where);
      case "add-event" -> new Modification.AddEvent((NetworkEvent) el, o, where);
      default -> new Modification.AddTerminal((Terminal) el, o, where);
    };
  }

  /** Typed field access that reports problems with file, line and field. */
  private record Fields(JsonNode n, String file, int line, String where, Problems p) {
    void err(String field, String msg) {
      p.error(file, line, 0, where + (field.isEmpty() ? "" : "." + field), msg);
    }

    String text(String k, boolean required) {
      JsonNode v = n.get(k);
      if (v == null || v.isNull() || v.asText().isBlank()) {
        if (required) {
          err(k, "required");
        }
        return null;
      }
      if (!v.isValueNode()) {
        err(k, "must be a single value");
        return null;
      }
      return v.asText().trim();
    }

    List<String> list(String k) {
      JsonNode v = n.get(k);
      List<String> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (v.isArray()) {
        v.forEach(x -> out.add(x.asText().trim()));
      } else {
        out.add(v.asText().trim());
      }
      return out;
    }

    List<String> ids() {
      List<String> out = list("ids");
      out.addAll(list("id"));
      return out;
    }

    Double numberOrNull(String k) {
      JsonNode v = n.get(k);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isNumber()) {
        err(k, "must be a number, got '" + v.asText() + "'");
        return null;
      }
      return v.asDouble();
    }

    double number(String k, boolean required) {
      Double d = numberOrNull(k);
      if (d == null) {
        if (required && (n.get(k) == null || n.get(k).isNull())) {
          err(k, "required");
        }
        return Double.NaN;
      }
      return d;
    }

    Integer integer(String k) {
      JsonNode v = n.get(k);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isIntegralNumber()) {
        err(k, "must be a whole number, got '" + v.asText() + "'");
        return null;
      }
      return v.asInt();
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String k, boolean required) {
      String s = text(k, required);
      if (s == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        err(
            k,
            "unknown value '"
                + s
                + "'; allowed: "
                + String.join(
                    ", ",
                    java.util.Arrays.stream(type.getEnumConstants())
                        .map(x -> x.name().toLowerCase(Locale.ROOT))
                        .toList()));
        return null;
      }
    }
  }
}
