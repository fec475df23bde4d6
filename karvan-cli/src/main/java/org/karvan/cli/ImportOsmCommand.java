package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.karvan.app.OsmImportService;
import org.karvan.core.validate.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karvan import osm}: an OSM extract to a bundle. */
@Command(
    name = "osm",
    header = "Import an OSM extract (.osm.pbf, .osm, .osm.gz) as a network bundle.",
    mixinStandardHelpOptions = true,
    description =
        "Import rail, roads and ferries of an OSM extract as a network bundle that validates and"
            + " routes. Prints what it did and every default it took (docs/import.md).")
final class ImportOsmCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The extract: .osm.pbf, .osm or .osm.gz.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle directory.")
  Path out;

  @Option(names = "--bbox", paramLabel = "S,W,N,E", description = "Import only this box.")
  String bbox;

  @Option(
      names = "--modes",
      split = ",",
      paramLabel = "MODE",
      description = "rail, road, ferry (default: all three).")
  List<String> modes;

  @Option(
      names = "--road-classes",
      split = ",",
      paramLabel = "CLASS",
      description =
          "highway=* classes imported as roads (default motorway,trunk,primary,secondary).")
  List<String> roadClasses;

  @Option(
      names = "--country",
      paramLabel = "CC[:S,W,N,E]",
      description =
          "Country of the nodes, overriding the recognised boundaries (Natural Earth admin-0,"
              + " used by default): CC for all, CC:S,W,N,E for those in a box; repeat, first"
              + " match wins (e.g. --country RU:55.9,29.2,56.2,30 --country BY).")
  List<String> countries;

  @Option(names = "--name", description = "Bundle name (default: osm-FILE).")
  String name;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "Date of the extract.")
  String asOf;

  @Option(names = "--force", description = "Write into a non-empty --out directory.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    OsmImportService.Imported r =
        OsmImportService.run(
            new OsmImportService.Request(
                file, bbox, modes, roadClasses, countries, name, asOf, out, force));
    PrintWriter o = spec.commandLine().getOut();
    o.println("Imported " + file + " into " + r.out());
    for (String line : r.summary().lines()) {
      o.println("  " + line);
    }
    for (String w : r.summary().warnings()) {
      o.println("warning: " + w);
    }
    List<Problem> warnings = r.warnings();
    if (!warnings.isEmpty()) {
      o.println(
          "The bundle is valid with "
              + warnings.size()
              + " warning(s); run 'karvan network validate "
              + r.out()
              + "' to list them.");
    } else {
      o.println("The bundle is valid.");
    }
    NetworkCommand.printSummary(o, r.network(), r.out());
    return ExitCodes.OK;
  }
}
