package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;

/**
 * Every validation rule of docs/network-format.md, each triggered by one edit of the tiny bundle.
 */
class BundleValidationTest {

  @Test
  void tinyBundleLoadsWithEveryAttribute() {
    Network n = TinyBundle.load().read();
    assertThat(n.nodes()).hasSize(5);
    assertThat(n.links()).hasSize(7);
    assertThat(n.getNode("IRAAA").aliases()).containsExactly("Alfa", "A-town");
    assertThat(n.getNode("IRBBB").provenance().isEstimated("lat")).isTrue();
    assertThat(n.getLink("L3").gauge()).isEqualTo(Gauge.DUAL);
    assertThat(n.getLink("L1").speedKmh()).isEqualTo(40.0);
    assertThat(n.getLink("L1").electrified()).isFalse();
    assertThat(n.getLink("L5").openingYear()).isEqualTo(2030);
    assertThat(n.getLink("L7").geometry()).hasSize(2);
    assertThat(n.getLink("L7").provenance().note()).isEqualTo("a note, with a comma");
    assertThat(n.getLink("L7").provenance().asOf()).hasToString("2026-01-01");
    assertThat(n.getLink("L1").provenance().asOf()).hasToString("2026-11-29");
    assertThat(n.getCrossing("BC-ROAD").capacityPerDay()).isEqualTo(800.0);
    assertThat(n.getCrossing("BC-RAIL").ba().p90H()).isEqualTo(24.0);
    assertThat(n.findService("L7").orElseThrow().expectedWaitH()).isEqualTo(42.0);
    assertThat(n.terminalsAt("IRXXX"))
        .singleElement()
        .satisfies(t -> assertThat(t.isBreakOfGauge()).isTrue());
    assertThat(n.linksAt("IRXXX")).extracting(l -> l.mode()).containsOnly(Mode.RAIL, Mode.ROAD);
    assertThat(n.warnings()).isEmpty();
    assertThat(n.events()).extracting(e -> e.id()).containsExactly("E1", "E2", "E3");
    var e1 = n.events().get(0);
    assertThat(e1.end()).hasToString("2026-03-09");
    assertThat(e1.modes()).containsExactly(Mode.ROAD);
    var e2 = n.events().get(1);
    assertThat(e2.end()).isNull();
    assertThat(e2.delayP90H()).isEqualTo(24.0);
    assertThat(e2.surchargeUsdPerTeu()).isEqualTo(100.0);
    assertThat(e2.capacityCut()).isEqualTo(0.2);
    assertThat(e2.provenance().sources()).containsExactly("s1", "https://example.org/x");
    assertThat(n.events().get(2).ratePerYear()).isEqualTo(0.5);
    assertThat(n.events().get(2).durationMeanDays()).isEqualTo(3.0);
  }

  static Stream<Arguments> brokenBundles() {
    return Stream.of(
        // file, text to replace, replacement, expected problem text
        Arguments.of(
            "nodes.csv",
            "IRBBB,Bravo",
            "IRAAA,Bravo",
            "tiny/nodes.csv:3:1: id: duplicate id 'IRAAA' (first at tiny/nodes.csv:2:1)"),
        Arguments.of(
            "links.csv",
            "L2,IRAAA,IRBBB",
            "L2,IRAAA,IRZZZ",
            "tiny/links.csv:3:3: to: unknown node 'IRZZZ'"),
        Arguments.of(
            "links.csv",
            "L2,IRAAA,IRBBB,RAIL,120",
            "L2,IRAAA,IRBBB,RAIL,-5",
            "tiny/links.csv:3:5: length_km: length must be positive, got -5.0"),
        Arguments.of(
            "links.csv",
            "L2,IRAAA,IRBBB,RAIL,120",
            "L2,IRAAA,IRBBB,RAIL,50",
            "tiny/links.csv:3:5: length_km: length 50.0 km is below the great-circle distance"),
        Arguments.of(
            "links.csv",
            "RAIL,120,BOTH,1435",
            "RAIL,120,BOTH,",
            "tiny/links.csv:3:7: gauge: rail link without gauge (1435, 1520 or DUAL)"),
        Arguments.of(
            "links.csv",
            "ROAD,95,BOTH,,",
            "ROAD,95,BOTH,1435,",
            "tiny/links.csv:6:7: gauge: gauge given for a ROAD link"),
        Arguments.of(
            "links.csv",
            "BC-ROAD",
            "",
            "tiny/links.csv:7:13: border_crossing: ROAD link from IR to AZ names no border crossing"),
        Arguments.of(
            "links.csv",
            "BC-ROAD",
            "BC-RAIL",
            "tiny/links.csv:7:13: border_crossing: crossing 'BC-RAIL' does not serve mode ROAD"),
        Arguments.of(
            "links.csv",
            "BC-ROAD",
            "BC-NONE",
            "tiny/links.csv:7:13: border_crossing: unknown border crossing 'BC-NONE'"),
        Arguments.of(
            "links.csv",
            "L2,IRAAA,IRBBB,RAIL,120,BOTH,1435",
            "L2,IRAAA,IRBBB,RAIL,120,BOTH,1520",
            "tiny/nodes.csv:2:1: id: rail of gauges 1435 and 1520 meets at 'IRAAA' but no terminal there"),
        Arguments.of(
            "links.csv",
            "RAIL,120,BOTH,1435,,,,OPERATIONAL,,,,,s1",
            "RAIL,120,BOTH,1435,,,,OPERATIONAL,,,,,",
            "tiny/links.csv:3:16: sources: no source given; every figure needs a source"),
        Arguments.of(
            "links.csv",
            "RAIL,120,BOTH,1435,,,,OPERATIONAL,,,,,s1",
            "RAIL,120,BOTH,1435,,,,OPERATIONAL,,,,,nosuch",
            "tiny/links.csv:3:16: sources: unknown source 'nosuch'"),
        Arguments.of(
            "links.csv",
            "s1|est,2026-01-01,length_km",
            "s1|est,2026-01-01,lenght_km",
            "tiny/links.csv:8:18: estimated: 'lenght_km' is not a column of tiny/links.csv"),
        Arguments.of(
            "links.csv",
            "L5,IRAAA,IRXXX,ROAD,95,BOTH,,,,,PLANNED",
            "L5,IRAAA,IRXXX,ROAD,95,BOTH,,,,,BUILT",
            "tiny/links.csv:6:11: status: unknown value 'BUILT'; allowed: OPERATIONAL, UNDER_CONSTRUCTION, PLANNED, DEFUNCT"),
        Arguments.of(
            "links.csv",
            "RAIL,100,BOTH,1435,false,40",
            "RAIL,100,BOTH,1435,maybe,40",
            "tiny/links.csv:2:8: electrified: 'maybe' is not true or false"),
        Arguments.of(
            "links.csv",
            "RAIL,100,BOTH,1435,false,40",
            "RAIL,100,BOTH,1435,false,4O",
            "tiny/links.csv:2:9: speed_kmh: '4O' is not a number"),
        Arguments.of(
            "links.csv",
            "L1,IRAAA,IRXXX,RAIL,100,BOTH,1435,false,40,",
            "L1,IRAAA,IRXXX,RAIL,100,BOTH,1000,false,40,",
            "tiny/links.csv:2:7: gauge: expected 1435, 1520 or DUAL, got '1000'"),
        Arguments.of(
            "links.csv",
            "49.5 39|49.6 40",
            "49.5 39|x",
            "tiny/links.csv:8:15: geometry: vertex 'x' is not 'lon lat'"),
        Arguments.of(
            "nodes.csv",
            "IR,38.0,48.0",
            "IR,98.0,48.0",
            "tiny/nodes.csv:2:5: lat: latitude 98.0 is outside [-90, 90]"),
        Arguments.of(
            "nodes.csv",
            "IR,38.0,48.0",
            "IR,38.0,248.0",
            "tiny/nodes.csv:2:6: lon: longitude 248.0 is outside [-180, 180]"),
        Arguments.of(
            "nodes.csv",
            "IR,38.0,48.0",
            "XX,38.0,48.0",
            "tiny/nodes.csv:2:4: country: unknown country 'XX'"),
        Arguments.of(
            "nodes.csv",
            "IR,38.0,48.0,RAIL_STATION",
            "IR,38.0,48.0,RAIL_STATON",
            "tiny/nodes.csv:2:7: kinds: unknown value 'RAIL_STATON'"),
        Arguments.of(
            "nodes.csv",
            "Alpha,Alfa|A-town,IR",
            "Alpha,Alfa|A-town,",
            "tiny/nodes.csv:2:4: country: missing country (only WAYPOINT nodes may have none)"),
        Arguments.of(
            "border_crossings.csv",
            "RAIL,10,20,12,24",
            "RAIL,10,5,12,24",
            "tiny/border_crossings.csv:2:7: clearance_ab_p90_h: P90 (5.0 h) is below the mean (10.0 h)"),
        Arguments.of(
            "border_crossings.csv",
            "X road,IRXXX,AZXXX",
            "X road,IRXXX,IRAAA",
            "tiny/border_crossings.csv:3:4: node_b: both nodes are in IR; a crossing joins two countries"),
        Arguments.of(
            "border_crossings.csv",
            "OPEN,,800",
            "OPEN,,-800",
            "tiny/border_crossings.csv:3:14: capacity_per_day: capacity must be positive"),
        Arguments.of(
            "terminals.csv",
            "T-BBB,IRBBB,RAIL,1435,FERRY",
            "T-BBB,IRBBB,RAIL,,FERRY",
            "tiny/terminals.csv:3:4: from_gauge: a rail side needs a single gauge, 1435 or 1520"),
        Arguments.of(
            "terminals.csv",
            "T-BBB,IRBBB",
            "T-BBB,IRQQQ",
            "tiny/terminals.csv:3:2: node: unknown node 'IRQQQ'"),
        Arguments.of(
            "services.csv",
            "L7,2,30",
            "L1,2,30",
            "tiny/services.csv:2:1: link: services run on SEA or FERRY links, not RAIL"),
        Arguments.of(
            "services.csv",
            "L7,2,30",
            "L7,0,30",
            "tiny/services.csv:2:2: sailings_per_week: sailings per week must be positive"),
        Arguments.of(
            "countries.csv",
            "AZ,Azerbaijan",
            "Az,Azerbaijan",
            "tiny/countries.csv:3:1: code: 'Az' is not an ISO 3166-1 alpha-2 code"),
        Arguments.of(
            "manifest.csv",
            "format_version,1",
            "format_version,2",
            "tiny/manifest.csv:2:2: value: format_version 2 is not supported (this Karvan reads 1)"),
        Arguments.of(
            "manifest.csv",
            "as_of,2026-11-29",
            "as_of,29.11.2026",
            "tiny/manifest.csv:5:2: value: '29.11.2026' is not a date YYYY-MM-DD"),
        Arguments.of(
            "links.csv",
            "id,from,to,mode,length_km",
            "id,from,to,mod,length_km",
            "tiny/links.csv:1: mode: missing column 'mode' in the header"),
        Arguments.of(
            "chokepoints.csv",
            "STRAIT",
            "GULF",
            "tiny/chokepoints.csv:2:3: kind: unknown value 'GULF'"),
        Arguments.of(
            "events.csv",
            "2026-03-05,2026-03-09,CLOSED",
            "2026-03-09,2026-03-05,CLOSED",
            "tiny/events.csv:2:5: end: end 2026-03-05 is before start 2026-03-09"),
        Arguments.of(
            "events.csv", "LINK,L7", "LINK,L9", "tiny/events.csv:3:3: targets: unknown link 'L9'"),
        Arguments.of(
            "events.csv",
            "IR-AZ",
            "IR-RU",
            "tiny/events.csv:2:3: targets: 'IR-RU' is not a pair of countries with a border"),
        Arguments.of(
            "events.csv",
            ",CLOSED,ROAD",
            ",SHUT,ROAD",
            "tiny/events.csv:2:6: severity: unknown value 'SHUT'"),
        Arguments.of(
            "events.csv",
            "COUNTRY_PAIR,IR-AZ,2026-03-05",
            "COUNTRY_PAIR,IR-AZ,2026-3-5",
            "tiny/events.csv:2:4: start: '2026-3-5' is not a date YYYY-MM-DD"),
        Arguments.of(
            "events.csv",
            "12,24,100",
            "12,6,100",
            "tiny/events.csv:3:9: delay_p90_h: P90 6.0 h is below the mean"),
        Arguments.of(
            "events.csv",
            ",0.5,3,est",
            ",,3,est",
            "tiny/events.csv:4:13: rate_per_year: a RISK row needs a positive rate_per_year"),
        Arguments.of(
            "events.csv",
            "s1|https",
            "s9|https",
            "tiny/events.csv:3:15: sources: unknown source 's9'"));
  }

  @ParameterizedTest(name = "{3}")
  @MethodSource("brokenBundles")
  void eachRuleIsReportedWithFileLineColumnAndField(
      String file, String from, String to, String expected) {
    TinyBundle b = TinyBundle.load().replace(file, from, to);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::read);
    assertThat(e).as("bundle with %s edited must not load", file).isNotNull();
    assertThat(e.errors())
        .extracting(Problem::toString)
        .anySatisfy(s -> assertThat(s).startsWith(expected));
  }

  @Test
  void allProblemsAreCollectedAcrossFiles() {
    TinyBundle b =
        TinyBundle.load()
            .replace("nodes.csv", "IR,38.0,48.0", "IR,98.0,48.0")
            .replace("links.csv", "RAIL,100,BOTH,1435,false,40", "RAIL,100,BOTH,1435,maybe,40")
            .replace("services.csv", "L7,2,30", "L7,0,30")
            .remove("countries.csv");
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, b::read);
    assertThat(e.errors())
        .extracting(Problem::toString)
        .contains(
            "tiny/countries.csv: missing file (required in every bundle)",
            "tiny/links.csv:2:8: electrified: 'maybe' is not true or false",
            "tiny/nodes.csv:2:5: lat: latitude 98.0 is outside [-90, 90]",
            "tiny/services.csv:2:2: sailings_per_week: sailings per week must be positive");
  }

  @Test
  void warningsDoNotStopLoading() {
    Network n =
        TinyBundle.load()
            .replace("links.csv", "ROAD,95,BOTH,,,,,PLANNED,2030", "ROAD,95,BOTH,,,,,PLANNED,")
            .replace("links.csv", "L2,IRAAA,IRBBB,RAIL,120", "L2,IRAAA,IRBBB,RAIL,900")
            .replace("nodes.csv", "estimated,note", "estimated,note,colour")
            .read();
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .contains(
            "tiny/links.csv:6:12: opening_year: warning: PLANNED link without opening year",
            "tiny/nodes.csv:1:12: colour: warning: unknown column 'colour' is ignored")
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith(
                        "tiny/links.csv:3:5: length_km: warning: length 900.0 km is over 2.5 times"));
  }

  @Test
  void invalidUtf8AndByteOrderMark() {
    byte[] latin1 =
        TinyBundle.load()
            .text("countries.csv")
            .replace("Iran", "Ir\u00e1n")
            .getBytes(StandardCharsets.ISO_8859_1);
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> TinyBundle.load().put("countries.csv", latin1).read());
    assertThat(e.errors())
        .extracting(Problem::toString)
        .containsExactly("tiny/countries.csv:2: invalid UTF-8 (the file must be saved as UTF-8)");

    byte[] text = TinyBundle.load().text("countries.csv").getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[text.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bom, 3, text.length);
    assertThat(TinyBundle.load().put("countries.csv", bom).read().countries()).hasSize(2);
  }

  @Test
  void missingDirectoryIsOneClearError() {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> org.karvan.io.bundle.BundleReader.read(java.nio.file.Path.of("no/such/dir")));
    assertThat(e.errors())
        .extracting(Problem::toString)
        .containsExactly("no/such/dir: no such file or directory");
  }

  @Test
  void problemsAreSortedByFileAndLine() {
    TinyBundle b =
        TinyBundle.load()
            .replace("links.csv", "L5,IRAAA,IRXXX,ROAD,95", "L5,IRAAA,IRXXX,ROAD,-1")
            .replace("links.csv", "L1,IRAAA,IRXXX,RAIL,100", "L1,IRAAA,IRXXX,RAIL,-1");
    List<Problem> errors = catchThrowableOfType(InvalidInputException.class, b::read).errors();
    assertThat(errors).extracting(Problem::line).isSorted();
  }
}
