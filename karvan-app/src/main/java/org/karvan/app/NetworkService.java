package org.karvan.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkSummary;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleWriter;
import org.karvan.io.geojson.GeoJsonWriter;

/**
 * Use cases on a network bundle itself: load, validate (with every problem, from {@link
 * BundleReader}), summarise and export. They come before a workspace exists, so they are static.
 */
public final class NetworkService {
  private NetworkService() {}

  /** A validated network, where it came from, and its warnings. */
  public record Validated(Network network, String source, List<Problem> warnings) {
    public NetworkSummary summary() {
      return NetworkSummary.of(network);
    }
  }

  /** The bundle at {@code path} (directory or zip), or the embedded default network for null. */
  public static Network load(Path path) {
    return path == null ? BundleReader.readDefault() : BundleReader.read(path);
  }

  /**
   * Validates a bundle, or the embedded default network when {@code path} is null. Throws {@link
   * org.karvan.core.validate.InvalidInputException} with every problem when it is not valid.
   */
  public static Validated validate(Path path) {
    Network n = load(path);
    return new Validated(
        n, path == null ? "the embedded default network" : path.toString(), n.warnings());
  }

  /** Export formats. */
  public enum Format {
    GEOJSON,
    CSV
  }

  /**
   * Writes {@code n} as GeoJSON (to {@code out}, or to {@code stdout} when {@code out} is null) or
   * as a CSV bundle (a directory or a {@code .zip}). An existing target that is not empty is
   * refused unless {@code force}: an exported bundle is often edited by hand afterwards.
   */
  public static Path export(
      Network n, Format format, Path out, boolean force, OutputStream stdout) {
    if (format == Format.CSV && out == null) {
      throw new InvalidRequestException(
          "out", "a directory or a .zip is required for csv (a bundle is several files)");
    }
    if (out != null && !force && !isEmptyTarget(out)) {
      throw new InvalidRequestException(
          "out", out + " exists and is not empty; refusing to overwrite it without force");
    }
    try {
      if (format == Format.GEOJSON) {
        if (out == null) {
          GeoJsonWriter.write(n, stdout);
          return null;
        }
        try (OutputStream os = Files.newOutputStream(out)) {
          GeoJsonWriter.write(n, os);
        }
        return out;
      }
      if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        BundleWriter.writeZip(n, out);
      } else {
        if (Files.exists(out) && !Files.isDirectory(out)) {
          throw new InvalidRequestException("out", out + " exists and is not a directory");
        }
        BundleWriter.write(n, out);
      }
      return out;
    } catch (IOException e) {
      throw new InvalidRequestException("out", "cannot write " + out + ": " + e.getMessage());
    }
  }

  /**
   * True when nothing would be lost by writing to {@code p}: absent, an empty file or directory.
   */
  static boolean isEmptyTarget(Path p) {
    try {
      if (!Files.exists(p)) {
        return true;
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          return s.findAny().isEmpty();
        }
      }
      return Files.size(p) == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
