package org.karvan.io.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Where a bundle's files come from: a directory, a zip file or the classpath. */
public interface BundleSource {
  /** The file's name as shown in messages, e.g. {@code mynet/links.csv}. */
  String display(String file);

  /** The file's bytes, or {@code null} when the bundle has no such file. */
  byte[] read(String file) throws IOException;

  /** A directory or a {@code .zip} file. */
  static BundleSource of(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return new BundleSource() {
        @Override
        public String display(String file) {
          return path.resolve(file).toString();
        }

        @Override
        public byte[] read(String file) throws IOException {
          try {
            return Files.readAllBytes(path.resolve(file));
          } catch (NoSuchFileException e) {
            return null;
          }
        }
      };
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no such directory or zip file");
    }
    Map<String, byte[]> entries = new HashMap<>();
    Map<String, byte[]> byPath = new HashMap<>();
    String manifestAt = null;
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(path))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (!e.isDirectory()) {
          String name = e.getName();
          String base = name.substring(name.lastIndexOf('/') + 1);
          byte[] bytes = zin.readAllBytes();
          entries.putIfAbsent(base, bytes);
          byPath.put(name, bytes);
          if (base.equals("manifest.csv")
              && (manifestAt == null || name.length() < manifestAt.length())) {
            manifestAt = name;
          }
        }
      }
    } catch (java.util.zip.ZipException ex) {
      throw new IOException(
          path + ": not a directory nor a readable zip file (" + ex.getMessage() + ")");
    }
    if (entries.isEmpty()) {
      throw new IOException(path + ": not a directory nor a zip file with bundle files");
    }
    String root = manifestAt == null ? "" : manifestAt.substring(0, manifestAt.length() - 12);
    // Files in sub-folders (geometry files) by their path below the folder of manifest.csv.
    for (var en : byPath.entrySet()) {
      if (en.getKey().startsWith(root) && en.getKey().indexOf('/', root.length()) > 0) {
        entries.putIfAbsent(en.getKey().substring(root.length()), en.getValue());
      }
    }
    return new BundleSource() {
      @Override
      public String display(String file) {
        return path + "!/" + file;
      }

      @Override
      public byte[] read(String file) {
        return entries.get(file);
      }
    };
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
