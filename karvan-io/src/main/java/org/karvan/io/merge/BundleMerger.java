package org.karvan.io.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.validate.Problems;
import org.karvan.io.bundle.BundleFormat;
import org.karvan.io.bundle.BundleFormat.FileSpec;
import org.karvan.io.bundle.BundleSource;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;
import org.karvan.io.csv.CsvWriter;

/**
 * {@code karvan network merge}: the union of two bundles, file by file and row by row, at the level
 * of the bundle's CSV files (so that an overlay may be partial: curated crossings, terminals,
 * services and tariffs that name nodes of the base). Rows are matched by their key ({@code id};
 * {@code code} for countries, {@code link} for services, {@code link}+{@code from} for departures).
 * The same key with the same values is kept once; with different values it is a conflict, reported
 * with the columns that differ, unless {@link Prefer} names the side that wins (each such row is
 * still reported, as a warning). References that the union cannot satisfy (a crossing, link or
 * terminal whose node is in neither bundle; a service or departure whose link is missing; a link
 * whose crossing is missing) are always conflicts: nothing is guessed. The manifest is the base's,
 * renamed, with both bundles' sources and geometry files.
 */
public final class BundleMerger {
  private BundleMerger() {}

  /** Which side wins a same-key conflict; {@code NONE}: it stays a conflict. */
  public enum Prefer {
    NONE,
    BASE,
    OVERLAY
  }

  /** The merged files (name → bytes) and the conflicts (errors) and resolutions (warnings). */
  public record Result(Map<String, byte[]> files, Problems problems) {}

  private static final Map<String, List<String>> KEYS =
      Map.ofEntries(
          Map.entry("sources.csv", List.of("id")),
          Map.entry("countries.csv", List.of("code")),
          Map.entry("chokepoints.csv", List.of("id")),
          Map.entry("nodes.csv", List.of("id")),
          Map.entry("links.csv", List.of("id")),
          Map.entry("border_crossings.csv", List.of("id")),
          Map.entry("terminals.csv", List.of("id")),
          Map.entry("services.csv", List.of("link")),
          Map.entry("events.csv", List.of("id")),
          Map.entry("departures.csv", List.of("link", "from")),
          Map.entry("rail_services.csv", List.of("id")));

  /** Merges {@code overlay} into {@code base}. */
  public static Result merge(BundleSource base, BundleSource overlay, Prefer prefer)
      throws IOException {
    Problems p = new Problems();
    Map<String, byte[]> out = new LinkedHashMap<>();
    Map<String, String> mb = manifest(base, p);
    Map<String, String> mo = manifest(overlay, p);
    Map<String, Map<String, Map<String, String>>> merged = new LinkedHashMap<>();
    for (FileSpec spec : BundleFormat.FILES) {
      if (spec == BundleFormat.MANIFEST) {
        continue;
      }
      Map<String, Map<String, String>> rows = new LinkedHashMap<>();
      Map<String, String> where = new LinkedHashMap<>();
      List<String> key = KEYS.get(spec.name());
      read(base, spec, key, rows, where, null, prefer, p);
      read(overlay, spec, key, rows, where, base, prefer, p);
      merged.put(spec.name(), rows);
      if (!rows.isEmpty() || !spec.optional()) {
        out.put(spec.name(), csv(spec, rows.values()));
      }
    }
    references(merged, p);
    // manifest: the base's, renamed; sources and geometry files of both
    Map<String, String> m = new LinkedHashMap<>(mb);
    m.put("name", mb.getOrDefault("name", "base") + "+" + mo.getOrDefault("name", "overlay"));
    m.put(
        "description",
        "merge of " + mb.getOrDefault("name", "") + " and " + mo.getOrDefault("name", ""));
    if (mo.getOrDefault("as_of", "").compareTo(mb.getOrDefault("as_of", "")) > 0) {
      m.put("as_of", mo.get("as_of"));
    }
    String lb = mb.getOrDefault("licence", "");
    String lo = mo.getOrDefault("licence", "");
    if (!lo.isEmpty() && !lo.equals(lb)) {
      m.put("licence", lb + " AND " + lo);
      p.warning(
          "manifest.csv",
          0,
          0,
          "licence",
          "the bundles have different licences (" + lb + ", " + lo + "); the merge is under both");
    }
    m.put("sources", union(mb.get("sources"), mo.get("sources")));
    m.put("geometry", union(mb.get("geometry"), mo.get("geometry")));
    for (String g : split(m.get("geometry"))) {
      byte[] a = split(mb.get("geometry")).contains(g) ? base.read(g) : null;
      byte[] b = split(mo.get("geometry")).contains(g) ? overlay.read(g) : null;
      if (a != null && b != null && !Arrays.equals(a, b)) {
        p.error(
            overlay.display(g),
            0,
            0,
            "geometry",
            "both bundles have a different geometry file '" + g + "'; rename one of them");
      }
      byte[] bytes = a != null ? a : b;
      if (bytes != null) {
        out.put(g, bytes);
      }
    }
    CsvWriter w = new CsvWriter();
    w.row(List.of("key", "value"));
    m.forEach((k, v) -> w.row(List.of(k, v == null ? "" : v)));
    out.put("manifest.csv", w.toString().getBytes(StandardCharsets.UTF_8));
    return new Result(out, p);
  }

  /** Writes the merged files into {@code dir}. */
  public static void write(Result r, Path dir) throws IOException {
    for (var e : r.files().entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue());
    }
  }

  private static Map<String, String> manifest(BundleSource s, Problems p) throws IOException {
    Map<String, String> kv = new LinkedHashMap<>();
    byte[] bytes = s.read("manifest.csv");
    if (bytes == null) {
      p.error(s.display("manifest.csv"), 0, 0, "", "missing file");
      return kv;
    }
    CsvTable t = CsvParser.parse(bytes, s.display("manifest.csv"), p);
    for (CsvTable.CsvRow r : t.rows()) {
      kv.put(cell(t, r, "key"), cell(t, r, "value"));
    }
    return kv;
  }

  private static void read(
      BundleSource s,
      FileSpec spec,
      List<String> key,
      Map<String, Map<String, String>> rows,
      Map<String, String> where,
      BundleSource base,
      Prefer prefer,
      Problems p)
      throws IOException {
    byte[] bytes = s.read(spec.name());
    if (bytes == null) {
      return;
    }
    String file = s.display(spec.name());
    CsvTable t = CsvParser.parse(bytes, file, p);
    for (CsvTable.CsvRow r : t.rows()) {
      if (!r.cells().isEmpty() && r.cells().get(0).startsWith("#")) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (String c : spec.columns()) {
        row.put(c, cell(t, r, c));
      }
      String k = String.join("/", key.stream().map(row::get).toList());
      Map<String, String> old = rows.get(k);
      if (old == null) {
        rows.put(k, row);
        where.put(k, file + ":" + r.line());
        continue;
      }
      List<String> differ = new ArrayList<>();
      for (String c : spec.columns()) {
        if (!old.get(c).equals(row.get(c))) {
          differ.add(c + " '" + old.get(c) + "' vs '" + row.get(c) + "'");
        }
      }
      if (differ.isEmpty()) {
        continue;
      }
      if (base == null) {
        p.error(file, r.line(), 0, key.get(0), "duplicate key '" + k + "'");
        continue;
      }
      String what =
          spec.name()
              + " '"
              + k
              + "' differs between "
              + where.get(k)
              + " and the overlay: "
              + String.join(", ", differ);
      switch (prefer) {
        case NONE -> p.error(file, r.line(), 0, key.get(0), what);
        case BASE -> p.warning(file, r.line(), 0, key.get(0), what + " (kept the base's)");
        case OVERLAY -> {
          p.warning(file, r.line(), 0, key.get(0), what + " (took the overlay's)");
          rows.put(k, row);
          where.put(k, file + ":" + r.line());
        }
      }
    }
  }

  /** References the union cannot satisfy. */
  private static void references(Map<String, Map<String, Map<String, String>>> m, Problems p) {
    Set<String> nodes = m.get("nodes.csv").keySet();
    Set<String> links = m.get("links.csv").keySet();
    Set<String> crossings = m.get("border_crossings.csv").keySet();
    ref(m, "border_crossings.csv", List.of("node_a", "node_b"), nodes, "node", p);
    ref(m, "links.csv", List.of("from", "to"), nodes, "node", p);
    ref(m, "links.csv", List.of("border_crossing"), crossings, "border crossing", p);
    ref(m, "terminals.csv", List.of("node"), nodes, "node", p);
    ref(m, "services.csv", List.of("link"), links, "link", p);
    ref(m, "departures.csv", List.of("link"), links, "link", p);
  }

  private static void ref(
      Map<String, Map<String, Map<String, String>>> m,
      String file,
      List<String> columns,
      Set<String> known,
      String what,
      Problems p) {
    for (var e : m.get(file).entrySet()) {
      for (String c : columns) {
        String v = e.getValue().get(c);
        if (!v.isEmpty() && !known.contains(v)) {
          p.error(
              file,
              0,
              0,
              c,
              "'" + e.getKey() + "': " + c + " names " + what + " '" + v + "', in neither bundle");
        }
      }
    }
  }

  private static String cell(CsvTable t, CsvTable.CsvRow r, String column) {
    Integer col = t.header().get(column); // 1-based
    return col == null || col > r.cells().size() ? "" : r.cells().get(col - 1).trim();
  }

  private static byte[] csv(FileSpec spec, java.util.Collection<Map<String, String>> rows) {
    CsvWriter w = new CsvWriter();
    w.row(spec.columns());
    for (Map<String, String> r : rows) {
      w.row(spec.columns().stream().map(r::get).toList());
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> split(String s) {
    if (s == null || s.isBlank()) {
      return List.of();
    }
    return List.of(s.split("\\|"));
  }

  private static String union(String a, String b) {
    Set<String> s = new LinkedHashSet<>(split(a));
    s.addAll(split(b));
    return String.join("|", s);
  }
}
