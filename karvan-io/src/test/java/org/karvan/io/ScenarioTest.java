package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Corridors;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.scenario.BuiltInScenarios;
import org.karvan.io.scenario.ScenarioReader;

/** Built-in scenarios change routes in the direction and rough size the data implies. */
class ScenarioTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile PROFILE = ProfileReader.readDefault();
  static final MultimodalGraph GRAPH = MultimodalGraph.compile(NET, PROFILE);
  static final Router BASE = new Router(GRAPH);
  static final Cargo FEU = Cargo.parse("1x40ft", PROFILE);

  static Router under(String name) {
    Scenario s = BuiltInScenarios.find(name).orElseThrow();
    return new Router(GRAPH, ScenarioView.apply(NET, PROFILE, BuiltInScenarios.chain(s)));
  }

  static Route route(Router r, String from, String to, Objective o) {
    return r.route(new RouteRequest(from, to, List.of(), FEU, o, Constraints.NONE)).orElseThrow();
  }

  @Test
  void everyBuiltInParsesAndApplies() {
    assertThat(BuiltInScenarios.list())
        .extracting(Scenario::name)
        .containsExactly(
            "rasht-astara-built",
            "aras-corridor-open",
            "tripp-open",
            "az-ir-border-closed",
            "am-az-border-open",
            "suez-closed",
            "caspian-winter",
            "year-2030",
            "year-2035",
            "hormuz-closed");
    for (Scenario s : BuiltInScenarios.list()) {
      assertThat(s.description()).isNotBlank();
      assertThat(s.sources()).isNotEmpty();
      ScenarioView v = ScenarioView.apply(NET, PROFILE, BuiltInScenarios.chain(s));
      assertThat(v.addsElements()).isFalse();
    }
  }

  @Test
  void rashtAstaraBuiltGivesAnAllRailRouteWithoutTheCaspianDetour() {
    // By CO2e, rail wherever it runs: today the rail gap between Rasht and Astara sends the box
    // by rail to an Iranian Caspian port and across the sea (port handling, customs, a sailing).
    Route base = route(BASE, "IRTHR", "AZBAK", Objective.CO2);
    Route built = route(under("rasht-astara-built"), "IRTHR", "AZBAK", Objective.CO2);
    assertThat(base.legs()).anySatisfy(l -> assertThat(l.mode()).isEqualTo("SEA"));
    assertThat(base.events()).filteredOn(e -> e.type() == EventType.PORT_HANDLING).isNotEmpty();
    assertThat(built.links()).contains("R-RSH-AST");
    // Rail now runs through Rasht and Astara: rail only, no port.
    assertThat(built.legs()).allSatisfy(l -> assertThat(l.mode()).isEqualTo("RAIL"));
    assertThat(built.events())
        .noneMatch(e -> e.type() == EventType.PORT_HANDLING || e.type() == EventType.CUSTOMS);
    assertThat(built.totals().distanceKm()).isLessThan(base.totals().distanceKm() - 500);
    assertThat(base.totals().co2eKg()).isGreaterThan(built.totals().co2eKg());
    // The base network itself is untouched: routing it again gives the same answer.
    assertThat(route(BASE, "IRTHR", "AZBAK", Objective.CO2).totals()).isEqualTo(base.totals());
  }

  @Test
  void azIrBorderClosedReroutesAroundAzerbaijanIranCrossings() {
    Route base = route(BASE, "INNSA", "RUMOW", Objective.TIME);
    assertThat(base.crossings()).contains("BC-AST-ROAD");
    Route closed = route(under("az-ir-border-closed"), "INNSA", "RUMOW", Objective.TIME);
    for (String c : closed.crossings()) {
      var bc = NET.getCrossing(c);
      assertThat(java.util.Set.of(NET.countryOf(bc.nodeA()), NET.countryOf(bc.nodeB())))
          .isNotEqualTo(java.util.Set.of("AZ", "IR"));
    }
    assertThat(closed.totals().durationHours()).isGreaterThan(base.totals().durationHours());
  }

  @Test
  void suezClosedTakesNoRedSeaRouteAndCostsMoreToRotterdam() {
    Route base = route(BASE, "INNSA", "NLRTM", Objective.COST);
    assertThat(base.chokepoints()).contains("SUEZ");
    Router r = under("suez-closed");
    var closed =
        r.route(
            new RouteRequest("INNSA", "NLRTM", List.of(), FEU, Objective.COST, Constraints.NONE));
    closed.ifPresent(
        c -> {
          assertThat(c.chokepoints()).doesNotContain("SUEZ", "BAB_EL_MANDEB");
          assertThat(c.totals().costUsd()).isGreaterThan(base.totals().costUsd());
          assertThat(Corridors.of(NET, c)).doesNotContain("Suez sea route");
        });
    // Round the Cape by sea, not by land: one 10,850 nm sailing (S-NSA-RTM-CAPE).
    Route cape = closed.orElseThrow();
    assertThat(cape.links()).containsExactly("S-NSA-RTM-CAPE");
    assertThat(Corridors.of(NET, cape)).containsExactly("Cape of Good Hope sea route");
    assertThat(cape.totals().distanceKm()).isCloseTo(10850 * 1.852, within(0.1));
  }

  @Test
  void caspianWinterDoublesFerryWaits() {
    Route base = route(BASE, "KZSCO", "AZALT", Objective.TIME);
    Route winter = route(under("caspian-winter"), "KZSCO", "AZALT", Objective.TIME);
    double w0 =
        base.events().stream()
            .filter(e -> e.type() == EventType.FERRY_WAIT || e.type() == EventType.SHIP_WAIT)
            .mapToDouble(Route.Event::durationHours)
            .sum();
    double w1 =
        winter.events().stream()
            .filter(e -> e.type() == EventType.FERRY_WAIT || e.type() == EventType.SHIP_WAIT)
            .mapToDouble(Route.Event::durationHours)
            .sum();
    assertThat(w0).isPositive();
    assertThat(w1).isCloseTo(2 * w0, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void trippOpenConnectsMainlandAzerbaijanToNakhchivanThroughArmenia() {
    RouteRequest r =
        new RouteRequest(
            "AZHRD",
            "AZNAK",
            List.of(),
            FEU,
            Objective.TIME,
            Constraints.NONE.withModes(java.util.Set.of(org.karvan.core.model.Mode.RAIL)));
    assertThat(BASE.route(r)).isEmpty();
    Route tripp = under("tripp-open").route(r).orElseThrow();
    assertThat(tripp.crossings()).containsExactly("BC-TRIPP-E", "BC-TRIPP-W");
    // Countries in order of first entry: Azerbaijan (mainland), Armenia (Meghri), then Nakhchivan
    // again.
    assertThat(tripp.countries()).extracting(Route.CountryKm::code).containsExactly("AZ", "AM");
    assertThat(tripp.nodes()).contains("AMMGR");
  }

  @Test
  void withHormuzClosedCentralAsiaGoesThroughChabaharNotRoundTheCape() {
    // Chabahar, outside the strait, reaches Mashhad by the 650 km Chabahar - Zahedan and 933 km
    // Zahedan - Mashhad roads, then Sarakhs; before they were added (2026-12-01) Chabahar had sea
    // links only and Nhava Sheva -> Tashkent went round the Cape to Rotterdam (51.5 days).
    Constraints c =
        new Constraints(
            null,
            false,
            java.util.Set.of(),
            java.util.Set.of(),
            java.util.Set.of("HORMUZ"),
            java.util.Set.of(),
            java.util.Set.of());
    Route r =
        BASE.route(new RouteRequest("INNSA", "UZTAS", List.of(), FEU, Objective.TIME, c))
            .orElseThrow();
    assertThat(r.links()).contains("S-NSA-ZBR", "D-ZBR-ZAH", "D-ZAH-MHD");
    assertThat(r.chokepoints()).doesNotContain("HORMUZ", "SUEZ", "BAB_EL_MANDEB");
    assertThat(r.totals().durationDays()).isLessThan(30);
    // The built-in scenario gives the same route.
    Route s = route(under("hormuz-closed"), "INNSA", "UZTAS", Objective.TIME);
    assertThat(s.links()).isEqualTo(r.links());
  }

  @Test
  void arasCorridorOpenGivesARoadFromHoradizToOrdubadThroughIran() {
    RouteRequest r =
        new RouteRequest(
            "AZHRD",
            "AZORD",
            List.of(),
            FEU,
            Objective.TIME,
            Constraints.NONE.withModes(java.util.Set.of(org.karvan.core.model.Mode.ROAD)));
    Route aras = under("aras-corridor-open").route(r).orElseThrow();
    // In by the Aghband-Kalaleh bridge; out to Nakhchivan by whichever Iranian crossing is faster.
    assertThat(aras.crossings().get(0)).isEqualTo("BC-AGB-ROAD");
    assertThat(aras.countries()).extracting(Route.CountryKm::code).containsExactly("AZ", "IR");
    // Today the road goes round by Bilasuvar and Iran's Road 12 (the main AZ-Nakhchivan land
    // route).
    Route today = BASE.route(r).orElseThrow();
    assertThat(today.crossings()).contains("BC-BLS-ROAD").doesNotContain("BC-AGB-ROAD");
    assertThat(aras.totals().distanceKm()).isLessThan(today.totals().distanceKm() - 200);
    assertThat(Corridors.of(NET, aras)).contains("Aras corridor");
  }

  @Test
  void year2030OpensWhatIsDueAndScenarioYearAppliesToRequestsWithoutOne() {
    Router y = under("year-2030");
    Route r = route(y, "IRTHR", "AZBAK", Objective.CO2);
    assertThat(r.links()).contains("R-RSH-AST");
  }

  @Test
  void badScenarioFilesReportEveryProblemWithLineAndField() {
    String yaml =
        String.join(
            "\n",
            "name: my test",
            "description: broken on purpose",
            "modifications:",
            "  - type: close",
            "    target: link",
            "    ids: [NO-SUCH-LINK]",
            "  - type: scale-clearance",
            "    country_pair: AZ-IR",
            "    factor: -2",
            "  - type: teleport",
            "  - type: set-speed",
            "    link: R-RSH-AST",
            "    speed_kmh: fast",
            "");
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "bad.yaml"));
    assertThat(e.errors())
        .extracting(Problem::toString)
        .contains(
            "bad.yaml: name: 'my test' may hold only letters, digits, '_', '-' and '.'",
            "bad.yaml:10: modifications[2].type: unknown type 'teleport'; one of close, open, set-link-status, set-crossing-status, scale-clearance, set-crossing, scale-speed, set-speed, scale-sailings, set-service, scale-capacity, set-parameter, scale-parameter, add-node, add-link, add-crossing, add-terminal, add-event",
            "bad.yaml:11: modifications[3].speed_kmh: must be a number, got 'fast'");
    String applyOnly =
        String.join(
            "\n",
            "name: t",
            "modifications:",
            "  - type: close",
            "    target: link",
            "    ids: [NO-SUCH-LINK]",
            "  - type: scale-clearance",
            "    country_pair: AZ-IR",
            "    factor: -2",
            "  - type: open",
            "    target: crossing",
            "    ids: [BC-AST-ROAD]",
            "  - type: close",
            "    target: crossing",
            "    ids: [BC-AST-ROAD]",
            "");
    Scenario s = ScenarioReader.read(applyOnly.getBytes(StandardCharsets.UTF_8), "t.yaml");
    InvalidInputException e2 =
        catchThrowableOfType(
            InvalidInputException.class, () -> ScenarioView.apply(NET, PROFILE, List.of(s)));
    assertThat(e2.errors())
        .extracting(Problem::toString)
        .contains(
            "t.yaml:3: modifications[0].ids: unknown link 'NO-SUCH-LINK'",
            "t.yaml:6: modifications[1].factor: must be a positive number, got -2.0")
        .anySatisfy(
            x ->
                assertThat(x)
                    .startsWith("t.yaml:12: modifications[3].ids: 'BC-AST-ROAD' is both opened"));
    InvalidInputException unknown =
        catchThrowableOfType(
            InvalidInputException.class, () -> BuiltInScenarios.resolve("suez-open", "--scenario"));
    assertThat(unknown.errors().get(0).toString())
        .contains("unknown scenario 'suez-open'", "suez-closed");
  }

  @Test
  void aScenarioMayExtendAnotherAndAddElements() {
    String json =
        "{\"name\": \"x\", \"extends\": \"rasht-astara-built\", \"modifications\": ["
            + "{\"type\": \"add-node\", \"id\": \"IRNEW\", \"name\": \"New dry port\", \"country\": \"IR\", \"lat\": 37.3, \"lon\": 49.6, \"kinds\": \"DRY_PORT\", \"sources\": \"est-coords\"},"
            + "{\"type\": \"add-link\", \"id\": \"R-NEW\", \"from\": \"IRRSH\", \"to\": \"IRNEW\", \"mode\": \"RAIL\", \"length_km\": 5, \"direction\": \"BOTH\", \"gauge\": \"1435\", \"status\": \"OPERATIONAL\", \"sources\": \"est-coords\"},"
            + "{\"type\": \"scale-clearance\", \"crossings\": [\"BC-AST-RAIL\"], \"factor\": 0.5}]}";
    Scenario s = ScenarioReader.read(json.getBytes(StandardCharsets.UTF_8), "x.json");
    ScenarioView v = ScenarioView.apply(NET, PROFILE, BuiltInScenarios.chain(s));
    assertThat(v.chain()).extracting(Scenario::name).containsExactly("rasht-astara-built", "x");
    assertThat(v.addsElements()).isTrue();
    assertThat(v.crossing("BC-AST-RAIL").ab().meanH())
        .isEqualTo(NET.getCrossing("BC-AST-RAIL").ab().meanH() / 2);
    Router r = new Router(GRAPH, v);
    Route toNew =
        r.route(
                new RouteRequest(
                    "IRTHR", "IRNEW", List.of(), FEU, Objective.TIME, Constraints.NONE))
            .orElseThrow();
    assertThat(toNew.links()).endsWith("R-NEW");
    assertThat(NET.findNode("IRNEW")).isEmpty();
  }
}
