package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.ServiceLines;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.Event;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.profile.ProfileReader;

/**
 * Staying aboard only within one service line (docs/routing.md): ports A (IR) -S1- B (AZ) -S2- C
 * (KZ); S1 sails twice a week in 20 h, S2 once a week in 15 h. Default profile: loading and
 * unloading 12 h, exit customs 6 h, transit entry customs 12 h, transshipment 24 h and USD 150 per
 * TEU, expected wait half the headway.
 */
class ServiceLinesTest {
  static final Profile PROFILE = ProfileReader.readDefault();

  static Network sea(String s2Chokepoints) {
    return sea(s2Chokepoints, false);
  }

  /** With {@code s3}: a port D (KZ) beyond C, served by S3 once a week in 10 h. */
  static Network sea(String s2Chokepoints, boolean s3) {
    String nodes =
        "id,name,aliases,country,lat,lon,kinds,sources,as_of,estimated,note\n"
            + "IRAAA,A,,IR,37.0,50.0,PORT,s1,,,\n"
            + "AZBBB,B,,AZ,40.0,50.0,PORT,s1,,,\n"
            + "KZCCC,C,,KZ,43.0,51.0,PORT,s1,,,\n"
            + (s3 ? "KZDDD,D,,KZ,45.0,51.0,PORT,s1,,,\n" : "");
    String links =
        "id,from,to,mode,length_km,direction,gauge,electrified,speed_kmh,capacity_tpy,status,"
            + "opening_year,border_crossing,chokepoints,geometry,sources,as_of,estimated,note\n"
            + "S1,IRAAA,AZBBB,SEA,500,BOTH,,,,,OPERATIONAL,,,,,s1,,,\n"
            + "S2,AZBBB,KZCCC,SEA,400,BOTH,,,,,OPERATIONAL,,,"
            + s2Chokepoints
            + ",,s1,,,\n"
            + (s3 ? "S3,KZCCC,KZDDD,SEA,300,BOTH,,,,,OPERATIONAL,,,,,s1,,,\n" : "");
    String services =
        "link,sailings_per_week,sailing_h,operator,sources,as_of,estimated,note\n"
            + "S1,2,20,,s1,,,\n"
            + "S2,1,15,,s1,,,\n"
            + (s3 ? "S3,1,10,,s1,,,\n" : "");
    TinyBundle b = TinyBundle.load();
    String crossings = b.text("border_crossings.csv").lines().findFirst().orElseThrow() + "\n";
    String terminals = b.text("terminals.csv").lines().findFirst().orElseThrow() + "\n";
    // The tiny bundle's dated events name its own elements, which this network replaces.
    b.remove("events.csv");
    return b.put("nodes.csv", bytes(nodes))
        .put("links.csv", bytes(links))
        .put("services.csv", bytes(services))
        .put("border_crossings.csv", bytes(crossings))
        .put("terminals.csv", bytes(terminals))
        .put(
            "chokepoints.csv",
            bytes("id,name,kind,sources,as_of,estimated,note\nCAN,Test canal,CANAL,s1,,,\n"))
        .put("countries.csv", bytes("code,name\nIR,Iran\nAZ,Azerbaijan\nKZ,Kazakhstan\n"))
        .read();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Route route(MultimodalGraph g) {
    return new Router(g)
        .route(
            new RouteRequest(
                "IRAAA",
                "KZCCC",
                List.of(),
                Cargo.parse("1x40ft", PROFILE),
                Objective.TIME,
                Constraints.NONE))
        .orElseThrow();
  }

  static List<Event> of(Route r, EventType t) {
    return r.events().stream().filter(e -> e.type() == t).toList();
  }

  @Test
  void changingServiceAtAPortIsATransshipmentWithTheWaitForTheNextDeparture() {
    Route r = route(MultimodalGraph.compile(sea(""), PROFILE));
    // load 12 + exit 6 + wait 84/2 + S1 20 + transship 24 + wait 168/2 + S2 15 + entry 12 + unload
    assertThat(r.totals().durationHours())
        .isCloseTo(12 + 6 + 42 + 20 + 24 + 84 + 15 + 12 + 12, within(1e-9));
    assertThat(of(r, EventType.TRANSSHIPMENT)).hasSize(1);
    Event t = of(r, EventType.TRANSSHIPMENT).get(0);
    assertThat(t.at()).isEqualTo("AZBBB");
    assertThat(t.costUsd()).isCloseTo(300, within(1e-9));
    assertThat(t.kmFromOrigin()).isCloseTo(500, within(1e-9));
    assertThat(of(r, EventType.SHIP_WAIT))
        .extracting(Event::durationHours)
        .containsExactly(42.0, 84.0);
    // No customs at B: the box stays in the port.
    assertThat(of(r, EventType.CUSTOMS)).extracting(Event::at).containsExactly("IRAAA", "KZCCC");
    assertThat(r.legs()).hasSize(2);
  }

  @Test
  void aRotationSailedByOneShipStaysAboard() {
    Network n = sea("");
    MultimodalGraph g =
        MultimodalGraph.compile(n, PROFILE, ServiceLines.of(n, Map.of("S1", "X", "S2", "X")));
    Route r = route(g);
    assertThat(r.totals().durationHours()).isCloseTo(12 + 6 + 42 + 20 + 15 + 12 + 12, within(1e-9));
    assertThat(of(r, EventType.TRANSSHIPMENT)).isEmpty();
    assertThat(r.legs()).hasSize(1);
    assertThat(r.legs().get(0).links()).containsExactly("S1", "S2");
  }

  @Test
  void aCanalIsAPassageForAnyService() {
    Route r = route(MultimodalGraph.compile(sea("CAN"), PROFILE));
    assertThat(r.totals().durationHours()).isCloseTo(12 + 6 + 42 + 20 + 15 + 12 + 12, within(1e-9));
    assertThat(of(r, EventType.TRANSSHIPMENT)).isEmpty();
    assertThat(r.chokepoints()).containsExactly("CAN");
  }

  @Test
  void rotationsNameWaterLinksOnly() {
    Network n = sea("");
    assertThatThrownBy(() -> ServiceLines.of(n, Map.of("NOPE", "X")))
        .hasMessageContaining("'NOPE' is not a water link");
    ServiceLines lines = ServiceLines.of(n);
    assertThat(lines.count()).isEqualTo(2);
    assertThat(lines.name(lines.lineOf(1))).isEqualTo("S2");
    assertThat(lines.isPassage(lines.lineOf(1))).isFalse();
    assertThat(ServiceLines.of(sea("CAN")).isPassage(1)).isTrue();
  }

  @Test
  void onTheDefaultNetworkSeaRoutesChangeShipsWhereServicesEnd() {
    Network n = org.karvan.io.bundle.BundleReader.readDefault();
    Router r = new Router(MultimodalGraph.compile(n, PROFILE));
    Route poti =
        r.route(
                new RouteRequest(
                    "INNSA",
                    "GEPTI",
                    List.of(),
                    Cargo.parse("1x40ft", PROFILE),
                    Objective.TIME,
                    Constraints.NONE.withModes(java.util.Set.of(org.karvan.core.model.Mode.SEA))))
            .orElseThrow();
    // Through Suez aboard on the Nhava Sheva service (the canal is a passage), a change of ship at
    // Port Said (the data has no rotation joining the Indian and Mediterranean links) and again
    // at Istanbul for Poti.
    assertThat(of(poti, EventType.TRANSSHIPMENT))
        .extracting(Event::at)
        .containsExactly("EGPSD", "TRIST");
    assertThat(of(poti, EventType.SHIP_WAIT)).hasSize(3);
    assertThat(poti.legs().get(0).links()).containsExactly("S-NSA-SUZ", "S-SUZ-PSD");
    assertThat(poti.legs()).allSatisfy(l -> assertThat(l.links()).hasSizeLessThanOrEqualTo(2));
  }

  @Test
  void aShipKeepsItsOwnLineThroughACanal() {
    // A -S1- B -canal S2- C -S3- D: aboard S1 through the canal to C, then a change of ship.
    Route r =
        new Router(MultimodalGraph.compile(sea("CAN", true), PROFILE))
            .route(
                new RouteRequest(
                    "IRAAA",
                    "KZDDD",
                    List.of(),
                    Cargo.parse("1x40ft", PROFILE),
                    Objective.TIME,
                    Constraints.NONE))
            .orElseThrow();
    // load 12 + exit 6 + wait 42 + S1 20 + canal 15 + transship at C 24 + wait 84 + S3 10 + entry
    // 12 + unload 12
    assertThat(r.totals().durationHours())
        .isCloseTo(12 + 6 + 42 + 20 + 15 + 24 + 84 + 10 + 12 + 12, within(1e-9));
    assertThat(of(r, EventType.TRANSSHIPMENT)).extracting(Event::at).containsExactly("KZCCC");
    assertThat(of(r, EventType.TRANSSHIPMENT).get(0).detail()).contains("S1");
  }
}
