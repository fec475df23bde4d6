package org.karvan.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.karvan.app.RouteSpec;
import picocli.CommandLine.Option;

/**
 * The CLI's routing flags that a sweep shares, with the CLI's names; serializable, so a task
 * rebuilds the same {@link RouteSpec} on its executor.
 */
final class RouteOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  @Option(
      names = "--cargo",
      paramLabel = "CARGO",
      defaultValue = "1x40ft",
      description = "Cargo of rows that name none (default: ${DEFAULT-VALUE}).")
  String cargo;

  @Option(
      names = "--optimize",
      paramLabel = "WHAT",
      defaultValue = "time",
      description = "time, cost, co2 or generalized (default: ${DEFAULT-VALUE}).")
  String optimize;

  @Option(names = "--drivers", paramLabel = "N", description = "Truck crew, 1 or 2.")
  Integer drivers;

  @Option(names = "--regime", paramLabel = "REGIME", description = "transit (default) or import.")
  String regime;

  @Option(
      names = "--avoid-country",
      paramLabel = "ISO",
      split = ",",
      description = "Countries to avoid.")
  List<String> avoidCountry = new ArrayList<>();

  @Option(
      names = "--avoid-border",
      paramLabel = "ID|AA-BB",
      split = ",",
      description = "Crossings to avoid.")
  List<String> avoidBorder = new ArrayList<>();

  @Option(
      names = "--avoid-chokepoint",
      paramLabel = "ID",
      split = ",",
      description = "Chokepoints to avoid.")
  List<String> avoidChokepoint = new ArrayList<>();

  @Option(
      names = "--avoid-node",
      paramLabel = "PLACE",
      split = ",",
      description = "Places to avoid.")
  List<String> avoidNode = new ArrayList<>();

  @Option(names = "--modes", paramLabel = "MODES", split = ",", description = "Allowed modes.")
  List<String> modes = new ArrayList<>();

  @Option(
      names = "--include",
      paramLabel = "planned",
      description = "'planned': every link that is not defunct.")
  String include;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "Dated events in force that day (default: today, fixed on the driver).")
  String date;

  /** The request these flags describe. */
  RouteSpec.Builder spec(String from, String to, String scenario, Integer year) {
    return RouteSpec.builder()
        .from(from)
        .to(to)
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
