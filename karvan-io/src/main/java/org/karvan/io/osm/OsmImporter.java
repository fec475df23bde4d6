package org.karvan.io.osm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.NodeKind;
import org.karvan.io.osm.OsmReader.Kind;
import org.karvan.io.osm.TagMapping.WayClass;

/**
 * Imports an OSM file into network data in two passes: the ways (and ferry relations) first, which
 * marks the nodes they need, then those nodes' positions. Node ids map to dense indices in a
 * primitive hash map and positions live in {@code int} arrays (1e-7 degrees, OSM's own precision),
 * so memory grows with the imported ways, not with the file: some 50 bytes per node of an imported
 * way (hash slots, position, OSM id, country and flags) and one shared class per distinct tagging.
 */
public final class OsmImporter {
  /** A place tagged on a node: its name, other names and kinds. */
  record Place(String name, List<String> aliases, Set<NodeKind> kinds) {}

  /** A tagged place on no imported way, to be snapped to the nearest imported vertex. */
  record OffWay(long osmId, double lat, double lon, Place place) {}

  /** The outcome: the network data (not yet validated) and what the import did. */
  public record Result(NetworkData data, ImportSummary summary) {}

  private final OsmReader reader;
  private final OsmImportOptions options;
  private final ImportSummary summary = new ImportSummary();

  // Kept ways: id, class and node references (dense indices) in
  // wayRefs[wayStart[i]..wayStart[i+1]).
  private long[] wayIds = new long[1024];
  private WayClass[] wayClasses = new WayClass[1024];
  private int[] wayStart = new int[1025];
  private int[] wayRefs = new int[16384];
  private int ways;
  private final LongIntMap nodeIndex = new LongIntMap(1 << 16);

  // Needed nodes by dense index.
  private int[] lat7;
  private int[] lon7;
  private boolean[] present;
  private final Map<Integer, Place> places = new HashMap<>();
  private final List<OffWay> offWay = new ArrayList<>();

  /** Ferry relations' member ways with the class the relation gives them. */
  private final Map<Long, WayClass> ferryMembers = new HashMap<>();

  private OsmImporter(OsmReader reader, OsmImportOptions options) {
    this.reader = reader;
    this.options = options;
  }

  /**
   * Imports a file.
   *
   * @throws IllegalArgumentException for an unknown file extension
   * @throws OsmFormatException for a malformed file
   */
  public static Result run(Path file, OsmImportOptions options) throws IOException {
    return run(OsmReader.open(file), options);
  }

  public static Result run(OsmReader reader, OsmImportOptions options) throws IOException {
    OsmImporter im = new OsmImporter(reader, options);
    im.readWays();
    im.readNodes();
    NetworkData data = new NetworkAssembler(im).assemble();
    return new Result(data, im.summary);
  }

  private void readWays() throws IOException {
    boolean ferries = options.modes().contains(Mode.FERRY);
    Map<Long, Boolean> kept = new HashMap<>();
    reader.read(
        EnumSet.of(Kind.WAY, Kind.RELATION),
        new OsmHandler() {
          @Override
          public void way(long id, long[] refs, int n, Tags tags) {
            WayClass c = TagMapping.classify(tags, options, summary);
            if (c != null && n >= 2) {
              keep(id, c, refs, n);
              if (ferries) {
                kept.put(id, Boolean.TRUE);
              }
            }
          }

          @Override
          public void relation(
              long id, long[] ids, byte[] types, String[] roles, int n, Tags tags) {
            if (ferries && tags.is("route", "ferry")) {
              WayClass c = TagMapping.ferry(tags, summary);
              for (int i = 0; i < n; i++) {
                if (types[i] == 1) {
                  ferryMembers.putIfAbsent(ids[i], c);
                }
              }
            }
          }
        });
    // Ways of ferry relations that carry no ferry tags of their own need one more pass over the
    // way blocks (only: a PBF reader skips the others).
    Map<Long, WayClass> missing = new HashMap<>();
    ferryMembers.forEach(
        (id, c) -> {
          if (!kept.containsKey(id)) {
            missing.put(id, c);
          }
        });
    if (!missing.isEmpty()) {
      reader.read(
          EnumSet.of(Kind.WAY),
          new OsmHandler() {
            @Override
            public void way(long id, long[] refs, int n, Tags tags) {
              WayClass c = missing.get(id);
              if (c != null && n >= 2) {
                keep(id, c, refs, n);
              }
            }
          });
    }
    summary.total("ways imported", ways);
  }

  /** One instance per distinct class: country-scale files have millions of ways, few classes. */
  private final Map<WayClass, WayClass> distinct = new HashMap<>();

  private void keep(long id, WayClass c0, long[] refs, int n) {
    WayClass c = distinct.computeIfAbsent(c0, x -> x);
    if (ways == wayIds.length) {
      wayIds = Arrays.copyOf(wayIds, ways * 2);
      wayClasses = Arrays.copyOf(wayClasses, ways * 2);
      wayStart = Arrays.copyOf(wayStart, ways * 2 + 1);
    }
    int start = wayStart[ways];
    if (start + n > wayRefs.length) {
      wayRefs = Arrays.copyOf(wayRefs, Math.max(wayRefs.length * 2, start + n));
    }
    for (int i = 0; i < n; i++) {
      wayRefs[start + i] = nodeIndex.putIfAbsent(refs[i], nodeIndex.size());
    }
    wayIds[ways] = id;
    wayClasses[ways] = c;
    wayStart[ways + 1] = start + n;
    ways++;
  }

  private void readNodes() throws IOException {
    int n = nodeIndex.size();
    lat7 = new int[n];
    lon7 = new int[n];
    present = new boolean[n];
    long[] ids = new long[n];
    reader.read(
        EnumSet.of(Kind.NODE),
        new OsmHandler() {
          @Override
          public void node(long id, double lat, double lon, Tags tags) {
            int i = nodeIndex.get(id);
            if (i < 0) {
              if (!tags.isEmpty()) {
                Set<NodeKind> kinds = TagMapping.placeKinds(tags);
                kinds.remove(NodeKind.BORDER_CROSSING); // a border post counts on its road only
                if (!kinds.isEmpty()) {
                  offWay.add(
                      new OffWay(
                          id,
                          lat,
                          lon,
                          new Place(tags.get("name"), TagMapping.aliases(tags), kinds)));
                }
              }
              return;
            }
            lat7[i] = (int) Math.round(lat * 1e7);
            lon7[i] = (int) Math.round(lon * 1e7);
            present[i] = true;
            ids[i] = id;
            if (!tags.isEmpty()) {
              Set<NodeKind> kinds = TagMapping.placeKinds(tags);
              if (!kinds.isEmpty()) {
                places.put(i, new Place(tags.get("name"), TagMapping.aliases(tags), kinds));
              }
            }
          }
        });
    osmNodeIds = ids;
    int missing = 0;
    for (boolean p : present) {
      if (!p) {
        missing++;
      }
    }
    if (missing > 0) {
      summary.count("nodes referenced by imported ways but absent from the file: ways cut there");
      summary.total("nodes missing from the file", missing);
    }
  }

  private long[] osmNodeIds;

  // Accessors for the assembler (package-private, no copies).

  OsmImportOptions options() {
    return options;
  }

  ImportSummary summary() {
    return summary;
  }

  String fileName() {
    return reader.path().getFileName().toString();
  }

  int ways() {
    return ways;
  }

  long wayId(int w) {
    return wayIds[w];
  }

  WayClass wayClass(int w) {
    return wayClasses[w];
  }

  int wayStart(int w) {
    return wayStart[w];
  }

  int wayEnd(int w) {
    return wayStart[w + 1];
  }

  int ref(int k) {
    return wayRefs[k];
  }

  int nodes() {
    return lat7 == null ? 0 : lat7.length;
  }

  boolean present(int v) {
    return present[v];
  }

  double lat(int v) {
    return lat7[v] / 1e7;
  }

  double lon(int v) {
    return lon7[v] / 1e7;
  }

  long osmId(int v) {
    return osmNodeIds[v];
  }

  Place place(int v) {
    return places.get(v);
  }

  List<OffWay> offWay() {
    return offWay;
  }

  /** Gives vertex {@code v} a snapped place (keeping a place it has). */
  void snapPlace(int v, Place p) {
    places.putIfAbsent(v, p);
  }

  List<Integer> placeNodes() {
    return new ArrayList<>(places.keySet());
  }
}
