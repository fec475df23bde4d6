package org.karvan.io.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Severity;

/**
 * Puts the root causes of a bundle's problems first and folds the errors that merely follow from
 * them into one line per cause: rows that refer to elements of a file that is missing, unreadable,
 * has only a header or lacks a required column, rows that refer to an element whose own row was
 * dropped, and rows that lack a value because the header lacks its column.
 */
final class BundleDiagnosis {
  /** "unknown node 'X'" and the like, as the validator words them. */
  private static final Pattern UNKNOWN =
      Pattern.compile("unknown (node|source|country|border crossing|chokepoint|link) '(.*)'");

  private static final Map<String, String> FILE_OF_KIND =
      Map.of(
          "node", "nodes.csv",
          "source", "sources.csv",
          "country", "countries.csv",
          "border crossing", "border_crossings.csv",
          "chokepoint", "chokepoints.csv",
          "link", "links.csv");

  private static final Map<String, String> PLURAL =
      Map.of(
          "node", "nodes",
          "source", "sources",
          "country", "countries",
          "border crossing", "border crossings",
          "chokepoint", "chokepoints",
          "link", "links");

  /** File name → why none of its elements are there (e.g. "the missing nodes.csv"). */
  private final Map<String, String> unavailable = new HashMap<>();

  /** File name → id → "file:line" of rows that were dropped for their own errors. */
  private final Map<String, Map<String, String>> dropped = new HashMap<>();

  /** Display name of a file → its required columns missing from the header. */
  private final Map<String, Set<String>> missingColumns = new HashMap<>();

  void missing(String name) {
    unavailable.put(name, "the missing " + name);
  }

  void unreadable(String name) {
    unavailable.put(name, name + ", which cannot be read");
  }

  void noRows(String name) {
    unavailable.putIfAbsent(name, name + ", which has no rows");
  }

  void missingColumn(String name, String display, String column) {
    unavailable.putIfAbsent(name, name + ", whose header lacks '" + column + "'");
    missingColumns.computeIfAbsent(display, k -> new LinkedHashSet<>()).add(column);
  }

  void dropped(String name, String id, String at) {
    if (!id.isEmpty()) {
      dropped.computeIfAbsent(name, k -> new HashMap<>()).putIfAbsent(id, at);
    }
  }

  /**
   * Root causes first: problems with a whole file (errors, then warnings such as "no rows"), then
   * errors in rows, then one line per folded cause, then the remaining warnings; each group by
   * position.
   */
  List<Problem> order(List<Problem> sorted) {
    List<Problem> fileLevel = new ArrayList<>();
    List<Problem> rest = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    // (file, cause) -> lines of the rows that follow from it
    Map<List<String>, Set<Integer>> folded = new LinkedHashMap<>();
    for (Problem p : sorted) {
      List<String> cause = p.isError() ? cause(p) : null;
      if (cause != null) {
        folded.computeIfAbsent(cause, k -> new LinkedHashSet<>()).add(p.line());
      } else if (p.line() == 0 || (p.line() == 1 && p.column() == 0)) {
        fileLevel.add(p);
      } else {
        (p.isError() ? rest : warnings).add(p);
      }
    }
    List<Problem> out = new ArrayList<>();
    fileLevel.stream().filter(Problem::isError).forEach(out::add);
    fileLevel.stream().filter(p -> !p.isError()).forEach(out::add);
    out.addAll(rest);
    folded.forEach(
        (k, lines) -> {
          int n = lines.size();
          String rows = n == 1 ? "1 row " : n + " rows ";
          String msg =
              k.get(1).equals("column")
                  ? rows + (n == 1 ? "has" : "have") + " no value: " + k.get(3)
                  : rows + (n == 1 ? "refers" : "refer") + " to " + k.get(3);
          out.add(
              new Problem(
                  Severity.ERROR, k.get(0), 0, 0, k.get(1).equals("column") ? k.get(2) : "", msg));
        });
    out.addAll(warnings);
    return out;
  }

  /**
   * The cause a problem follows from, as (file, "column" or "reference", field or kind, words), or
   * null for a root cause.
   */
  private List<String> cause(Problem p) {
    Set<String> cols = missingColumns.get(p.file());
    if (cols != null && cols.contains(p.field()) && p.message().equals("value required")) {
      return List.of(p.file(), "column", p.field(), "the header lacks that column");
    }
    Matcher m = UNKNOWN.matcher(p.message());
    if (!m.matches()) {
      return null;
    }
    String kind = m.group(1);
    String file = FILE_OF_KIND.get(kind);
    if (unavailable.containsKey(file)) {
      return List.of(
          p.file(), "reference", kind, PLURAL.get(kind) + " of " + unavailable.get(file));
    }
    String at = dropped.getOrDefault(file, Map.of()).get(m.group(2));
    if (at != null) {
      return List.of(
          p.file(),
          "reference",
          kind,
          kind + " '" + m.group(2) + "', whose row " + at + " was dropped for its errors");
    }
    return null;
  }
}
