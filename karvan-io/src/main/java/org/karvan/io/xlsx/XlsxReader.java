package org.karvan.io.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a workbook back from its parts (the zip and the sheet XML, no spreadsheet library), cell by
 * cell with its type: what the tests use to check what {@link XlsxWriter} wrote.
 */
public final class XlsxReader {
  private XlsxReader() {}

  /** A cell as stored: its type ({@code n} number, {@code s} text, {@code b} boolean) and text. */
  public record Cell(String type, String text, int style) {
    public double number() {
      return Double.parseDouble(text);
    }
  }

  /** The sheets by name, in workbook order; each a map from a reference ({@code B2}) to a cell. */
  public static Map<String, Map<String, Cell>> read(byte[] xlsx) throws IOException {
    // Read through the central directory (ZipFile): the streaming writer puts the sizes in data
    // descriptors, which ZipInputStream does not accept for stored entries.
    Map<String, byte[]> parts = new HashMap<>();
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("karvan", ".xlsx");
    try {
      java.nio.file.Files.write(tmp, xlsx);
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.toFile())) {
        for (ZipEntry e : java.util.Collections.list(z.entries())) {
          try (InputStream in = z.getInputStream(e)) {
            parts.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
    List<String> shared = new ArrayList<>();
    if (parts.containsKey("xl/sharedStrings.xml")) {
      NodeList si = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
      for (int i = 0; i < si.getLength(); i++) {
        shared.add(si.item(i).getTextContent());
      }
    }
    Map<String, String> rels = new HashMap<>();
    NodeList rl = xml(parts.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
    for (int i = 0; i < rl.getLength(); i++) {
      Element r = (Element) rl.item(i);
      String target = r.getAttribute("Target");
      rels.put(r.getAttribute("Id"), target.startsWith("/") ? target.substring(1) : "xl/" + target);
    }
    Map<String, Map<String, Cell>> out = new LinkedHashMap<>();
    NodeList sheets = xml(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
    for (int i = 0; i < sheets.getLength(); i++) {
      Element s = (Element) sheets.item(i);
      String rid =
          s.getAttributeNS(
              "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
      Map<String, Cell> cells = new LinkedHashMap<>();
      NodeList cs = xml(parts.get(rels.get(rid))).getElementsByTagName("c");
      for (int j = 0; j < cs.getLength(); j++) {
        Element c = (Element) cs.item(j);
        String t = c.getAttribute("t");
        int style = c.getAttribute("s").isEmpty() ? 0 : Integer.parseInt(c.getAttribute("s"));
        NodeList v = c.getElementsByTagName("v");
        String text = v.getLength() == 0 ? c.getTextContent() : v.item(0).getTextContent();
        if (t.equals("s")) {
          cells.put(c.getAttribute("r"), new Cell("s", shared.get(Integer.parseInt(text)), style));
        } else if (t.equals("inlineStr") || t.equals("str")) {
          cells.put(c.getAttribute("r"), new Cell("s", text, style));
        } else {
          cells.put(c.getAttribute("r"), new Cell(t.isEmpty() ? "n" : t, text, style));
        }
      }
      out.put(s.getAttribute("name"), cells);
    }
    return out;
  }

  private static Document xml(byte[] b) throws IOException {
    try (InputStream in = new ByteArrayInputStream(b)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(in);
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException("not a workbook part: " + e.getMessage(), e);
    }
  }
}
