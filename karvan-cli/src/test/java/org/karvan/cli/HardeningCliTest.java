package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 as a user meets it: the bundle loader's caps (exit 2, the file and the cap named, no
 * trace), honest help, and places typed in Cyrillic or Persian.
 */
class HardeningCliTest {
  @TempDir Path tmp;

  Path exported() {
    Path dir = tmp.resolve("net");
    assertThat(CliTest.run("network", "export", "--format", "csv", "--out", dir.toString()).code())
        .isZero();
    return dir;
  }

  @Test
  void aZipBombGivesExitTwoNamingTheEntryAndTheCap() throws Exception {
    Path dir = exported();
    Path zip = tmp.resolve("bomb.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals("links.csv")) {
          out.putNextEntry(new ZipEntry(f.getFileName().toString()));
          out.write(Files.readAllBytes(f));
          out.closeEntry();
        }
      }
      // links.csv inflates to 96 MiB: over the 64 MiB cap.
      out.putNextEntry(new ZipEntry("links.csv"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 96; i++) {
        out.write(zeros);
      }
      out.closeEntry();
    }
    CliTest.Run r = CliTest.run("network", "validate", zip.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains(zip + "!/links.csv")
        .contains("over the cap of 64 MiB per bundle file");
  }

  @Test
  void aFifoAsLinksCsvGivesExitTwoWithoutBlocking() throws Exception {
    Path dir = exported();
    Path links = dir.resolve("links.csv");
    Files.delete(links);
    Process p = new ProcessBuilder("mkfifo", links.toString()).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0).as("mkfifo").isTrue();
    CliTest.Run r =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> CliTest.run("network", "validate", dir.toString()));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(links + ": cannot be read: not a regular file (a FIFO");
    // The server refuses it at start the same way.
    CliTest.Run s =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> CliTest.run("serve", "--port", "0", "--network", dir.toString()));
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).contains(links.toString()).contains("not a regular file");
  }

  @Test
  void serveHelpNamesOnlyFlagsThatExist() {
    CliTest.Run r = CliTest.run("serve", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--token-env").contains("KARVAN_API_TOKEN");
    assertThat(r.out().replace("--token-env", "")).doesNotContain("--token");
    CliTest.Run bad = CliTest.run("serve", "--token", "x");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void cyrillicAndPersianPlacesRoute() {
    CliTest.Run r = CliTest.run("route", "--from", "Баку", "--to", "تهران", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"AZBAK\"").contains("\"IRTHR\"");
    CliTest.Run ship = CliTest.run("route", "--from", "\uD83D\uDEA2", "--to", "Москва");
    assertThat(ship.code()).isEqualTo(2);
    assertThat(ship.err()).contains("unknown place").doesNotContain("empty place name");
  }
}
