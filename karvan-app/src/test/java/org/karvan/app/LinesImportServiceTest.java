package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.io.lines.LinesImporter;
import org.karvan.io.profile.ProfileReader;

class LinesImportServiceTest {
  @TempDir Path tmp;

  static LinesImporter.Options rail(LinesImporter.StatusRule... rules) {
    return new LinesImporter.Options(
        Mode.RAIL,
        true,
        List.of(rules),
        10,
        CrossingStatus.PLANNED,
        "CC0-1.0",
        "",
        LocalDate.of(2026, 12, 1));
  }

  private Path write(String name, String json) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, json);
    return p;
  }

  @Test
  void aTJunctionAndASnappedEndGiveThreeLinksWithExactLengths() throws Exception {
    // West (49.0 -> 49.1), east (49.1 -> 49.2, then a second way from 2 cm further on to 49.3),
    // and north (49.1,40.0 -> 49.1,40.1), all on the 40th parallel in Azerbaijan
    Path in =
        write(
            "t.geojson",
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"railway":"rail"},"geometry":{"type":"LineString",
              "coordinates":[[49.0,40.0],[49.1,40.0],[49.2,40.0]]}},
             {"type":"Feature","properties":{"railway":"construction"},"geometry":{"type":"LineString",
              "coordinates":[[49.1,40.0],[49.1,40.1]]}},
             {"type":"Feature","properties":{"railway":"rail"},"geometry":{"type":"LineString",
              "coordinates":[[49.2000002,40.0],[49.3,40.0]]}}]}
            """);
    LinesImportService.Imported r =
        LinesImportService.importLines(
            in,
            rail(LinesImporter.StatusRule.parse("railway=construction:UNDER_CONSTRUCTION")),
            tmp.resolve("out"),
            false);
    Network n = r.network();
    assertThat(n.nodes()).hasSize(4);
    assertThat(n.links()).hasSize(3);
    double west = Geo.distanceKm(40, 49.0, 40, 49.1);
    double east = Geo.distanceKm(40, 49.1, 40, 49.2) + Geo.distanceKm(40, 49.2000002, 40, 49.3);
    double north = Geo.distanceKm(40.0, 49.1, 40.1, 49.1);
    List<Double> lengths = n.links().stream().map(Link::lengthKm).sorted().toList();
    List<Double> expected = new ArrayList<>(List.of(west, east, north));
    expected.sort(null);
    for (int i = 0; i < 3; i++) {
      assertThat(lengths.get(i))
          .isCloseTo(expected.get(i), org.assertj.core.data.Offset.offset(0.001));
    }
    Node junction =
        n.nodes().stream().filter(x -> x.is(NodeKind.JUNCTION)).findFirst().orElseThrow();
    assertThat(junction.lat()).isEqualTo(40.0);
    assertThat(junction.lon()).isEqualTo(49.1);
    assertThat(n.nodes()).allMatch(x -> "AZ".equals(x.country()));
    assertThat(n.links()).allMatch(l -> l.gauge() == Gauge.G1520);
    assertThat(n.links().stream().filter(l -> l.status() == LinkStatus.UNDER_CONSTRUCTION))
        .hasSize(1);
    assertThat(n.crossings()).isEmpty();
  }

  @Test
  void aLineOverTheAstaraBorderBecomesAPlannedCrossingAndABreakOfGauge() throws Exception {
    Path in =
        write(
            "astara.geojson",
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{},"geometry":{"type":"LineString",
              "coordinates":[[48.872,38.60],[48.872,38.52],[48.87,38.46],[48.862,38.40],[48.85,38.30]]}}]}
            """);
    LinesImportService.Imported r =
        LinesImportService.importLines(in, rail(), tmp.resolve("out"), false);
    Network n = r.network();
    assertThat(n.crossings()).hasSize(1);
    var x = n.crossings().get(0);
    assertThat(x.status()).isEqualTo(CrossingStatus.PLANNED);
    assertThat(n.getNode(x.nodeA()).country()).isEqualTo("AZ");
    assertThat(n.getNode(x.nodeB()).country()).isEqualTo("IR");
    assertThat(r.summary()).anyMatch(s -> s.contains("no border control is known"));
    // three links: AZ 1520, the crossing, IR 1435; a break-of-gauge terminal where they meet
    assertThat(n.links()).hasSize(3);
    double total = n.links().stream().mapToDouble(Link::lengthKm).sum();
    double exact =
        Geo.distanceKm(38.60, 48.872, 38.52, 48.872)
            + Geo.distanceKm(38.52, 48.872, 38.46, 48.87)
            + Geo.distanceKm(38.46, 48.87, 38.40, 48.862)
            + Geo.distanceKm(38.40, 48.862, 38.30, 48.85);
    assertThat(total).isCloseTo(exact, org.assertj.core.data.Offset.offset(0.003));
    assertThat(n.terminals()).hasSize(1);
    assertThat(n.links().stream().map(Link::gauge).distinct()).contains(Gauge.G1435, Gauge.G1520);
  }

  @Test
  void badInputIsReportedByFeatureAndField() throws Exception {
    Path in =
        write(
            "bad.geojson",
            """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[49,40]}},
             {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[49,40],[49,95]]}}]}
            """);
    assertThatThrownBy(() -> LinesImportService.importLines(in, rail(), tmp.resolve("o"), false))
        .isInstanceOf(org.karvan.core.validate.InvalidInputException.class)
        .satisfies(
            e -> {
              String all =
                  ((org.karvan.core.validate.InvalidInputException) e).problems().toString();
              assertThat(all).contains("bad.geojson:1: geometry: expected a LineString");
              assertThat(all).contains("bad.geojson:2: coordinates: position 2 is not [lon, lat]");
            });
    assertThatThrownBy(() -> LinesImporter.StatusRule.parse("railway=construction"))
        .hasMessageContaining("PROPERTY=VALUE:STATUS");
  }

  static Path shared(String file) {
    for (String p : new String[] {"../../shared/gis/", "../shared/gis/"}) {
      Path f = Path.of(p + file);
      if (Files.exists(f)) {
        return f;
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true and ../shared/gis/" + file + " is missing");
    }
    Assumptions.assumeTrue(false, "SKIPPED: ../shared/gis/" + file + " is missing");
    return null;
  }

  @Test
  void bakuToAstaraByRailOnTheSouthCaucasusLinesIsAbout330Km() throws Exception {
    Path in = shared("railways-south-caucasus.geojson");
    LinesImportService.Imported r =
        LinesImportService.importLines(
            in,
            rail(LinesImporter.StatusRule.parse("railway=construction:UNDER_CONSTRUCTION")),
            tmp.resolve("sc"),
            false);
    Karvan k = Karvan.open(r.network(), ProfileReader.readDefault());
    RouteSpec spec =
        RouteSpec.builder()
            .from("40.3766,49.9108")
            .to("38.4520,48.8710")
            .modes(List.of("rail"))
            .build();
    RoutesResult res = k.routes().route(spec);
    double km = res.best().totals().distanceKm();
    assertThat(res.snapped()).hasSize(2);
    assertThat(res.snapped().get(0).km()).isLessThan(0.05);
    assertThat(res.snapped().get(1).km()).isLessThan(3);
    // the same figure along the raw geometry: Dijkstra over the file's positions as they are
    double ref =
        rawShortest(
            in,
            r.network().getNode(res.snapped().get(0).node()),
            r.network().getNode(res.snapped().get(1).node()));
    assertThat(km).isCloseTo(ref, org.assertj.core.data.Offset.offset(0.5));
    assertThat(km).isBetween(320.0, 345.0);
    JsonNode json = ResultJson.routes(res);
    assertThat(json.path("snapped").get(0).path("node").asText())
        .isEqualTo(res.snapped().get(0).node());
    assertThat(r.network().crossings()).isNotEmpty();
  }

  @Test
  void theTurkmenistanLinesImportAndValidate() throws Exception {
    Path in = shared("railways-turkmenistan.geojson");
    List<LinesImporter.StatusRule> rules =
        List.of(
            LinesImporter.StatusRule.parse("railway=construction:UNDER_CONSTRUCTION"),
            LinesImporter.StatusRule.parse("railway=proposed:PLANNED"));
    LinesImporter.Options plain =
        new LinesImporter.Options(
            Mode.RAIL,
            true,
            rules,
            10,
            CrossingStatus.PLANNED,
            "ODbL-1.0",
            "",
            LocalDate.of(2026, 12, 1));
    // the file reaches into Afghanistan, which has no default gauge: an error that says so
    assertThatThrownBy(() -> LinesImportService.importLines(in, plain, tmp.resolve("tm0"), false))
        .hasMessageContaining("1 error")
        .satisfies(
            e ->
                assertThat(
                        ((org.karvan.core.validate.InvalidInputException) e).problems().toString())
                    .contains("no default gauge for AF"));
    LinesImporter.Options o =
        new LinesImporter.Options(
            Mode.RAIL,
            true,
            rules,
            10,
            CrossingStatus.PLANNED,
            "ODbL-1.0",
            "",
            LocalDate.of(2026, 12, 1),
            List.of("railway=monorail", "railway=light_rail"),
            Map.of("AF", Gauge.G1520));
    LinesImportService.Imported r = LinesImportService.importLines(in, o, tmp.resolve("tm"), false);
    Network n = r.network();
    assertThat(r.summary()).contains("88 features excluded (railway=monorail, railway=light_rail)");
    assertThat(
            n.crossings().stream()
                .map(x -> n.getNode(x.nodeA()).country() + "-" + n.getNode(x.nodeB()).country()))
        .anyMatch(p -> p.equals("TM-AF") || p.equals("AF-TM"))
        .anyMatch(p -> p.equals("TM-IR") || p.equals("IR-TM"));
    assertThat(n.countries().stream().map(c -> c.code())).contains("TM");
    assertThat(n.links()).allMatch(l -> l.gauge() != null);
  }

  /** A plain reference: Dijkstra over every position of the file, joined where they coincide. */
  static double rawShortest(Path file, Node a, Node b) throws Exception {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    Map<String, List<Object[]>> adj = new HashMap<>();
    for (JsonNode f : root.path("features")) {
      JsonNode c = f.path("geometry").path("coordinates");
      for (int i = 0; i + 1 < c.size(); i++) {
        String u = key(c.get(i).get(1).asDouble(), c.get(i).get(0).asDouble());
        String v = key(c.get(i + 1).get(1).asDouble(), c.get(i + 1).get(0).asDouble());
        double km =
            Geo.distanceKm(
                c.get(i).get(1).asDouble(),
                c.get(i).get(0).asDouble(),
                c.get(i + 1).get(1).asDouble(),
                c.get(i + 1).get(0).asDouble());
        adj.computeIfAbsent(u, x -> new ArrayList<>()).add(new Object[] {v, km});
        adj.computeIfAbsent(v, x -> new ArrayList<>()).add(new Object[] {u, km});
      }
    }
    Map<String, Double> dist = new HashMap<>();
    PriorityQueue<Object[]> q =
        new PriorityQueue<>((x, y) -> Double.compare((double) x[1], (double) y[1]));
    String s = key(a.lat(), a.lon());
    String t = key(b.lat(), b.lon());
    dist.put(s, 0.0);
    q.add(new Object[] {s, 0.0});
    while (!q.isEmpty()) {
      Object[] top = q.poll();
      String u = (String) top[0];
      double d = (double) top[1];
      if (u.equals(t)) {
        return d;
      }
      if (d > dist.get(u)) {
        continue;
      }
      for (Object[] e : adj.getOrDefault(u, List.of())) {
        double nd = d + (double) e[1];
        if (nd < dist.getOrDefault((String) e[0], Double.POSITIVE_INFINITY)) {
          dist.put((String) e[0], nd);
          q.add(new Object[] {e[0], nd});
        }
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static String key(double lat, double lon) {
    return Math.round(lat * 1e5) + "," + Math.round(lon * 1e5);
  }
}
