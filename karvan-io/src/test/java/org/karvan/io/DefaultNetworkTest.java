package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Reliability;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/** Integrity of the embedded default network: size, provenance, crossings, corridors connected. */
class DefaultNetworkTest {
  static final Network NET = BundleReader.readDefault();
  static final Router ROUTER =
      new Router(MultimodalGraph.compile(NET, ProfileReader.readDefault()));
  static final Constraints ALL = Constraints.NONE.withIncludePlanned(true);

  @Test
  void sizeAndProvenance() {
    assertThat(NET.nodes()).hasSizeGreaterThanOrEqualTo(80);
    assertThat(NET.links()).hasSizeGreaterThanOrEqualTo(150);
    assertThat(NET.links()).allSatisfy(l -> assertThat(l.provenance().sources()).isNotEmpty());
    assertThat(NET.nodes()).allSatisfy(n -> assertThat(n.provenance().sources()).isNotEmpty());
    assertThat(NET.crossings()).allSatisfy(c -> assertThat(c.provenance().sources()).isNotEmpty());
    assertThat(NET.terminals()).allSatisfy(t -> assertThat(t.provenance().sources()).isNotEmpty());
    assertThat(NET.sources())
        .anySatisfy(s -> assertThat(s.reliability()).isEqualTo(Reliability.ESTIMATE));
    assertThat(NET.warnings()).noneMatch(p -> p.isError());
    assertThat(NET.manifest().licence()).isEqualTo("CC-BY-4.0");
  }

  @Test
  void everyCrossingNamedInTheMissionExists() {
    for (String id :
        List.of(
            "BC-AST-RAIL",
            "BC-AST-ROAD",
            "BC-BLS-ROAD",
            "BC-SMR-ROAD",
            "BC-SMR-RAIL",
            "BC-JLF-RAIL",
            "BC-AGB-ROAD",
            "BC-NDZ-ROAD",
            "BC-SRX-RAIL",
            "BC-INB-RAIL",
            "BC-BKS-RAIL",
            "BC-KRT-RAIL",
            "BC-SDR-ROAD",
            "BC-BOL-RAIL",
            "BC-TRIPP-E",
            "BC-TRIPP-W",
            "BC-RBR-ROAD",
            "BC-BZG-ROAD",
            "BC-RAZ-RAIL",
            "BC-ULS-ROAD",
            "BC-KHG-RAIL",
            "BC-SRG-RAIL",
            "BC-KHD-RAIL",
            "BC-SRP-ROAD",
            "BC-VAL-ROAD")) {
      assertThat(NET.findCrossing(id)).as(id).isPresent();
    }
    assertThat(NET.chokepoints())
        .extracting(c -> c.id())
        .contains("SUEZ", "BAB_EL_MANDEB", "HORMUZ", "BOSPHORUS");
  }

  @Test
  void statusesOfTheMissionsPlannedLinks() {
    // Rasht–Astara rail is planned (2030, estimated: start 1 Apr 2026 + 3–4 years); the road fills
    // the gap today.
    assertThat(NET.links())
        .anySatisfy(
            l -> {
              assertThat(Set.of(l.from(), l.to())).containsExactlyInAnyOrder("IRRSH", "IRAST");
              assertThat(l.mode()).isEqualTo(Mode.RAIL);
              assertThat(l.status()).isEqualTo(LinkStatus.PLANNED);
              assertThat(l.openingYear()).isEqualTo(2030);
            });
    assertThat(NET.links())
        .anySatisfy(
            l -> {
              assertThat(Set.of(l.from(), l.to())).contains("IRRSH");
              assertThat(l.mode()).isEqualTo(Mode.ROAD);
              assertThat(l.status()).isEqualTo(LinkStatus.OPERATIONAL);
            });
    assertThat(NET.links())
        .anySatisfy(
            l -> {
              assertThat(Set.of(l.from(), l.to())).containsExactlyInAnyOrder("AZHRD", "AZAGB");
              assertThat(l.mode()).isEqualTo(Mode.RAIL);
              assertThat(l.status()).isEqualTo(LinkStatus.UNDER_CONSTRUCTION);
            });
  }

  @Test
  void everyPlannedLinkAndCrossingHasAnOpeningYearSoThatYear2035OpensThem() {
    Constraints y2035 = Constraints.NONE.withYear(2035);
    assertThat(NET.links())
        .filteredOn(
            l -> l.status() == LinkStatus.PLANNED || l.status() == LinkStatus.UNDER_CONSTRUCTION)
        .isNotEmpty()
        .allSatisfy(
            l -> {
              assertThat(l.openingYear()).as(l.id()).isNotNull().isBetween(2026, 2035);
              assertThat(org.karvan.core.routing.Overlay.linkOpen(l, y2035)).as(l.id()).isTrue();
              assertThat(org.karvan.core.routing.Overlay.linkOpen(l, Constraints.NONE))
                  .as(l.id())
                  .isFalse();
            });
    assertThat(NET.crossings())
        .filteredOn(b -> !org.karvan.core.routing.Overlay.crossingOpen(b, Constraints.NONE))
        .isNotEmpty()
        .allSatisfy(
            b -> {
              assertThat(b.openingYear()).as(b.id()).isNotNull().isBetween(2026, 2035);
              assertThat(org.karvan.core.routing.Overlay.crossingOpen(b, y2035))
                  .as(b.id())
                  .isTrue();
            });
  }

  static Stream<Arguments> corridors() {
    return Stream.of(
        Arguments.of(
            "INSTC west",
            "INNSA",
            List.of("IRBND", "IRRSH", "IRAST", "AZBAK", "RUDRB"),
            "RUMOW",
            Set.of()),
        Arguments.of(
            "INSTC to St Petersburg", "INMUN", List.of("IRBND", "AZBAK"), "RULED", Set.of()),
        Arguments.of("Chabahar", "IRZBR", List.of("IRBND"), "IRTHR", Set.of()),
        Arguments.of("INSTC Caspian", "IRBAZ", List.of(), "RUAST", Set.of(Mode.SEA, Mode.FERRY)),
        Arguments.of(
            "INSTC east", "IRTHR", List.of("IRINB", "TMETK", "KZBOL"), "KZUZN", Set.of(Mode.RAIL)),
        Arguments.of("Sarakhs", "IRMHD", List.of("IRSRX"), "TMSRX", Set.of(Mode.RAIL)),
        Arguments.of(
            "Aras corridor road", "AZHRD", List.of("AZAGB", "IRKLL"), "AZORD", Set.of(Mode.ROAD)),
        Arguments.of(
            "Nakhchivan railway", "AZORD", List.of("AZJLF", "AZNAK"), "AZSDR", Set.of(Mode.RAIL)),
        Arguments.of(
            "Julfa-Tabriz", "AZNAK", List.of("AZJLF", "IRJLF"), "IRTBZ", Set.of(Mode.RAIL)),
        Arguments.of("TRIPP", "AZHRD", List.of("AZAGB", "AMMGR"), "AZORD", Set.of(Mode.RAIL)),
        Arguments.of(
            "Norduz-Agarak", "IRTBZ", List.of("IRNDZ", "AMAGK"), "AMEVN", Set.of(Mode.ROAD)),
        Arguments.of("Middle Corridor ferry", "KZSCO", List.of("AZALT"), "GETBS", Set.of()),
        Arguments.of(
            "BTK", "AZBAK", List.of("GETBS", "GEAKH", "GEKRT"), "TRKSY", Set.of(Mode.RAIL)),
        Arguments.of("Kars-Igdir-Dilucu", "TRKSY", List.of("TRIGD"), "TRDLC", Set.of(Mode.RAIL)),
        Arguments.of("Black Sea ports", "GETBS", List.of(), "GEPTI", Set.of(Mode.RAIL)),
        Arguments.of(
            "Suez to Rotterdam", "INNSA", List.of("EGSUZ", "EGPSD"), "NLRTM", Set.of(Mode.SEA)),
        Arguments.of("Suez to St Petersburg", "INNSA", List.of("EGPSD"), "RULED", Set.of(Mode.SEA)),
        Arguments.of(
            "Bazargan-Gurbulak", "IRTBZ", List.of("IRBZG", "TRGRB"), "TRERZ", Set.of(Mode.ROAD)),
        Arguments.of(
            "Razi-Kapikoy and Lake Van",
            "IRTBZ",
            List.of("IRRAZ", "TRKPK", "TRVAN", "TRTTV"),
            "TRANK",
            Set.of(Mode.RAIL, Mode.FERRY)),
        Arguments.of("Upper Lars", "GETBS", List.of("GEKZB", "RUVLR"), "RUVLK", Set.of(Mode.ROAD)),
        Arguments.of("Novorossiysk by sea", "RUNVS", List.of("TRIST"), "EGPSD", Set.of(Mode.SEA)),
        Arguments.of("Novorossiysk by rail", "RUNVS", List.of("RUROV"), "RUMOW", Set.of(Mode.RAIL)),
        Arguments.of(
            "China via Khorgos", "CNURC", List.of("CNKHG", "KZALT"), "KZALA", Set.of(Mode.RAIL)),
        Arguments.of(
            "Uzbekistan to Kazakhstan", "UZTAS", List.of("KZSRG"), "KZARS", Set.of(Mode.RAIL)),
        Arguments.of(
            "Uzbekistan to Turkmenistan",
            "UZTAS",
            List.of("UZKHD", "TMFRP", "TMMRY"),
            "TMTJN",
            Set.of(Mode.RAIL)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corridors")
  void eachCorridorIsConnectedWithEveryStatusAllowed(
      String name, String from, List<String> via, String to, Set<Mode> modes) {
    Cargo c = Cargo.parse("1x40ft", ROUTER.graph().profile());
    RouteRequest r = new RouteRequest(from, to, via, c, Objective.TIME, ALL.withModes(modes));
    Route route =
        ROUTER
            .route(r)
            .orElseThrow(() -> new AssertionError(name + ": " + ROUTER.explainNoRoute(r)));
    if (!via.isEmpty()) {
      assertThat(route.nodes()).contains(via.toArray(String[]::new));
    }
    assertThat(route.nodes().get(0)).isEqualTo(from);
    assertThat(route.nodes().get(route.nodes().size() - 1)).isEqualTo(to);
  }

  @Test
  void wholeNetworkIsOneComponentWhenEverythingIsAllowed() {
    Cargo c = Cargo.parse("1x40ft", ROUTER.graph().profile());
    List<String> ids = NET.nodes().stream().map(n -> n.id()).toList();
    double[][] m = ROUTER.matrix(List.of("INNSA"), ids, Objective.TIME, c, ALL);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(m[0][i]).as("INNSA -> " + ids.get(i)).isFinite();
    }
  }
}
