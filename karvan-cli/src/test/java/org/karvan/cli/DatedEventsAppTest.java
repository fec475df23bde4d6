package org.karvan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.app.FieldError;
import org.karvan.app.InvalidRequestException;
import org.karvan.app.Karvan;
import org.karvan.app.Limits;
import org.karvan.app.RouteSpec;
import org.karvan.app.RoutesResult;
import org.karvan.app.ScenarioSource;
import org.karvan.core.model.Network;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/** The request date in the application layer: today by the workspace's clock, or as given. */
class DatedEventsAppTest {
  static final Network NET = BundleReader.readDefault();

  static Karvan at(String day) {
    Clock c = Clock.fixed(Instant.parse(day + "T12:00:00Z"), ZoneOffset.UTC);
    return Karvan.open(NET, ProfileReader.readDefault(), ScenarioSource.NONE, Limits.CLI, c);
  }

  static boolean azIr(String crossing) {
    var c = NET.getCrossing(crossing);
    return Set.of(NET.countryOf(c.nodeA()), NET.countryOf(c.nodeB())).equals(Set.of("AZ", "IR"));
  }

  static final RouteSpec BAKU_TEHRAN_ROAD =
      RouteSpec.builder().from("Baku").to("Tehran").modes(List.of("road")).build();

  @Test
  void withoutADateTheClocksTodayApplies() {
    RoutesResult during = at("2026-03-06").routes().route(BAKU_TEHRAN_ROAD);
    assertThat(during.date()).isEqualTo(LocalDate.of(2026, 3, 6));
    assertThat(during.eventsInForce()).extracting(e -> e.id()).contains("AZ_IR_TRUCKS_2026_03");
    assertThat(during.best().crossings()).noneMatch(DatedEventsAppTest::azIr);
    RoutesResult after = at("2026-03-10").routes().route(BAKU_TEHRAN_ROAD);
    assertThat(after.best().crossings()).anyMatch(DatedEventsAppTest::azIr);
    // A date given wins over the clock.
    RoutesResult given =
        at("2026-03-10").routes().route(BAKU_TEHRAN_ROAD.toBuilder().date("2026-03-06").build());
    assertThat(given.best()).isEqualTo(during.best());
  }

  @Test
  void aBadDateIsAFieldError() {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () ->
                at("2026-03-10")
                    .routes()
                    .route(BAKU_TEHRAN_ROAD.toBuilder().date("06/03/2026").build()));
    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "date", "'06/03/2026' is not a date; give YYYY-MM-DD, e.g. 2026-12-01"));
  }
}
