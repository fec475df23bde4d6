package org.karvan.io.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/** The scenarios shipped in the jar, and lookup of a scenario by built-in name or file path. */
public final class BuiltInScenarios {
  private static final String FOLDER = "org/karvan/io/scenarios/";
  private static final Map<String, Scenario> ALL = load();

  private BuiltInScenarios() {}

  private static Map<String, Scenario> load() {
    Map<String, Scenario> m = new LinkedHashMap<>();
    for (String name :
        read("index.txt").lines().map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      Scenario s =
          ScenarioReader.read(
              read(name + ".yaml").getBytes(StandardCharsets.UTF_8), "scenarios/" + name + ".yaml");
      m.put(s.name(), s);
    }
    return m;
  }

  private static String read(String file) {
    try (InputStream in =
        BuiltInScenarios.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in scenario resource " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Scenario> list() {
    return new ArrayList<>(ALL.values());
  }

  public static Optional<Scenario> find(String name) {
    Scenario s = ALL.get(name);
    if (s == null && name != null) {
      // Names are case-insensitive, as places are.
      s =
          ALL.entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(name.trim()))
              .map(java.util.Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    return Optional.ofNullable(s);
  }

  /**
   * A built-in scenario by name, or a scenario file (YAML/JSON) by path. An unknown name is an
   * error listing the built-ins.
   */
  public static Scenario resolve(String nameOrPath, String option) {
    Optional<Scenario> s = find(nameOrPath);
    if (s.isPresent()) {
      return s.get();
    }
    Path p = Path.of(nameOrPath);
    if (Files.isRegularFile(p)) {
      return ScenarioReader.read(p);
    }
    Problems pr = new Problems();
    pr.error(
        "",
        0,
        0,
        option,
        "unknown scenario '"
            + nameOrPath
            + "': "
            + didYouMean(nameOrPath, ALL.keySet())
            + "not a built-in ("
            + String.join(", ", ALL.keySet())
            + ") nor a file");
    throw new InvalidInputException("unknown scenario", pr);
  }

  /** "did you mean X? " when {@code typed} is a slip of one of {@code names}, else "". */
  public static String didYouMean(String typed, java.util.Collection<String> names) {
    String near = org.karvan.core.routing.Places.closest(typed, names);
    return near == null ? "" : "did you mean " + near + "? ";
  }

  /** The chain (root first) of a scenario, resolving {@code extends} among built-ins and files. */
  public static List<Scenario> chain(Scenario s) {
    return org.karvan.core.scenario.ScenarioView.resolveChain(
        s,
        name -> {
          Optional<Scenario> b = find(name);
          if (b.isPresent()) {
            return b;
          }
          Path p = Path.of(name);
          return Files.isRegularFile(p) ? Optional.of(ScenarioReader.read(p)) : Optional.empty();
        });
  }
}
