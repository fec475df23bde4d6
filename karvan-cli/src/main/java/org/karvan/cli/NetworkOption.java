package org.karvan.cli;

import java.nio.file.Path;
import org.karvan.core.model.Network;
import org.karvan.io.bundle.BundleReader;
import picocli.CommandLine.Option;

/** The {@code --network} option shared by commands that work on a network. */
final class NetworkOption {
  @Option(
      names = {"-n", "--network"},
      paramLabel = "PATH",
      description = "Network bundle (directory or .zip). Default: the embedded default network.")
  Path path;

  Network load() {
    return path == null ? BundleReader.readDefault() : BundleReader.read(path);
  }
}
