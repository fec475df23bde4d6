package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.LinesImportService;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Mode;
import org.karvan.core.validate.Problem;
import org.karvan.io.lines.LinesImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karvan import lines}: a GeoJSON line layer to a bundle. Parses and prints only. */
@Command(
    name = "lines",
    header = "Import a GIS line layer (GeoJSON) of one mode into a network bundle.",
    mixinStandardHelpOptions = true,
    description = {
      "Snaps coinciding line ends, splits at junctions, gives every node its country from the",
      "recognised boundaries, creates border crossings where lines cross a boundary (PLANNED,",
      "with a warning: no border control is known), defaults rail gauge by country, and",
      "writes a bundle that is then read back and validated. See docs/import.md."
    })
final class ImportLinesCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "GeoJSON FeatureCollection of LineStrings.")
  Path file;

  @Option(names = "--mode", required = true, paramLabel = "MODE", description = "rail or road")
  String mode;

  @Option(
      names = "--gauge-by-country",
      description =
          "Rail: default the gauge of lines without a 'gauge' property by country (1520 in the"
              + " former Soviet states, 1435 in Iran and Türkiye).")
  boolean gaugeByCountry;

  @Option(
      names = "--gauge",
      paramLabel = "COUNTRY=GAUGE",
      description =
          "With --gauge-by-country: the gauge of a country outside the defaults, or another one"
              + " (repeatable), e.g. AF=1520.")
  List<String> gauges = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "PROPERTY=VALUE",
      description =
          "Leave out the features whose PROPERTY is VALUE (repeatable), e.g. railway=monorail.")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--status-from",
      paramLabel = "PROPERTY=VALUE:STATUS",
      description =
          "Status of the features whose PROPERTY is VALUE (repeatable, first match wins), e.g."
              + " railway=construction:UNDER_CONSTRUCTION. Others are OPERATIONAL.")
  List<String> statusFrom = new ArrayList<>();

  @Option(
      names = "--snap-m",
      paramLabel = "M",
      defaultValue = "10",
      description =
          "Join line ends within M metres of another end or vertex (default ${DEFAULT-VALUE}).")
  double snapM;

  @Option(
      names = "--crossing-status",
      paramLabel = "STATUS",
      defaultValue = "PLANNED",
      description = "Status of the crossings created at boundaries: PLANNED (default) or OPEN.")
  String crossingStatus;

  @Option(
      names = "--licence",
      paramLabel = "LICENCE",
      defaultValue = "ODbL-1.0",
      description = "Licence of the input data (default ${DEFAULT-VALUE}).")
  String licence;

  @Option(
      names = "--attribution",
      paramLabel = "TEXT",
      defaultValue = "Data (c) OpenStreetMap contributors, ODbL 1.0",
      description = "Attribution the licence asks for (default: the OSM one).")
  String attribution;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Bundle directory to write.")
  Path out;

  @Option(names = "--force", description = "Overwrite a directory that is not empty.")
  boolean force;

  @Spec CommandSpec spec;

  private static java.util.Map<String, Gauge> gauges(List<String> specs) {
    java.util.Map<String, Gauge> m = new java.util.TreeMap<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      if (eq != 2) {
        throw new IllegalArgumentException(
            "--gauge: expected COUNTRY=GAUGE (e.g. AF=1520), got '" + s + "'");
      }
      m.put(
          s.substring(0, 2).toUpperCase(java.util.Locale.ROOT), Gauge.parse(s.substring(3).trim()));
    }
    return m;
  }

  @Override
  public Integer call() {
    LinesImporter.Options o;
    try {
      List<LinesImporter.StatusRule> rules = new ArrayList<>();
      for (String s : statusFrom) {
        rules.add(LinesImporter.StatusRule.parse(s));
      }
      o =
          new LinesImporter.Options(
              RequestOptions.parseEnum(Mode.class, mode, "--mode"),
              gaugeByCountry,
              rules,
              snapM,
              RequestOptions.parseEnum(CrossingStatus.class, crossingStatus, "--crossing-status"),
              licence,
              attribution,
              LocalDate.now(java.time.ZoneOffset.UTC),
              exclude,
              gauges(gauges));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("import", e.getMessage());
    }
    LinesImportService.Imported r = LinesImportService.importLines(file, o, out, force);
    PrintWriter w = spec.commandLine().getOut();
    r.summary().forEach(w::println);
    for (Problem p : r.network().warnings()) {
      w.println(p);
    }
    w.println("wrote " + r.out());
    NetworkCommand.printSummary(w, r.network(), r.out());
    return ExitCodes.OK;
  }
}
