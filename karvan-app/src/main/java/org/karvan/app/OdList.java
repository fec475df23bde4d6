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
    Problems p = new Problems();
    CsvTable t = CsvParser.parse(bytes, file.toString(), p);
    for (String col : List.of("origin", "destination")) {
      if (!t.header().isEmpty() && !t.header().containsKey(col)) {
        p.error(file.toString(), 1, 0, col, "missing column '" + col + "'");
      }
    }
    List<String> problems = new ArrayList<>();
    for (Problem x : p.sorted()) {
      problems.add(x.toString());
    }
    if (p.hasErrors() && t.rows().isEmpty()
        || !t.header().containsKey("origin")
        || !t.header().containsKey("destination")) {
      throw new InvalidRequestException(
          "od", file + ": cannot read the OD list" + (problems.isEmpty() ? "" : ": " + problems));
    }
    int skipped = 0;
    List<CompareService.OdPair> pairs = new ArrayList<>();
    for (CsvTable.CsvRow row : t.rows()) {
      Fields rf = new Fields();
      String of = k.resolver().place(cell(t, row, "origin"), "origin", rf);
      String df = k.resolver().place(cell(t, row, "destination"), "destination", rf);
      if (cell(t, row, "origin").isEmpty()) {
        rf.error("origin", "is empty");
      }
      if (cell(t, row, "destination").isEmpty()) {
        rf.error("destination", "is empty");
      }
      Cargo c = cargo(k, cell(t, row, "cargo"), cell(t, row, "weight_t"), defaultCargo, rf);
      if (rf.isEmpty() && of.equals(df)) {
        rf.error("destination", "origin and destination are the same place");
      }
      if (!rf.isEmpty()) {
        skipped++;
        for (FieldError e : rf.errors()) {
          problems.add(file + ":" + row.line() + ": " + e);
        }
        continue;
      }
      pairs.add(new CompareService.OdPair(of, df, c));
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

  private static Cargo cargo(Karvan k, String cargo, String w, String dflt, Fields f) {
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
    return k.resolver().cargo(spec, f, "cargo");
  }

  private static String cell(CsvTable t, CsvTable.CsvRow row, String col) {
    Integer c = t.header().get(col);
    return c == null || c > row.cells().size() ? "" : row.cells().get(c - 1).trim();
  }
}
