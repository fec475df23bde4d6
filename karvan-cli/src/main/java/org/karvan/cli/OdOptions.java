package org.karvan.cli;

import picocli.CommandLine.Option;

/** The required {@code --from} and {@code --to} of commands about one origin-destination pair. */
final class OdOptions {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "PLACE",
      description = "Origin: node id, name or alias.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "PLACE", description = "Destination.")
  String to;
}
