package org.karvan.io.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karvan.core.profile.Parameter;
import org.karvan.core.profile.Profile;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * Reads a routing profile from JSON or YAML (by file extension):
 *
 * <pre>{"name": "...", "parameters": [{"key": "rail.speed_kmh", "value": 25, "unit": "km/h",
 * "source": "...", "estimate": true, "note": "..."}, ...]}</pre>
 *
 * Every problem (syntax with line and column, missing fields, unknown keys, wrong units, values out
 * of range) is collected into one {@link InvalidInputException}.
 */
public final class ProfileReader {
  private static final String DEFAULT = "org/karvan/io/default-profile.json";

  private ProfileReader() {}

  /** The profile shipped in the jar (docs/cost-model.md). */
  public static Profile readDefault() {
    try (InputStream in = ProfileReader.class.getClassLoader().getResourceAsStream(DEFAULT)) {
      if (in == null) {
        throw new IllegalStateException("default profile missing from the jar: " + DEFAULT);
      }
      return read(in.readAllBytes(), "default-profile.json");
    } catch (IOException e) {
      throw new IllegalStateException("default profile unreadable", e);
    }
  }

  public static Profile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
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
      throw new InvalidInputException("cannot read profile", p);
    }
    return read(bytes, file.toString());
  }

  public static Profile read(byte[] bytes, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    ObjectMapper mapper =
        lower.endsWith(".yaml") || lower.endsWith(".yml")
            ? new ObjectMapper(new YAMLFactory())
            : new ObjectMapper();
    Problems p = new Problems();
    JsonNode root;
    try {
      root = mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      p.error(
          name,
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(),
          "",
          "syntax error: " + e.getOriginalMessage());
      throw new InvalidInputException("invalid profile", p);
    } catch (IOException e) {
      p.error(name, 0, 0, "", "cannot be read: " + e.getMessage());
      throw new InvalidInputException("invalid profile", p);
    }
    if (root == null || !root.isObject()) {
      p.error(name, 0, 0, "", "expected an object with 'name' and 'parameters'");
      throw new InvalidInputException("invalid profile", p);
    }
    String profileName = root.path("name").asText("");
    if (profileName.isBlank()) {
      p.error(name, 0, 0, "name", "required");
    }
    JsonNode params = root.get("parameters");
    List<Parameter> list = new ArrayList<>();
    if (params == null || !params.isArray()) {
      p.error(name, 0, 0, "parameters", "required: a list of parameters");
    } else {
      for (int i = 0; i < params.size(); i++) {
        JsonNode n = params.get(i);
        String where = "parameters[" + i + "]";
        String key = n.path("key").asText("");
        if (key.isBlank()) {
          p.error(name, 0, 0, where + ".key", "required");
          continue;
        }
        JsonNode v = n.get("value");
        if (v == null || !v.isNumber()) {
          p.error(name, 0, 0, key, "value required, a number");
          continue;
        }
        list.add(
            new Parameter(
                key,
                v.asDouble(),
                n.path("unit").asText(""),
                n.path("source").asText(""),
                n.path("estimate").asBoolean(false),
                n.path("note").asText("")));
      }
    }
    try {
      Profile profile = Profile.of(profileName, list, name);
      if (p.hasErrors()) {
        throw new InvalidInputException("invalid profile", p);
      }
      return profile;
    } catch (InvalidInputException e) {
      e.problems().forEach(p::add);
      throw new InvalidInputException("invalid profile", p);
    }
  }
}
