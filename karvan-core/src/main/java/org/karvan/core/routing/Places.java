package org.karvan.core.routing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;

/**
 * Resolves what a user types to a node: by id, name or alias, case- and accent-insensitively; then
 * by the name's main part (before a bracket or comma); then by a unique prefix. A miss or an
 * ambiguity is an {@link IllegalArgumentException} whose message suggests the closest names.
 */
public final class Places {
  private final Network net;

  public Places(Network net) {
    this.net = net;
  }

  /**
   * A name as compared: compatibility-decomposed (NFKD) without marks, lower case, letters and
   * digits of every script kept, everything else one space. Letters without a decomposition are
   * folded as users type them in Latin ({@code ı ł ø đ ß æ œ ə}), and the Arabic and Persian forms
   * of yeh, kaf and heh are one; zero-width joiners and the tatweel vanish, so {@code Москва},
   * {@code تهران} and {@code Baku} all have a form.
   */
  public static String norm(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    StringBuilder b = new StringBuilder(d.length());
    for (char c : d.toLowerCase(Locale.ROOT).toCharArray()) {
      switch (c) {
        case 'ı' -> b.append('i');
        case 'ł' -> b.append('l');
        case 'ø' -> b.append('o');
        case 'đ' -> b.append('d');
        case 'ə' -> b.append('a');
        case 'ß' -> b.append("ss");
        case 'æ' -> b.append("ae");
        case 'œ' -> b.append("oe");
        case '\u064A', '\u0649' -> b.append('\u06CC'); // Arabic yeh, alef maksura: Persian yeh
        case '\u0643' -> b.append('\u06A9'); // Arabic kaf: Persian keheh
        case '\u0629' -> b.append('\u0647'); // teh marbuta: heh
        case '\u200C', '\u200D', '\u0640' -> {} // zero-width (non-)joiner, tatweel
        default -> b.append(c);
      }
    }
    return b.toString().replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** A normalised name without spaces, for names typed with or without them (بندرعباس). */
  private static String compact(String normalised) {
    return normalised.replace(" ", "");
  }

  private static String main(String name) {
    int cut = name.length();
    for (char ch : new char[] {'(', ',', '–', '/'}) {
      int i = name.indexOf(ch);
      if (i > 0) {
        cut = Math.min(cut, i);
      }
    }
    return name.substring(0, cut);
  }

  private static List<String> names(Node n) {
    List<String> out = new ArrayList<>();
    out.add(n.name());
    out.addAll(n.aliases());
    return out;
  }

  /**
   * A place given as {@code LAT,LON} (WGS84 degrees) snapped to the nearest node that is not a sea
   * waypoint, with the great-circle distance from the point to it.
   */
  public record Snap(Node node, double lat, double lon, double km) {}

  private static final java.util.regex.Pattern LAT_LON =
      java.util.regex.Pattern.compile(
          "\\s*([+-]?\\d+(?:\\.\\d*)?)\\s*,\\s*([+-]?\\d+(?:\\.\\d*)?)\\s*");

  /** True when {@code text} is a coordinate pair {@code LAT,LON} (in range or not). */
  public static boolean isCoordinate(String text) {
    return text != null && LAT_LON.matcher(text).matches();
  }

  /**
   * The nearest node to {@code LAT,LON}; an {@link IllegalArgumentException} when the text is not a
   * pair or a coordinate is out of range (latitude within ±90, longitude within ±180). O(nodes).
   */
  public Snap snap(String text) {
    java.util.regex.Matcher m = LAT_LON.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not LAT,LON (e.g. 40.41,49.87)");
    }
    double lat = Double.parseDouble(m.group(1));
    double lon = Double.parseDouble(m.group(2));
    if (Math.abs(lat) > 90) {
      throw new IllegalArgumentException(
          "latitude " + m.group(1) + " in '" + text.trim() + "' is out of range [-90, 90]");
    }
    if (Math.abs(lon) > 180) {
      throw new IllegalArgumentException(
          "longitude " + m.group(2) + " in '" + text.trim() + "' is out of range [-180, 180]");
    }
    Node best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Node n : net.nodes()) {
      if (n.is(org.karvan.core.model.NodeKind.WAYPOINT)) {
        continue;
      }
      double d = org.karvan.core.geo.Geo.distanceKm(lat, lon, n.lat(), n.lon());
      if (d < bestKm) {
        bestKm = d;
        best = n;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("the network has no node to snap '" + text + "' to");
    }
    return new Snap(best, lat, lon, bestKm);
  }

  /** The node the text names. */
  public Node resolve(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty place name");
    }
    // An id as written (the usual case over the API) is one map lookup, before any folding.
    Node exact = net.findNode(text.trim()).orElse(null);
    if (exact != null
        && exact.id().chars().anyMatch(ch -> ch < 128 && Character.isLetterOrDigit(ch))) {
      return exact;
    }
    String q = norm(text);
    if (q.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown place '"
              + text.strip()
              + "': a place name needs letters or digits; run 'karvan network info' or see"
              + " nodes.csv for places");
    }
    for (Node n : net.nodes()) {
      if (n.id().equalsIgnoreCase(text.trim())) {
        return n;
      }
    }
    Node hit = unique(text, q, n -> names(n).stream().anyMatch(s -> norm(s).equals(q)));
    if (hit == null) {
      String c = compact(q);
      hit = unique(text, q, n -> names(n).stream().anyMatch(s -> compact(norm(s)).equals(c)));
    }
    if (hit == null) {
      hit = unique(text, q, n -> names(n).stream().anyMatch(s -> norm(main(s)).equals(q)));
    }
    if (hit == null) {
      hit =
          unique(
              text,
              q,
              n ->
                  names(n).stream()
                      .anyMatch(s -> norm(s).startsWith(q + " ") || norm(s).startsWith(q)));
    }
    if (hit != null) {
      return hit;
    }
    throw new IllegalArgumentException("unknown place '" + text + "'" + didYouMean(q));
  }

  private Node unique(String text, String q, java.util.function.Predicate<Node> p) {
    List<Node> hits = net.nodes().stream().filter(p).toList();
    if (hits.size() == 1) {
      return hits.get(0);
    }
    if (hits.size() > 1) {
      throw new IllegalArgumentException(
          "place '"
              + text
              + "' is ambiguous: "
              + String.join(", ", hits.stream().map(n -> n.name() + " [" + n.id() + "]").toList())
              + "; give the id");
    }
    return null;
  }

  private String didYouMean(String q) {
    record Scored(Node n, int d) {}
    List<Scored> s = new ArrayList<>();
    for (Node n : net.nodes()) {
      int best = Integer.MAX_VALUE;
      for (String name : names(n)) {
        String m = norm(main(name));
        best = Math.min(best, levenshtein(q, m));
        if (m.contains(q) || q.contains(m)) {
          best = Math.min(best, 1);
        }
      }
      best = Math.min(best, levenshtein(q, n.id().toLowerCase(Locale.ROOT)));
      s.add(new Scored(n, best));
    }
    s.sort(Comparator.comparingInt(Scored::d).thenComparing(x -> x.n().name()));
    int limit = Math.max(2, q.length() / 3);
    Set<String> out = new LinkedHashSet<>();
    for (Scored x : s) {
      if (x.d() <= limit && out.size() < 5) {
        out.add(x.n().name() + " [" + x.n().id() + "]");
      }
    }
    return out.isEmpty()
        ? "; run 'karvan network info' or see nodes.csv for places"
        : "; did you mean: " + String.join(", ", out) + "?";
  }

  /**
   * The name among {@code names} nearest to {@code typed} (case-insensitive edit distance), when it
   * is near enough to be a slip (at most a quarter of its length, and at least 2 edits allowed);
   * else null.
   */
  public static String closest(String typed, java.util.Collection<String> names) {
    String q = typed.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String n : names) {
      int d = levenshtein(q, n.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    return best != null && bestD <= Math.max(2, best.length() / 4) ? best : null;
  }

  /** Edit distance (insertions, deletions, substitutions) between two strings. */
  public static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
