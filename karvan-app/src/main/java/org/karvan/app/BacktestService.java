package org.karvan.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.routing.Route;
import org.karvan.core.scenario.Corridors;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;

/**
 * Use case: the back-test. Each case is a published whole-route figure (days, hours, USD) with its
 * band; Karvan routes the same pair, forced onto the case's corridor where the case names one
 * ({@code via}, {@code modes}, {@code avoid_country}, {@code avoid_chokepoint}, ...), and the
 * figure it computes is set against the band. See docs/validation.md.
 */
public final class BacktestService {
  /**
   * Where the default cases are, inside the jar (a copy of data/validation/published-cases.csv).
   */
  public static final String DEFAULT_CASES = "org/karvan/io/validation/published-cases.csv";

  /** The quantities a case may state. */
  public static final Set<String> QUANTITIES =
      Set.of(
          "days",
          "hours",
          "usd_per_teu",
          "usd_per_40ft",
          "usd_per_truck",
          "border_hours",
          "sailing_hours");

  /**
   * One published case.
   *
   * @param spec the request that reproduces it (places, cargo, forcing constraints)
   * @param half {@code train} or {@code test}: the calibration half the case belongs to
   */
  public record Case(
      int line,
      String id,
      String route,
      String quantity,
      double low,
      double high,
      int year,
      String type,
      String source,
      String half,
      RouteSpec spec) {}

  /** Karvan's figure for a case, or why it has none. */
  public record Outcome(Case c, Double figure, List<String> corridors, String skipped) {
    public boolean within() {
      return figure != null && figure >= c.low() * (1 - 1e-9) && figure <= c.high() * (1 + 1e-9);
    }

    /** Relative distance to the band: 0 inside, (figure - nearest bound) / nearest bound. */
    public Double deviation() {
      if (figure == null) {
        return null;
      }
      if (within()) {
        return 0.0;
      }
      double b = figure < c.low() ? c.low() : c.high();
      return (figure - b) / b;
    }
  }

  /** Every case's outcome, in file order, and the cases file's own problems. */
  public record Result(String file, List<Outcome> outcomes, List<String> problems) {
    public long within() {
      return outcomes.stream().filter(Outcome::within).count();
    }

    public long computed() {
      return outcomes.stream().filter(o -> o.figure() != null).count();
    }
  }

  private final Karvan k;

  BacktestService(Karvan k) {
    this.k = k;
  }

  /** Runs the cases of {@code file}, or the default cases when it is null. */
  public Result run(Path file) {
    List<String> problems = new ArrayList<>();
    Loaded l = load(file, problems);
    List<Outcome> out = new ArrayList<>();
    for (Case c : l.cases()) {
      out.add(run(c));
    }
    return new Result(l.name(), out, problems);
  }

  /** A cases file as read: its name and its good rows. */
  public record Loaded(String name, List<Case> cases) {}

  /**
   * Reads the cases of {@code file} (the default cases when null); bad rows go to {@code problems}.
   */
  public static Loaded load(Path file, List<String> problems) {
    byte[] bytes;
    String name;
    try {
      if (file == null) {
        name = "published-cases.csv (built in)";
        try (InputStream in =
            BacktestService.class.getClassLoader().getResourceAsStream(DEFAULT_CASES)) {
          if (in == null) {
            throw new IllegalStateException("the built-in cases " + DEFAULT_CASES + " are missing");
          }
          bytes = in.readAllBytes();
        }
      } else {
        name = file.toString();
        if (!Files.isRegularFile(file)) {
          throw new InvalidRequestException("cases", file + ": no such file");
        }
        bytes = Files.readAllBytes(file);
      }
    } catch (IOException e) {
      throw new InvalidRequestException(
          "cases", file + ": cannot be read (" + e.getMessage() + ")");
    }
    return new Loaded(name, parse(bytes, name, problems));
  }

  /** Karvan's figure for one case. */
  public Outcome run(Case c) {
    RoutesResult r;
    try {
      r = k.routes().route(c.spec());
    } catch (InvalidRequestException e) {
      return new Outcome(c, null, List.of(), "not in this network: " + e.errors().get(0));
    } catch (NoRouteException e) {
      return new Outcome(c, null, List.of(), e.getMessage());
    }
    Route route = r.best();
    double teu = r.request().cargo().teu();
    double vehicles = r.request().cargo().vehicles();
    double figure =
        switch (c.quantity()) {
          case "days" -> route.totals().durationDays();
          case "hours" -> route.totals().durationHours();
          case "usd_per_teu" -> route.totals().costUsd() / teu;
          case "usd_per_40ft" -> route.totals().costUsd() / (teu / 2);
          case "usd_per_truck" -> route.totals().costUsd() / Math.max(1, vehicles);
          case "border_hours" ->
              route.events().stream()
                  .filter(e -> e.type() == Route.EventType.BORDER_CROSSING)
                  .mapToDouble(Route.Event::durationHours)
                  .sum();
          case "sailing_hours" ->
              route.legs().stream()
                  .filter(l -> l.mode().equals("SEA") || l.mode().equals("FERRY"))
                  .mapToDouble(Route.Leg::durationHours)
                  .sum();
          default -> throw new IllegalStateException(c.quantity());
        };
    return new Outcome(c, figure, Corridors.of(r.network(), route), null);
  }

  /** Reads the cases; a bad row is reported with file and line and left out. */
  static List<Case> parse(byte[] bytes, String file, List<String> problems) {
    Problems p = new Problems();
    CsvTable t = CsvParser.parse(bytes, file, p);
    for (Problem x : p.sorted()) {
      problems.add(x.toString());
    }
    List<String> required =
        List.of(
            "id", "from", "to", "cargo", "quantity", "value_low", "value_high", "year", "source");
    for (String col : required) {
      if (!t.header().containsKey(col)) {
        throw new InvalidRequestException("cases", file + ":1: missing column '" + col + "'");
      }
    }
    List<Case> out = new ArrayList<>();
    for (CsvTable.CsvRow row : t.rows()) {
      List<String> bad = new ArrayList<>();
      String q = cell(t, row, "quantity").toLowerCase(Locale.ROOT);
      if (!QUANTITIES.contains(q)) {
        bad.add("quantity: unknown '" + q + "'; one of " + String.join(", ", QUANTITIES));
      }
      double lo = number(t, row, "value_low", bad);
      double hi = number(t, row, "value_high", bad);
      if (!Double.isNaN(lo) && !Double.isNaN(hi) && hi < lo) {
        bad.add("value_high: " + hi + " is below value_low " + lo);
      }
      double year = number(t, row, "year", bad);
      String half = cell(t, row, "half");
      if (!half.isEmpty() && !half.equals("train") && !half.equals("test")) {
        bad.add("half: '" + half + "' is neither train nor test");
      }
      if (!bad.isEmpty()) {
        for (String b : bad) {
          problems.add(file + ":" + row.line() + ": " + b);
        }
        continue;
      }
      RouteSpec spec =
          RouteSpec.builder()
              .from(cell(t, row, "from"))
              .to(cell(t, row, "to"))
              .via(list(t, row, "via"))
              .cargo(cell(t, row, "cargo"))
              // A tariff is compared with the cheapest route on the corridor, a time with the
              // fastest.
              .optimize(
                  cell(t, row, "optimize").isEmpty()
                      ? (q.startsWith("usd") ? "cost" : null)
                      : cell(t, row, "optimize"))
              .modes(list(t, row, "modes"))
              .avoidCountry(list(t, row, "avoid_country"))
              .avoidBorder(list(t, row, "avoid_border"))
              .avoidChokepoint(list(t, row, "avoid_chokepoint"))
              .include(blankToNull(cell(t, row, "include")))
              .scenario(blankToNull(cell(t, row, "scenario")))
              // A case describes the conditions of its year: the dated events of mid-year apply
              // (a 2014 study saw no 2026 Hormuz restriction), unless the case names its day.
              .date(
                  cell(t, row, "date").isEmpty()
                      ? String.format(java.util.Locale.ROOT, "%04d-07-01", (int) year)
                      : cell(t, row, "date"))
              .build();
      out.add(
          new Case(
              row.line(),
              cell(t, row, "id"),
              cell(t, row, "route"),
              q,
              lo,
              hi,
              (int) year,
              cell(t, row, "type"),
              cell(t, row, "source"),
              half.isEmpty() ? "test" : half,
              spec));
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static List<String> list(CsvTable t, CsvTable.CsvRow row, String col) {
    String s = cell(t, row, col);
    return s.isEmpty()
        ? List.of()
        : Arrays.stream(s.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private static double number(CsvTable t, CsvTable.CsvRow row, String col, List<String> bad) {
    String s = cell(t, row, col);
    try {
      double d = Double.parseDouble(s);
      if (Double.isFinite(d) && d >= 0) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    bad.add(col + ": '" + s + "' is not a non-negative number");
    return Double.NaN;
  }

  private static String cell(CsvTable t, CsvTable.CsvRow row, String col) {
    Integer c = t.header().get(col);
    return c == null || c > row.cells().size() ? "" : row.cells().get(c - 1).trim();
  }
}
