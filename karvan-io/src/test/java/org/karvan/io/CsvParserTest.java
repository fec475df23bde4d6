package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.karvan.core.validate.Problems;
import org.karvan.io.csv.CsvParser;
import org.karvan.io.csv.CsvTable;
import org.karvan.io.csv.CsvWriter;

class CsvParserTest {
  private static CsvTable parse(String s, Problems p) {
    return CsvParser.parse(s.getBytes(StandardCharsets.UTF_8), "f.csv", p);
  }

  @Test
  void quotedCellsWithCommasQuotesAndNewlinesKeepTheirLines() {
    Problems p = new Problems();
    CsvTable t = parse("a,b\r\n1,\"x, \"\"y\"\"\"\r\n\"multi\nline\",2\n3,4\n", p);
    assertThat(p.isEmpty()).isTrue();
    assertThat(t.header()).containsEntry("a", 1).containsEntry("b", 2);
    assertThat(t.rows()).hasSize(3);
    assertThat(t.rows().get(0).cells()).containsExactly("1", "x, \"y\"");
    assertThat(t.rows().get(1).cells()).containsExactly("multi\nline", "2");
    assertThat(t.rows().get(1).line()).isEqualTo(3);
    assertThat(t.rows().get(2).line()).isEqualTo(5);
  }

  @Test
  void byteOrderMarkCommentsAndBlankLinesAreSkipped() {
    Problems p = new Problems();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "id,name\n# a comment, with \" quote\n\nX,Y\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    CsvTable t = CsvParser.parse(all, "f.csv", p);
    assertThat(p.isEmpty()).isTrue();
    assertThat(t.header()).containsKey("id");
    assertThat(t.rows()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(4));
  }

  @Test
  void invalidUtf8IsReportedWithItsLineAndParsingGoesOn() {
    Problems p = new Problems();
    byte[] bytes = "a,b\n1,2\n3,\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    CsvTable t = CsvParser.parse(bytes, "f.csv", p);
    assertThat(p.errors())
        .singleElement()
        .hasToString("f.csv:3: invalid UTF-8 (the file must be saved as UTF-8)");
    assertThat(t.rows()).hasSize(2);
  }

  @Test
  void unterminatedQuoteAndExtraCellsAreErrors() {
    Problems p = new Problems();
    parse("a,b\n1,2,3\n4,\"open\n", p);
    assertThat(p.errors())
        .extracting(Object::toString)
        .containsExactly(
            "f.csv:2:3: row has 3 cells but the header has 2",
            "f.csv:3:2: quote opened but never closed");
  }

  @Test
  void emptyFileAndDuplicateHeaderAreErrors() {
    Problems p = new Problems();
    parse("", p);
    parse("a,a\n", p);
    assertThat(p.errors())
        .extracting(Object::toString)
        .containsExactly(
            "f.csv:1: empty file: a header line is needed",
            "f.csv:1:2: a: column appears twice in the header");
  }

  @Test
  void writerOutputParsesBackToTheSameCells() {
    List<String> cells =
        List.of("plain", "with, comma", "with \"quote\"", "multi\nline", "#hash", "");
    String text = new CsvWriter().row(List.of("a", "b", "c", "d", "e", "f")).row(cells).toString();
    Problems p = new Problems();
    CsvTable t = parse(text, p);
    assertThat(p.isEmpty()).isTrue();
    assertThat(t.rows().get(0).cells()).isEqualTo(cells);
  }
}
