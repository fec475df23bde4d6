package org.karvan.io.tntp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.karvan.core.assign.AssignmentNetwork;
import org.karvan.core.assign.OdMatrix;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * Reads the TNTP formats of the Transportation Networks for Research repository (Bar-Gera; Stabler
 * et al.): {@code <name>_net.tntp} (links with BPR parameters), {@code _trips.tntp} (an OD matrix)
 * and {@code _flow.tntp} (a best-known solution). Metadata lines {@code <KEY> value} up to {@code
 * <END OF METADATA>}, {@code ~} comments, {@code ;} terminators. Every bad line is reported with
 * its file, line, column and field; bad rows are skipped and counted, so a file with a few broken
 * lines still loads. Missing essentials (no links, no zones) are fatal.
 */
public final class TntpReader {
  private TntpReader() {}

  /** A link of a {@code _net} file (TNTP node numbers, 1-based). */
  public record Link(
      int line,
      int from,
      int to,
      double capacity,
      double length,
      double freeFlowTime,
      double b,
      double power,
      double speed,
      double toll,
      int type) {}

  /** A {@code _net} file. */
  public record Net(
      String file,
      int zones,
      int nodes,
      int firstThruNode,
      List<Link> links,
      Map<String, String> metadata,
      int skipped) {
    public Net {
      links = List.copyOf(links);
      metadata = Map.copyOf(metadata);
    }
  }

  /** One OD entry of a {@code _trips} file. */
  public record Trip(int origin, int destination, double volume) {}

  /** A {@code _trips} file. */
  public record Trips(String file, int zones, Double declaredTotal, List<Trip> trips, int skipped) {
    public Trips {
      trips = List.copyOf(trips);
    }

    public double total() {
      double s = 0;
      for (Trip t : trips) {
        s += t.volume();
      }
      return s;
    }
  }

  /** A row of a {@code _flow} file. */
  public record FlowRow(int line, int from, int to, double volume, double cost) {}

  /** A {@code _flow} file. */
  public record Flows(String file, List<FlowRow> rows, int skipped) {
    public Flows {
      rows = List.copyOf(rows);
    }
  }

  /**
   * A TNTP instance read from a directory.
   *
   * @param flows the best-known flows, or {@code null} when the directory has none
   * @param tollFactor generalised cost per unit of toll (from the README's "Generalized Cost
   *     Weights", else 0)
   * @param distanceFactor generalised cost per unit of length (likewise)
   * @param problems every problem found (bad rows were skipped)
   */
  public record Instance(
      String name,
      Net net,
      Trips trips,
      Flows flows,
      double tollFactor,
      double distanceFactor,
      Problems problems) {
    /** Rows skipped in all files. */
    public int skipped() {
      return net.skipped() + trips.skipped() + (flows == null ? 0 : flows.skipped());
    }
  }

  private static final Pattern META = Pattern.compile("^\\s*<([^>]+)>\\s*(.*)$");
  private static final Pattern ORIGIN =
      Pattern.compile("^\\s*Origin\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTRY = Pattern.compile("([^:;]*):([^;]*)(;|$)");

  static List<String> lines(Path p) {
    try {
      return List.of(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).split("\r?\n", -1));
    } catch (IOException e) {
      Problems pr = new Problems();
      pr.error(p.toString(), 0, 0, "", "cannot read: " + e.getMessage());
      throw new InvalidInputException("cannot read " + p, pr);
    }
  }

  /** Metadata up to {@code <END OF METADATA>}; returns the index of the first data line. */
  private static int metadata(List<String> lines, Map<String, String> meta) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = META.matcher(lines.get(i));
      if (!m.find()) {
        String t = lines.get(i).trim();
        if (t.isEmpty() || t.startsWith("~")) {
          continue;
        }
        return i;
      }
      String key = m.group(1).trim().toUpperCase(Locale.ROOT);
      if (key.equals("END OF METADATA")) {
        return i + 1;
      }
      String value = m.group(2);
      int tilde = value.indexOf('~');
      if (tilde >= 0 && !key.equals("ORIGINAL HEADER")) {
        value = value.substring(0, tilde);
      }
      meta.put(key, value.trim());
    }
    return lines.size();
  }

  private static Integer metaInt(
      Map<String, String> meta, String key, String file, Problems p, boolean required) {
    String v = meta.get(key);
    if (v == null) {
      if (required) {
        p.error(file, 0, 0, "<" + key + ">", "metadata line missing");
      }
      return null;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(v.trim());
        if (d == Math.rint(d)) {
          return (int) d;
        }
      } catch (NumberFormatException ignored) {
        // fall through to the error
      }
      p.error(file, 0, 0, "<" + key + ">", "not an integer: '" + v + "'");
      return null;
    }
  }

  private record Token(String text, int column) {}

  /** Whitespace-separated tokens with their 1-based columns; a trailing ';' is dropped. */
  private static List<Token> tokens(String line) {
    int semi = line.indexOf(';');
    String s = semi >= 0 ? line.substring(0, semi) : line;
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new Token(s.substring(start, i), start + 1));
      }
    }
    return out;
  }

  private static final String[] NET_FIELDS = {
    "init_node",
    "term_node",
    "capacity",
    "length",
    "free_flow_time",
    "b",
    "power",
    "speed",
    "toll",
    "link_type"
  };

  /** Reads a {@code _net} file; problems go to {@code p}, bad links are skipped. */
  public static Net readNet(Path path, Problems p) {
    String file = path.getFileName().toString();
    List<String> lines = lines(path);
    Map<String, String> meta = new HashMap<>();
    int start = metadata(lines, meta);
    Integer zones = metaInt(meta, "NUMBER OF ZONES", file, p, true);
    Integer nodes = metaInt(meta, "NUMBER OF NODES", file, p, false);
    Integer ftn = metaInt(meta, "FIRST THRU NODE", file, p, false);
    Integer declared = metaInt(meta, "NUMBER OF LINKS", file, p, false);
    List<Link> links = new ArrayList<>();
    int skipped = 0;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("~") || t.equals(";")) {
        continue;
      }
      int ln = i + 1;
      List<Token> tok = tokens(line);
      if (tok.size() < 7) {
        p.error(
            file,
            ln,
            1,
            tok.size() < NET_FIELDS.length ? NET_FIELDS[tok.size()] : "",
            "link line has "
                + tok.size()
                + " fields; at least 7 are needed (init_node term_node capacity length"
                + " free_flow_time b power [speed toll link_type])");
        skipped++;
        continue;
      }
      double[] v = new double[NET_FIELDS.length];
      boolean ok = true;
      for (int f = 0; f < NET_FIELDS.length && f < tok.size(); f++) {
        try {
          v[f] = Double.parseDouble(tok.get(f).text());
          if (!Double.isFinite(v[f])) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          p.error(
              file,
              ln,
              tok.get(f).column(),
              NET_FIELDS[f],
              "not a number: '" + tok.get(f).text() + "'");
          ok = false;
        }
      }
      if (ok) {
        ok &=
            check(p, file, ln, tok, 0, v[0] >= 1 && v[0] == Math.rint(v[0]), "a node number >= 1");
        ok &=
            check(p, file, ln, tok, 1, v[1] >= 1 && v[1] == Math.rint(v[1]), "a node number >= 1");
        if (ok && nodes != null) {
          ok &= check(p, file, ln, tok, 0, v[0] <= nodes, "at most <NUMBER OF NODES> " + nodes);
          ok &= check(p, file, ln, tok, 1, v[1] <= nodes, "at most <NUMBER OF NODES> " + nodes);
        }
        ok &= check(p, file, ln, tok, 3, v[3] >= 0, ">= 0");
        ok &= check(p, file, ln, tok, 4, v[4] >= 0, ">= 0");
        ok &= check(p, file, ln, tok, 5, v[5] >= 0, ">= 0");
        ok &= check(p, file, ln, tok, 6, v[5] == 0 || v[6] >= 1, ">= 1");
        ok &= check(p, file, ln, tok, 2, v[5] == 0 || v[2] > 0, "> 0 when b > 0");
        if (tok.size() > 8) {
          ok &= check(p, file, ln, tok, 8, v[8] >= 0, ">= 0");
        }
      }
      if (!ok) {
        skipped++;
        continue;
      }
      links.add(
          new Link(
              ln, (int) v[0], (int) v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], (int) v[9]));
    }
    int maxNode = 0;
    for (Link l : links) {
      maxNode = Math.max(maxNode, Math.max(l.from(), l.to()));
    }
    if (links.isEmpty()) {
      p.error(file, 0, 0, "", "no valid link line");
    } else if (declared != null && declared != links.size() + skipped) {
      p.warning(
          file,
          0,
          0,
          "<NUMBER OF LINKS>",
          "declares " + declared + " links; the file has " + (links.size() + skipped));
    }
    int n = nodes != null ? nodes : maxNode;
    int z = zones != null ? zones : 0;
    if (zones != null && zones > n) {
      p.error(file, 0, 0, "<NUMBER OF ZONES>", zones + " zones but only " + n + " nodes");
    }
    return new Net(file, z, n, ftn != null ? ftn : 1, links, meta, skipped);
  }

  private static boolean check(
      Problems p, String file, int ln, List<Token> tok, int f, boolean ok, String must) {
    if (!ok) {
      p.error(
          file,
          ln,
          tok.get(f).column(),
          NET_FIELDS[f],
          "'" + tok.get(f).text() + "' must be " + must);
    }
    return ok;
  }

  /** Reads a {@code _trips} file; problems go to {@code p}, bad entries are skipped. */
  public static Trips readTrips(Path path, Problems p) {
    String file = path.getFileName().toString();
    List<String> lines = lines(path);
    Map<String, String> meta = new HashMap<>();
    int start = metadata(lines, meta);
    Integer zones = metaInt(meta, "NUMBER OF ZONES", file, p, true);
    Double declared = null;
    if (meta.containsKey("TOTAL OD FLOW")) {
      try {
        declared = Double.parseDouble(meta.get("TOTAL OD FLOW").trim());
      } catch (NumberFormatException e) {
        p.warning(
            file, 0, 0, "<TOTAL OD FLOW>", "not a number: '" + meta.get("TOTAL OD FLOW") + "'");
      }
    }
    List<Trip> trips = new ArrayList<>();
    int skipped = 0;
    int origin = -1;
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      String t = line.trim();
      int ln = i + 1;
      if (t.isEmpty() || t.startsWith("~")) {
        continue;
      }
      Matcher om = ORIGIN.matcher(line);
      if (om.find()) {
        try {
          origin = Integer.parseInt(om.group(1));
          if (origin < 1 || (zones != null && origin > zones)) {
            p.error(
                file,
                ln,
                om.start(1) + 1,
                "origin",
                "origin " + origin + " is not a zone (1.." + zones + "); its rows are skipped");
            origin = -1;
            skipped++;
          }
        } catch (NumberFormatException e) {
          p.error(file, ln, om.start(1) + 1, "origin", "not a zone number: '" + om.group(1) + "'");
          origin = -1;
          skipped++;
        }
        continue;
      }
      if (origin < 0) {
        p.error(file, ln, 1, "origin", "OD entries before any valid 'Origin' line; skipped");
        skipped++;
        continue;
      }
      Matcher em = ENTRY.matcher(line);
      int pos = 0;
      boolean any = false;
      while (em.find()) {
        any = true;
        pos = em.end();
        String ds = em.group(1).trim();
        String vs = em.group(2).trim();
        int dcol = col(line, em.start(1));
        int vcol = col(line, em.start(2));
        int d;
        double v;
        try {
          d = Integer.parseInt(ds);
        } catch (NumberFormatException e) {
          p.error(file, ln, dcol, "destination", "not a zone number: '" + ds + "'");
          skipped++;
          continue;
        }
        try {
          v = Double.parseDouble(vs);
        } catch (NumberFormatException e) {
          p.error(file, ln, vcol, "volume", "not a number: '" + vs + "'");
          skipped++;
          continue;
        }
        if (d < 1 || (zones != null && d > zones)) {
          p.error(file, ln, dcol, "destination", d + " is not a zone (1.." + zones + ")");
          skipped++;
          continue;
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
          p.error(file, ln, vcol, "volume", "must be a number >= 0, got " + vs);
          skipped++;
          continue;
        }
        trips.add(new Trip(origin, d, v));
      }
      String rest = line.substring(Math.min(pos, line.length())).trim();
      if (!any || !rest.isEmpty()) {
        p.error(
            file,
            ln,
            pos + 1,
            "destination",
            "cannot read '" + (any ? rest : t) + "'; expected 'destination : volume;'");
        skipped++;
      }
    }
    if (trips.isEmpty()) {
      p.error(file, 0, 0, "", "no valid OD entry");
    }
    return new Trips(file, zones != null ? zones : 0, declared, trips, skipped);
  }

  /** The 1-based column of the first non-blank character at or after {@code i}. */
  private static int col(String line, int i) {
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i + 1;
  }

  /** Reads a {@code _flow} file ({@code from to volume cost} per line after a header). */
  public static Flows readFlow(Path path, Problems p) {
    String file = path.getFileName().toString();
    List<String> lines = lines(path);
    List<FlowRow> rows = new ArrayList<>();
    int skipped = 0;
    String[] fields = {"from", "to", "volume", "cost"};
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).trim();
      if (t.isEmpty() || t.startsWith("~") || t.startsWith("<")) {
        continue;
      }
      if (!Character.isDigit(t.charAt(0)) && i < 5) {
        continue; // the header line
      }
      List<Token> tok = tokens(lines.get(i));
      if (tok.size() < 3) {
        p.error(file, i + 1, 1, "", "a flow line needs from, to and volume (and cost)");
        skipped++;
        continue;
      }
      double[] v = new double[4];
      boolean ok = true;
      for (int f = 0; f < Math.min(4, tok.size()); f++) {
        try {
          v[f] = Double.parseDouble(tok.get(f).text());
        } catch (NumberFormatException e) {
          p.error(
              file,
              i + 1,
              tok.get(f).column(),
              fields[f],
              "not a number: '" + tok.get(f).text() + "'");
          ok = false;
        }
      }
      if (!ok) {
        skipped++;
        continue;
      }
      rows.add(
          new FlowRow(i + 1, (int) v[0], (int) v[1], v[2], tok.size() > 3 ? v[3] : Double.NaN));
    }
    return new Flows(file, rows, skipped);
  }

  private static Path find(Path dir, String suffix, boolean required, Problems p) {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found =
          s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
              .sorted()
              .toList();
      if (found.isEmpty()) {
        if (required) {
          p.error(dir.toString(), 0, 0, "", "no *" + suffix + " file in the directory");
        }
        return null;
      }
      return found.get(0);
    } catch (IOException e) {
      p.error(dir.toString(), 0, 0, "", "cannot list the directory: " + e.getMessage());
      return null;
    }
  }

  /**
   * Reads a TNTP directory: the {@code _net} and {@code _trips} files (required), the {@code _flow}
   * file if present, and the generalised cost weights from {@code README.md} if it has a
   * "Generalized Cost Weights" section. Throws {@link InvalidInputException} when an essential is
   * missing; bad rows are in {@link Instance#problems()} and were skipped.
   */
  public static Instance readDir(Path dir) {
    Problems p = new Problems();
    if (!Files.isDirectory(dir)) {
      p.error(dir.toString(), 0, 0, "--tntp", "not a directory");
      throw new InvalidInputException("cannot read TNTP directory", p);
    }
    Path net = find(dir, "_net.tntp", true, p);
    Path trips = find(dir, "_trips.tntp", true, p);
    Path flow = find(dir, "_flow.tntp", false, p);
    if (net == null || trips == null) {
      throw new InvalidInputException("cannot read TNTP directory", p);
    }
    Net n = readNet(net, p);
    Trips t = readTrips(trips, p);
    Flows f = flow == null ? null : readFlow(flow, p);
    if (n.zones() != 0 && t.zones() != 0 && n.zones() != t.zones()) {
      p.error(
          t.file(),
          0,
          0,
          "<NUMBER OF ZONES>",
          t.zones() + " zones but the network file has " + n.zones());
    }
    if (n.links().isEmpty() || t.trips().isEmpty() || n.zones() == 0) {
      throw new InvalidInputException("cannot use TNTP directory " + dir, p);
    }
    double[] w = weights(dir.resolve("README.md"));
    String name = net.getFileName().toString();
    name = name.substring(0, name.length() - "_net.tntp".length());
    return new Instance(name, n, t, f, w[0], w[1], p);
  }

  private static final Pattern WEIGHT =
      Pattern.compile("^\\s*(Toll|Distance)\\s*:\\s*([-+0-9.eE]+)", Pattern.CASE_INSENSITIVE);

  /** {toll, distance} factors from a README's "Generalized Cost Weights" section, else 0. */
  static double[] weights(Path readme) {
    double[] w = {0, 0};
    if (!Files.isRegularFile(readme)) {
      return w;
    }
    boolean in = false;
    for (String l : lines(readme)) {
      if (l.startsWith("#")) {
        in = l.toLowerCase(Locale.ROOT).contains("generalized cost weights");
        continue;
      }
      Matcher m = WEIGHT.matcher(l);
      if (in && m.find()) {
        try {
          w[m.group(1).equalsIgnoreCase("toll") ? 0 : 1] = Double.parseDouble(m.group(2));
        } catch (NumberFormatException ignored) {
          // leave 0
        }
      }
    }
    return w;
  }

  /** The assignment network of an instance: TNTP node {@code n} is node {@code n - 1}. */
  public static AssignmentNetwork network(Instance in) {
    Net n = in.net();
    int nodes = n.nodes();
    for (Link l : n.links()) {
      nodes = Math.max(nodes, Math.max(l.from(), l.to()));
    }
    AssignmentNetwork.Builder b = AssignmentNetwork.builder(nodes);
    for (Link l : n.links()) {
      b.bprLink(
          l.from() - 1,
          l.to() - 1,
          l.freeFlowTime(),
          l.capacity(),
          l.b(),
          l.power(),
          in.tollFactor() * l.toll() + in.distanceFactor() * l.length());
    }
    int[] zones = new int[n.zones()];
    for (int z = 0; z < zones.length; z++) {
      zones[z] = z;
    }
    BitSet noThrough = new BitSet();
    noThrough.set(0, Math.max(0, Math.min(nodes, n.firstThruNode() - 1)));
    return b.zones(zones).noThrough(noThrough).build();
  }

  /** The OD matrix of an instance (zone {@code z} is index {@code z - 1}). */
  public static OdMatrix demand(Instance in) {
    OdMatrix.Builder b = OdMatrix.builder(in.net().zones());
    for (Trip t : in.trips().trips()) {
      if (t.origin() <= in.net().zones() && t.destination() <= in.net().zones()) {
        b.add(t.origin() - 1, t.destination() - 1, t.volume());
      }
    }
    return b.build();
  }

  /**
   * Flows of a {@code _flow} file in the network's input edge order (links of the {@code _net} file
   * that are not in it get 0; rows naming a link not in the network are reported).
   */
  public static double[] flowsByLink(Instance in, Problems p) {
    Map<Long, Integer> index = new HashMap<>();
    List<Link> links = in.net().links();
    for (int i = 0; i < links.size(); i++) {
      index.putIfAbsent(key(links.get(i).from(), links.get(i).to()), i);
    }
    double[] x = new double[links.size()];
    for (FlowRow r : in.flows().rows()) {
      Integer i = index.get(key(r.from(), r.to()));
      if (i == null) {
        p.warning(
            in.flows().file(),
            r.line(),
            1,
            "from",
            "link " + r.from() + "->" + r.to() + " is not in the network");
      } else {
        x[i] += r.volume();
      }
    }
    return x;
  }

  private static long key(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
