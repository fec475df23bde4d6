package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.EdgeCost;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Mode;
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
 * Hours of service, unit costing, CO2e and customs on hand-solved networks (docs/cost-model.md),
 * with the default profile: road 60 km/h; KZ road USD 2.99 and TM 1.18 per truck-km.
 */
class FreightModelTest {
  static final Profile PROFILE = ProfileReader.readDefault();

  /**
   * A road line O (KZ) -540 km- P (KZ) -6 km border, 12 h clearance KZ->TM- Q (TM) -300 km- D (TM),
   * and a spur O -216 km- S (KZ).
   */
  static Network roadLine() {
    String nodes =
        "id,name,aliases,country,lat,lon,kinds,sources,as_of,estimated,note\n"
            + "KZOOO,O,,KZ,43.0,51.0,CITY,s1,,,\n"
            + "KZPPP,P,,KZ,42.32,53.68,BORDER_CROSSING,s1,,,\n"
            + "TMQQQ,Q,,TM,42.28,53.69,BORDER_CROSSING,s1,,,\n"
            + "TMDDD,D,,TM,40.5,55.5,CITY,s1,,,\n"
            + "KZSSS,S,,KZ,44.5,52.0,CITY,s1,,,\n";
    String links =
        "id,from,to,mode,length_km,direction,gauge,electrified,speed_kmh,capacity_tpy,status,"
            + "opening_year,border_crossing,chokepoints,geometry,sources,as_of,estimated,note\n"
            + "R1,KZOOO,KZPPP,ROAD,540,BOTH,,,,,OPERATIONAL,,,,,s1,,,\n"
            + "R2,KZPPP,TMQQQ,ROAD,6,BOTH,,,,,OPERATIONAL,,BC-R,,,s1,,,\n"
            + "R3,TMQQQ,TMDDD,ROAD,300,BOTH,,,,,OPERATIONAL,,,,,s1,,,\n"
            + "R4,KZOOO,KZSSS,ROAD,216,BOTH,,,,,OPERATIONAL,,,,,s1,,,\n";
    String crossings =
        "id,name,node_a,node_b,modes,clearance_ab_mean_h,clearance_ab_p90_h,clearance_ba_mean_h,"
            + "clearance_ba_p90_h,fee_ab_usd,fee_ba_usd,status,opening_year,capacity_per_day,"
            + "sources,as_of,estimated,note\n"
            + "BC-R,R road,KZPPP,TMQQQ,ROAD,12,20,5,10,30,30,OPEN,,,s1,,,\n";
    TinyBundle b = TinyBundle.load();
    String terminals = b.text("terminals.csv").lines().findFirst().orElseThrow() + "\n";
    String services = b.text("services.csv").lines().findFirst().orElseThrow() + "\n";
    // The tiny bundle's dated events name its own elements, which this network replaces.
    b.remove("events.csv");
    return b.put("nodes.csv", bytes(nodes))
        .put("links.csv", bytes(links))
        .put("border_crossings.csv", bytes(crossings))
        .put("terminals.csv", bytes(terminals))
        .put("services.csv", bytes(services))
        .put("countries.csv", bytes("code,name\nKZ,Kazakhstan\nTM,Turkmenistan\n"))
        .read();
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static final Router ROAD = new Router(MultimodalGraph.compile(roadLine(), PROFILE));

  static Route road(String from, String to, String cargo) {
    return ROAD.route(
            new RouteRequest(
                from, to, List.of(), Cargo.parse(cargo, PROFILE), Objective.TIME, Constraints.NONE))
        .orElseThrow();
  }

  static List<Event> rests(Route r) {
    return r.events().stream().filter(e -> e.type() == EventType.DRIVER_REST).toList();
  }

  @Test
  void restsFallWhereTheRulesPutThemAndNoneBeforeUnloading() {
    Route r = road("KZOOO", "TMDDD", "1x40ft");
    // load 12 | R1 9 h, break at 270 km | at the border the daily rest is due and taken in the 12 h
    // queue and clearance | R2 0.1 h | R3 5 h: break after 4.5 h of driving since the border, 4.4
    // h into R3 = km 546 + 264 | unload 12, no rest before it
    assertThat(r.totals().durationHours())
        .isCloseTo(12 + 9 + 0.75 + 12 + 0.1 + 5 + 0.75 + 12, within(1e-9));
    assertThat(rests(r)).extracting(Event::durationHours).containsExactly(0.75, 0.75);
    assertThat(rests(r)).extracting(Event::kmFromOrigin).containsExactly(270.0, 810.0);
    assertThat(rests(r)).extracting(Event::at).containsExactly("KZOOO", "TMQQQ");
    assertThat(r.events())
        .extracting(Event::type)
        .containsExactly(
            EventType.LOADING,
            EventType.DRIVER_REST,
            EventType.BORDER_CROSSING,
            EventType.DRIVER_REST,
            EventType.UNLOADING);
    TinyRoutingTest.assertTotalsAreSums(r);
  }

  @Test
  void aShortDriveHasNoRest() {
    Route r = road("KZOOO", "KZSSS", "1x40ft");
    assertThat(rests(r)).isEmpty();
    assertThat(r.totals().durationHours()).isCloseTo(12 + 3.6 + 12, within(1e-9));
  }

  @Test
  void twoDriversDriveThroughBreaks() {
    Route r = road("KZOOO", "TMDDD", "1x40ft drivers=2");
    // No breaks stop the truck; 14.1 h driving is under the 18 h period: no rest at all.
    assertThat(rests(r)).isEmpty();
    assertThat(r.totals().durationHours()).isCloseTo(12 + 9 + 0.1 + 12 + 5 + 12, within(1e-9));
  }

  @Test
  void roadTariffsAreByCountryAndPerTruck() {
    Route feu = road("KZOOO", "TMDDD", "1x40ft");
    // KZ 2.99 x 546 km (the border link is booked to its KZ end) + TM 1.18 x 300 + fee 30
    // + loading and unloading 2 x 100 x 2 TEU.
    double usd = 2.99 * 546 + 1.18 * 300 + 30 + 400;
    assertThat(feu.totals().costUsd()).isCloseTo(usd, within(1e-6));
    // Two 20ft of 10 t share one truck (2 x 12.23 t <= 25 t): the same road bill.
    assertThat(road("KZOOO", "TMDDD", "2x20ft").totals().costUsd()).isCloseTo(usd, within(1e-6));
    // Two heavy 20ft do not fit one truck: two trucks, two fees.
    Route heavy = road("KZOOO", "TMDDD", "2x20ft@20t");
    assertThat(heavy.totals().costUsd()).isCloseTo(2 * (usd - 400) + 400, within(1e-6));
  }

  @Test
  void anAlmostEmptyBoxStillEmitsTheTruck() {
    Route empty = road("KZOOO", "TMDDD", "1x40ft@0.5t");
    Route full = road("KZOOO", "TMDDD", "1x40ft@20t");
    double km = 846;
    // Per truck-km: 1.04 x (1 + 0.25) for the truck and its empty running, + 0.0284 per gross t
    // (cargo + 3.75 t tare); plus 15 kg for each of two handlings of 2 TEU.
    assertThat(empty.totals().co2eKg())
        .isCloseTo(km * (1.04 * 1.25 + 0.0284 * 4.25) + 60, within(1e-6));
    assertThat(full.totals().co2eKg())
        .isCloseTo(km * (1.04 * 1.25 + 0.0284 * 23.75) + 60, within(1e-6));
    // Over 6,665 km an almost empty 40ft on a truck emits more than 9 t.
    assertThat(6665 * (1.04 * 1.25 + 0.0284 * 4.25)).isGreaterThan(9000);
  }

  @Test
  void railAndSeaTariffsTellTwentiesFromForties() {
    // 100 km of rail in KZ (2023 through rate) and of sea: hand-made edge costs from the profile.
    EdgeCost rail = new EdgeCost(Mode.RAIL, 4, 0, 0, 0, 0, 0, 15, 24, 8, 0, 0, 0, 0, 3.1, 0, 100);
    Cargo feu = Cargo.parse("1x40ft", PROFILE);
    Cargo twoTeu = Cargo.parse("2x20ft", PROFILE);
    assertThat(feu.usd(rail)).isCloseTo(24, within(1e-9));
    assertThat(twoTeu.usd(rail)).isCloseTo(30, within(1e-9));
    // Bulk pays per tonne: 50 t x 0.08 USD/tkm x 100 km; needs two trucks but one wagon.
    Cargo bulk = Cargo.parse("50t bulk", PROFILE);
    assertThat(bulk.usd(rail)).isCloseTo(400, within(1e-9));
    assertThat(bulk.trucks()).isEqualTo(2);
    assertThat(bulk.wagons()).isEqualTo(1);
    assertThat(bulk.boxes20() + bulk.boxes40()).isZero();
    // CO2e by gross mass: 2 x (10 + 2.23) t vs 20 + 3.75 t.
    assertThat(twoTeu.kg(rail)).isCloseTo(3.1 * 24.46, within(1e-9));
    assertThat(feu.kg(rail)).isCloseTo(3.1 * 23.75, within(1e-9));
  }

  @Test
  void payloadsBeyondTheLimitAreRefusedNamingTheLimit() {
    assertThatThrownBy(() -> Cargo.parse("1x40ft@100t", PROFILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 t exceeds the 40ft payload limit of 26.73 t")
        .hasMessageContaining("ISO 668");
    assertThatThrownBy(() -> Cargo.parse("2x20ft@29t", PROFILE))
        .hasMessageContaining("exceeds the 20ft payload limit of 28.25 t");
    assertThatThrownBy(() -> Cargo.parse("1 truck@30t", PROFILE))
        .hasMessageContaining("exceeds the truck payload limit of 25 t");
    assertThatThrownBy(() -> Cargo.parse("2 wagons@80t", PROFILE))
        .hasMessageContaining("exceeds the wagon payload limit of 60 t");
    assertThatThrownBy(() -> Cargo.parse("1x40ft drivers=3", PROFILE))
        .hasMessageContaining("drivers must be 1 or 2");
    assertThat(Cargo.parse("1x40ft@26.73t", PROFILE).tonnes()).isEqualTo(26.73);
  }

  @Test
  void customsAtPortsFollowTheRegimeAndThePortsOwnValues() {
    Network tiny = TinyBundle.load().read();
    RouteRequest rq =
        new RouteRequest(
            "IRAAA",
            "AZDDD",
            List.of(),
            Cargo.parse("1x40ft", PROFILE),
            Objective.TIME,
            Constraints.NONE.withAvoidCrossings(java.util.Set.of("BC-RAIL")));
    Route transit = new Router(MultimodalGraph.compile(tiny, PROFILE)).route(rq).orElseThrow();
    Profile imp = PROFILE.with(Map.of("customs.regime", 1.0), "test");
    Route imported = new Router(MultimodalGraph.compile(tiny, imp)).route(rq).orElseThrow();
    // Entry at Delta: transit 12 h, import 48 h; the exit at Bravo (6 h) is the same.
    assertThat(imported.totals().durationHours() - transit.totals().durationHours())
        .isCloseTo(36, within(1e-9));
    List<Event> customs =
        transit.events().stream().filter(e -> e.type() == EventType.CUSTOMS).toList();
    assertThat(customs).extracting(Event::at).containsExactly("IRBBB", "AZDDD");
    assertThat(customs).extracting(Event::durationHours).containsExactly(6.0, 12.0);
    // USD 100 per truck each time.
    assertThat(customs).extracting(Event::costUsd).containsExactly(100.0, 100.0);
    // CPMM TFI1 / TFI2 count the port customs as border-crossing points.
    var cpmm = org.karvan.core.scenario.Cpmm.of(tiny, transit, Cargo.parse("1x40ft", PROFILE));
    assertThat(cpmm.crossings()).extracting(c -> c.at()).containsExactly("IRBBB", "AZDDD");
    Profile own = PROFILE.with(Map.of("customs.port.transit_h.AZDDD", 3.0), "test");
    Route withOwn = new Router(MultimodalGraph.compile(tiny, own)).route(rq).orElseThrow();
    assertThat(transit.totals().durationHours() - withOwn.totals().durationHours())
        .isCloseTo(9, within(1e-9));
    // Imported into AZ (the destination's country): the entry at Delta takes the import time.
    Profile intoAz =
        PROFILE.with(Map.of("customs.regime", 1.0, "customs.import_in.AZ", 1.0), "test");
    Route az = new Router(MultimodalGraph.compile(tiny, intoAz)).route(rq).orElseThrow();
    assertThat(az.totals().durationHours() - transit.totals().durationHours())
        .isCloseTo(36, within(1e-9));
    assertThat(az.events().stream().filter(e -> e.type() == EventType.CUSTOMS))
        .extracting(Event::detail)
        .containsExactly(
            "exit by sea/ferry, export/transit exit", "entry by sea/ferry, import regime");
    // Imported into another country: Delta is passed in transit, at the transit time.
    Profile intoIr =
        PROFILE.with(Map.of("customs.regime", 1.0, "customs.import_in.IR", 1.0), "test");
    Route ir = new Router(MultimodalGraph.compile(tiny, intoIr)).route(rq).orElseThrow();
    assertThat(ir.totals().durationHours())
        .isCloseTo(transit.totals().durationHours(), within(1e-9));
    assertThat(ir.events().stream().filter(e -> e.type() == EventType.CUSTOMS))
        .extracting(Event::detail)
        .contains("entry by sea/ferry, transit regime");
  }

  @Test
  void aScenarioProfileSetsTheHoursOfServiceRulesOfTheItinerary() {
    String yaml =
        String.join(
            "\n",
            "name: t",
            "description: earlier breaks",
            "sources: [test]",
            "modifications:",
            "  - type: set-parameter",
            "    key: road.hos.break_after_h",
            "    value: 4",
            "");
    var s = org.karvan.io.scenario.ScenarioReader.read(bytes(yaml), "t.yaml");
    Network net = roadLine();
    MultimodalGraph g = MultimodalGraph.compile(net, PROFILE);
    Router under =
        new Router(g, org.karvan.core.scenario.ScenarioView.apply(net, PROFILE, List.of(s)));
    Route r =
        under
            .route(
                new RouteRequest(
                    "KZOOO",
                    "TMDDD",
                    List.of(),
                    Cargo.parse("1x40ft", PROFILE),
                    Objective.TIME,
                    Constraints.NONE))
            .orElseThrow();
    // As in restsFallWhereTheRulesPutThem..., with a break after 4 h: at 4 h and 8 h in R1 (240
    // and 480 km), then 3.9 h into R3 (km 546 + 234).
    assertThat(rests(r)).extracting(Event::kmFromOrigin).containsExactly(240.0, 480.0, 780.0);
  }

  @Test
  void reliabilityModelsTheEntryCustomsAsADistribution() {
    Network tiny = TinyBundle.load().read();
    MultimodalGraph g = MultimodalGraph.compile(tiny, PROFILE);
    Router router = new Router(g);
    java.util.BitSet off = new java.util.BitSet();
    // Close the rail border so the route takes the ferry Bravo -> Delta.
    for (int e = 0; e < g.csr().edgeCount(); e++) {
      if (g.kind(e) == org.karvan.core.graph.EdgeKind.MOVE
          && "BC-RAIL".equals(g.link(e).borderCrossing())) {
        off.set(e);
      }
    }
    double[] w = router.weights(Objective.TIME, Cargo.parse("1x40ft", PROFILE), false).w();
    var p =
        new org.karvan.core.routing.Dijkstra(g.csr())
            .route(
                g.hub(g.physIndex("IRAAA")), g.hub(g.physIndex("AZDDD")), w, off, g.hubs(), null);
    var model = new org.karvan.core.reliability.RouteModels(0, 0.3, 0).of(g, "ferry", p.edges(), 0);
    var customs =
        model.components().stream()
            .filter(c -> c.label().startsWith("customs"))
            .map(org.karvan.core.reliability.Component::label)
            .toList();
    // Exit at Bravo (fixed 6 h) and entry at Delta (transit: mean 12 h, p90 24 h).
    assertThat(customs).containsExactly("customs IRBBB", "customs AZDDD");
    var entry =
        (org.karvan.core.reliability.Component.LogNormal)
            model.components().stream()
                .filter(c -> c.label().equals("customs AZDDD"))
                .findFirst()
                .orElseThrow();
    assertThat(Math.exp(entry.mu() + entry.sigma() * entry.sigma() / 2))
        .isCloseTo(12, within(1e-9));
    assertThat(Math.exp(entry.mu() + 1.2815515655446004 * entry.sigma()))
        .isCloseTo(24, within(1e-6));
  }
}
