package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.karvan.app.Karvan;
import org.karvan.core.model.Network;
import org.karvan.core.scenario.Modification;
import org.karvan.core.scenario.Scenario;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.scenario.BuiltInScenarios;
import org.karvan.io.scenario.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karvan scenario}: list, show and validate scenarios. */
@Command(
    name = "scenario",
    header = "List, show and validate scenarios.",
    mixinStandardHelpOptions = true,
    description =
        "List, show and validate scenarios (typed changes applied over a network at request time).",
    subcommands = {
      ScenarioCommand.ListCmd.class,
      ScenarioCommand.Show.class,
      ScenarioCommand.Validate.class
    })
final class ScenarioCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      header = "The built-in scenarios.",
      mixinStandardHelpOptions = true,
      description = "The built-in scenarios.")
  static final class ListCmd implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      for (Scenario s : BuiltInScenarios.list()) {
        String d = s.description();
        int dot = d.indexOf(". ");
        out.printf(Locale.ROOT, "%-22s %s%n", s.name(), dot > 0 ? d.substring(0, dot + 1) : d);
      }
    }
  }

  @Command(
      name = "show",
      header = "A scenario's description, sources and modifications.",
      mixinStandardHelpOptions = true,
      description = "A scenario's description, sources and modifications.")
  static final class Show implements Runnable {
    @Parameters(paramLabel = "NAME|FILE", description = "Built-in name or scenario file.")
    String name;

    @Spec CommandSpec spec;

    @Override
    public void run() {
      Scenario s = BuiltInScenarios.resolve(name, "NAME");
      PrintWriter out = spec.commandLine().getOut();
      out.println("name:        " + s.name());
      out.println("description: " + s.description());
      if (s.extendsName() != null) {
        out.println("extends:     " + s.extendsName());
      }
      if (s.year() != null) {
        out.println("year:        " + s.year());
      }
      out.println("sources:");
      s.sources().forEach(x -> out.println("  - " + x));
      out.println("modifications:");
      for (Modification m : s.modifications()) {
        out.println("  - " + describe(m));
      }
    }
  }

  static String describe(Modification m) {
    if (m instanceof Modification.Open o) {
      return "open " + plural(o.target()) + ": " + String.join(", ", o.ids());
    }
    if (m instanceof Modification.Close c) {
      String what = "close " + plural(c.target());
      String ids = String.join(", ", c.ids());
      if (c.countryPair() != null) {
        return what
            + " between "
            + c.countryPair().replace("-", " and ")
            + (ids.isEmpty() ? "" : ", and: " + ids);
      }
      return what + ": " + ids;
    }
    String s = m.toString();
    int cut = s.indexOf(", origin=");
    return cut > 0 ? s.substring(0, cut) + "]" : s;
  }

  private static String plural(Modification.Target t) {
    return switch (t) {
      case LINK -> "links";
      case NODE -> "nodes";
      case CROSSING -> "crossings";
      case COUNTRY -> "countries";
      case CHOKEPOINT -> "chokepoints";
    };
  }

  @Command(
      name = "validate",
      header = "Check a scenario file against a network.",
      mixinStandardHelpOptions = true,
      description =
          "Check a scenario file against a network: every problem with file, line and field (exit 2).")
  static final class Validate implements Runnable {
    @Parameters(paramLabel = "FILE", description = "Scenario file (YAML or JSON).")
    Path file;

    @Mixin NetworkOption network;

    @Spec CommandSpec spec;

    @Override
    public void run() {
      Scenario s = ScenarioReader.read(file);
      Karvan k = Cli.open(network, ProfileReader.readDefault());
      Network n = k.network();
      String name = k.scenarios().check(s);
      spec.commandLine()
          .getOut()
          .println(
              "valid: scenario '"
                  + name
                  + "' with "
                  + s.modifications().size()
                  + " modification(s) applies to "
                  + n.manifest().name());
    }
  }
}
