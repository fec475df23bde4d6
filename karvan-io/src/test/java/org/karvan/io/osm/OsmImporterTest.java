package org.karvan.io.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.NodeKind;

/**
 * The simplification on a hand-drawn network whose every link can be worked out by hand:
 *
 * <pre>
 *                 9
 *                 |  W105 oneway 9→8
 *                 8
 *                 |  W104 oneway 7→8
 *   11            7
 *   |  W200 rail  |  W103
 *   1 ---2---3---4---5 ------- 6 ~~~~ W300 ferry ~~~~ 12      ring W106: 20-21-22-20
 *   |  W100   W101   W102 (5→6 enters HU)
 *   10
 * </pre>
 *
 * Nodes 1..5 lie on 47.00 N at 16.00..16.04 E; the rail W200 crosses the road at node 2 (a level
 * crossing, a junction of neither).
 */
class OsmImporterTest {
  @TempDir Path tmp;

  static final String XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <osm version="0.6">
        <node id="1" lat="47.0" lon="16.00"/>
        <node id="2" lat="47.0" lon="16.01"><tag k="railway" v="level_crossing"/></node>
        <node id="3" lat="47.0" lon="16.02"/>
        <node id="4" lat="47.0" lon="16.03"/>
        <node id="5" lat="47.0" lon="16.04"/>
        <node id="6" lat="47.0" lon="16.06"><tag k="amenity" v="ferry_terminal"/>
          <tag k="name" v="Port Six"/><tag k="name:hu" v="Hat kikötő"/></node>
        <node id="7" lat="47.01" lon="16.04"/>
        <node id="8" lat="47.02" lon="16.04"/>
        <node id="9" lat="47.03" lon="16.04"/>
        <node id="10" lat="46.99" lon="16.01"/>
        <node id="11" lat="47.01" lon="16.01"/>
        <node id="12" lat="47.0" lon="16.10"/>
        <node id="20" lat="47.1" lon="16.0"/>
        <node id="21" lat="47.1" lon="16.01"/>
        <node id="22" lat="47.11" lon="16.005"/>
        <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/></way>
        <way id="101"><nd ref="3"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="primary"/></way>
        <way id="102"><nd ref="5"/><nd ref="6"/><tag k="highway" v="secondary"/><tag k="maxspeed" v="50"/></way>
        <way id="103"><nd ref="5"/><nd ref="7"/><tag k="highway" v="primary"/></way>
        <way id="104"><nd ref="7"/><nd ref="8"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
        <way id="105"><nd ref="9"/><nd ref="8"/><tag k="highway" v="primary"/><tag k="oneway" v="yes"/></way>
        <way id="106"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/><tag k="highway" v="trunk"/></way>
        <way id="107"><nd ref="4"/><nd ref="11"/><tag k="highway" v="residential"/></way>
        <way id="200"><nd ref="10"/><nd ref="2"/><nd ref="11"/><tag k="railway" v="rail"/></way>
        <way id="300"><nd ref="6"/><nd ref="12"/><tag k="route" v="ferry"/><tag k="duration" v="01:30"/></way>
      </osm>
      """;

  static OsmImportOptions options(Set<Mode> modes, OsmImportOptions.Bbox bbox) {
    return new OsmImportOptions(
        modes,
        OsmImportOptions.DEFAULT_ROAD_CLASSES,
        bbox,
        List.of(
            OsmImportOptions.CountryRule.parse("HU:46,16.05,48,17"),
            OsmImportOptions.CountryRule.parse("AT")),
        "test",
        LocalDate.of(2026, 12, 1),
        25,
        60,
        22.22);
  }

  Network run(OsmImportOptions o, ImportSummary[] summary) throws Exception {
    Path f = Files.writeString(tmp.resolve("drawn.osm"), XML.strip());
    OsmImporter.Result r = OsmImporter.run(f, o);
    if (summary != null) {
      summary[0] = r.summary();
    }
    return Network.build(r.data());
  }

  static double km(double... latLon) {
    double km = 0;
    for (int i = 2; i < latLon.length; i += 2) {
      km += Geo.distanceKm(latLon[i - 2], latLon[i - 1], latLon[i], latLon[i + 1]);
    }
    return km;
  }

  @Test
  void everyLinkAsWorkedOutByHand() throws Exception {
    ImportSummary[] s = new ImportSummary[1];
    Network n = run(options(OsmImportOptions.IMPORTABLE, null), s);
    Map<String, Link> links = n.links().stream().collect(Collectors.toMap(Link::id, l -> l));
    assertThat(links.keySet())
        .containsExactlyInAnyOrder(
            "W100", "W102", "W103", "W104", "W105", "W106", "W106-2", "W200", "W300");
    // W100 and W101 meet at node 3 only: one link 1 → 5 through 2, 3, 4, over both ways.
    Link main = links.get("W100");
    assertThat(List.of(main.from(), main.to())).containsExactly("N1", "N5");
    assertThat(main.geometry())
        .containsExactly(new LatLon(47, 16.01), new LatLon(47, 16.02), new LatLon(47, 16.03));
    assertThat(main.lengthKm())
        .isCloseTo(km(47, 16, 47, 16.01, 47, 16.02, 47, 16.03, 47, 16.04), within(1e-12));
    assertThat(main.direction()).isEqualTo(Direction.BOTH);
    // Node 2 (the level crossing) is no node of the network; the rail line runs through it.
    assertThat(n.findNode("N2")).isEmpty();
    Link rail = links.get("W200");
    assertThat(rail.geometry()).containsExactly(new LatLon(47, 16.01));
    assertThat(rail.gauge()).isEqualTo(Gauge.G1435);
    assertThat(rail.provenance().isEstimated("gauge")).isTrue();
    // The residential W107 is not a default road class: node 4 stays a vertex.
    assertThat(n.findNode("N4")).isEmpty();
    // W102 (5 → 6) enters Hungary without a border post: a PLANNED crossing and a warning.
    Link border = links.get("W102");
    assertThat(border.borderCrossing()).isEqualTo("X-W102");
    assertThat(n.getCrossing("X-W102").status()).isEqualTo(CrossingStatus.PLANNED);
    assertThat(s[0].warnings()).singleElement().asString().contains("N5 (AT)", "N6 (HU)");
    // maxspeed 50 is below the profile's 60 km/h truck speed: it is the link's speed.
    assertThat(border.speedKmh()).isEqualTo(50.0);
    assertThat(main.speedKmh()).isNull();
    // The one-way roads meet head to head at 8: not merged; each runs one way.
    assertThat(links.get("W104").direction()).isEqualTo(Direction.FORWARD);
    assertThat(List.of(links.get("W105").from(), links.get("W105").to()))
        .containsExactly("N9", "N8");
    // The ring 20-21-22-20 is split at its middle vertex (index 4 / 2): 20 → 21 → 22, 22 → 20.
    assertThat(List.of(links.get("W106").from(), links.get("W106").to()))
        .containsExactly("N20", "N22");
    assertThat(links.get("W106").geometry()).containsExactly(new LatLon(47.1, 16.01));
    assertThat(List.of(links.get("W106-2").from(), links.get("W106-2").to()))
        .containsExactly("N22", "N20");
    // The ferry: 1.5 h from the duration tag; its landing is a port with a road terminal.
    assertThat(n.findService("W300").orElseThrow().sailingH()).isEqualTo(1.5);
    assertThat(n.getNode("N6").is(NodeKind.PORT)).isTrue();
    assertThat(n.getNode("N6").name()).isEqualTo("Port Six");
    assertThat(n.getNode("N6").aliases()).containsExactly("Hat kikötő");
    assertThat(n.terminals())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.node()).isEqualTo("N6");
              assertThat(t.from().mode()).isEqualTo(Mode.ROAD);
              assertThat(t.to().mode()).isEqualTo(Mode.FERRY);
            });
    assertThat(n.countries().stream().map(c -> c.code() + " " + c.name()))
        .containsExactly("AT Austria", "HU Hungary");
  }

  @Test
  void aBboxCutsWaysAtItsEdge() throws Exception {
    // 47.0 N only, west of 16.025: the road 1-2-3, and no rail (10 and 11 are outside).
    Network n =
        run(
            options(
                Set.of(Mode.ROAD, Mode.RAIL),
                OsmImportOptions.Bbox.parse("46.995,15.9,47.005,16.025")),
            null);
    assertThat(n.links())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(List.of(l.from(), l.to())).containsExactly("N1", "N3");
              assertThat(l.lengthKm()).isCloseTo(km(47, 16, 47, 16.01, 47, 16.02), within(1e-12));
            });
  }

  @Test
  void modesSelectWhatIsRead() throws Exception {
    Network rail = run(options(Set.of(Mode.RAIL), null), null);
    assertThat(rail.links()).extracting(Link::id).containsExactly("W200");
    assertThat(rail.links().get(0).lengthKm())
        .isCloseTo(km(46.99, 16.01, 47, 16.01, 47.01, 16.01), within(1e-12));
  }

  @Test
  void aNodeOutsideEveryCountryRuleTakesItsCountryFromTheRecognisedBoundaries() throws Exception {
    OsmImportOptions o =
        new OsmImportOptions(
            Set.of(Mode.RAIL),
            List.of(),
            null,
            List.of(OsmImportOptions.CountryRule.parse("HU:46,15,47,17")),
            "t",
            LocalDate.of(2026, 12, 1),
            25,
            60,
            22);
    // Node 11 (47.01 N 16.01 E) is outside the box, and in Austria on the boundaries; inside the
    // box the rule wins.
    assertThat(o.countryAt(47.01, 16.01)).isEqualTo("AT");
    assertThat(o.countryAt(46.5, 16.0)).isEqualTo("HU");
    // At sea, far from any coast, no country: the import would name the node.
    assertThat(o.countryAt(40.0, -30.0)).isNull();
  }

  @Test
  void tagValues() {
    assertThat(TagMapping.durationH("01:30")).isEqualTo(1.5);
    assertThat(TagMapping.durationH("0:45:36")).isCloseTo(0.76, within(1e-12));
    assertThat(TagMapping.durationH("90")).isEqualTo(1.5);
    assertThat(TagMapping.durationH("PT2H15M")).isEqualTo(2.25);
    assertThat(TagMapping.durationH("soon")).isNull();
    assertThat(TagMapping.gauge("1524")).isEqualTo(Gauge.G1520);
    assertThat(TagMapping.gauge("1435;1520")).isEqualTo(Gauge.DUAL);
    assertThat(TagMapping.gauge("1000")).isNull();
    assertThat(TagMapping.gauge("1435;1000")).isEqualTo(Gauge.G1435);
    ImportSummary s = new ImportSummary();
    assertThat(TagMapping.maxspeed(Tags.of("maxspeed", "60 mph"), s))
        .isCloseTo(96.56064, within(1e-9));
    assertThat(TagMapping.maxspeed(Tags.of("maxspeed", "90;70"), s)).isEqualTo(70.0);
    assertThat(TagMapping.maxspeed(Tags.of("maxspeed", "RU:urban"), s)).isNull();
    assertThat(s.defaults()).hasSize(1);
    assertThat(TagMapping.defaultGauge("AZ")).isEqualTo(Gauge.G1520);
    assertThat(TagMapping.defaultGauge("IR")).isEqualTo(Gauge.G1435);
    assertThat(TagMapping.placeKinds(Tags.of("railway", "station", "station", "subway"))).isEmpty();
    assertThat(TagMapping.placeKinds(Tags.of("railway", "station", "train", "yes")))
        .containsExactly(NodeKind.RAIL_STATION);
  }

  @Test
  void malformedXmlNamesTheLine() throws Exception {
    Path f =
        Files.writeString(
            tmp.resolve("bad.osm"), "<osm>\n<node id=\"1\" lat=\"x\" lon=\"2\"/>\n</osm>");
    assertThatThrownBy(() -> OsmImporter.run(f, options(Set.of(Mode.ROAD), null)))
        .isInstanceOf(OsmFormatException.class)
        .satisfies(
            e -> {
              OsmFormatException x = (OsmFormatException) e;
              assertThat(x.line()).isEqualTo(2);
              assertThat(x.what()).contains("lat 'x' is not a number");
            });
  }
}
