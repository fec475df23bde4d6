package org.karvan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code karvan} command. */
@Command(
    name = "karvan",
    mixinStandardHelpOptions = true,
    versionProvider = KarvanCommand.Version.class,
    description = {
      "Karvan plans and analyses multimodal freight corridors between India, the Gulf, Iran, the"
          + " Caucasus, the Caspian, Central Asia, Russia and Europe, by rail, road, sea and ferry."
    },
    subcommands = {
      NetworkCommand.class,
      RouteCommand.class,
      CompareCommand.class,
      ScenarioCommand.class,
      TcdCommand.class,
      ReportCommand.class,
      MatrixCommand.class,
      AssignCommand.class,
      CriticalityCommand.class,
      ReliabilityCommand.class,
      BacktestCommand.class,
      ServeCommand.class,
      ImportCommand.class
    },
    footer = {"", "Run 'karvan COMMAND --help' for a command's options."})
public final class KarvanCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = KarvanCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "karvan " + p.getProperty("version", "unknown"),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
