package org.karvan.spark;

import java.io.PrintWriter;
import org.karvan.app.FieldError;
import org.karvan.app.Fields;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.NoRouteException;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code karvan spark} (and the main class of the job jar for spark-submit): sweeps of compare,
 * reliability, criticality and matrix on Apache Spark. Input is checked on the driver before the
 * job starts and reported as the CLI does (exit code 2); see docs/spark.md.
 */
@Command(
    name = "karvan spark",
    mixinStandardHelpOptions = true,
    header = "Karvan sweeps on Apache Spark: the rows of the single-machine commands, at scale.",
    subcommands = {CompareJob.class, ReliabilityJob.class, CriticalityJob.class, MatrixJob.class})
public final class SparkMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "give a job: compare, reliability, criticality or matrix");
  }

  public static void main(String[] args) {
    int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(code);
  }

  /** Runs the command line and returns the exit code (0, 1 for a bug, 2 for bad input). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new SparkMain());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, c, parse) -> handle(ex, c.getErr()));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("karvan: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The CLI's wording and exit codes (karvan-cli's Errors) for what the app layer throws. */
  static int handle(Exception ex, PrintWriter err) {
    Throwable t = ex;
    // A task's failure reaches the driver wrapped by Spark; word its cause.
    while (t.getCause() != null
        && !(t instanceof InvalidInputException
            || t instanceof InvalidRequestException
            || t instanceof NoRouteException
            || t instanceof UsageException)) {
      t = t.getCause();
    }
    if (t instanceof InvalidInputException iie) {
      for (Problem p : iie.problems()) {
        err.println(p);
      }
      long errors = iie.problems().stream().filter(Problem::isError).count();
      err.println(errors + " error(s), " + (iie.problems().size() - errors) + " warning(s)");
      return 2;
    }
    if (t instanceof InvalidRequestException ire) {
      for (FieldError e : ire.errors()) {
        err.println(
            "karvan: "
                + (e.field().equals("k") ? "--alternatives" : Fields.flag(e.field()))
                + ": "
                + e.message());
      }
      return 2;
    }
    if (t instanceof NoRouteException nr) {
      err.println("karvan: " + NoRouteException.words(nr.noRoute(), nr.network()));
      return 2;
    }
    if (t instanceof UsageException ue) {
      err.println("karvan: " + ue.getMessage());
      return 2;
    }
    err.println("karvan: internal error: " + ex);
    if ("1".equals(System.getenv("KARVAN_DEBUG"))) {
      ex.printStackTrace(err);
    } else {
      err.println("(set KARVAN_DEBUG=1 for a stack trace, and please report it)");
    }
    return 1;
  }
}
