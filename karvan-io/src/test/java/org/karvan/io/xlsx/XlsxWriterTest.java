package org.karvan.io.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {
  @Test
  void writesTypedCellsWithUnitsInTheHeadersOneSheetPerTable() throws Exception {
    Sheet legs =
        new Sheet.Builder("Legs")
            .col("from", null)
            .col("distance", "km")
            .col("cost", "USD")
            .col("border", null)
            .col("date", null)
            .row("Nhava Sheva", 2037.4, 346, false, LocalDate.of(2026, 12, 1))
            .row("Bandar Abbas", 1838, null, true, null)
            .build();
    Sheet other = new Sheet.Builder("Totals").col("days", "d").row(20.9).build();
    byte[] b = XlsxWriter.bytes(List.of(legs, other));
    Map<String, Map<String, XlsxReader.Cell>> wb = XlsxReader.read(b);
    assertThat(wb.keySet()).containsExactly("Legs", "Totals");
    Map<String, XlsxReader.Cell> s = wb.get("Legs");
    assertThat(s.get("A1").text()).isEqualTo("from");
    assertThat(s.get("B1").text()).isEqualTo("distance (km)");
    assertThat(s.get("C1").text()).isEqualTo("cost (USD)");
    assertThat(s.get("A2"))
        .extracting(XlsxReader.Cell::type, XlsxReader.Cell::text)
        .containsExactly("s", "Nhava Sheva");
    assertThat(s.get("B2").type()).isEqualTo("n");
    assertThat(s.get("B2").number()).isEqualTo(2037.4);
    assertThat(s.get("C2").number()).isEqualTo(346);
    assertThat(s.get("D2").type()).isEqualTo("b");
    assertThat(s.get("D3").text()).isEqualTo("1");
    // a date is a number (Excel's serial day 46357 = 2026-12-01) with a date style
    assertThat(s.get("E2").type()).isEqualTo("n");
    assertThat(s.get("E2").number()).isEqualTo(46357);
    assertThat(s.get("E2").style()).isPositive();
    assertThat(s).doesNotContainKey("C3");
    assertThat(wb.get("Totals").get("A2").number()).isEqualTo(20.9);
  }

  @Test
  void refusesBadSheetsAndRows() {
    assertThatThrownBy(() -> new Sheet.Builder("a/b").col("x", null).build())
        .hasMessageContaining("bad sheet name");
    assertThatThrownBy(() -> new Sheet.Builder("a").col("x", null).row(1, 2).build())
        .hasMessageContaining("2 cells for 1 columns");
  }
}
