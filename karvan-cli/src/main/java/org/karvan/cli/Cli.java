package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.karvan.app.Karvan;
import org.karvan.app.Limits;
import org.karvan.app.ScenarioSource;
import org.karvan.core.profile.Profile;
import org.karvan.io.scenario.ScenarioReader;

/** What every command shares: opening the workspace, and the CLI's scenario files. */
final class Cli {
  private Cli() {}

  /** Scenarios the CLI finds beyond the built-ins: YAML or JSON files by path. */
  static final ScenarioSource FILES =
      new ScenarioSource() {
        @Override
        public Optional<Found> find(String ref) {
          Path p = Path.of(ref);
          return Files.isRegularFile(p)
              ? Optional.of(new Found(ScenarioReader.read(p), null))
              : Optional.empty();
        }

        @Override
        public String describe() {
          return "a scenario file (YAML or JSON)";
        }
      };

  static Karvan open(NetworkOption network, Profile profile) {
    return Karvan.open(network.load(), profile, FILES, Limits.CLI);
  }

  /**
   * Writes a workbook to {@code --out FILE.xlsx} (required with {@code --format xlsx}) and says so
   * on stderr.
   */
  static void writeXlsx(
      java.nio.file.Path out, java.util.List<org.karvan.io.xlsx.Sheet> sheets, PrintWriter err) {
    if (out == null) {
      throw new UserException("--out", "--format xlsx writes a file", "give --out FILE.xlsx");
    }
    if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      throw new UserException(
          "--out", "'" + out + "' does not end in .xlsx", "give a file name ending in .xlsx");
    }
    try (java.io.OutputStream o = Files.newOutputStream(out)) {
      org.karvan.io.xlsx.XlsxWriter.write(o, sheets);
    } catch (java.io.IOException e) {
      throw new UserException(
          "--out",
          "cannot write " + out + ": " + e.getMessage(),
          "check the folder exists and is writable");
    }
    err.println(
        "wrote "
            + out
            + " ("
            + String.join(", ", sheets.stream().map(org.karvan.io.xlsx.Sheet::name).toList())
            + ")");
  }

  static void printJson(PrintWriter out, com.fasterxml.jackson.databind.JsonNode n) {
    out.println(n.toPrettyString());
  }
}
