package org.karvan.app.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.app.Karvan;
import org.karvan.app.OsmImportService;
import org.karvan.app.RouteSpec;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NodeKind;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Route;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.osm.OsmHandler;
import org.karvan.io.osm.OsmReader;
import org.karvan.io.osm.Tags;
import org.karvan.io.profile.ProfileReader;

/**
 * {@code karvan import osm} on the real extracts in {@code ../shared/osm}: each imports, the
 * written bundle reads back valid, and a route on it matches a plain reference.
 */
class OsmImportTest {
  static final Path OSM = Path.of("..", "..", "shared", "osm").toAbsolutePath().normalize();
  static final Profile PROFILE = ProfileReader.readDefault();

  @TempDir Path tmp;

  static Path fixture(String name) {
    Path p = OSM.resolve(name);
    Required.require(Files.isRegularFile(p), "the OSM extract " + p);
    return p;
  }

  Network importOsm(String file, String bbox, List<String> modes, String... countries) {
    Path out = tmp.resolve(file + (bbox == null ? "" : "-box"));
    OsmImportService.Imported r =
        OsmImportService.run(
            new OsmImportService.Request(
                fixture(file),
                bbox,
                modes,
                null,
                List.of(countries),
                null,
                "2026-12-01",
                out,
                false));
    assertThat(Files.isRegularFile(out.resolve("NOTICE.md"))).isTrue();
    Network back = BundleReader.read(out); // the written bundle validates on its own
    assertThat(back.links()).isEqualTo(r.network().links());
    assertThat(back.nodes()).isEqualTo(r.network().nodes());
    return back;
  }

  static boolean importedRail(Map<String, String> t) {
    String g = t.get("gauge");
    boolean gaugeOk =
        g == null || Arrays.stream(g.split(";")).anyMatch(x -> x.matches("1435|152[04]"));
    return "rail".equals(t.get("railway"))
        && gaugeOk
        && !"tourism".equals(t.get("usage"))
        && !"test".equals(t.get("usage"));
  }

  static double sumKm(Network n, Mode m) {
    return n.links().stream().filter(l -> l.mode() == m).mapToDouble(Link::lengthKm).sum();
  }

  @Test
  void moscowRailIs1520AndKeepsEveryKilometre() throws Exception {
    Network n = importOsm("moscow.osm.gz", null, List.of("rail"), "RU");
    OsmXmlReference ref = new OsmXmlReference(fixture("moscow.osm.gz"));
    // 44 ways gauge=1520 and 6 gauge=1524 (NOTICE.md): all become 1520 mm links.
    assertThat(ref.count(t -> "1520".equals(t.get("gauge")))).isEqualTo(44);
    assertThat(ref.count(t -> "1524".equals(t.get("gauge")))).isEqualTo(6);
    assertThat(n.links()).allSatisfy(l -> assertThat(l.gauge()).isEqualTo(Gauge.G1520));
    double expected = ref.km(OsmImportTest::importedRail);
    assertThat(sumKm(n, Mode.RAIL)).isCloseTo(expected, within(expected * 1e-9));
    assertThat(expected).isGreaterThan(10);
    // electrified=contact_line becomes true
    assertThat(n.links().stream().filter(l -> Boolean.TRUE.equals(l.electrified()))).isNotEmpty();
    // Ostankino station is mapped beside the tracks: it is put on the nearest rail vertex. The
    // monorail stations (Телецентр, ...) are no freight places and stay out.
    assertThat(n.nodes().stream().filter(v -> v.is(NodeKind.RAIL_STATION)).map(v -> v.name()))
        .containsExactly("Останкино");
    var station = n.nodes().stream().filter(v -> v.is(NodeKind.RAIL_STATION)).findFirst().get();
    double[] tagged = ref.nodes.get(1994671361L); // the railway=halt node itself
    assertThat(
            org.karvan.core.geo.Geo.distanceKm(tagged[0], tagged[1], station.lat(), station.lon()))
        .isLessThan(0.3);
    routeMatchesReference(n, Mode.RAIL);
  }

  @Test
  void kremsRailIs1435WithUsageInTheNote() throws Exception {
    Network n = importOsm("krems.osm.gz", null, List.of("rail"), "AT");
    OsmXmlReference ref = new OsmXmlReference(fixture("krems.osm.gz"));
    double expected = ref.km(OsmImportTest::importedRail);
    assertThat(sumKm(n, Mode.RAIL)).isCloseTo(expected, within(expected * 1e-9));
    assertThat(n.links()).allSatisfy(l -> assertThat(l.gauge()).isEqualTo(Gauge.G1435));
    for (String usage : List.of("main", "branch", "industrial")) {
      assertThat(n.links().stream().filter(l -> l.provenance().note().contains("usage=" + usage)))
          .as("usage=" + usage)
          .isNotEmpty();
    }
    // Ways without a gauge tag take Austria's default, marked as an estimate.
    assertThat(n.links().stream().filter(l -> l.provenance().isEstimated("gauge"))).isNotEmpty();
    assertThat(n.links().stream().filter(l -> !l.provenance().isEstimated("gauge"))).isNotEmpty();
    routeMatchesReference(n, Mode.RAIL);
  }

  @Test
  void belarusBorderControlBecomesAnOpenCrossing() throws Exception {
    // The border post Gorbachevo-Klinovoe (node 447873865, 56.0080062 N 29.1931359 E) is where
    // the Belarusian P132 meets the Russian 58K-199; Russia is put east of it.
    Network n = importOsm("belarus-east.osm.gz", null, null, "RU:55.5,29.19314,56.5,30.5", "BY");
    OsmXmlReference ref = new OsmXmlReference(fixture("belarus-east.osm.gz"));
    assertThat(n.crossings()).hasSize(1);
    var x = n.crossings().get(0);
    assertThat(x.status()).isEqualTo(CrossingStatus.OPEN);
    assertThat(x.name()).isEqualTo("Горбачево-Клиновое");
    assertThat(n.getNode("N447873865").is(NodeKind.BORDER_CROSSING)).isTrue();
    assertThat(n.getNode("N447873865").country()).isEqualTo("BY");
    double expected =
        ref.km(t -> "primary".equals(t.get("highway")) || "secondary".equals(t.get("highway")));
    assertThat(sumKm(n, Mode.ROAD)).isCloseTo(expected, within(expected * 1e-9));
    // From the Belarusian end of the P132 to the Russian end of the 58K-199: the whole of both.
    Link by =
        n.links().stream()
            .filter(l -> l.provenance().note().contains("primary"))
            .findFirst()
            .orElseThrow();
    String byEnd = by.from().equals("N447873865") ? by.to() : by.from();
    String ruEnd =
        n.nodes().stream()
            .filter(v -> v.country().equals("RU") && n.linksAt(v.id()).size() == 1)
            .findFirst()
            .orElseThrow()
            .id();
    Route r = route(n, byEnd, ruEnd, "road");
    assertThat(r.crossings()).containsExactly(x.id());
    assertThat(r.totals().distanceKm()).isCloseTo(expected, within(1e-9));
    // 2 h estimated clearance, and 60 km/h (maxspeed 90 is above the profile's truck speed)
    assertThat(r.totals().durationHours()).isGreaterThanOrEqualTo(expected / 60 + 2);
  }

  @Test
  void withoutCountryRulesTheRecognisedBoundariesPutTheCrossingAtThePost() {
    Network n = importOsm("belarus-east.osm.gz", null, null);
    assertThat(n.crossings())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo(CrossingStatus.OPEN);
              assertThat(List.of(x.nodeA(), x.nodeB())).contains("N447873865");
            });
    assertThat(n.nodes()).extracting(org.karvan.core.model.Node::country).containsOnly("BY", "RU");
  }

  @Test
  void aRoughBoxMovesTheBorderToThePost() {
    // Russia from 29.3 E: the box edge is 6.7 km east of the post along the 58K-199, too far: the
    // road east of the post would be Belarusian, and the recognised boundaries refuse it.
    assertThatThrownBy(
            () -> importOsm("belarus-east.osm.gz", null, null, "RU:55.5,29.3,56.5,30.5", "BY"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).problems().toString())
                    .contains("lies in RU"));
    // From 29.25 E, within 5 km of the post: the change of country moves to the post.
    Path out = tmp.resolve("near");
    OsmImportService.Imported r =
        OsmImportService.run(
            new OsmImportService.Request(
                fixture("belarus-east.osm.gz"),
                null,
                null,
                null,
                List.of("RU:55.5,29.25,56.5,30.5", "BY"),
                null,
                "2026-12-01",
                out,
                false));
    Network near = r.network();
    assertThat(near.crossings())
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.status()).isEqualTo(CrossingStatus.OPEN);
              assertThat(List.of(x.nodeA(), x.nodeB())).contains("N447873865");
            });
    assertThat(
            r.summary()
                .defaulted("changes of country moved to a border post within 5 km along the way"))
        .isEqualTo(1);
  }

  @Test
  void monacoFerryRelationBecomesAFerryWithAService() throws Exception {
    Network n = importOsm("monaco.osm.gz", null, List.of("ferry"), "MC");
    // The route=ferry relation 2218012 "Bateau Bus" has one untagged way, 166399542.
    assertThat(n.links()).hasSize(1);
    Link f = n.links().get(0);
    assertThat(f.mode()).isEqualTo(Mode.FERRY);
    assertThat(f.id()).isEqualTo("W166399542");
    assertThat(f.provenance().note()).contains("Bateau Bus", "motor_vehicle=no");
    OsmXmlReference ref = new OsmXmlReference(fixture("monaco.osm.gz"));
    double km = ref.km(t -> false) + wayKm(ref, 166399542L);
    assertThat(f.lengthKm()).isCloseTo(km, within(1e-12));
    var s = n.services().get(0);
    assertThat(s.sailingH()).isCloseTo(km / PROFILE.get("ferry.speed_kmh"), within(1e-12));
    assertThat(n.getNode(f.from()).is(NodeKind.PORT)).isTrue();
    Route r = route(n, f.from(), f.to(), "ferry");
    assertThat(r.links()).containsExactly(f.id());
    assertThat(r.totals().distanceKm()).isCloseTo(km, within(1e-12));
  }

  static double wayKm(OsmXmlReference ref, long id) {
    var w = ref.ways.stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    double km = 0;
    for (int i = 1; i < w.refs().size(); i++) {
      double[] a = ref.nodes.get(w.refs().get(i - 1));
      double[] b = ref.nodes.get(w.refs().get(i));
      km += org.karvan.core.geo.Geo.distanceKm(a[0], a[1], b[0], b[1]);
    }
    return km;
  }

  @Test
  void andorraPbfReadsEveryElementAndRoutes() throws Exception {
    long[] counts = new long[3];
    long[] refs = new long[1];
    OsmReader.open(fixture("andorra.osm.pbf"))
        .read(
            EnumSet.allOf(OsmReader.Kind.class),
            new OsmHandler() {
              @Override
              public void node(long id, double lat, double lon, Tags tags) {
                counts[0]++;
                assertThat(Math.abs(lat)).isLessThanOrEqualTo(90);
              }

              @Override
              public void way(long id, long[] r, int n, Tags tags) {
                counts[1]++;
                refs[0] += n;
              }

              @Override
              public void relation(
                  long id, long[] ids, byte[] types, String[] roles, int n, Tags tags) {
                counts[2]++;
              }
            });
    // osmium fileinfo -e andorra.osm.pbf (shared/osm/NOTICE.md)
    assertThat(counts).containsExactly(69_644, 2_725, 74);
    Network n = importOsm("andorra.osm.pbf", null, List.of("road"), "AD");
    assertThat(n.links()).allSatisfy(l -> assertThat(l.mode()).isEqualTo(Mode.ROAD));
    assertThat(n.links().stream().filter(l -> l.direction() == Direction.FORWARD)).isNotEmpty();
    routeMatchesReference(n, Mode.ROAD);
  }

  @Test
  void bboxKeepsOnlyTheBox() {
    Network all = importOsm("andorra.osm.pbf", null, List.of("road"), "AD");
    Network box = importOsm("andorra.osm.pbf", "42.5,1.5,42.55,1.6", List.of("road"), "AD");
    assertThat(box.nodes())
        .allSatisfy(
            v -> {
              assertThat(v.lat()).isBetween(42.5, 42.55);
              assertThat(v.lon()).isBetween(1.5, 1.6);
            });
    assertThat(box.links()).isNotEmpty();
    assertThat(sumKm(box, Mode.ROAD)).isLessThan(sumKm(all, Mode.ROAD));
  }

  /**
   * test-osm6.pbf is GraphHopper's test-osm6.xml converted by osmconvert
   * (graphhopper/graphhopper:core/src/test/resources/com/graphhopper/reader/osm/test-osm6.xml):
   * three nodes, a one-way motorway through them and a multipolygon relation.
   */
  @Test
  void tinyPbfDecodesExactlyTheXml() throws Exception {
    List<String> seen = new ArrayList<>();
    OsmReader.open(fixture("test-osm6.pbf"))
        .read(
            EnumSet.allOf(OsmReader.Kind.class),
            new OsmHandler() {
              @Override
              public void node(long id, double lat, double lon, Tags tags) {
                seen.add(
                    String.format(
                        java.util.Locale.ROOT, "n%d %.7f %.7f %s", id, lat, lon, tags.get("name")));
              }

              @Override
              public void way(long id, long[] r, int n, Tags tags) {
                seen.add(
                    "w"
                        + id
                        + " "
                        + Arrays.toString(Arrays.copyOf(r, n))
                        + " "
                        + tags.get("highway")
                        + " oneway="
                        + tags.get("oneway"));
              }

              @Override
              public void relation(
                  long id, long[] ids, byte[] types, String[] roles, int n, Tags tags) {
                StringBuilder sb = new StringBuilder("r" + id);
                for (int i = 0; i < n; i++) {
                  sb.append(' ')
                      .append(types[i])
                      .append(':')
                      .append(ids[i])
                      .append(':')
                      .append(roles[i]);
                }
                seen.add(sb + " " + tags.get("type") + " " + tags.get("name"));
              }
            });
    assertThat(seen)
        .containsExactly(
            "n10 51.9900000 9.0100000 Wiesbaden-Naurod",
            "n20 52.0000000 9.0000000 Halbendorf-Spree",
            "n30 52.1000000 9.2000000 Halbendorf-Spree",
            "w40 [10, 20, 30] motorway oneway=true",
            "r55 0:10: 1:40:inner multipolygon TestRelation");
    Network n = importOsm("test-osm6.pbf", null, null, "DE");
    assertThat(n.links())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.from()).isEqualTo("N10");
              assertThat(l.to()).isEqualTo("N30");
              assertThat(l.direction()).isEqualTo(Direction.FORWARD);
              assertThat(l.geometry()).containsExactly(new org.karvan.core.model.LatLon(52.0, 9.0));
              double km =
                  org.karvan.core.geo.Geo.distanceKm(51.99, 9.01, 52.0, 9.0)
                      + org.karvan.core.geo.Geo.distanceKm(52.0, 9.0, 52.1, 9.2);
              assertThat(l.lengthKm()).isCloseTo(km, within(1e-12));
            });
  }

  Route route(Network n, String from, String to, String modes) {
    Karvan k = Karvan.open(n, PROFILE);
    return k.routes()
        .route(RouteSpec.builder().from(from).to(to).modes(List.of(modes)).optimize("time").build())
        .routes()
        .get(0);
  }

  /**
   * Routes between the two ends of the longest shortest path from the first node, and checks the
   * route's moving time against a plain Dijkstra over the links (length / speed).
   */
  void routeMatchesReference(Network n, Mode mode) {
    String from =
        n.nodes().stream().filter(v -> !n.linksAt(v.id()).isEmpty()).findFirst().orElseThrow().id();
    Map<String, Double> dist = dijkstra(n, mode, from);
    String to = dist.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    double refH = dist.get(to);
    assertThat(refH).isGreaterThan(0);
    Route r = route(n, from, to, mode.name().toLowerCase(java.util.Locale.ROOT));
    double movingH = 0;
    double km = 0;
    for (String id : r.links()) {
      Link l = n.getLink(id);
      movingH += l.lengthKm() / speed(l);
      km += l.lengthKm();
    }
    assertThat(movingH).isCloseTo(refH, within(refH * 1e-9));
    assertThat(r.totals().distanceKm()).isCloseTo(km, within(km * 1e-9));
  }

  static double speed(Link l) {
    return l.speedKmh() != null
        ? l.speedKmh()
        : PROFILE.get(l.mode().name().toLowerCase(java.util.Locale.ROOT) + ".speed_kmh");
  }

  /** Hours from {@code from} to every reachable node over operational links of one mode. */
  static Map<String, Double> dijkstra(Network n, Mode mode, String from) {
    Map<String, List<Object[]>> adj = new HashMap<>();
    for (Link l : n.links()) {
      if (l.mode() != mode || l.status() != LinkStatus.OPERATIONAL) {
        continue;
      }
      double h = l.lengthKm() / speed(l);
      adj.computeIfAbsent(l.from(), x -> new ArrayList<>()).add(new Object[] {l.to(), h});
      if (l.direction() == Direction.BOTH) {
        adj.computeIfAbsent(l.to(), x -> new ArrayList<>()).add(new Object[] {l.from(), h});
      }
    }
    Map<String, Double> dist = new HashMap<>();
    PriorityQueue<Object[]> q =
        new PriorityQueue<>((a, b) -> Double.compare((double) a[1], (double) b[1]));
    q.add(new Object[] {from, 0.0});
    Set<String> done = new java.util.HashSet<>();
    while (!q.isEmpty()) {
      Object[] e = q.poll();
      String v = (String) e[0];
      if (!done.add(v)) {
        continue;
      }
      dist.put(v, (double) e[1]);
      for (Object[] a : adj.getOrDefault(v, List.of())) {
        if (!done.contains(a[0])) {
          q.add(new Object[] {a[0], (double) e[1] + (double) a[1]});
        }
      }
    }
    return dist;
  }
}
