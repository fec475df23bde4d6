package org.karvan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.karvan.app.NetworkMergeService;
import org.karvan.core.validate.Problem;
import org.karvan.io.merge.BundleMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code karvan network merge BASE OVERLAY --out DIR}. Parses and prints only. */
@Command(
    name = "merge",
    header = "Merge curated corridor data (OVERLAY) into a network (BASE), reporting conflicts.",
    mixinStandardHelpOptions = true,
    description = {
      "Union of two bundles row by row, matched by id. The same id with different values, and",
      "references neither bundle satisfies (a crossing whose node is missing), are conflicts:",
      "all are listed and the exit code is 2, nothing is written. --prefer resolves the first",
      "kind. The merge is written to DIR and validated. See docs/import.md."
    })
final class NetworkMergeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BASE", description = "Bundle directory or .zip.")
  Path base;

  @Parameters(index = "1", paramLabel = "OVERLAY", description = "Bundle directory or .zip.")
  Path overlay;

  @Option(
      names = "--prefer",
      paramLabel = "SIDE",
      defaultValue = "none",
      description = "base or overlay: the side that wins a same-id conflict (default: none).")
  String prefer;

  @Option(
      names = {"-o", "--out"},
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the merged bundle to.")
  Path out;

  @Option(names = "--force", description = "Overwrite a directory that is not empty.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    NetworkMergeService.Merged m =
        NetworkMergeService.merge(
            base,
            overlay,
            RequestOptions.parseEnum(BundleMerger.Prefer.class, prefer, "--prefer"),
            out,
            force);
    PrintWriter w = spec.commandLine().getOut();
    for (Problem p : m.resolved()) {
      w.println(p);
    }
    for (Problem p : m.network().warnings()) {
      w.println(p);
    }
    w.println("wrote " + m.out());
    NetworkCommand.printSummary(w, m.network(), m.out());
    return ExitCodes.OK;
  }
}
