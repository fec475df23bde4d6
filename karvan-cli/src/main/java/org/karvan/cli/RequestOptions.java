package org.karvan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.karvan.app.RouteSpec;
import org.karvan.core.profile.Profile;
import org.karvan.io.profile.ProfileReader;
import picocli.CommandLine.Option;

/** The options every routing command shares: cargo, objective, constraints, profile. */
final class RequestOptions {
  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description =
          "1x40ft, 2x20ft, 1x40ft@24t, 20t bulk, 1 truck, 3 wagons (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--optimize",
      paramLabel = "WHAT",
      defaultValue = "time",
      description =
          "time, cost, co2 or generalized (cost + value of time) (default: ${DEFAULT-VALUE}).")
  String optimize;

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
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description =
          "Apply the dated events (closures, restrictions) in force on this day (default: today).")
  String date;

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
          option,
          "unknown value '" + value + "'",
          "allowed: "
              + EnumSet.allOf(type).stream()
                  .map(x -> x.name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")));
    }
  }

  Profile profile() {
    Profile prof = profile == null ? ProfileReader.readDefault() : ProfileReader.read(profile);
    if (set.isEmpty()) {
      return prof;
    }
    Map<String, Double> o = new LinkedHashMap<>();
    for (var e : set.entrySet()) {
      try {
        o.put(e.getKey(), Double.parseDouble(e.getValue()));
      } catch (NumberFormatException ex) {
        throw new UserException(
            "--set " + e.getKey(), "'" + e.getValue() + "' is not a number", "give e.g. 30 or 0.5");
      }
    }
    return prof.with(o, "--set");
  }

  /** The request these flags describe, between {@code from} and {@code to}. */
  RouteSpec.Builder spec(String from, String to, List<String> via, String scenario) {
    return RouteSpec.builder()
        .from(from)
        .to(to)
        .via(via)
        .cargo(cargo)
        .optimize(optimize)
        .avoidCountry(avoidCountry)
        .avoidBorder(avoidBorder)
        .avoidChokepoint(avoidChokepoint)
        .avoidNode(avoidNode)
        .modes(modes)
        .year(year)
        .include(include)
        .drivers(drivers)
        .regime(regime)
        .scenario(scenario)
        .date(date);
  }
}
