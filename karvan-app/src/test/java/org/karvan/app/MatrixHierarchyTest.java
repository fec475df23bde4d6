package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.karvan.core.ch.HierarchyCache.Policy;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/**
 * Matrices by contraction hierarchy (buckets) and by Dijkstra give the same output: every node of
 * the default network to every node, per objective, with the hierarchy forced on and off. A request
 * with an avoidance never uses a hierarchy.
 */
class MatrixHierarchyTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile PROFILE = ProfileReader.readDefault();

  private static MatrixService.Result matrix(Karvan k, RouteSpec common) {
    return k.matrices().matrix(new MatrixService.Request(List.of("all"), List.of("all"), common));
  }

  @ParameterizedTest
  @ValueSource(strings = {"time", "cost", "co2", "generalized"})
  void hierarchyAndDijkstraAgree(String objective) {
    Karvan k = Karvan.open(NET, PROFILE);
    RouteSpec spec = RouteSpec.builder().optimize(objective).cargo("2x20ft").build();
    k.router().hierarchies().policy(Policy.NEVER);
    MatrixService.Result dijkstra = matrix(k, spec);
    assertThat(k.router().hierarchies().size()).isZero();
    k.router().hierarchies().policy(Policy.ALWAYS);
    MatrixService.Result ch = matrix(k, spec);
    assertThat(k.router().hierarchies().size()).isEqualTo(1);
    int finite = 0;
    for (int i = 0; i < dijkstra.values().length; i++) {
      for (int j = 0; j < dijkstra.values()[i].length; j++) {
        double d = dijkstra.values()[i][j];
        double c = ch.values()[i][j];
        if (Double.isInfinite(d)) {
          assertThat(c).as("%d,%d", i, j).isEqualTo(d);
        } else {
          finite++;
          assertThat(Math.abs(c - d)).as("%d,%d", i, j).isLessThanOrEqualTo(1e-9 * Math.max(1, d));
        }
      }
    }
    assertThat(finite).isGreaterThan(NET.nodes().size() * 10);
    assertThat(ResultJson.matrix(ch).toString()).isEqualTo(ResultJson.matrix(dijkstra).toString());
    // the second matrix reuses the hierarchy
    matrix(k, spec);
    assertThat(k.router().hierarchies().size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"IR", "RU"})
  void anAvoidanceFallsBackToDijkstra(String country) {
    Karvan k = Karvan.open(NET, PROFILE);
    k.router().hierarchies().policy(Policy.ALWAYS);
    RouteSpec spec = RouteSpec.builder().optimize("time").avoidCountry(List.of(country)).build();
    MatrixService.Result withCh = matrix(k, spec);
    assertThat(k.router().hierarchies().size()).isZero();
    k.router().hierarchies().policy(Policy.NEVER);
    assertThat(ResultJson.matrix(matrix(k, spec)).toString())
        .isEqualTo(ResultJson.matrix(withCh).toString());
  }
}
