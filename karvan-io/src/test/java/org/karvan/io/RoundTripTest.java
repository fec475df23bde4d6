package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.model.Network;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleWriter;

class RoundTripTest {
  @TempDir Path tmp;

  @Test
  void tinyBundleWrittenThenReadIsEqual() throws IOException {
    Network n = TinyBundle.load().read();
    BundleWriter.write(n, tmp.resolve("out"));
    Network back = BundleReader.read(tmp.resolve("out"));
    assertThat(back.data()).isEqualTo(n.data());
    // Writing again gives the same bytes: the writer is deterministic.
    BundleWriter.write(back, tmp.resolve("again"));
    for (var f : BundleWriter.toCsv(n).keySet()) {
      assertThat(Files.readString(tmp.resolve("again").resolve(f)))
          .isEqualTo(Files.readString(tmp.resolve("out").resolve(f)));
    }
  }

  @Test
  void defaultNetworkWrittenThenReadIsEqual() throws IOException {
    Network n = BundleReader.readDefault();
    BundleWriter.write(n, tmp.resolve("default"));
    assertThat(BundleReader.read(tmp.resolve("default")).data()).isEqualTo(n.data());
  }

  @Test
  void zipBundleReadsLikeTheDirectory() throws IOException {
    Path zip = tmp.resolve("tiny.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : TinyBundle.load().files().entrySet()) {
        z.putNextEntry(new ZipEntry("tiny/" + e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    assertThat(BundleReader.read(zip).data()).isEqualTo(TinyBundle.load().read().data());
  }

  @Test
  void notAZipIsAClearError() throws IOException {
    Path bad = tmp.resolve("bad.zip");
    try (OutputStream o = Files.newOutputStream(bad)) {
      o.write("not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            org.karvan.core.validate.InvalidInputException.class, () -> BundleReader.read(bad));
    assertThat(e.errors())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).startsWith(bad + ": "));
  }
}
