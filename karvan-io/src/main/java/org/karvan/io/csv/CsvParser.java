package org.karvan.io.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvTable.CsvRow;

/**
 * An RFC 4180 CSV parser that keeps line and column numbers and reports every problem it meets
 * (invalid UTF-8, an unterminated quote, a row with too many cells) instead of throwing. A leading
 * UTF-8 byte-order mark is skipped; LF and CRLF line ends are accepted; blank lines and lines whose
 * first cell starts with {@code #} are skipped.
 */
public final class CsvParser {
  private CsvParser() {}

  /** Decodes UTF-8 strictly, reporting each malformed sequence with its line; never throws. */
  static String decode(byte[] bytes, String file, Problems problems) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      start = 3;
    }
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    Set<Integer> badLines = new HashSet<>();
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (r.isUnderflow()) {
        dec.flush(out);
        break;
      }
      if (r.isError()) {
        int line = 1;
        for (int i = start; i < in.position(); i++) {
          if (bytes[i] == '\n') {
            line++;
          }
        }
        if (badLines.add(line)) {
          problems.error(file, line, 0, "", "invalid UTF-8 (the file must be saved as UTF-8)");
        }
        out.put('\uFFFD');
        in.position(in.position() + r.length());
      } else {
        break; // overflow cannot happen: out holds one char per byte at least
      }
    }
    out.flip();
    return out.toString();
  }

  /**
   * Parses a CSV file. Problems go to {@code problems}; the returned table holds every row that
   * could be split into cells.
   */
  public static CsvTable parse(byte[] bytes, String file, Problems problems) {
    String text = decode(bytes, file, problems);
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int n = text.length();
    int i = 0;
    int line = 1;
    while (i < n) {
      int recordLine = line;
      if (text.charAt(i) == '#') {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
        line++;
        continue;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean cellStarted = false;
      boolean endOfRecord = false;
      while (i < n && !endOfRecord) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              cell.append('"');
              i += 2;
            } else {
              quoted = false;
              i++;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
            i++;
          }
        } else if (c == '"' && !cellStarted) {
          quoted = true;
          cellStarted = true;
          i++;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          cellStarted = false;
          i++;
        } else if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i += 2;
          line++;
          endOfRecord = true;
        } else if (c == '\n') {
          i++;
          line++;
          endOfRecord = true;
        } else {
          if (c == '"') {
            problems.error(
                file, recordLine, cells.size() + 1, "", "stray quote inside an unquoted cell");
          }
          cell.append(c);
          cellStarted = true;
          i++;
        }
      }
      if (quoted) {
        problems.error(file, recordLine, cells.size() + 1, "", "quote opened but never closed");
      }
      cells.add(cell.toString());
      boolean blank = cells.size() == 1 && cells.get(0).isBlank();
      if (!blank) {
        records.add(cells);
        lines.add(recordLine);
      }
    }
    if (records.isEmpty()) {
      problems.error(file, 1, 0, "", "empty file: a header line is needed");
      return new CsvTable(file, Map.of(), List.of());
    }
    Map<String, Integer> header = new LinkedHashMap<>();
    List<String> head = records.get(0);
    for (int c = 0; c < head.size(); c++) {
      String name = head.get(c).trim();
      if (name.isEmpty()) {
        problems.error(file, lines.get(0), c + 1, "", "empty column name in the header");
      } else if (header.putIfAbsent(name, c + 1) != null) {
        problems.error(file, lines.get(0), c + 1, name, "column appears twice in the header");
      }
    }
    List<CsvRow> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> cells = records.get(r);
      if (cells.size() > head.size()) {
        problems.error(
            file,
            lines.get(r),
            head.size() + 1,
            "",
            "row has " + cells.size() + " cells but the header has " + head.size());
      }
      rows.add(new CsvRow(lines.get(r), cells));
    }
    return new CsvTable(file, header, rows);
  }
}
