package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;

/** The back-test's arithmetic and its handling of bad and out-of-network cases. */
class BacktestServiceTest {
  static final Karvan K = Karvan.open(BundleReader.readDefault(), ProfileReader.readDefault());

  @TempDir Path tmp;

  @Test
  void figuresBandsAndDeviations() throws Exception {
    // Cases of 2026 are routed on 1 July 2026; a tariff case on the cheapest route.
    RouteSpec.Builder q = RouteSpec.builder().from("Tehran").to("Baku").cargo("1x40ft");
    double days = K.routes().route(q.date("2026-07-01").build()).best().totals().durationDays();
    double usd =
        K.routes().route(q.date("2026-07-01").optimize("cost").build()).best().totals().costUsd();
    Path f = tmp.resolve("cases.csv");
    Files.writeString(
        f,
        String.join(
            "\n",
            "id,from,to,route,cargo,quantity,value_low,value_high,year,type,source,note,half",
            "A,Tehran,Baku,any,1x40ft,days,0,1000,2026,test,here,,train",
            "B,Tehran,Baku,any,1x40ft,days,1," + (days / 2) + ",2026,test,here,,test",
            "C,Tehran,Baku,any,1x40ft,usd_per_40ft," + (2 * usd) + "," + (3 * usd) + ",2026,t,h,,",
            "D,Tehran,Baku,any,1x40ft,days,5,4,2026,test,here,,",
            "E,Helsinki,Baku,any,1x40ft,weeks,1,2,2026,test,here,,",
            "F,Helsinki,Baku,any,1x40ft,days,1,2,2026,test,here,,",
            ""),
        StandardCharsets.UTF_8);
    BacktestService.Result res = K.backtest().run(f);
    assertThat(res.outcomes()).extracting(o -> o.c().id()).containsExactly("A", "B", "C", "F");
    BacktestService.Outcome a = res.outcomes().get(0);
    assertThat(a.figure()).isEqualTo(days);
    assertThat(a.within()).isTrue();
    assertThat(a.deviation()).isZero();
    BacktestService.Outcome b = res.outcomes().get(1);
    assertThat(b.within()).isFalse();
    assertThat(b.deviation()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    BacktestService.Outcome c = res.outcomes().get(2);
    assertThat(c.figure()).isEqualTo(usd);
    assertThat(c.deviation()).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(c.c().half()).isEqualTo("test");
    BacktestService.Outcome out = res.outcomes().get(3);
    assertThat(out.figure()).isNull();
    assertThat(out.skipped()).contains("Helsinki");
    assertThat(res.within()).isEqualTo(1);
    assertThat(res.problems())
        .anyMatch(p -> p.contains(":5:") && p.contains("value_high"))
        .anyMatch(p -> p.contains(":6:") && p.contains("quantity: unknown 'weeks'"));
  }

  @Test
  void theBuiltInCasesAreTheProjectsCopy() throws Exception {
    BacktestService.Result res = K.backtest().run((Path) null);
    long rows =
        Files.readAllLines(Path.of("../data/validation/published-cases.csv")).stream()
                .filter(l -> !l.isBlank())
                .count()
            - 1;
    assertThat(res.outcomes()).hasSize((int) rows);
    assertThat(res.problems()).isEmpty();
    assertThat(res.outcomes()).allMatch(o -> !o.c().source().isBlank());
  }
}
