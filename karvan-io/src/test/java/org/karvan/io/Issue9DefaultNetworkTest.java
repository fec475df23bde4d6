package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.karvan.core.routing.Overlay;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.Route.EventType;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.scenario.BuiltInScenarios;
import org.karvan.io.scenario.ScenarioReader;

/** Bugs 1, 3 and 4 of issue 9 as a user met them, on the default network. */
class Issue9DefaultNetworkTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile PROFILE = ProfileReader.readDefault();
  static final MultimodalGraph GRAPH = MultimodalGraph.compile(NET, PROFILE);
  static final Cargo FEU = Cargo.parse("1x40ft", PROFILE);

  static RouteRequest req(String from, String to, List<String> via, Constraints c) {
    return new RouteRequest(from, to, via, FEU, Objective.TIME, c);
  }

  static Router closing(String target, String id) {
    String yaml =
        "name: t\nmodifications:\n  - type: close\n    target: "
            + target
            + "\n    ids: ["
            + id
            + "]\n";
    Scenario s = ScenarioReader.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml");
    return new Router(GRAPH, ScenarioView.apply(NET, PROFILE, List.of(s)));
  }

  @Test
  void closingAzerbaijanTakesNhavaShevaToMoscowOutOfIt() {
    RouteRequest r = req("INNSA", "RUMOW", List.of(), Constraints.NONE);
    Route base = new Router(GRAPH).route(r).orElseThrow();
    assertThat(base.countries()).extracting(Route.CountryKm::code).contains("AZ");
    Route closed = closing("country", "AZ").route(r).orElseThrow();
    assertThat(closed.countries()).extracting(Route.CountryKm::code).doesNotContain("AZ");
    assertThat(closed.nodes()).noneMatch(id -> "AZ".equals(NET.getNode(id).country()));
  }

  @Test
  void closingANodeOfTheRouteRoutesAroundIt() {
    RouteRequest r = req("INNSA", "RUMOW", List.of(), Constraints.NONE);
    Route base = new Router(GRAPH).route(r).orElseThrow();
    String azNode =
        base.nodes().stream()
            .filter(id -> "AZ".equals(NET.getNode(id).country()))
            .findFirst()
            .orElseThrow();
    Route closed = closing("node", azNode).route(r).orElseThrow();
    assertThat(closed.nodes()).doesNotContain(azNode);
    assertThat(closed.totals().durationHours()).isGreaterThan(base.totals().durationHours());
  }

  @Test
  void theBandarAbbasBafqRailwayIsNotThereIn1990() {
    var link = NET.getLink("R-BND-BFQ");
    assertThat(link.openingYear()).isEqualTo(1995);
    assertThat(Overlay.linkOpen(link, Constraints.NONE.withYear(1990))).isFalse();
    assertThat(Overlay.linkOpen(link, Constraints.NONE.withYear(1995))).isTrue();
    RouteRequest r = req("IRBND", "IRBFQ", List.of(), Constraints.NONE);
    assertThat(new Router(GRAPH).route(r).orElseThrow().links()).contains("R-BND-BFQ");
    new Router(GRAPH)
        .route(r.withConstraints(Constraints.NONE.withYear(1990)))
        .ifPresent(x -> assertThat(x.links()).doesNotContain("R-BND-BFQ"));
  }

  static void assertNoDegenerateLegs(Route r) {
    assertThat(r.legs())
        .allSatisfy(l -> assertThat(l.from()).as("leg %s", l.seq()).isNotEqualTo(l.to()));
  }

  static List<String> vias(Route r) {
    return r.events().stream().filter(e -> e.type() == EventType.VIA).map(e -> e.at()).toList();
  }

  @Test
  void viaBakuAndTbilisiAreStopsAndRedBridgeIsCrossedOnce() {
    Router router = new Router(GRAPH);
    Route r =
        router
            .route(req("IRAST", "RUMOW", List.of("AZBAK", "GETBS"), Constraints.NONE))
            .orElseThrow();
    assertThat(vias(r)).containsExactly("AZBAK", "GETBS");
    assertNoDegenerateLegs(r);
    long redBridge =
        r.events().stream()
            .filter(e -> e.type() == EventType.BORDER_CROSSING)
            .filter(e -> e.detail().startsWith(NET.getCrossing("BC-RBR-ROAD").name()))
            .count();
    // Red Bridge once on the way to Tbilisi; from Tbilisi the route goes on over Upper Lars
    // (network v2), so nothing forces it back over Red Bridge.
    assertThat(redBridge).isEqualTo(1);
    assertThat(
            router
                .route(req("GETBS", "RUMOW", List.of(), Constraints.NONE))
                .orElseThrow()
                .crossings())
        .doesNotContain("BC-RBR-ROAD");
  }

  @Test
  void viaMeghriIsAStopBetweenTwoLegs() {
    Scenario tripp = BuiltInScenarios.find("tripp-open").orElseThrow();
    Router router =
        new Router(GRAPH, ScenarioView.apply(NET, PROFILE, BuiltInScenarios.chain(tripp)));
    Route r = router.route(req("AZBAK", "AZNAK", List.of("AMMGR"), Constraints.NONE)).orElseThrow();
    assertThat(vias(r)).containsExactly("AMMGR");
    assertNoDegenerateLegs(r);
    assertThat(r.legs()).anySatisfy(l -> assertThat(l.to()).isEqualTo("AMMGR"));
    assertThat(r.legs()).anySatisfy(l -> assertThat(l.from()).isEqualTo("AMMGR"));
    // Norduz-Agarak twice is forced: the route is the least time through any state at Meghri.
    assertThat(r.crossings()).contains("BC-NDZ-ROAD");
    assertThat(r.objectiveValue())
        .isCloseTo(bruteForceVia(router, "AZBAK", "AMMGR", "AZNAK"), within(1e-6));
  }

  /** Least time from {@code from} through any state at {@code via} to {@code to}. */
  static double bruteForceVia(Router router, String from, String via, String to) {
    MultimodalGraph g = router.graph();
    var ws = router.weights(Objective.TIME, FEU, false);
    var mask = Overlay.mask(g, Constraints.NONE, router.scenario());
    var d = new org.karvan.core.routing.Dijkstra(g.csr());
    int v = g.physIndex(via);
    double best = Double.POSITIVE_INFINITY;
    for (int s = g.hub(v) + 1; s < g.csr().nodeCount() && g.physOf(s) == v; s++) {
      double a = d.route(g.hub(g.physIndex(from)), s, ws.w(), mask, g.hubs(), null).weight();
      double b = d.route(s, g.hub(g.physIndex(to)), ws.w(), mask, g.hubs(), null).weight();
      best = Math.min(best, a + b);
    }
    return best;
  }
}
