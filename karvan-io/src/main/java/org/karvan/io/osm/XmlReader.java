package org.karvan.io.osm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads OSM XML ({@code .osm}, or gzip-compressed {@code .osm.gz}) with StAX, streaming. */
final class XmlReader implements OsmReader {
  private static final XMLInputFactory FACTORY = factory();

  private final Path path;

  XmlReader(Path path) {
    this.path = path;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, false);
    return f;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public void read(Set<Kind> kinds, OsmHandler handler) throws IOException {
    boolean nodes = kinds.contains(Kind.NODE);
    boolean ways = kinds.contains(Kind.WAY);
    boolean relations = kinds.contains(Kind.RELATION);
    boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    Tags tags = new Tags();
    long[] refs = new long[256];
    byte[] types = new byte[64];
    String[] roles = new String[64];
    XMLStreamReader x = null;
    try (InputStream raw = Files.newInputStream(path);
        InputStream in =
            gz
                ? new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16)
                : new BufferedInputStream(raw, 1 << 16)) {
      x = FACTORY.createXMLStreamReader(in);
      int element = 0; // 1 node, 2 way, 3 relation, 0 none (or skipped)
      long id = 0;
      double lat = 0;
      double lon = 0;
      int n = 0;
      boolean sawOsm = false;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String name = x.getLocalName();
          switch (name) {
            case "osm" -> sawOsm = true;
            case "node" -> {
              if (nodes) {
                element = 1;
                id = parseLong(x, "id");
                lat = parseDouble(x, "lat");
                lon = parseDouble(x, "lon");
                tags.clear();
              }
            }
            case "way" -> {
              if (ways) {
                element = 2;
                id = parseLong(x, "id");
                n = 0;
                tags.clear();
              }
            }
            case "relation" -> {
              if (relations) {
                element = 3;
                id = parseLong(x, "id");
                n = 0;
                tags.clear();
              }
            }
            case "tag" -> {
              if (element != 0) {
                tags.add(attr(x, "k"), attr(x, "v"));
              }
            }
            case "nd" -> {
              if (element == 2) {
                if (n == refs.length) {
                  refs = Arrays.copyOf(refs, n * 2);
                }
                refs[n++] = parseLong(x, "ref");
              }
            }
            case "member" -> {
              if (element == 3) {
                if (n == refs.length) {
                  refs = Arrays.copyOf(refs, n * 2);
                }
                if (n == types.length) {
                  types = Arrays.copyOf(types, n * 2);
                  roles = Arrays.copyOf(roles, n * 2);
                }
                String type = attr(x, "type");
                types[n] =
                    switch (type) {
                      case "node" -> 0;
                      case "way" -> 1;
                      case "relation" -> 2;
                      default -> throw bad(x, "member type '" + type + "'");
                    };
                roles[n] = x.getAttributeValue(null, "role") == null ? "" : attr(x, "role");
                refs[n++] = parseLong(x, "ref");
              }
            }
            default -> {}
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String name = x.getLocalName();
          if (element == 1 && name.equals("node")) {
            handler.node(id, lat, lon, tags);
            element = 0;
          } else if (element == 2 && name.equals("way")) {
            handler.way(id, refs, n, tags);
            element = 0;
          } else if (element == 3 && name.equals("relation")) {
            handler.relation(id, refs, types, roles, n, tags);
            element = 0;
          }
        }
      }
      if (!sawOsm) {
        throw new OsmFormatException(path, "not an OSM XML file (no <osm> element)");
      }
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
      int col = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNumber());
      throw new OsmFormatException(path, line, col, "malformed OSM XML: " + firstLine(e), e);
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      throw new OsmFormatException(
          path, 0, 0, "truncated or corrupt gzip data: " + e.getMessage(), e);
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException ignored) {
          // the stream is closed by try-with-resources
        }
      }
    }
  }

  private static String firstLine(XMLStreamException e) {
    String m = String.valueOf(e.getMessage());
    int i = m.lastIndexOf("Message: ");
    return (i >= 0 ? m.substring(i + 9) : m).lines().findFirst().orElse(m);
  }

  private OsmFormatException bad(XMLStreamReader x, String what) {
    return new OsmFormatException(
        path, x.getLocation().getLineNumber(), x.getLocation().getColumnNumber(), what, null);
  }

  private String attr(XMLStreamReader x, String name) throws OsmFormatException {
    String v = x.getAttributeValue(null, name);
    if (v == null) {
      throw bad(x, "<" + x.getLocalName() + "> without attribute '" + name + "'");
    }
    return v;
  }

  private long parseLong(XMLStreamReader x, String name) throws OsmFormatException {
    String v = attr(x, name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw bad(x, "<" + x.getLocalName() + "> " + name + " '" + v + "' is not an integer");
    }
  }

  private double parseDouble(XMLStreamReader x, String name) throws OsmFormatException {
    String v = attr(x, name);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw bad(x, "<" + x.getLocalName() + "> " + name + " '" + v + "' is not a number");
    }
  }
}
