package org.karvan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.karvan.io.xlsx.Sheet;

/** A timed route's workbook: local times as date cells, each with its UTC offset beside it. */
class TimedWorkbookTest {
  static final Karvan K = Karvan.open(BundleReader.readDefault(), ProfileReader.readDefault());

  @Test
  void theRoutesAndItinerarySheetsGiveLocalTimesAndTheirOffsets() {
    var res =
        K.routes()
            .route(RouteSpec.builder().from("Aktau").to("Baku").depart("2026-12-01T08:00").build());
    List<Sheet> sheets = ResultTables.routes(res);
    Sheet routes = sheets.get(0);
    List<String> head = routes.columns().stream().map(Sheet.Column::header).toList();
    int dep = head.indexOf("departs (local time)");
    assertThat(head.get(dep + 1)).isEqualTo("departs (UTC offset)");
    List<Object> row = routes.rows().get(0);
    // --depart is Aktau time (UTC+5); the route ends in Baku (UTC+4).
    assertThat(row.get(dep)).isEqualTo(LocalDateTime.of(2026, 12, 1, 8, 0));
    assertThat(row.get(dep + 1)).isEqualTo("+05");
    assertThat(row.get(dep + 3)).isEqualTo("+04");
    Sheet it = sheets.get(1);
    List<String> ih = it.columns().stream().map(Sheet.Column::header).toList();
    assertThat(ih)
        .endsWith(
            "from (local time)", "from (UTC offset)", "until (local time)", "until (UTC offset)");
    assertThat(it.rows().get(0).get(ih.size() - 3)).isEqualTo("+05");
    assertThat(it.rows().get(it.rows().size() - 1).get(ih.size() - 1)).isEqualTo("+04");
  }
}
