package org.karvan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code karvan import}: bring your own network (docs/import.md). One class per subcommand. */
@Command(
    name = "import",
    header = "Import a network from OSM or GIS data into a bundle.",
    mixinStandardHelpOptions = true,
    description = "Import a network from OSM or GIS data into a bundle (docs/import.md).",
    subcommands = {ImportOsmCommand.class, ImportLinesCommand.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
