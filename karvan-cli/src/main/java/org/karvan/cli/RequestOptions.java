package org.karvan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.karvan.core.model.Mode;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Places;
import org.karvan.io.profile.ProfileReader;
import picocli.CommandLine.Option;

/** The options every routing command shares: cargo, objective, constraints, profile. */
final class RequestOptions {
  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description =
          "1x40ft, 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons@60t, optionally with"
              + " drivers=2 (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--drivers",
      paramLabel = "N",
      description = "Truck crew, 1 or 2 (hours of service; default 1, or drivers= in --cargo).")
  Integer drivers;

  @Option(
      names = "--regime",
      paramLabel = "REGIME",
      description = "Customs regime at port entries: transit (default) or import.")
  String regime;

  @Option(
      names = "--optimize",
      paramLabel = "WHAT",
      defaultValue = "time",
      description =
          "time, cost, co2 or generalized (cost + value of time) (default: ${DEFAULT-VALUE}).")
  String optimize;

  @Option(
      names = "--avoid-country",
      paramLabel = "ISO",
      split = ",",
      description = "Countries to avoid (ISO codes); their borders go too.")
  List<String> avoidCountry = new ArrayList<>();

  @Option(
      names = "--avoid-border",
      paramLabel = "ID|AA-BB",
      split = ",",
      description = "Border crossings to avoid: crossing id or country pair (e.g. AZ-RU).")
  List<String> avoidBorder = new ArrayList<>();

  @Option(
      names = "--avoid-chokepoint",
      paramLabel = "ID",
      split = ",",
      description = "Chokepoints to avoid (e.g. SUEZ, HORMUZ).")
  List<String> avoidChokepoint = new ArrayList<>();

  @Option(
      names = "--avoid-node",
      paramLabel = "PLACE",
      split = ",",
      description = "Places to avoid.")
  List<String> avoidNode = new ArrayList<>();

  @Option(
      names = "--modes",
      paramLabel = "MODES",
      split = ",",
      description = "Allowed modes: rail, road, sea, ferry, inland_waterway (default: all).")
  List<String> modes = new ArrayList<>();

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "Use links and crossings open by this year (by status and opening year).")
  Integer year;

  @Option(
      names = "--include",
      paramLabel = "planned",
      description =
          "'planned': allow every link that is not defunct (under construction and planned too).")
  String include;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Parameter profile (JSON or YAML); default: the built-in profile (docs/cost-model.md).")
  Path profile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      split = ",",
      description = "Override profile parameters, e.g. --set rail.speed_kmh=30.")
  Map<String, String> set = new LinkedHashMap<>();

  static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserException(
          option
              + ": unknown value '"
              + value
              + "'; allowed: "
              + EnumSet.allOf(type).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  Objective objective() {
    return parseEnum(Objective.class, optimize, "--optimize");
  }

  /** Problems with the flags themselves, before any work. */
  List<String> conflicts() {
    List<String> c = new ArrayList<>();
    if (include != null && !include.equalsIgnoreCase("planned")) {
      c.add("--include: only 'planned' is supported, got '" + include + "'");
    }
    if (include != null && year != null) {
      c.add(
          "--include planned and --year cannot be combined (planned already allows every future link)");
    }
    return c;
  }

  Profile profile() {
    Profile prof = profile == null ? ProfileReader.readDefault() : ProfileReader.read(profile);
    if (set.isEmpty() && regime == null) {
      return prof;
    }
    Map<String, Double> o = new LinkedHashMap<>();
    if (regime != null) {
      if (!regime.equals("transit") && !regime.equals("import")) {
        throw new UserException("--regime: use transit or import, got '" + regime + "'");
      }
      o.put("customs.regime", regime.equals("import") ? 1.0 : 0.0);
    }
    for (var e : set.entrySet()) {
      try {
        o.put(e.getKey(), Double.parseDouble(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new UserException("--set " + e.getKey() + ": '" + e.getValue() + "' is not a number");
      }
    }
    return prof.with(o, "--set");
  }

  Cargo cargo(Profile p) {
    Cargo c = cargo(cargo, p, "--cargo");
    if (drivers == null) {
      return c;
    }
    if (drivers != 1 && drivers != 2) {
      throw new UserException("--drivers: 1 or 2, got " + drivers);
    }
    return c.withDrivers(drivers);
  }

  static Cargo cargo(String text, Profile p, String where) {
    try {
      return Cargo.parse(text, p);
    } catch (IllegalArgumentException e) {
      throw new UserException(where + ": " + e.getMessage());
    }
  }

  Constraints constraints(Places places, List<String> errors) {
    Set<Mode> allowed = new LinkedHashSet<>();
    for (String m : modes) {
      allowed.add(parseEnum(Mode.class, m, "--modes"));
    }
    Set<String> avoidNodeIds = new LinkedHashSet<>();
    for (String v : avoidNode) {
      avoidNodeIds.add(resolve(places, v, "--avoid-node", errors));
    }
    return new Constraints(
        year,
        include != null,
        upper(avoidCountry),
        new LinkedHashSet<>(avoidBorder),
        upper(avoidChokepoint),
        avoidNodeIds,
        allowed);
  }

  private static Set<String> upper(List<String> l) {
    return l.stream()
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** A request's pieces, resolved against a network: every place and flag problem at once. */
  record Resolved(
      Profile profile,
      Cargo cargo,
      String from,
      String to,
      List<String> via,
      Constraints constraints) {
    org.karvan.core.routing.RouteRequest request(Objective o) {
      return new org.karvan.core.routing.RouteRequest(from, to, via, cargo, o, constraints);
    }
  }

  /**
   * Reads the profile, parses the cargo and resolves {@code from}, {@code to}, {@code via} and the
   * constraints' places against {@code net}; reports every problem in one {@link UserException}.
   */
  Resolved resolve(org.karvan.core.model.Network net, String from, String to, List<String> via) {
    List<String> c = conflicts();
    if (!c.isEmpty()) {
      throw new UserException(String.join("; ", c));
    }
    Profile prof = profile();
    Cargo cg = cargo(prof);
    Places places = new Places(net);
    List<String> errors = new ArrayList<>();
    String f = resolve(places, from, "--from", errors);
    String t = resolve(places, to, "--to", errors);
    List<String> viaIds = new ArrayList<>();
    for (String v : via) {
      viaIds.add(resolve(places, v, "--via", errors));
    }
    Constraints cons = constraints(places, errors);
    if (!errors.isEmpty()) {
      throw new UserException(String.join("\nkarvan: ", errors));
    }
    if (f.equals(t)) {
      throw new UserException("--from and --to name the same place (" + f + ")");
    }
    return new Resolved(prof, cg, f, t, viaIds, cons);
  }

  /**
   * A built-in scenario or a scenario file applied to a network, as {@code --scenario} gives it.
   */
  static org.karvan.core.scenario.ScenarioView scenario(
      org.karvan.core.model.Network net, Profile prof, String nameOrFile) {
    return org.karvan.core.scenario.ScenarioView.apply(
        net,
        prof,
        org.karvan.io.scenario.BuiltInScenarios.chain(
            org.karvan.io.scenario.BuiltInScenarios.resolve(nameOrFile, "--scenario")));
  }

  static String resolve(Places p, String text, String option, List<String> errors) {
    try {
      return p.resolve(text).id();
    } catch (IllegalArgumentException e) {
      errors.add(option + ": " + e.getMessage());
      return "";
    }
  }
}
