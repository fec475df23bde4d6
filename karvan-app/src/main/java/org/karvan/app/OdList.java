package org.karvan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.karvan.core.routing.Cargo;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;

/**
 * An OD list file: CSV with columns {@code origin,destination} and optional {@code cargo} and
 * {@code weight_t}. Bad rows are reported with file and line and skipped; the rest are kept.
 */
public final class OdList {
  /** The pairs read, and one line per skipped row or file problem ({@code file:line: ...}). */
  public record Result(List<CompareService.OdPair> pairs, List<String> problems, int skipped) {}

  private OdList() {}

  /**
   * Reads {@code file} against the workspace's places; {@code defaultCargo} is the cargo of rows
   * that name none. Throws {@link InvalidRequestException} on field {@code od} when the file cannot
   * be read or has no valid pair.
   */
  public static Result read(Karvan k, Path file, String defaultCargo) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidRequestException(
          "od",
          file
              + ": cannot be read ("
              + (e instanceof NoSuchFileException ? "no such file" : e.getMessage())
              + ")");
    }
    return parse(k, bytes, file.toString(), defaultCargo);
  }

  /** As {@link #read}, from a CSV file's bytes; {@code file} names it in messages. */
  public static Result parse(Karvan k, byte[] bytes, String file, String defaultCargo) {
    Problems p = new Problems();
    CsvTable t = CsvParser.parse(bytes, file, p);
    return of(k, file, t.header().keySet(), raw(t), p, defaultCargo);
  }

  /** The rows of an OD list's CSV bytes as read, unchecked (see {@link #pair}). */
  public static List<Raw> rows(byte[] bytes, String file) {
    return raw(CsvParser.parse(bytes, file, new Problems()));
  }

  private static List<Raw> raw(CsvTable t) {
    List<Raw> rows = new ArrayList<>();
    for (CsvTable.CsvRow row : t.rows()) {
      rows.add(
          new Raw(
              row.line(),
              cell(t, row, "origin"),
              cell(t, row, "destination"),
              cell(t, row, "cargo"),
              cell(t, row, "weight_t")));
    }
    return rows;
  }

  /**
   * One row of an OD list as read, before checking: its line (or row number) and trimmed cells,
   * empty where absent.
   */
  public record Raw(int line, String origin, String destination, String cargo, String weightT)
      implements java.io.Serializable {}

  /**
   * As {@link #read}, from rows read elsewhere (a Parquet file): {@code columns} the file's columns
   * (empty for an empty file), {@code p} the problems met reading it.
   */
  public static Result of(
      Karvan k,
      String file,
      java.util.Collection<String> columns,
      List<Raw> raw,
      Problems p,
      String defaultCargo) {
    for (String col : List.of("origin", "destination")) {
      if (!columns.isEmpty() && !columns.contains(col)) {
        p.error(file, 1, 0, col, "missing column '" + col + "'");
      }
    }
    List<String> problems = new ArrayList<>();
    for (Problem x : p.sorted()) {
      problems.add(x.toString());
    }
    if (p.hasErrors() && raw.isEmpty()
        || !columns.contains("origin")
        || !columns.contains("destination")) {
      throw new InvalidRequestException(
          "od", file + ": cannot read the OD list" + (problems.isEmpty() ? "" : ": " + problems));
    }
    int skipped = 0;
    List<CompareService.OdPair> pairs = new ArrayList<>();
    for (Raw row : raw) {
      Fields rf = new Fields();
      CompareService.OdPair pair = pair(k, row, defaultCargo, rf);
      if (pair == null) {
        skipped++;
        for (FieldError e : rf.errors()) {
          problems.add(file + ":" + row.line() + ": " + e);
        }
        continue;
      }
      pairs.add(pair);
    }
    if (pairs.isEmpty()) {
      throw new InvalidRequestException(
          "od",
          file
              + ": no valid OD pair"
              + (skipped > 0
                  ? " (" + skipped + " bad row(s)): " + problems
                  : ": the file is empty"));
    }
    return new Result(pairs, problems, skipped);
  }

  /** One row's pair, or null with its problems in {@code rf}. */
  public static CompareService.OdPair pair(Karvan k, Raw row, String defaultCargo, Fields rf) {
    String of = k.resolver().place(row.origin(), "origin", rf);
    String df = k.resolver().place(row.destination(), "destination", rf);
    if (row.origin().isEmpty()) {
      rf.error("origin", "is empty");
    }
    if (row.destination().isEmpty()) {
      rf.error("destination", "is empty");
    }
    Cargo c = cargo(k, row.cargo(), row.weightT(), defaultCargo, rf);
    if (rf.isEmpty() && of.equals(df)) {
      rf.error("destination", "origin and destination are the same place");
    }
    return rf.isEmpty() ? new CompareService.OdPair(of, df, c) : null;
  }

  private static Cargo cargo(Karvan k, String cargo, String w, String dflt, Fields f) {
    String spec = cargoSpec(cargo, w, dflt, f);
    return spec == null ? null : k.resolver().cargo(spec, f, "cargo");
  }

  /**
   * The cargo text of a row: its {@code cargo} cell (or {@code dflt}) with the payload of its
   * {@code weight_t} cell; null with an error in {@code f} when the weight is not a number.
   */
  public static String cargoSpec(String cargo, String w, String dflt, Fields f) {
    String spec = cargo.isEmpty() ? (dflt == null ? "1x40ft" : dflt) : cargo;
    if (!w.isEmpty()) {
      double wt;
      try {
        wt = Double.parseDouble(w);
      } catch (NumberFormatException e) {
        wt = Double.NaN;
      }
      if (!(wt > 0)) {
        f.error("weight_t", "'" + w + "' is not a positive number");
        return null;
      }
      spec = spec.replaceAll("@.*$", "") + "@" + w + "t";
      if (!spec.matches("(?i)\\s*\\d+\\s*x\\s*(20|40|45).*")
          && !spec.matches("(?i)\\s*\\d+\\s*(trucks?|wagons?).*")) {
        spec = w + "t bulk";
      }
    }
    return spec;
  }

  private static String cell(CsvTable t, CsvTable.CsvRow row, String col) {
    Integer c = t.header().get(col);
    return c == null || c > row.cells().size() ? "" : row.cells().get(c - 1).trim();
  }
}
