package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/**
 * Calibration recovers a parameter from cases made with a known value: the cases are Karvan's own
 * road times at 40 km/h, the profile starts at 60 km/h, and the fit must come back to about 40.
 */
class CalibrationServiceTest {
  static final Network NET = BundleReader.readDefault();
  static final Profile BASE = ProfileReader.readDefault();

  @Test
  void recoversTheRoadSpeedTheCasesWereMadeWith() {
    Profile truth = BASE.with(Map.of("road.speed_kmh", 40.0), "test");
    Karvan k = Karvan.open(NET, truth);
    String[][] pairs = {
      {"Tehran", "Baku"}, {"Bandar Abbas", "Tehran"}, {"Baku", "Tbilisi"}, {"Tehran", "Mashhad"}
    };
    StringBuilder csv =
        new StringBuilder(
            "id,from,to,route,cargo,quantity,value_low,value_high,year,type,source,note,modes,half\n");
    int i = 0;
    for (String[] p : pairs) {
      double h =
          k.routes()
              .route(RouteSpec.builder().from(p[0]).to(p[1]).modes(List.of("road")).build())
              .best()
              .totals()
              .durationHours();
      csv.append(
          String.format(
              java.util.Locale.ROOT,
              "C%d,%s,%s,road,1x40ft,hours,%.4f,%.4f,2026,test,made by the test,,road,%s%n",
              i,
              p[0],
              p[1],
              h,
              h,
              i % 2 == 0 ? "train" : "test"));
      i++;
    }
    List<String> problems = new ArrayList<>();
    List<BacktestService.Case> cases =
        BacktestService.parse(csv.toString().getBytes(StandardCharsets.UTF_8), "t.csv", problems);
    assertThat(problems).isEmpty();
    List<CalibrationService.Param> params =
        List.of(
            new CalibrationService.Param("road.speed_kmh", 20, 90),
            new CalibrationService.Param("sea.usd_per_teu_km", 0.01, 0.5));
    CalibrationService.Fit f = CalibrationService.fit(NET, BASE, cases, params, 0);
    assertThat(f.before().get("road.speed_kmh")).isEqualTo(60.0);
    assertThat(f.after().get("road.speed_kmh")).isCloseTo(40.0, offset(0.5));
    assertThat(f.trainAfter().loss()).isLessThan(1e-4).isLessThan(f.trainBefore().loss());
    assertThat(f.testAfter().loss()).as("held out").isLessThan(1e-4);
    // With the default pull towards the sourced values, a parameter no case informs (sea tariffs
    // for road times) stays where it was, and the informed one still moves most of the way.
    CalibrationService.Fit g = CalibrationService.fit(NET, BASE, cases, params);
    assertThat(g.after().get("sea.usd_per_teu_km")).isEqualTo(g.before().get("sea.usd_per_teu_km"));
    assertThat(g.after().get("road.speed_kmh")).isBetween(40.0, 45.0);
  }

  @Test
  void parametersWithASourceAreNotFitted() {
    CalibrationService.Fit f =
        CalibrationService.fit(
            NET,
            BASE,
            List.of(),
            List.of(new CalibrationService.Param("road.usd_per_vehicle_km", 0.5, 3)));
    assertThat(f.after()).isEmpty();
    assertThat(f.skipped()).singleElement().asString().contains("has a source");
  }
}
