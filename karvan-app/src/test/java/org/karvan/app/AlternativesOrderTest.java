package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.routing.Route;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/**
 * Alternatives "best first by time" agree with the route a plain request answers: the search ranks
 * by expected driver rest, the itinerary books the real schedule (docs/routing.md).
 */
class AlternativesOrderTest {
  static final Karvan K = Karvan.open(BundleReader.readDefault(), ProfileReader.readDefault());

  @Test
  void byTimeTheFirstAlternativeIsTheRouteAnsweredAndTheListIsInBookedHours() {
    RouteSpec spec = RouteSpec.builder().from("Nhava Sheva").to("Moscow").build();
    Route answered = K.routes().route(spec).routes().get(0);
    List<Route> alts = K.routes().alternatives(spec, 3).routes();
    assertThat(alts).hasSizeBetween(2, 3);
    assertThat(alts.get(0).links()).isEqualTo(answered.links());
    assertThat(alts.get(0).totals().durationHours()).isEqualTo(answered.totals().durationHours());
    for (int i = 1; i < alts.size(); i++) {
      assertThat(alts.get(i).totals().durationHours())
          .isGreaterThanOrEqualTo(alts.get(i - 1).totals().durationHours());
      assertThat(alts.get(i).links()).isNotEqualTo(alts.get(0).links());
    }
  }
}
