package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cooperative cancellation token: the searches stop under an expired or cancelled token, and
 * answer exactly as before under a live one or none.
 */
class CancellationTest {
  private static final DijkstraDifferentialTest.G G =
      DijkstraDifferentialTest.randomGraph(new Random(12), 20_000, 80_000);

  private static PathResult far(Dijkstra d) {
    return d.route(0, 19_999, G.w(), null, null, null);
  }

  @Test
  void withoutATokenOrWithALiveOneTheAnswerIsTheSame() throws Exception {
    Dijkstra d = new Dijkstra(G.csr());
    PathResult plain = far(d);
    assertThat(plain.settled()).isGreaterThan(4 * Cancellation.EVERY);
    Cancellation live = Cancellation.until(System.nanoTime() + 60_000_000_000L);
    PathResult under = live.call(() -> far(d));
    assertThat(under.weight()).isEqualTo(plain.weight());
    assertThat(under.edges()).isEqualTo(plain.edges());
    assertThat(under.settled()).isEqualTo(plain.settled());
  }

  @Test
  void anExpiredTokenStopsDijkstraWithinOneCheck() {
    Dijkstra d = new Dijkstra(G.csr());
    Cancellation expired = Cancellation.until(System.nanoTime() - 1);
    assertThatThrownBy(() -> expired.call(() -> far(d)))
        .isInstanceOf(Cancellation.Cancelled.class)
        .hasMessage("deadline passed");
    // One-to-many and multi-source too.
    assertThatThrownBy(
            () -> expired.call(() -> d.oneToMany(0, new int[] {19_999, 5_000}, G.w(), null, null)))
        .isInstanceOf(Cancellation.Cancelled.class);
    // The token is gone from the thread afterwards: the same search runs to the end.
    assertThat(far(d).isFound()).isEqualTo(true);
  }

  @Test
  void cancellingFromAnotherThreadStopsARunningSearch() throws Exception {
    Dijkstra d = new Dijkstra(G.csr());
    Cancellation token = Cancellation.until(System.nanoTime() + 60_000_000_000L);
    token.cancel();
    assertThat(token.isCancelled()).isTrue();
    assertThatThrownBy(() -> token.call(() -> far(d)))
        .isInstanceOf(Cancellation.Cancelled.class)
        .hasMessage("cancelled");
  }

  @Test
  void aShortSearchUnderAnExpiredTokenStillFinishes() throws Exception {
    // Checks come every EVERY settles, so a search settling fewer nodes is never interrupted.
    Dijkstra d = new Dijkstra(G.csr());
    PathResult near = d.route(0, 0, G.w(), null, null, null);
    PathResult under =
        Cancellation.until(System.nanoTime() - 1)
            .call(() -> d.route(0, 0, G.w(), null, null, null));
    assertThat(under.weight()).isEqualTo(near.weight()).isZero();
  }
}
