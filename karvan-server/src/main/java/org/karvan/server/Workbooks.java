package org.karvan.server;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.karvan.io.xlsx.Sheet;
import org.karvan.io.xlsx.XlsxWriter;

/**
 * {@code format=xlsx}: a result's tables as a workbook download, as the CLI's {@code --format
 * xlsx}.
 */
final class Workbooks {
  private Workbooks() {}

  /** The format of an endpoint that answers JSON or a workbook; anything else is a field error. */
  static String jsonOrXlsx(Params p) {
    String f = p.orDefault("format", "json").toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("xlsx")) {
      p.error("format", "unknown value '" + f + "'; allowed: json, xlsx");
    }
    return f;
  }

  static void answer(Context ctx, String name, List<Sheet> sheets) {
    ctx.contentType(XlsxWriter.MEDIA_TYPE);
    ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
    ctx.result(XlsxWriter.bytes(sheets));
  }
}
