package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.merge.BundleMerger;

/**
 * The tiny bundle without its road crossing is the "imported" base; the overlay brings the curated
 * road crossing (clearance 4 h / 5 h) and its link, as a partial bundle.
 */
class NetworkMergeServiceTest {
  static final Path TINY = Path.of("../karvan-io/src/test/resources/tiny");
  @TempDir Path tmp;

  private Path base() throws Exception {
    Path b = tmp.resolve("base");
    Files.createDirectories(b);
    try (var s = Files.list(TINY)) {
      for (Path f : s.toList()) {
        List<String> lines = Files.readAllLines(f);
        lines =
            lines.stream()
                .filter(l -> !l.startsWith("BC-ROAD,") && !l.startsWith("L6,"))
                .filter(l -> !l.startsWith("E1,")) // the event names the road crossing pair
                .toList();
        Files.write(b.resolve(f.getFileName()), lines);
      }
    }
    return b;
  }

  private Path overlay(String name, String crossings, String nodes) throws Exception {
    Path o = tmp.resolve(name);
    Files.createDirectories(o);
    Files.writeString(
        o.resolve("manifest.csv"),
        "key,value\nformat_version,1\nname,curated\nversion,1\nas_of,2026-12-01\nlicence,CC0-1.0\n");
    Files.writeString(
        o.resolve("sources.csv"),
        "id,title,publisher,url,published,accessed,reliability,note\n"
            + "s1,Test source,Karvan,https://example.org,,2026-11-29,PRIMARY,\n");
    Files.writeString(
        o.resolve("border_crossings.csv"),
        "id,name,node_a,node_b,modes,clearance_ab_mean_h,clearance_ab_p90_h,clearance_ba_mean_h,"
            + "clearance_ba_p90_h,fee_ab_usd,fee_ba_usd,status,opening_year,capacity_per_day,"
            + "sources,as_of,estimated,note\n"
            + crossings);
    Files.writeString(
        o.resolve("links.csv"),
        "id,from,to,mode,length_km,direction,gauge,electrified,speed_kmh,capacity_tpy,status,"
            + "opening_year,border_crossing,chokepoints,geometry,sources,as_of,estimated,note\n"
            + "L6,IRXXX,AZXXX,ROAD,6,BOTH,,,,,OPERATIONAL,,BC-ROAD,,,s1,,,\n");
    if (nodes != null) {
      Files.writeString(
          o.resolve("nodes.csv"),
          "id,name,aliases,country,lat,lon,kinds,sources,as_of,estimated,note\n" + nodes);
    }
    return o;
  }

  static final String ROAD_CROSSING =
      "BC-ROAD,X road,IRXXX,AZXXX,ROAD,4,8,5,10,30,30,OPEN,,800,s1,,,\n";

  @Test
  void curatedCrossingsJoinTheImportedInfrastructure() throws Exception {
    NetworkMergeService.Merged m =
        NetworkMergeService.merge(
            base(),
            overlay("o1", ROAD_CROSSING, null),
            BundleMerger.Prefer.NONE,
            tmp.resolve("out"),
            false);
    Network n = m.network();
    assertThat(n.crossings()).hasSize(2);
    assertThat(n.getCrossing("BC-ROAD").ab().meanH()).isEqualTo(4);
    assertThat(n.getCrossing("BC-ROAD").ba().meanH()).isEqualTo(5);
    assertThat(n.getLink("L6").borderCrossing()).isEqualTo("BC-ROAD");
    assertThat(n.links()).hasSize(7);
    assertThat(n.nodes()).hasSize(5); // the overlay's nodes are the base's
    assertThat(n.manifest().name()).isEqualTo("tiny+curated");
    assertThat(m.resolved()).isEmpty();
  }

  @Test
  void conflictsAreListedAndNothingIsWritten() throws Exception {
    Path o =
        overlay(
            "o2",
            ROAD_CROSSING + "BC-NEW,new,AZDDD,AZZZZ,ROAD,1,2,1,2,,,PLANNED,,,s1,,,\n",
            "AZDDD,Delta,,AZ,40.41,49.9,RAIL_STATION|PORT,s1,,,\n");
    Path out = tmp.resolve("out2");
    assertThatThrownBy(
            () -> NetworkMergeService.merge(base(), o, BundleMerger.Prefer.NONE, out, false))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              List<String> errors =
                  e.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
              assertThat(errors).hasSize(2);
              assertThat(errors)
                  .anyMatch(
                      s ->
                          s.contains("nodes.csv 'AZDDD' differs between")
                              && s.contains("lat '40.4' vs '40.41'"));
              assertThat(errors)
                  .anyMatch(
                      s -> s.contains("'BC-NEW': node_b names node 'AZZZZ', in neither bundle"));
            });
    assertThat(Files.exists(out)).isFalse();
    // preferring the overlay settles the differing node, not the missing one
    assertThatThrownBy(
            () -> NetworkMergeService.merge(base(), o, BundleMerger.Prefer.OVERLAY, out, false))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems().stream().filter(Problem::isError)).hasSize(1);
              assertThat(e.problems().stream().filter(p -> !p.isError()).map(Problem::toString))
                  .anyMatch(s -> s.contains("(took the overlay's)"));
            });
  }
}
