package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.io.bundle.BundleReader;

/**
 * The OSM-derived geometry file (ODbL, kept apart from the CC-BY bundle) agrees with links.csv, and
 * Caspian sailings are drawn through offshore waypoints rather than straight across land.
 */
class DefaultNetworkGeometryTest {
  static final Network NET = BundleReader.readDefault();
  static final String OSM_SOURCE = "osm-railways-2026-02";
  static final Path OSM_FILE =
      Path.of("..", "data", "default-network", "geometry", "osm-rail.geojson");

  @Test
  void everyLinkMeasuredOnOsmHasItsLineAndTheSameLength() throws IOException {
    // The file is in the repository: a missing file is a failure, never a skip.
    assertThat(OSM_FILE).as("run from karvan-io; the file ships in data/").exists();
    JsonNode fc = new ObjectMapper().readTree(Files.readString(OSM_FILE));
    assertThat(fc.get("licence").asText()).isEqualTo("ODbL-1.0");
    assertThat(fc.get("attribution").asText()).contains("OpenStreetMap contributors");
    Map<String, JsonNode> byLink = new HashMap<>();
    for (JsonNode f : fc.get("features")) {
      byLink.put(f.get("properties").get("link").asText(), f);
    }
    List<Link> measured =
        NET.links().stream().filter(l -> l.provenance().sources().contains(OSM_SOURCE)).toList();
    assertThat(measured).hasSizeGreaterThanOrEqualTo(20);
    for (Link l : measured) {
      JsonNode f = byLink.get(l.id());
      assertThat(f).as(l.id() + " has an OSM line").isNotNull();
      assertThat(l.mode()).isEqualTo(Mode.RAIL);
      assertThat(l.provenance().estimated()).as(l.id()).doesNotContain("length_km");
      // A link with a cited approach on existing line outside the layers (Kars - junction, 12 km)
      // is that approach plus the OSM part.
      assertThat(l.lengthKm())
          .as(l.id())
          .isCloseTo(
              f.get("properties").get("osm_km").asDouble()
                  + f.get("properties").path("approach_km").asDouble(0),
              within(0.06));
      // The line runs from near one end node to near the other (within the accepted snap).
      JsonNode c = f.get("geometry").get("coordinates");
      Node a = NET.getNode(l.from());
      Node b = NET.getNode(l.to());
      assertThat(km(a, c.get(0))).as(l.id() + " start").isLessThan(10.01);
      assertThat(km(b, c.get(c.size() - 1))).as(l.id() + " end").isLessThan(10.01);
    }
    for (String id : byLink.keySet()) {
      assertThat(NET.findLink(id)).as("feature " + id + " names a link").isPresent();
    }
  }

  @Test
  void theJarCopyReadsBothGeometryFilesWithTheirLicences() {
    // NET is read from the classpath copy that karvan-io/pom.xml puts in the jar.
    assertThat(NET.manifest().geometry())
        .extracting(g -> g.file() + " " + g.licence())
        .containsExactly(
            "geometry/osm-rail.geojson ODbL-1.0", "geometry/waypoints.geojson CC-BY-4.0");
    assertThat(
            DefaultNetworkGeometryTest.class
                .getClassLoader()
                .getResource(BundleReader.DEFAULT_NETWORK_FOLDER + "/geometry/NOTICE.md"))
        .as("the ODbL notice ships beside the OSM file")
        .isNotNull();
    var osm = NET.manifest().geometry().get(0).lines();
    var hand = NET.manifest().geometry().get(1).lines();
    assertThat(osm)
        .hasSize(32)
        .allSatisfy(
            l -> {
              assertThat(l.source()).isEqualTo(OSM_SOURCE);
              assertThat(l.estimated()).isFalse();
            });
    // 149: R-BGT-SDK (13 km by the CIS tariff guide since 2026-12-01) got a straight line; the two
    // Kars-Iğdır-Dilucu links took their OSM construction ways instead of hand lines. 148 since the
    // three Aras links to the placeholder opposite Ordubad became two, Norduz - Jolfa and Kalaleh -
    // Jolfa; 150 with the Chabahar - Zahedan - Mashhad roads.
    assertThat(hand)
        .hasSize(150)
        .allSatisfy(
            l -> {
              assertThat(l.source()).isEqualTo("est-waypoints");
              assertThat(l.estimated()).as(l.link() + " hand waypoints are estimates").isTrue();
            });
    assertThat(NET.warnings()).noneMatch(p -> p.toString().contains("geometry/"));
  }

  @Test
  void landLinksOverFiveKmCarryGeometry() {
    List<Link> land =
        NET.links().stream()
            .filter(l -> l.mode() == Mode.RAIL || l.mode() == Mode.ROAD)
            .filter(l -> l.lengthKm() > 5)
            .toList();
    var lines = org.karvan.io.bundle.GeometryFiles.byLink(NET.manifest().geometry());
    assertThat(land).hasSize(180);
    // Every one has a line, attached as the link's geometry (or drawn straight when the line is
    // just its two end nodes).
    assertThat(land).allSatisfy(l -> assertThat(lines).as(l.id()).containsKey(l.id()));
    // Following the alignment: an OSM line, or waypoints through the towns passed, or a straight
    // line for a link of 50 km or less. 175 of 180 = 97.2 % (with the two Chabahar roads; 173 of
    // 178 before them, 173 of 179 before the Aras links went
    // to Jolfa; 164 of 170 before the nine Georgia-Türkiye road links over 5 km of 2026-12-01, all
    // with hand waypoints or straight under 50 km).
    List<String> notFollowing =
        land.stream()
            .filter(l -> lines.get(l.id()).points().size() == 2 && l.lengthKm() > 50)
            .map(Link::id)
            .toList();
    assertThat(notFollowing)
        .containsExactly("R-KUR-MNG", "D-KUR-SCO", "R-UZN-BOL", "D-KPN-GRS", "R-SRG-ARS");
    double share = 100.0 * (land.size() - notFollowing.size()) / land.size();
    assertThat(share).isCloseTo(97.22, within(0.05)).isGreaterThanOrEqualTo(90);
    // With intermediate points (OSM, or at least one hand waypoint): 148 of 180 = 82.2 % (146 of
    // 178 before the Chabahar roads, 144 of
    // 179 before the two Aras links to Jolfa got waypoints, 136 of 170 before that; Türkgözü-Posof,
    // 14 km, is straight).
    long withPoints = land.stream().filter(l -> lines.get(l.id()).points().size() > 2).count();
    assertThat(withPoints).isEqualTo(148);
    // Plus R-BKS-GRD, whose two-point OSM line runs between the rail vertices nearest its end
    // nodes (0.4 and 1.6 km off), not between the nodes themselves.
    assertThat(land.stream().filter(l -> !l.geometry().isEmpty()).count()).isEqualTo(149);
  }

  @Test
  void routeGeoJsonFollowsTheLinesOfItsLinks() {
    var graph =
        org.karvan.core.graph.MultimodalGraph.compile(
            NET, org.karvan.io.profile.ProfileReader.readDefault());
    var cargo = org.karvan.core.routing.Cargo.parse("1x40ft", graph.profile());
    var rail =
        new org.karvan.core.routing.Constraints(
            null, false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(Mode.RAIL));
    var route =
        new org.karvan.core.routing.Router(graph)
            .route(
                new org.karvan.core.routing.RouteRequest(
                    "AZBAK",
                    "GETBS",
                    List.of(),
                    cargo,
                    org.karvan.core.routing.Objective.TIME,
                    rail))
            .orElseThrow();
    JsonNode fc = org.karvan.io.route.RouteGeoJson.of(NET, List.of(route));
    JsonNode first = fc.get("features").get(0);
    assertThat(first.at("/properties/from").asText()).isEqualTo("AZBAK");
    // Each leg is drawn through every vertex of its links' lines, plus the nodes between them.
    int expected = 1;
    String at = "AZBAK";
    for (String id : route.legs().get(0).links()) {
      Link l = NET.getLink(id);
      expected += l.geometry().size() + 1;
      at = l.other(at);
    }
    assertThat(first.at("/geometry/coordinates").size()).isEqualTo(expected).isGreaterThan(50);
  }

  @Test
  void estimatedLengthsAreCountedAndEveryOtherLengthCitesASource() {
    var estimated =
        NET.links().stream().filter(l -> l.provenance().isEstimated("length_km")).toList();
    // 71 of 231 (30.7 %) after the Iran/South Caucasus length pass of 2026-12-01 (was 94, and 118
    // of 230 before): route tables, cited route-km, OSM lengths, sea distances over marnet and over
    // Natural Earth water; 67 (29.0 %) with the cited lengths for Russia and Türkiye (tariff
    // distances, station tables, the Lake Van ferry); 70 of 242 (28.9 %) with the Georgia-Türkiye
    // road crossings (11 links, 3 estimated: Hopa-Trabzon, Vale-Türkgözü, Türkgözü-Posof); 64 of
    // 242 (26.4 %) with the Turkish and planned rail lengths (Erzurum-Kars 217 km and
    // Ankara-Erzurum
    // by TCDD and the line total, Kars-Iğdır-Dilucu along its OSM construction ways, TRIPP's 42 km
    // split at Meghri along the Aras); 45 (18.6 %) with the CIS rail tariff distances (Tariff Guide
    // No. 4, 2025: 19 Russian, Kazakh, Uzbek, KZ-TM and AM-GE rail links); 35 (14.5 %) with the
    // road
    // km of Sari-Gorgan, the Armenian M2 (Agarak-Meghri-Kapan-Goris-Yerevan), Hopa-Trabzon,
    // Kalaleh-Norduz, Kuryk-Aktau, Vladikavkaz-Makhachkala and Julfa-Nakhchivan (distance tables
    // and stated town distances, some weak: see the README); 32 (13.2 %) with the border posts at
    // cited positions (Bazargan-Gürbulak measured between them, the cited km of Türkgözü-Posof, the
    // cited 6 km tariff lower bound of Sarakhs); 31 (12.8 %) with Rostov-Moscow's stated 1,092 km;
    // 30 (12.4 %) with Samtredia-Batumi by the S12 and S2 (129 km, 116 since); 29 (12.0 %) with
    // Sadarak-Dilucu
    // over the 286 m Umut bridge (both posts at its cited ends); 28 (11.6 %) with the TRIPP east
    // crossing by the Soviet line's tariff km (Aghband - Meghri 32 km less the cited 42's east
    // part); 23 of 239 (9.6 %) with the Aras corridor as Iran's officials name it, Kalaleh - Jolfa
    // (107 km of road and rail), instead of five estimated links to an unsourced crossing opposite
    // Ordubad; 23 of 241 (9.5 %) with the cited Chabahar - Zahedan - Mashhad roads.
    // The 10 % target of issue 11 is met; data/default-network/README.md lists what is left and
    // why. The share may only go down.
    assertThat(NET.links()).hasSize(241);
    assertThat(estimated).hasSize(23);
    assertThat((double) estimated.size() / NET.links().size()).isLessThanOrEqualTo(0.10);
    for (Link l : NET.links()) {
      var kinds =
          l.provenance().sources().stream()
              .map(id -> NET.findSource(id).orElseThrow().reliability().name())
              .toList();
      if (l.provenance().isEstimated("length_km")) {
        assertThat(kinds).as(l.id() + " names its estimate method").contains("ESTIMATE");
      } else {
        assertThat(kinds)
            .as(l.id() + " cites a source for its length")
            .containsAnyOf("PRIMARY", "SECONDARY", "COMPUTED");
      }
    }
  }

  @Test
  void caspianSailingsHaveOffshoreWaypoints() {
    List<Link> caspian =
        NET.links().stream()
            .filter(l -> l.mode() == Mode.SEA || l.mode() == Mode.FERRY)
            .filter(l -> inCaspian(NET.getNode(l.from())) && inCaspian(NET.getNode(l.to())))
            .toList();
    assertThat(caspian).hasSizeGreaterThanOrEqualTo(20);
    assertThat(caspian).allSatisfy(l -> assertThat(l.geometry()).as(l.id()).isNotEmpty());
  }

  static boolean inCaspian(Node n) {
    return n.lat() > 36.5 && n.lat() < 47 && n.lon() > 46.5 && n.lon() < 55.5;
  }

  static double km(Node n, JsonNode lonLat) {
    return Geo.distanceKm(n.lat(), n.lon(), lonLat.get(1).asDouble(), lonLat.get(0).asDouble());
  }
}
