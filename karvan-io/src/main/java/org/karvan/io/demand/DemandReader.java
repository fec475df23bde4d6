package org.karvan.io.demand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karvan.core.assign.FreightDemand;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Places;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;

/**
 * Reads multimodal demand CSV: {@code origin,destination,cargo,annual_volume,unit[,value_of_time]}
 * (other columns, such as {@code estimated} and {@code note}, are ignored). Places are node ids,
 * names or aliases; {@code unit} is {@code t}/{@code tonnes} or {@code TEU} (converted with {@code
 * cargo.tonnes_per_teu}); {@code value_of_time} is USD per TEU-hour. Bad rows are reported with
 * file, line, column and field and skipped.
 */
public final class DemandReader {
  private DemandReader() {}

  /** The rows read and the problems met ({@code skipped} rows were left out). */
  public record Result(List<FreightDemand> rows, Problems problems, int skipped) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  public static final String DEFAULT = "default-demand.csv";

  /** Reads a file. */
  public static Result read(Path file, Network net, Profile profile) {
    try {
      return parse(Files.readAllBytes(file), file.getFileName().toString(), net, profile);
    } catch (IOException e) {
      Problems p = new Problems();
      p.error(file.toString(), 0, 0, "--demand", "cannot read: " + e.getMessage());
      throw new InvalidInputException("cannot read demand", p);
    }
  }

  /** The built-in demand for the default network (see its header for sources and estimates). */
  public static Result readDefault(Network net, Profile profile) {
    try (InputStream in = DemandReader.class.getResourceAsStream(DEFAULT)) {
      return parse(in.readAllBytes(), DEFAULT, net, profile);
    } catch (IOException e) {
      throw new IllegalStateException("built-in demand missing", e);
    }
  }

  static Result parse(byte[] bytes, String file, Network net, Profile profile) {
    Problems p = new Problems();
    CsvTable t = CsvParser.parse(bytes, file, p);
    for (String col : List.of("origin", "destination", "annual_volume")) {
      if (!t.header().isEmpty() && !t.header().containsKey(col)) {
        p.error(file, 1, 0, col, "required column missing");
      }
    }
    if (p.hasErrors()) {
      throw new InvalidInputException("cannot read demand " + file, p);
    }
    Places places = new Places(net);
    List<FreightDemand> rows = new ArrayList<>();
    int skipped = 0;
    double tPerTeu = profile.get("cargo.tonnes_per_teu");
    for (CsvTable.CsvRow r : t.rows()) {
      int before = p.errorCount();
      String from =
          place(places, cell(t, r, "origin"), file, r.line(), col(t, "origin"), "origin", p);
      String to =
          place(
              places,
              cell(t, r, "destination"),
              file,
              r.line(),
              col(t, "destination"),
              "destination",
              p);
      String cargo = cell(t, r, "cargo");
      if (cargo.isEmpty()) {
        cargo = "1x40ft";
      }
      try {
        Cargo.parse(cargo, profile);
      } catch (IllegalArgumentException e) {
        p.error(file, r.line(), col(t, "cargo"), "cargo", e.getMessage());
      }
      double volume =
          number(
              cell(t, r, "annual_volume"),
              file,
              r.line(),
              col(t, "annual_volume"),
              "annual_volume",
              p,
              false);
      if (!Double.isNaN(volume) && !(volume > 0)) {
        p.error(
            file,
            r.line(),
            col(t, "annual_volume"),
            "annual_volume",
            "must be > 0, got " + cell(t, r, "annual_volume"));
      }
      String unit = cell(t, r, "unit").toLowerCase(Locale.ROOT);
      double factor =
          switch (unit) {
            case "", "t", "tonnes", "tonne", "tons" -> 1;
            case "teu" -> tPerTeu;
            default -> {
              p.error(
                  file,
                  r.line(),
                  col(t, "unit"),
                  "unit",
                  "unknown unit '" + unit + "'; use t or TEU");
              yield Double.NaN;
            }
          };
      String votText = cell(t, r, "value_of_time");
      Double vot = null;
      if (!votText.isEmpty()) {
        double v =
            number(votText, file, r.line(), col(t, "value_of_time"), "value_of_time", p, false);
        if (!Double.isNaN(v) && v < 0) {
          p.error(file, r.line(), col(t, "value_of_time"), "value_of_time", "must be >= 0");
        } else if (!Double.isNaN(v)) {
          vot = v;
        }
      }
      if (from != null && from.equals(to)) {
        p.error(file, r.line(), col(t, "destination"), "destination", "same place as the origin");
      }
      if (p.errorCount() > before) {
        skipped++;
        continue;
      }
      rows.add(new FreightDemand(from, to, cargo, volume * factor, vot, r.line()));
    }
    return new Result(rows, p, skipped);
  }

  private static int col(CsvTable t, String name) {
    return t.header().getOrDefault(name, 0);
  }

  private static String cell(CsvTable t, CsvTable.CsvRow r, String name) {
    Integer c = t.header().get(name);
    return c == null || c - 1 >= r.cells().size() ? "" : r.cells().get(c - 1).trim();
  }

  private static String place(
      Places places, String text, String file, int line, int col, String field, Problems p) {
    if (text.isEmpty()) {
      p.error(file, line, col, field, "missing");
      return null;
    }
    try {
      return places.resolve(text).id();
    } catch (IllegalArgumentException e) {
      p.error(file, line, col, field, e.getMessage());
      return null;
    }
  }

  private static double number(
      String s, String file, int line, int col, String field, Problems p, boolean optional) {
    if (s.isEmpty()) {
      if (!optional) {
        p.error(file, line, col, field, "missing");
      }
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      p.error(file, line, col, field, "not a number: '" + s + "'");
      return Double.NaN;
    }
  }
}
