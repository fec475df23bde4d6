package org.karvan.io.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.karvan.io.bundle.BundleSource.Caps;
import org.karvan.io.bundle.BundleSource.TooLarge;

/** The directory and zip sources of {@link BundleSource}, read within {@link Caps}. */
final class Capped {
  private Capped() {}

  /** Bytes read so far from one bundle, against its caps. */
  private static final class Budget {
    private final Caps caps;
    private long used;

    Budget(Caps caps) {
      this.caps = caps;
    }

    /** Reads a whole stream, refusing it past the per-file cap or the bundle's total cap. */
    synchronized byte[] read(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      long n = 0;
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > caps.fileBytes()) {
          throw new TooLarge(fileCap("more than " + Caps.size(caps.fileBytes())));
        }
        if (used + n > caps.totalBytes()) {
          throw new TooLarge(totalCap());
        }
        out.write(buf, 0, r);
      }
      used += n;
      return out.toByteArray();
    }

    String fileCap(String size) {
      return "over the cap of "
          + Caps.size(caps.fileBytes())
          + " per bundle file: it has "
          + size
          + " (raise the cap with -Dkarvan.bundle.maxFileMiB=N)";
    }

    String totalCap() {
      return "the bundle's files together exceed the cap of "
          + Caps.size(caps.totalBytes())
          + " (raise the cap with -Dkarvan.bundle.maxTotalMiB=N)";
    }
  }

  /** A bundle directory: only regular files below it are read. */
  static final class Folder implements BundleSource {
    private final Path dir;
    private final Budget budget;

    Folder(Path dir, Caps caps) {
      this.dir = dir.toAbsolutePath().normalize();
      this.budget = new Budget(caps);
    }

    @Override
    public String display(String file) {
      return dir.resolve(file).toString();
    }

    @Override
    public byte[] read(String file) throws IOException {
      Path p = dir.resolve(file).normalize();
      if (!p.startsWith(dir)) {
        throw new IOException("outside the bundle folder " + dir);
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(p, BasicFileAttributes.class); // follows links
      } catch (NoSuchFileException e) {
        return null;
      }
      if (!a.isRegularFile()) {
        String what =
            a.isDirectory()
                ? "a directory"
                : Files.isSymbolicLink(p) ? "a link to a FIFO or device" : "a FIFO or device";
        throw new IOException("not a regular file (" + what + "; only regular files are read)");
      }
      if (a.size() > budget.caps.fileBytes()) {
        throw new TooLarge(budget.fileCap(a.size() + " bytes"));
      }
      try (InputStream in = Files.newInputStream(p)) {
        return budget.read(in);
      }
    }
  }

  /** A zip file: entries are listed when opened and inflated only when asked for. */
  static final class Zip implements BundleSource {
    private final Path path;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    private final Budget budget;

    private Zip(Path path, ZipFile zip, Map<String, ZipEntry> entries, Caps caps) {
      this.path = path;
      this.zip = zip;
      this.entries = entries;
      this.budget = new Budget(caps);
    }

    static Zip open(Path path, Caps caps) throws IOException {
      ZipFile zip;
      try {
        zip = new ZipFile(path.toFile());
      } catch (ZipException ex) {
        throw new IOException(
            path + ": not a directory nor a readable zip file (" + ex.getMessage() + ")");
      }
      try {
        if (zip.size() > caps.zipEntries()) {
          throw new TooLarge(
              zip.size()
                  + " zip entries, over the cap of "
                  + caps.zipEntries()
                  + " (raise the cap with -Dkarvan.bundle.maxZipEntries=N)");
        }
        Map<String, ZipEntry> byBase = new HashMap<>();
        Map<String, ZipEntry> byPath = new HashMap<>();
        String manifestAt = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
          ZipEntry e = en.nextElement();
          if (e.isDirectory()) {
            continue;
          }
          String name = e.getName();
          String base = name.substring(name.lastIndexOf('/') + 1);
          byBase.putIfAbsent(base, e);
          byPath.put(name, e);
          if (base.equals("manifest.csv")
              && (manifestAt == null || name.length() < manifestAt.length())) {
            manifestAt = name;
          }
        }
        if (byBase.isEmpty()) {
          throw new IOException(path + ": not a directory nor a zip file with bundle files");
        }
        String root = manifestAt == null ? "" : manifestAt.substring(0, manifestAt.length() - 12);
        // Files in sub-folders (geometry files) by their path below the folder of manifest.csv.
        for (var en : byPath.entrySet()) {
          if (en.getKey().startsWith(root) && en.getKey().indexOf('/', root.length()) > 0) {
            byBase.putIfAbsent(en.getKey().substring(root.length()), en.getValue());
          }
        }
        return new Zip(path, zip, byBase, caps);
      } catch (IOException | RuntimeException e) {
        zip.close();
        throw e;
      }
    }

    @Override
    public String display(String file) {
      return path + "!/" + file;
    }

    @Override
    public byte[] read(String file) throws IOException {
      ZipEntry e = entries.get(file);
      if (e == null) {
        return null;
      }
      // The declared size may lie; it is used only to refuse early, never to accept.
      if (e.getSize() > budget.caps.fileBytes()) {
        throw new TooLarge(budget.fileCap(e.getSize() + " bytes (declared in the zip)"));
      }
      try (InputStream in = zip.getInputStream(e)) {
        return budget.read(in);
      } catch (ZipException ex) {
        throw new IOException("damaged zip entry (" + ex.getMessage() + ")", ex);
      }
    }

    @Override
    public void close() {
      try {
        zip.close();
      } catch (IOException e) {
        // nothing was written; the file is only read
      }
    }
  }
}
