package org.karvan.io.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes sheets as an XLSX workbook (FastExcel): one worksheet per table, a bold frozen header row
 * with units, numbers as numeric cells, dates as date cells, text as text.
 */
public final class XlsxWriter {
  private XlsxWriter() {}

  /** The media type of XLSX. */
  public static final String MEDIA_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Writes the workbook to {@code out} (which is not closed). */
  public static void write(OutputStream out, List<Sheet> sheets) throws IOException {
    if (sheets.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one sheet");
    }
    Workbook wb = new Workbook(new NonClosing(out), "Karvan", "1.0");
    for (Sheet s : sheets) {
      Worksheet ws = wb.newWorksheet(s.name());
      for (int c = 0; c < s.columns().size(); c++) {
        ws.value(0, c, s.columns().get(c).header());
        ws.style(0, c).bold().set();
        ws.width(c, Math.min(60, Math.max(10, s.columns().get(c).header().length() + 2)));
      }
      ws.freezePane(0, 1);
      for (int r = 0; r < s.rows().size(); r++) {
        List<Object> row = s.rows().get(r);
        for (int c = 0; c < row.size(); c++) {
          cell(ws, r + 1, c, row.get(c));
        }
      }
      ws.finish();
    }
    wb.finish();
  }

  /** The workbook as bytes. */
  public static byte[] bytes(List<Sheet> sheets) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try {
      write(b, sheets);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static void cell(Worksheet ws, int r, int c, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (Double.isFinite(d)) {
        ws.value(r, c, n);
      }
    } else if (v instanceof Boolean b) {
      ws.value(r, c, b);
    } else if (v instanceof LocalDateTime t) {
      ws.value(r, c, t);
      ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
    } else if (v instanceof LocalDate d) {
      ws.value(r, c, d);
      ws.style(r, c).format("yyyy-mm-dd").set();
    } else {
      ws.value(r, c, v.toString());
    }
  }

  /** FastExcel closes nothing itself, but keep the caller's stream open whatever it does. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream o) {
      super(o);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
