package org.karvan.io.dimacs;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.karvan.core.graph.Csr;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problems;

/**
 * Reads road graphs in the format of the 9th DIMACS Implementation Challenge (shortest paths): a
 * {@code .gr} file with comment lines ({@code c ...}), one problem line {@code p sp N M} and {@code
 * M} arc lines {@code a u v w} (1-based node ids, non-negative weight), and optionally a {@code
 * .co} file with a problem line {@code p aux sp co N} and vertex lines {@code v id x y}, where x
 * and y are longitude and latitude times 10<sup>6</sup>. Files whose name ends in {@code .gz} are
 * gunzipped on the fly.
 *
 * <p>Node ids become 0-based ({@code id - 1}). Arcs keep their order within a tail node; parallel
 * arcs and self-loops are kept as they are.
 *
 * <p>Bad content never escapes as anything but an {@link InvalidInputException} that lists every
 * problem found, each with its file and line (and column where it helps); files that cannot be read
 * are reported the same way. To keep a badly broken multi-million-line file from filling the heap
 * with messages, at most {@link #MAX_PROBLEMS} problems are listed per file, followed by one that
 * counts the rest.
 */
public final class DimacsReader {
  /** Problems listed per file before the rest are only counted. */
  public static final int MAX_PROBLEMS = 1000;

  /** Largest arc count accepted (the limit of a Java array). */
  static final long MAX_ARCS = Integer.MAX_VALUE - 8L;

  /**
   * A DIMACS graph: its CSR structure, one weight per CSR edge id, and node coordinates in degrees
   * when a {@code .co} file was given ({@code null} otherwise).
   */
  public record DimacsGraph(Csr csr, double[] weight, double[] lat, double[] lon) {
    public boolean hasCoordinates() {
      return lat != null;
    }
  }

  private DimacsReader() {}

  /** Reads a {@code .gr} or {@code .gr.gz} file, without coordinates. */
  public static DimacsGraph read(Path gr) {
    return read(gr, null);
  }

  /**
   * Reads a {@code .gr} file and, when {@code co} is not {@code null}, its {@code .co} coordinate
   * file (either may be gzipped).
   *
   * @throws InvalidInputException when a file cannot be read or has any error
   */
  public static DimacsGraph read(Path gr, Path co) {
    Problems problems = new Problems();
    String grName = gr.toString();
    Arcs arcs = null;
    try (Reader r = open(gr)) {
      arcs = new ArcParser(grName, problems).parse(r);
    } catch (IOException e) {
      problems.error(grName, 0, 0, "", "cannot be read: " + message(e));
    }
    Coordinates coords = null;
    if (co != null) {
      String coName = co.toString();
      try (Reader r = open(co)) {
        coords =
            new CoordinateParser(coName, problems, arcs == null ? -1 : arcs.nodeCount).parse(r);
      } catch (IOException e) {
        problems.error(coName, 0, 0, "", "cannot be read: " + message(e));
      }
    }
    return finish(grName, arcs, coords, problems);
  }

  /**
   * Reads a graph from character streams, for content that is not in a file. {@code grName} and
   * {@code coName} name the sources in problems; {@code co} may be {@code null}. The readers are
   * not closed.
   *
   * @throws InvalidInputException when the content has any error or cannot be read
   */
  public static DimacsGraph read(String grName, Reader gr, String coName, Reader co) {
    Problems problems = new Problems();
    Arcs arcs = null;
    try {
      arcs = new ArcParser(grName, problems).parse(gr);
    } catch (IOException e) {
      problems.error(grName, 0, 0, "", "cannot be read: " + message(e));
    }
    Coordinates coords = null;
    if (co != null) {
      try {
        coords =
            new CoordinateParser(coName, problems, arcs == null ? -1 : arcs.nodeCount).parse(co);
      } catch (IOException e) {
        problems.error(coName, 0, 0, "", "cannot be read: " + message(e));
      }
    }
    return finish(grName, arcs, coords, problems);
  }

  private static DimacsGraph finish(
      String grName, Arcs arcs, Coordinates coords, Problems problems) {
    if (problems.hasErrors() || arcs == null) {
      throw new InvalidInputException("invalid DIMACS graph " + grName, problems);
    }
    int m = arcs.count;
    int[] order = new int[m];
    Csr csr = Csr.of(arcs.nodeCount, arcs.tails, arcs.heads, m, order);
    double[] weight = Csr.permute(arcs.weights, order);
    return new DimacsGraph(
        csr, weight, coords == null ? null : coords.lat, coords == null ? null : coords.lon);
  }

  private static Reader open(Path p) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
    if (p.getFileName() != null && p.getFileName().toString().endsWith(".gz")) {
      try {
        in = new GZIPInputStream(in, 1 << 16);
      } catch (IOException e) {
        in.close();
        throw e;
      }
    }
    // ISO-8859-1 maps every byte to a char, so stray bytes become parse errors, not exceptions.
    return new InputStreamReader(in, StandardCharsets.ISO_8859_1);
  }

  private static String message(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof ZipException) {
      return "not a valid gzip file (" + e.getMessage() + ")";
    }
    if (e instanceof EOFException) {
      return "the file ends too early (truncated gzip?)";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // ---------------------------------------------------------------------------------------------

  /** Arcs in input order, 0-based. */
  private static final class Arcs {
    int nodeCount;
    int count;
    int[] tails;
    int[] heads;
    double[] weights;
  }

  private static final class Coordinates {
    double[] lat;
    double[] lon;
  }

  /** Shared line handling: tokenizing, numbers, and capped problem reporting. */
  private abstract static class LineParser {
    final String file;
    final Problems problems;
    int line;
    private int reported;
    private int suppressed;

    /** Start and end (exclusive) of the tokens of the current line; {@code tokens} may exceed 8. */
    final int[] start = new int[8];

    final int[] end = new int[8];
    int tokens;
    String text;

    LineParser(String file, Problems problems) {
      this.file = file;
      this.problems = problems;
    }

    void error(int token, String field, String message) {
      if (reported < MAX_PROBLEMS) {
        int column = token >= 0 && token < tokens && token < start.length ? start[token] + 1 : 0;
        problems.error(file, line, column, field, message);
        reported++;
      } else {
        suppressed++;
      }
    }

    /** An error not tied to a line (line 0) or tied to a given line; never suppressed. */
    void errorAt(int atLine, String field, String message) {
      problems.error(file, atLine, 0, field, message);
    }

    void flushSuppressed() {
      if (suppressed > 0) {
        problems.error(
            file,
            0,
            0,
            "",
            suppressed + " more error(s) not listed (only the first " + MAX_PROBLEMS + " are)");
      }
    }

    void readAll(Reader reader) throws IOException {
      BufferedReader in =
          reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
      String s;
      while ((s = in.readLine()) != null) {
        line++;
        tokenize(s);
        if (tokens == 0) {
          continue; // blank lines are tolerated
        }
        handle();
      }
      flushSuppressed();
    }

    abstract void handle();

    private void tokenize(String s) {
      text = s;
      tokens = 0;
      int n = s.length();
      int i = 0;
      while (i < n) {
        while (i < n && isSpace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        int st = i;
        while (i < n && !isSpace(s.charAt(i))) {
          i++;
        }
        if (tokens < start.length) {
          start[tokens] = st;
          end[tokens] = i;
        }
        tokens++;
      }
    }

    private static boolean isSpace(char c) {
      return c == ' ' || c == '\t' || c == '\f' || c == '\u000b';
    }

    String token(int t) {
      return text.substring(start[t], end[t]);
    }

    boolean tokenIs(int t, String s) {
      return end[t] - start[t] == s.length() && text.startsWith(s, start[t]);
    }

    /** The token as a long, or {@code Long.MIN_VALUE} when it is not a plain decimal integer. */
    long parseLong(int t) {
      int i = start[t];
      int e = end[t];
      boolean neg = false;
      if (text.charAt(i) == '-' || text.charAt(i) == '+') {
        neg = text.charAt(i) == '-';
        i++;
      }
      if (i >= e) {
        return Long.MIN_VALUE;
      }
      long v = 0;
      for (int k = i; k < e; k++) {
        char c = text.charAt(k);
        if (c < '0' || c > '9') {
          return Long.MIN_VALUE;
        }
        if (k - i < 18) {
          v = v * 10 + (c - '0');
        } else {
          v = Long.MAX_VALUE; // too long for a long: saturate, so range checks report it
        }
      }
      return neg ? -v : v;
    }

    /**
     * The token as a finite number (integer or decimal, optional exponent), or {@code NaN} when it
     * is not one. Rejects what {@link Double#parseDouble} would also take but no DIMACS file means:
     * {@code NaN}, {@code Infinity}, hexadecimal and type suffixes.
     */
    double parseNumber(int t) {
      long l = parseLong(t);
      if (l != Long.MIN_VALUE) {
        return l;
      }
      for (int i = start[t]; i < end[t]; i++) {
        char c = text.charAt(i);
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
          return Double.NaN;
        }
      }
      try {
        double d = Double.parseDouble(token(t));
        return Double.isFinite(d) ? d : Double.NaN;
      } catch (NumberFormatException ex) {
        return Double.NaN;
      }
    }

    /** Shown in messages: the token, cut when very long. */
    String quoted(int t) {
      String s = token(t);
      return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }
  }

  /** The {@code .gr} file. */
  private static final class ArcParser extends LineParser {
    private final Arcs arcs = new Arcs();
    private int problemLine; // 0 until a valid or invalid 'p' line was seen
    private boolean problemValid;
    private long declaredArcs;
    private long arcLines;

    ArcParser(String file, Problems problems) {
      super(file, problems);
    }

    Arcs parse(Reader r) throws IOException {
      try {
        readAll(r);
      } catch (IOException e) {
        flushSuppressed();
        errorAt(line, "", "cannot be read after line " + line + ": " + DimacsReader.message(e));
        return null;
      }
      if (problemLine == 0) {
        errorAt(0, "p", "missing problem line 'p sp N M'");
        return null;
      }
      if (!problemValid) {
        return null;
      }
      if (arcLines != declaredArcs) {
        errorAt(
            problemLine,
            "M",
            "the problem line declares "
                + declaredArcs
                + " arc(s) but the file has "
                + arcLines
                + " arc line(s)");
      }
      arcs.count = (int) Math.min(arcLines, declaredArcs);
      return arcs;
    }

    @Override
    void handle() {
      if (tokenIs(0, "c")) {
        return;
      }
      if (tokenIs(0, "p")) {
        problemLine();
      } else if (tokenIs(0, "a")) {
        arcLine();
      } else {
        error(0, "", "unknown line type " + quoted(0) + " (expected 'c', 'p' or 'a')");
      }
    }

    private void problemLine() {
      if (problemLine != 0) {
        error(0, "p", "second problem line (the first is on line " + problemLine + ")");
        return;
      }
      problemLine = line;
      if (tokens != 4) {
        error(0, "p", "the problem line must be 'p sp N M', found " + tokens + " field(s)");
        return;
      }
      boolean ok = true;
      if (!tokenIs(1, "sp")) {
        error(1, "p", "problem type must be 'sp', found " + quoted(1));
        ok = false;
      }
      long n = parseLong(2);
      if (n < 1 || n >= Integer.MAX_VALUE) {
        error(2, "N", "node count must be an integer in [1, " + (Integer.MAX_VALUE - 1) + "]");
        ok = false;
      }
      long m = parseLong(3);
      if (m < 0 || m > MAX_ARCS) {
        error(3, "M", "arc count must be an integer in [0, " + MAX_ARCS + "]");
        ok = false;
      }
      if (!ok) {
        return;
      }
      problemValid = true;
      declaredArcs = m;
      arcs.nodeCount = (int) n;
      // Grown as arcs arrive, so that a problem line that overstates M cannot exhaust the heap.
      int cap = (int) Math.min(m, 1 << 16);
      arcs.tails = new int[cap];
      arcs.heads = new int[cap];
      arcs.weights = new double[cap];
    }

    private void arcLine() {
      arcLines++;
      if (problemLine == 0) {
        error(0, "a", "arc before the problem line 'p sp N M'");
        return;
      }
      if (tokens != 4) {
        error(0, "a", "an arc line must be 'a u v w', found " + tokens + " field(s)");
        return;
      }
      int u = node(1, "u");
      int v = node(2, "v");
      double w = parseNumber(3);
      boolean ok = u >= 0 && v >= 0;
      if (Double.isNaN(w)) {
        error(3, "w", "weight " + quoted(3) + " is not a number");
        ok = false;
      } else if (w < 0) {
        error(3, "w", "weight " + quoted(3) + " is negative");
        ok = false;
      }
      if (ok && problemValid && arcLines <= declaredArcs) {
        int i = (int) (arcLines - 1);
        if (i >= arcs.tails.length) {
          int cap = (int) Math.min(declaredArcs, Math.max(i + 1L, 2L * i));
          arcs.tails = Arrays.copyOf(arcs.tails, cap);
          arcs.heads = Arrays.copyOf(arcs.heads, cap);
          arcs.weights = Arrays.copyOf(arcs.weights, cap);
        }
        arcs.tails[i] = u;
        arcs.heads[i] = v;
        arcs.weights[i] = w;
      }
    }

    /** The 0-based node of token {@code t}, or -1 after reporting a problem. */
    private int node(int t, String field) {
      long id = parseLong(t);
      if (id == Long.MIN_VALUE) {
        error(t, field, "node id " + quoted(t) + " is not an integer");
        return -1;
      }
      if (!problemValid) {
        return -1; // cannot range-check; the problem line's error says why
      }
      if (id < 1 || id > arcs.nodeCount) {
        error(t, field, "node id " + id + " is outside [1, " + arcs.nodeCount + "]");
        return -1;
      }
      return (int) (id - 1);
    }
  }

  /** The {@code .co} file. */
  private static final class CoordinateParser extends LineParser {
    private final int expectedNodes; // -1 when the .gr file gave no node count
    private int problemLine;
    private int nodeCount = -1;
    private double[] lat;
    private double[] lon;
    private boolean[] seen;
    private int seenCount;

    CoordinateParser(String file, Problems problems, int expectedNodes) {
      super(file, problems);
      this.expectedNodes = expectedNodes;
    }

    Coordinates parse(Reader r) throws IOException {
      try {
        readAll(r);
      } catch (IOException e) {
        flushSuppressed();
        errorAt(line, "", "cannot be read after line " + line + ": " + DimacsReader.message(e));
        return null;
      }
      if (problemLine == 0) {
        errorAt(0, "p", "missing problem line 'p aux sp co N'");
        return null;
      }
      if (nodeCount < 0) {
        return null;
      }
      if (seenCount < nodeCount) {
        int first = 0;
        while (seen[first]) {
          first++;
        }
        errorAt(
            0,
            "v",
            (nodeCount - seenCount)
                + " node(s) have no coordinates (the first is node "
                + (first + 1)
                + ")");
        return null;
      }
      Coordinates c = new Coordinates();
      c.lat = lat;
      c.lon = lon;
      return c;
    }

    @Override
    void handle() {
      if (tokenIs(0, "c")) {
        return;
      }
      if (tokenIs(0, "p")) {
        problemLine();
      } else if (tokenIs(0, "v")) {
        vertexLine();
      } else {
        error(0, "", "unknown line type " + quoted(0) + " (expected 'c', 'p' or 'v')");
      }
    }

    private void problemLine() {
      if (problemLine != 0) {
        error(0, "p", "second problem line (the first is on line " + problemLine + ")");
        return;
      }
      problemLine = line;
      if (tokens != 5 || !tokenIs(1, "aux") || !tokenIs(2, "sp") || !tokenIs(3, "co")) {
        error(0, "p", "the problem line must be 'p aux sp co N'");
        return;
      }
      long n = parseLong(4);
      if (n < 1 || n >= Integer.MAX_VALUE) {
        error(4, "N", "node count must be an integer in [1, " + (Integer.MAX_VALUE - 1) + "]");
        return;
      }
      if (expectedNodes >= 0 && n != expectedNodes) {
        error(4, "N", "has " + n + " node(s) but the graph has " + expectedNodes);
        return;
      }
      nodeCount = (int) n;
      lat = new double[nodeCount];
      lon = new double[nodeCount];
      seen = new boolean[nodeCount];
    }

    private void vertexLine() {
      if (problemLine == 0) {
        error(0, "v", "vertex before the problem line 'p aux sp co N'");
        return;
      }
      if (tokens != 4) {
        error(0, "v", "a vertex line must be 'v id x y', found " + tokens + " field(s)");
        return;
      }
      long id = parseLong(1);
      long x = parseLong(2);
      long y = parseLong(3);
      boolean ok = true;
      if (id == Long.MIN_VALUE) {
        error(1, "id", "node id " + quoted(1) + " is not an integer");
        ok = false;
      } else if (nodeCount >= 0 && (id < 1 || id > nodeCount)) {
        error(1, "id", "node id " + id + " is outside [1, " + nodeCount + "]");
        ok = false;
      }
      if (x == Long.MIN_VALUE) {
        error(2, "x", "longitude " + quoted(2) + " is not an integer (degrees x 1e6)");
        ok = false;
      } else if (Math.abs(x) > 180_000_000L) {
        error(2, "x", "longitude " + x + " is outside [-180e6, 180e6]");
        ok = false;
      }
      if (y == Long.MIN_VALUE) {
        error(3, "y", "latitude " + quoted(3) + " is not an integer (degrees x 1e6)");
        ok = false;
      } else if (Math.abs(y) > 90_000_000L) {
        error(3, "y", "latitude " + y + " is outside [-90e6, 90e6]");
        ok = false;
      }
      if (!ok || nodeCount < 0) {
        return;
      }
      int v = (int) (id - 1);
      if (seen[v]) {
        error(1, "id", "node " + id + " has coordinates twice");
        return;
      }
      seen[v] = true;
      seenCount++;
      lat[v] = y / 1e6;
      lon[v] = x / 1e6;
    }
  }
}
