package org.karvan.io.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a bundle's files come from: a directory, a zip file or the classpath.
 *
 * <p>Directory and zip sources read within {@link Caps}: only regular files are opened (a FIFO, a
 * device such as {@code /dev/zero} or a directory named as a bundle file is refused without being
 * opened), no file may leave the bundle folder, a file or zip entry larger than the per-file cap is
 * refused (its size is counted while it is read or inflated, never taken from a header), and so is
 * a bundle whose files together exceed the total cap. Zip entries are read only when the bundle
 * asks for them, so unrelated entries are never inflated.
 */
public interface BundleSource extends AutoCloseable {
  /** The file's name as shown in messages, e.g. {@code mynet/links.csv}. */
  String display(String file);

  /** The file's bytes, or {@code null} when the bundle has no such file. */
  byte[] read(String file) throws IOException;

  /** Releases an open zip file; a no-op for other sources. */
  @Override
  default void close() {}

  /**
   * Size caps for reading a bundle: bytes per file (after inflating), bytes over all files, and
   * entries in a zip file.
   */
  record Caps(long fileBytes, long totalBytes, int zipEntries) {
    /** 64 MiB per file, 256 MiB per bundle, 10,000 zip entries. */
    public static final Caps DEFAULT = new Caps(64L << 20, 256L << 20, 10_000);

    /**
     * The default caps, or those set by the system properties {@code karvan.bundle.maxFileMiB},
     * {@code karvan.bundle.maxTotalMiB} and {@code karvan.bundle.maxZipEntries}.
     */
    public static Caps configured() {
      return new Caps(
          Long.getLong("karvan.bundle.maxFileMiB", DEFAULT.fileBytes >> 20) << 20,
          Long.getLong("karvan.bundle.maxTotalMiB", DEFAULT.totalBytes >> 20) << 20,
          Integer.getInteger("karvan.bundle.maxZipEntries", DEFAULT.zipEntries));
    }

    static String size(long bytes) {
      return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
  }

  /** A file or bundle over a cap; the message names the cap. */
  final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  /** A directory or a {@code .zip} file, read within the configured caps. */
  static BundleSource of(Path path) throws IOException {
    return of(path, Caps.configured());
  }

  /** A directory or a {@code .zip} file, read within {@code caps}. */
  static BundleSource of(Path path, Caps caps) throws IOException {
    if (Files.isDirectory(path)) {
      return new Capped.Folder(path, caps);
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such directory or zip file");
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(
          path + ": not a directory nor a regular zip file (a FIFO or device is never read)");
    }
    return Capped.Zip.open(path, caps);
  }

  /** Files under a classpath folder, e.g. the embedded default network. */
  static BundleSource classpath(String folder, String displayPrefix) {
    return new BundleSource() {
      @Override
      public String display(String file) {
        return displayPrefix + "/" + file;
      }

      @Override
      public byte[] read(String file) throws IOException {
        try (InputStream in =
            BundleSource.class.getClassLoader().getResourceAsStream(folder + "/" + file)) {
          return in == null ? null : in.readAllBytes();
        }
      }
    };
  }

  /** Files held in memory, e.g. an upload; {@code name} prefixes file names in messages. */
  static BundleSource ofMap(String name, Map<String, byte[]> files) {
    Map<String, byte[]> copy = Map.copyOf(files);
    return new BundleSource() {
      @Override
      public String display(String file) {
        return name.isEmpty() ? file : name + "/" + file;
      }

      @Override
      public byte[] read(String file) {
        return copy.get(file);
      }
    };
  }
}
