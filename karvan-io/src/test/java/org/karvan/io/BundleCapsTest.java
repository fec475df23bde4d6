package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleSource;
import org.karvan.io.bundle.BundleSource.Caps;

/**
 * The bundle loader's caps: oversized files and zip entries (their inflated size counted, not taken
 * from the header), FIFOs and devices, files outside the folder, and unrelated zip entries.
 */
class BundleCapsTest {
  @TempDir Path tmp;

  static final Caps ONE_MIB = new Caps(1L << 20, 4L << 20, 100);

  /** The tiny bundle as a folder. */
  Path folder() throws IOException {
    Path dir = tmp.resolve("tiny");
    Files.createDirectories(dir);
    for (var e : TinyBundle.load().files().entrySet()) {
      Files.write(dir.resolve(e.getKey()), e.getValue());
    }
    return dir;
  }

  /** The tiny bundle as a zip, plus extra entries of {@code n} zero bytes each. */
  Path zip(String name, Map<String, Long> extra, boolean replace) throws IOException {
    Path z = tmp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
      for (var e : TinyBundle.load().files().entrySet()) {
        if (replace && extra.containsKey(e.getKey())) {
          continue;
        }
        out.putNextEntry(new ZipEntry("net/" + e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
      for (var e : extra.entrySet()) {
        out.putNextEntry(new ZipEntry("net/" + e.getKey()));
        zeros(out, e.getValue());
        out.closeEntry();
      }
    }
    return z;
  }

  static void zeros(OutputStream out, long n) throws IOException {
    byte[] buf = new byte[1 << 16];
    for (long left = n; left > 0; left -= buf.length) {
      out.write(buf, 0, (int) Math.min(buf.length, left));
    }
  }

  static InvalidInputException failure(Path p, Caps caps) {
    try (BundleSource src = BundleSource.of(p, caps)) {
      BundleReader.read(src);
    } catch (InvalidInputException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the bundle was accepted: " + p);
  }

  @Test
  void aZipEntryThatInflatesPastTheCapIsRefusedEvenWhenItsHeaderLies() throws Exception {
    Path z = zip("bomb.zip", Map.of("links.csv", 3L << 20), true);
    assertThat(failure(z, ONE_MIB).getMessage() + failure(z, ONE_MIB).problems())
        .contains(z + "!/links.csv")
        .contains("over the cap of 1 MiB per bundle file")
        .contains("declared");
    // The central directory now says the entry inflates to 100 bytes: it still is refused.
    byte[] b = Files.readAllBytes(z);
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int patched = 0;
    for (int i = 0; i + 46 < b.length; i++) {
      if (bb.getInt(i) == 0x02014b50) {
        int nameLen = bb.getShort(i + 28) & 0xffff;
        String entry = new String(b, i + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
        if (entry.equals("net/links.csv")) {
          bb.putInt(i + 24, 100);
          patched++;
        }
      }
    }
    assertThat(patched).isEqualTo(1);
    Files.write(z, b);
    String text = failure(z, ONE_MIB).problems().toString();
    assertThat(text)
        .contains(z + "!/links.csv")
        .contains("over the cap of 1 MiB per bundle file: it has more than 1 MiB")
        .doesNotContain("declared");
  }

  @Test
  void theDefaultCapStopsA100MiBEntryWithoutRunningOutOfMemory() throws Exception {
    Path z = zip("big.zip", Map.of("links.csv", 100L << 20), true);
    String text = failure(z, Caps.DEFAULT).problems().toString();
    assertThat(text).contains("links.csv").contains("over the cap of 64 MiB per bundle file");
  }

  @Test
  void unrelatedZipEntriesAreNeverInflated() throws Exception {
    // 3 MiB of junk beside the bundle, over the 1 MiB cap: were it read, the bundle would fail.
    Path z = zip("junk.zip", Map.of("junk/video.bin", 3L << 20, "README.bin", 3L << 20), false);
    try (BundleSource src = BundleSource.of(z, ONE_MIB)) {
      Network n = BundleReader.read(src);
      assertThat(n.nodes()).isNotEmpty();
    }
  }

  @Test
  void theBundleTotalIsCapped() throws Exception {
    Path dir = folder();
    long total;
    try (var s = Files.list(dir)) {
      total = s.mapToLong(p -> p.toFile().length()).sum();
    }
    Caps small = new Caps(1L << 20, total / 2, 100);
    assertThat(failure(dir, small).problems().toString())
        .contains("together exceed the cap of " + total / 2 + " bytes");
  }

  @Test
  void aFifoNamedAsLinksCsvIsRefusedWithoutBlocking() throws Exception {
    Path dir = folder();
    Path links = dir.resolve("links.csv");
    Files.delete(links);
    Process p = new ProcessBuilder("mkfifo", links.toString()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
    InvalidInputException e =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> failure(dir, Caps.DEFAULT));
    assertThat(e.problems().toString())
        .contains(links.toString())
        .contains("not a regular file (a FIFO or device");
  }

  @Test
  void aLinkToDevZeroIsRefused() throws Exception {
    Path dir = folder();
    Path links = dir.resolve("links.csv");
    Files.delete(links);
    Files.createSymbolicLink(links, Path.of("/dev/zero"));
    InvalidInputException e =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> failure(dir, Caps.DEFAULT));
    assertThat(e.problems().toString())
        .contains(links.toString())
        .contains("not a regular file (a link to a FIFO or device");
    // /dev/zero named as the bundle itself is refused too.
    assertThatThrownBy(() -> BundleReader.read(Path.of("/dev/zero")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("/dev/zero");
  }

  @Test
  void aFileOutsideTheBundleFolderIsRefused() throws Exception {
    Path dir = folder();
    Files.writeString(tmp.resolve("outside.geojson"), "{}");
    Path manifest = dir.resolve("manifest.csv");
    Files.writeString(manifest, Files.readString(manifest) + "geometry,../outside.geojson\n");
    assertThat(failure(dir, Caps.DEFAULT).problems().toString())
        .contains("outside the bundle folder");
  }

  @Test
  void tooManyZipEntriesAreRefused() throws Exception {
    Path z = zip("many.zip", Map.of(), false);
    assertThatThrownBy(() -> BundleSource.of(z, new Caps(1L << 20, 4L << 20, 5)))
        .isInstanceOf(BundleSource.TooLarge.class)
        .hasMessage(
            "10 zip entries, over the cap of 5 (raise the cap with"
                + " -Dkarvan.bundle.maxZipEntries=N)");
  }
}
