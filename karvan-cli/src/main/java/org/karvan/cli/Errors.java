package org.karvan.cli;

import java.io.PrintWriter;
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
        err.println("karvan: " + flag(e.field()) + ": " + e.message());
      }
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof NoRouteException nr) {
      err.println("karvan: " + NoRouteText.of(nr.noRoute(), nr.network()));
      return ExitCodes.INVALID_INPUT;
    }
    if (ex instanceof UserException ue) {
      err.println("karvan: " + ue.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    err.println("karvan: internal error: " + ex);
    if ("1".equals(System.getenv("KARVAN_DEBUG"))) {
      ex.printStackTrace(err);
    } else {
      err.println("(set KARVAN_DEBUG=1 for a stack trace, and please report it)");
    }
    return ExitCodes.INTERNAL;
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
      err.println(p);
    }
    long errors = e.problems().stream().filter(Problem::isError).count();
    long warnings = e.problems().size() - errors;
    err.println(errors + " error(s), " + warnings + " warning(s)");
  }
}
