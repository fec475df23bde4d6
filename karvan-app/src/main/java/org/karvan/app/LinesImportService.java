package org.karvan.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.lines.LinesImporter;

/**
 * {@code karvan import lines}: a GIS line layer to a network bundle, written and read back, so the
 * result has passed every rule of a bundle (the recognised-boundaries check included).
 */
public final class LinesImportService {
  private LinesImportService() {}

  /** The bundle written and read back, and the importer's summary. */
  public record Imported(Network network, Path out, List<String> summary) {}

  /**
   * Imports {@code in} into the bundle directory {@code out} (absent or empty unless {@code
   * force}). Bad input is an {@link InvalidInputException} naming file, feature and field.
   */
  public static Imported importLines(
      Path in, LinesImporter.Options options, Path out, boolean force) {
    if (!force && !NetworkService.isEmptyTarget(out)) {
      throw new InvalidRequestException(
          "out", out + " exists and is not empty; refusing to overwrite it without force");
    }
    LinesImporter.Result r;
    try {
      r = LinesImporter.read(in, options);
    } catch (IOException e) {
      throw new InvalidRequestException("file", "cannot read " + in + ": " + e.getMessage());
    }
    Network built = Network.build(r.data());
    NetworkService.export(built, NetworkService.Format.CSV, out, true, null);
    return new Imported(BundleReader.read(out), out, r.summary());
  }
}
