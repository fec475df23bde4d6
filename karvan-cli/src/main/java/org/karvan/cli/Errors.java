package org.karvan.cli;

import java.io.PrintWriter;
import java.util.List;
import org.karvan.app.FieldError;
import org.karvan.app.Fields;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.NoRouteException;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into messages and exit codes: invalid input lists every problem and exits 2;
 * anything else is a bug, reported in one line (the stack trace only with {@code KARVAN_DEBUG=1}).
 */
final class Errors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parse) {
    PrintWriter err = cl.getErr();
    if (ex instanceof InvalidInputException iie) {
      printProblems(err, iie);
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof InvalidRequestException ire) {
      for (FieldError e : ire.errors()) {
        err.println(line(flag(e.field()), e.message(), null));
      }
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof NoRouteException nr) {
      err.println(line(cl.getCommandName(), NoRouteText.of(nr.noRoute(), nr.network()), null));
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof UserException ue) {
      err.println(ue.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    boolean debug = "1".equals(System.getenv("KARVAN_DEBUG"));
    err.println(
        line(
            "internal error",
            String.valueOf(ex),
            debug
                ? "please report it"
                : "set KARVAN_DEBUG=1 for a stack trace, and please report it"));
    if (debug) {
      ex.printStackTrace(err);
    }
    return ExitCodes.INTERNAL;
  }

  /**
   * The one shape of every error line: {@code karvan: <where>: <what>; <hint>}. A {@code what} that
   * already carries its hint after "; " is printed as it is.
   */
  static String line(String where, String what, String hint) {
    String w = what.strip();
    if (w.endsWith(".")) {
      w = w.substring(0, w.length() - 1);
    }
    return "karvan: "
        + (where == null || where.isBlank() ? "" : where + ": ")
        + w
        + (hint == null || hint.isBlank() ? "" : "; " + hint);
  }

  /** A picocli usage error in the same shape, with picocli's suggestions in the hint. */
  static String usage(picocli.CommandLine.ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    // "route", not "karvan route": every line already starts with "karvan: ".
    String where = c.getCommandSpec().qualifiedName().replaceFirst("^karvan( |$)", "");
    if (ex.getArgSpec() instanceof picocli.CommandLine.Model.OptionSpec o) {
      where = o.longestName();
    }
    if (ex instanceof picocli.CommandLine.MissingParameterException mp
        && !mp.getMissing().isEmpty()
        && mp.getMissing().get(0) instanceof picocli.CommandLine.Model.OptionSpec o) {
      return line(o.longestName(), "is required", "give " + o.longestName() + " " + o.paramLabel());
    }
    String what = ex.getMessage();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("Invalid value for option '[^']*': (.*)").matcher(what);
    if (m.matches()) {
      what = m.group(1);
    }
    what = Character.toLowerCase(what.charAt(0)) + what.substring(1);
    String hint = "see '" + c.getCommandSpec().qualifiedName() + " --help'";
    if (ex instanceof picocli.CommandLine.UnmatchedArgumentException u) {
      // picocli lists every unmatched word, the unknown option's value too ("'--optimise',
      // 'cost'"): name the options only.
      List<String> options = u.getUnmatched().stream().filter(a -> a.startsWith("-")).toList();
      if (!options.isEmpty()) {
        what =
            (options.size() == 1 ? "unknown option " : "unknown options ")
                + String.join(", ", options.stream().map(o -> "'" + o + "'").toList());
      }
      if (!u.getSuggestions().isEmpty()) {
        hint = "did you mean " + String.join(" or ", u.getSuggestions()) + "? " + hint;
      }
    }
    return line(where, what.replace(": ", " "), hint);
  }

  /** The CLI flag of a request field; fields whose flag differs from the API's name are mapped. */
  static String flag(String field) {
    return switch (field) {
      case "k" -> "--alternatives";
      case "request" -> "request";
      default -> Fields.flag(field);
    };
  }

  static void printProblems(PrintWriter err, InvalidInputException e) {
    for (Problem p : e.problems()) {
      String text = p.toString();
      String hint =
          p.message().contains("; ") || p.message().startsWith("no such file")
              ? ""
              : p.file().endsWith(".csv") || p.file().endsWith(".geojson")
                  ? "; see docs/network-format.md"
                  : p.file().endsWith(".yaml") || p.file().endsWith(".yml")
                      ? "; see docs/scenarios.md"
                      : "; see docs/cost-model.md for the parameters and their ranges";
      err.println("karvan: " + text + hint);
    }
    long errors = e.problems().stream().filter(Problem::isError).count();
    long warnings = e.problems().size() - errors;
    err.println(
        "karvan: input: "
            + errors
            + " error(s), "
            + warnings
            + " warning(s); fix each line above and run again");
  }
}
