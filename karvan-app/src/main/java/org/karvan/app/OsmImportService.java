package org.karvan.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;
import org.karvan.io.bundle.BundleWriter;
import org.karvan.io.osm.ImportSummary;
import org.karvan.io.osm.OsmFormatException;
import org.karvan.io.osm.OsmImportOptions;
import org.karvan.io.osm.OsmImportOptions.Bbox;
import org.karvan.io.osm.OsmImportOptions.CountryRule;
import org.karvan.io.osm.OsmImporter;
import org.karvan.io.profile.ProfileReader;

/**
 * {@code karvan import osm}: an OSM extract to a network bundle that validates and routes
 * (docs/import.md). The bundle is validated before it is written.
 */
public final class OsmImportService {
  private OsmImportService() {}

  /** What the user asked for, as typed; {@link #options} checks it. */
  public record Request(
      Path file,
      String bbox,
      List<String> modes,
      List<String> roadClasses,
      List<String> countries,
      String name,
      String asOf,
      Path out,
      boolean force) {}

  /** The written bundle: the validated network, what the import did and the network's warnings. */
  public record Imported(
      Network network, ImportSummary summary, List<Problem> warnings, Path out) {}

  /** The request's options, or every field error at once. */
  public static OsmImportOptions options(Request r) {
    Fields f = new Fields();
    Bbox bbox = null;
    if (r.bbox() != null) {
      try {
        bbox = Bbox.parse(r.bbox());
      } catch (IllegalArgumentException e) {
        f.error("bbox", e.getMessage());
      }
    }
    Set<Mode> modes = new LinkedHashSet<>();
    List<String> modeNames =
        r.modes() == null || r.modes().isEmpty() ? List.of("rail", "road", "ferry") : r.modes();
    for (String m : modeNames) {
      Mode mode = f.parseEnum(Mode.class, m.trim(), "modes");
      if (mode != null && !OsmImportOptions.IMPORTABLE.contains(mode)) {
        f.error("modes", "'" + m + "' cannot be imported from OSM (rail, road or ferry)");
      } else if (mode != null) {
        modes.add(mode);
      }
    }
    List<String> roads =
        r.roadClasses() == null || r.roadClasses().isEmpty()
            ? OsmImportOptions.DEFAULT_ROAD_CLASSES
            : r.roadClasses().stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    List<CountryRule> rules = new ArrayList<>();
    if (r.countries() != null) {
      for (String c : r.countries()) {
        try {
          rules.add(CountryRule.parse(c));
        } catch (IllegalArgumentException e) {
          f.error("country", e.getMessage());
        }
      }
    }
    LocalDate asOf = LocalDate.now();
    if (r.asOf() != null) {
      try {
        asOf = LocalDate.parse(r.asOf());
      } catch (java.time.format.DateTimeParseException e) {
        f.error("asOf", "'" + r.asOf() + "' is not a date YYYY-MM-DD");
      }
    }
    f.throwIfAny();
    String file = r.file().getFileName().toString();
    String name =
        r.name() != null ? r.name() : "osm-" + file.replaceAll("(?i)(\\.osm)?(\\.pbf|\\.gz)?$", "");
    Profile p = ProfileReader.readDefault();
    return new OsmImportOptions(
        modes,
        roads,
        bbox,
        rules,
        name.replaceAll("[^A-Za-z0-9_.-]", "-"),
        asOf,
        p.get("rail.speed_kmh"),
        p.get("road.speed_kmh"),
        p.get("ferry.speed_kmh"));
  }

  /** Imports, validates and writes the bundle. */
  public static Imported run(Request r) {
    OsmImportOptions o = options(r);
    Path file = r.file();
    if (!Files.isRegularFile(file)) {
      Problems p = new Problems();
      p.error(file.toString(), 0, 0, "", "no such file");
      throw new InvalidInputException(file.toString(), p);
    }
    if (r.out() == null) {
      throw new InvalidRequestException("out", "an output directory is required");
    }
    if (!r.force() && !NetworkService.isEmptyTarget(r.out())) {
      throw new InvalidRequestException(
          "out", r.out() + " exists and is not empty; refusing to overwrite it without --force");
    }
    OsmImporter.Result result;
    try {
      result = OsmImporter.run(file, o);
    } catch (OsmFormatException e) {
      Problems p = new Problems();
      p.error(e.file(), e.line(), e.column(), "", e.what());
      throw new InvalidInputException(e.file(), p);
    } catch (IllegalArgumentException e) {
      Problems p = new Problems();
      p.error(file.toString(), 0, 0, "", e.getMessage().replace(file + ": ", ""));
      throw new InvalidInputException(file.toString(), p);
    } catch (IOException e) {
      Problems p = new Problems();
      p.error(file.toString(), 0, 0, "", "cannot read: " + e.getMessage());
      throw new InvalidInputException(file.toString(), p);
    }
    // The same checks as any bundle read, the recognised boundaries included: a bundle that would
    // not read back is not written.
    Network n =
        Network.build(
            result.data(),
            org.karvan.core.boundary.SovereigntyCheck.check(
                result.data(), org.karvan.core.boundary.Boundaries.recognised()));
    try {
      if (Files.exists(r.out()) && !Files.isDirectory(r.out())) {
        throw new InvalidRequestException("out", r.out() + " exists and is not a directory");
      }
      BundleWriter.write(n, r.out());
      Files.writeString(r.out().resolve("NOTICE.md"), notice(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidRequestException("out", "cannot write " + r.out() + ": " + e.getMessage());
    }
    return new Imported(n, result.summary(), n.warnings(), r.out());
  }

  private static String notice(Path file) {
    return "# Licence of this bundle\n\n"
        + "Imported from the OpenStreetMap extract `"
        + file.getFileName()
        + "` by `karvan import osm`.\n"
        + "Data © OpenStreetMap contributors, available under the Open Database License (ODbL 1.0),\n"
        + "https://www.openstreetmap.org/copyright. The whole bundle, including\n"
        + "`geometry/osm.geojson`, is a derived database under the ODbL: keep this notice with it.\n"
        + "Figures that OSM does not hold (crossing clearance times, ferry sailings, port handling,\n"
        + "gauges by country) are Karvan import defaults, marked in the `estimated` columns.\n";
  }
}
