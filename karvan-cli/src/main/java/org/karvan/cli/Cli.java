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

  static void printJson(PrintWriter out, com.fasterxml.jackson.databind.JsonNode n) {
    out.println(n.toPrettyString());
  }
}
