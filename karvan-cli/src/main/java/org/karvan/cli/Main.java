package org.karvan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code karvan} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns the exit code; never throws. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new KarvanCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Errors());
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println(Errors.usage(ex));
          return ExitCodes.USAGE;
        });
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(
          "karvan: out of memory; the input is too large for this Java heap (raise it with"
              + " -Xmx, e.g. java -Xmx4g -jar karvan.jar ...)");
      code = ExitCodes.INTERNAL;
    }
    out.flush();
    err.flush();
    return code;
  }
}
