package org.karvan.core.boundary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Country polygons in layers: a coarse layer for the world and finer layers in windows where the
 * coarse drawing misplaces places that matter (a point inside a window is judged on that window's
 * layer only). The recognised boundaries ({@link #recognised()}) are Natural Earth admin-0 1:50m
 * with 1:10m windows on the Aras (Nakhchivan, Julfa, Meghri) and at Astara; see
 * data/boundaries/README.md.
 *
 * <p>Text format, one record a line ({@code #} comments): {@code layer NAME W S E N} opens a layer
 * valid in that window (degrees); {@code country CODE NAME} opens a country of the layer; {@code
 * ring X Y X Y ...} adds a closed ring of that country (lon lat in 1e-4 degrees). Rings of one
 * country combine by the even-odd rule, so holes need no marking.
 */
public final class Boundaries {
  private static final String RESOURCE = "/org/karvan/core/boundary/boundaries.txt.gz";
  private static volatile Boundaries recognised;

  private static final Layer EMPTY = new Layer("none", 0, 0, 0, 0);
  private final List<Layer> layers;

  private Boundaries(List<Layer> layers) {
    this.layers = List.copyOf(layers);
  }

  /** The shipped recognised boundaries (loaded once). */
  public static Boundaries recognised() {
    Boundaries b = recognised;
    if (b == null) {
      synchronized (Boundaries.class) {
        if (recognised == null) {
          try (InputStream in = Boundaries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("missing resource " + RESOURCE);
            }
            recognised =
                parse(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        b = recognised;
      }
    }
    return b;
  }

  /** Reads boundaries in the text format above. */
  public static Boundaries parse(Reader reader) throws IOException {
    List<Layer> layers = new ArrayList<>();
    Layer layer = null;
    Shape shape = null;
    BufferedReader in = new BufferedReader(reader);
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split(" ");
      switch (f[0]) {
        case "layer" -> {
          if (f.length != 6) {
            throw new IOException("line " + n + ": layer NAME W S E N expected");
          }
          layer =
              new Layer(
                  f[1],
                  Double.parseDouble(f[2]),
                  Double.parseDouble(f[3]),
                  Double.parseDouble(f[4]),
                  Double.parseDouble(f[5]));
          layers.add(layer);
          shape = null;
        }
        case "country" -> {
          if (layer == null || f.length < 2) {
            throw new IOException("line " + n + ": country before any layer, or without code");
          }
          shape = layer.shapes.computeIfAbsent(f[1], Shape::new);
          if (f.length > 2) {
            shape.name = line.trim().substring(line.trim().indexOf(f[1]) + f[1].length()).trim();
          }
        }
        case "ring" -> {
          if (shape == null || f.length < 7 || (f.length - 1) % 2 != 0) {
            throw new IOException("line " + n + ": ring needs a country and 3 or more points");
          }
          double[] xy = new double[f.length - 1];
          for (int i = 1; i < f.length; i++) {
            xy[i - 1] = Integer.parseInt(f[i]) / 1e4;
          }
          shape.rings.add(new Ring(xy));
        }
        default -> throw new IOException("line " + n + ": unknown record '" + f[0] + "'");
      }
    }
    // later (finer) layers take precedence over earlier ones
    List<Layer> ordered = new ArrayList<>(layers);
    java.util.Collections.reverse(ordered);
    return new Boundaries(ordered);
  }

  /** True when some layer has a polygon for {@code code}. */
  public boolean knows(String code) {
    for (Layer l : layers) {
      if (l.shapes.containsKey(code)) {
        return true;
      }
    }
    return false;
  }

  /** Country codes of the coarsest layer. */
  public Set<String> countries() {
    return layers.get(layers.size() - 1).shapes.keySet();
  }

  /** The English name the boundaries give {@code code}, or the code itself. */
  public String name(String code) {
    for (Layer l : layers) {
      Shape s = l.shapes.get(code);
      if (s != null && s.name != null) {
        return s.name;
      }
    }
    return code;
  }

  /**
   * The country holding the point or, at sea or on no drawn land, the nearest within {@code maxKm};
   * empty when none is that near.
   */
  public Optional<String> nearestCountry(double lat, double lon, double maxKm) {
    Optional<String> at = countryAt(lat, lon);
    if (at.isPresent()) {
      return at;
    }
    String best = null;
    double bestKm = maxKm;
    for (Shape s : layer(lat, lon).shapes.values()) {
      double d = s.distanceKm(lon, lat, bestKm);
      if (d < bestKm) {
        bestKm = d;
        best = s.code;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The countries whose territory lies within {@code km} of the point (0: holds it). */
  public List<String> countriesWithin(double lat, double lon, double km) {
    List<String> out = new ArrayList<>();
    for (Shape s : layer(lat, lon).shapes.values()) {
      if (s.contains(lon, lat) || s.distanceKm(lon, lat, km * 1.0000001) <= km) {
        out.add(s.code);
      }
    }
    return out;
  }

  /** The name of the layer that judges this point (e.g. {@code 50m}, {@code 10m}). */
  public String layerAt(double lat, double lon) {
    return layer(lat, lon).name;
  }

  /** The country whose polygon holds the point, or empty (sea, or no data). */
  public Optional<String> countryAt(double lat, double lon) {
    Layer l = layer(lat, lon);
    for (Shape s : l.shapes.values()) {
      if (s.contains(lon, lat)) {
        return Optional.of(s.code);
      }
    }
    return Optional.empty();
  }

  /**
   * Distance in km from the point to the territory of {@code code} in the layer that judges the
   * point: 0 inside, {@link Double#POSITIVE_INFINITY} when the layer has no such country.
   */
  public double distanceKm(String code, double lat, double lon) {
    Shape s = layer(lat, lon).shapes.get(code);
    if (s == null) {
      return Double.POSITIVE_INFINITY;
    }
    return s.contains(lon, lat) ? 0 : s.distanceKm(lon, lat);
  }

  private Layer layer(double lat, double lon) {
    for (Layer l : layers) {
      if (lon >= l.west && lon <= l.east && lat >= l.south && lat <= l.north) {
        return l;
      }
    }
    return EMPTY; // outside every window (e.g. coordinates out of range): no country
  }

  private static final class Layer {
    final String name;
    final double west;
    final double south;
    final double east;
    final double north;
    final Map<String, Shape> shapes = new LinkedHashMap<>();

    Layer(String name, double west, double south, double east, double north) {
      this.name = name;
      this.west = west;
      this.south = south;
      this.east = east;
      this.north = north;
    }
  }

  private static final class Shape {
    final String code;
    final List<Ring> rings = new ArrayList<>();
    String name;

    Shape(String code) {
      this.code = code;
    }

    boolean contains(double x, double y) {
      boolean in = false;
      for (Ring r : rings) {
        if (r.crossingsOdd(x, y)) {
          in = !in;
        }
      }
      return in;
    }

    double distanceKm(double x, double y) {
      return distanceKm(x, y, Double.POSITIVE_INFINITY);
    }

    double distanceKm(double x, double y, double bound) {
      double best = bound;
      for (Ring r : rings) {
        best = Math.min(best, r.distanceKm(x, y, best));
      }
      return best;
    }
  }

  /** A closed ring, lon/lat interleaved, with its bounding box. */
  private static final class Ring {
    private static final double KM_PER_DEG = Math.PI * 6371.0 / 180;
    final double[] xy;
    final double minX;
    final double minY;
    final double maxX;
    final double maxY;

    Ring(double[] xy) {
      this.xy = xy;
      double x0 = Double.MAX_VALUE;
      double y0 = Double.MAX_VALUE;
      double x1 = -Double.MAX_VALUE;
      double y1 = -Double.MAX_VALUE;
      for (int i = 0; i < xy.length; i += 2) {
        x0 = Math.min(x0, xy[i]);
        x1 = Math.max(x1, xy[i]);
        y0 = Math.min(y0, xy[i + 1]);
        y1 = Math.max(y1, xy[i + 1]);
      }
      minX = x0;
      minY = y0;
      maxX = x1;
      maxY = y1;
    }

    /** Even-odd ray casting towards +x. */
    boolean crossingsOdd(double x, double y) {
      if (x < minX || x > maxX || y < minY || y > maxY) {
        return false;
      }
      boolean c = false;
      int n = xy.length / 2;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        double xi = xy[2 * i];
        double yi = xy[2 * i + 1];
        double xj = xy[2 * j];
        double yj = xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
          c = !c;
        }
      }
      return c;
    }

    /**
     * Distance in km to the nearest edge on a local equirectangular plane (exact enough for the few
     * kilometres a tolerance spans); {@code bound} skips rings whose box is farther.
     */
    double distanceKm(double x, double y, double bound) {
      double kx = KM_PER_DEG * Math.cos(Math.toRadians(y));
      double dx = Math.max(0, Math.max(minX - x, x - maxX)) * kx;
      double dy = Math.max(0, Math.max(minY - y, y - maxY)) * KM_PER_DEG;
      if (Math.hypot(dx, dy) >= bound) {
        return bound;
      }
      double best2 = bound * bound;
      int n = xy.length / 2;
      for (int i = 0, j = n - 1; i < n; j = i++) {
        double ax = (xy[2 * j] - x) * kx;
        double ay = (xy[2 * j + 1] - y) * KM_PER_DEG;
        double bx = (xy[2 * i] - x) * kx;
        double by = (xy[2 * i + 1] - y) * KM_PER_DEG;
        double ex = bx - ax;
        double ey = by - ay;
        double len2 = ex * ex + ey * ey;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * ex + ay * ey) / len2));
        double px = ax + t * ex;
        double py = ay + t * ey;
        best2 = Math.min(best2, px * px + py * py);
      }
      return Math.sqrt(best2);
    }
  }
}
