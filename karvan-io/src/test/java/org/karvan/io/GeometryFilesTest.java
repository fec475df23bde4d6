package org.karvan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Network;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.bundle.BundleWriter;
import org.karvan.io.geojson.GeoJsonWriter;

/** Geometry files (docs/network-format.md): attached to links, checked, and written back. */
class GeometryFilesTest {
  @TempDir Path tmp;

  static final String GOOD =
      """
      {"type":"FeatureCollection","licence":"ODbL-1.0","attribution":"(c) test mappers",
       "features":[
        {"type":"Feature","properties":{"link":"L1","source":"s1","estimated":false},
         "geometry":{"type":"LineString","coordinates":[[48.87,38.4],[48.5,38.3],[48.0,38.0]]}},
        {"type":"Feature","properties":{"link":"L4","source":"est","estimated":true},
         "geometry":{"type":"LineString",
                     "coordinates":[[48.88,38.47],[49.2,39.0],[49.5,39.8],[49.88,40.38]]}},
        {"type":"Feature","properties":{"link":"L7","source":"s1"},
         "geometry":{"type":"LineString","coordinates":[[49.0,37.5],[49.9,40.4]]}}]}
      """;

  static TinyBundle withGeometry(String files, String... contents) {
    TinyBundle t =
        TinyBundle.load()
            .replace(
                "manifest.csv", "licence,CC0-1.0\n", "licence,CC0-1.0\ngeometry," + files + "\n");
    String[] names = files.split("\\|");
    for (int i = 0; i < contents.length; i++) {
      t.put(names[i], contents[i].getBytes(StandardCharsets.UTF_8));
    }
    return t;
  }

  @Test
  void linesAttachToLinksWithoutInlineGeometryOrientedAndWithoutTheirEndNodes() {
    Network n = withGeometry("geometry/a.geojson", GOOD).read();
    // L1 runs IRAAA (38.0 48.0) -> IRXXX (38.40 48.87): the file's line runs the other way, and
    // its end positions are the nodes themselves, so one vertex remains.
    assertThat(n.getLink("L1").geometry()).containsExactly(new LatLon(38.3, 48.5));
    // L4's ends are ~2 km from its nodes: they are kept as vertices.
    assertThat(n.getLink("L4").geometry())
        .containsExactly(
            new LatLon(38.47, 48.88),
            new LatLon(39.0, 49.2),
            new LatLon(39.8, 49.5),
            new LatLon(40.38, 49.88));
    // L7 has inline geometry in links.csv: it wins over the file.
    assertThat(n.getLink("L7").geometry())
        .containsExactly(new LatLon(39, 49.5), new LatLon(40, 49.6));
    assertThat(n.getLink("L2").geometry()).isEmpty();
    assertThat(n.manifest().geometry())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.file()).isEqualTo("geometry/a.geojson");
              assertThat(g.licence()).isEqualTo("ODbL-1.0");
              assertThat(g.attribution()).isEqualTo("(c) test mappers");
              assertThat(g.lines()).extracting(l -> l.link()).containsExactly("L1", "L4", "L7");
              assertThat(g.lines())
                  .extracting(l -> l.estimated())
                  .containsExactly(false, true, false);
            });
    assertThat(n.warnings()).isEmpty();
  }

  @Test
  void roundTripKeepsTheLinesInTheirOwnFileNotInLinksCsv() throws IOException {
    Network n = withGeometry("geometry/a.geojson", GOOD).read();
    Path out = tmp.resolve("out");
    BundleWriter.write(n, out);
    assertThat(Files.readString(out.resolve("manifest.csv")))
        .contains("\ngeometry,geometry/a.geojson\n");
    String links = Files.readString(out.resolve("links.csv"));
    assertThat(links).contains("\nL1,IRAAA,IRXXX,RAIL,100,BOTH,1435,false,40,,OPERATIONAL,,,,,s1,");
    assertThat(links)
        .contains("\nL7,IRBBB,AZDDD,FERRY,400,BOTH,,,,,OPERATIONAL,,,,49.5 39|49.6 40,");
    JsonNode back = new ObjectMapper().readTree(out.resolve("geometry/a.geojson").toFile());
    assertThat(back.get("licence").asText()).isEqualTo("ODbL-1.0");
    assertThat(back.get("features")).hasSize(3);
    Network again = BundleReader.read(out);
    assertThat(again.data()).isEqualTo(n.data());
    // A zip of the written bundle, in a folder, reads the same.
    Path zip = tmp.resolve("out.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var e : BundleWriter.toCsv(n).entrySet()) {
        z.putNextEntry(new ZipEntry("net/" + e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    assertThat(BundleReader.read(zip).data()).isEqualTo(n.data());
  }

  @Test
  void geoJsonExportDrawsTheLineAndNamesItsFileAndLicence() throws IOException {
    Network n = withGeometry("geometry/a.geojson", GOOD).read();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GeoJsonWriter.write(n, bytes);
    JsonNode fc = new ObjectMapper().readTree(bytes.toByteArray());
    assertThat(fc.at("/karvan/geometryFiles/0/licence").asText()).isEqualTo("ODbL-1.0");
    assertThat(fc.at("/karvan/geometryFiles/0/attribution").asText()).isEqualTo("(c) test mappers");
    JsonNode l1 = null;
    JsonNode l7 = null;
    for (JsonNode f : fc.get("features")) {
      if (f.get("id").asText().equals("L1")) {
        l1 = f;
      } else if (f.get("id").asText().equals("L7")) {
        l7 = f;
      }
    }
    assertThat(l1.at("/geometry/coordinates").toString())
        .isEqualTo("[[48.0,38.0],[48.5,38.3],[48.87,38.4]]");
    assertThat(l1.at("/properties/geometrySource").asText()).isEqualTo("s1");
    assertThat(l1.at("/properties/geometryEstimated").asBoolean()).isFalse();
    assertThat(l1.at("/properties/geometryFile").asText()).isEqualTo("geometry/a.geojson");
    assertThat(l1.at("/properties/geometryLicence").asText()).isEqualTo("ODbL-1.0");
    // L7 draws its inline geometry, so the file's line is not named.
    assertThat(l7.at("/properties/geometrySource").isMissingNode()).isTrue();
  }

  @Test
  void aLineEndingFarFromItsNodesIsAWarning() {
    String far =
        """
        {"type":"FeatureCollection","licence":"CC0-1.0","features":[
         {"type":"Feature","properties":{"link":"L2","source":"s1","estimated":true},
          "geometry":{"type":"LineString","coordinates":[[48.0,38.0],[48.7,37.9],[49.3,37.5]]}}]}
        """;
    Network n = withGeometry("geometry/far.geojson", far).read();
    // IRBBB is at 37.5 49.0; the line ends at 37.5 49.3: 26.5 km away.
    assertThat(n.warnings())
        .extracting(Problem::toString)
        .containsExactly(
            "tiny/geometry/far.geojson:1: coordinates: warning: the line ends 0.0 km from IRAAA"
                + " and 26.5 km from IRBBB (more than 20 km)");
    assertThat(n.getLink("L2").geometry()).hasSize(2);
  }

  @Test
  void linesOfAMissingLinksFileAreOneFoldedProblem() {
    var e =
        catchThrowableOfType(
            InvalidInputException.class,
            () -> withGeometry("geometry/a.geojson", GOOD).remove("links.csv").read());
    assertThat(e.problems().stream().map(Problem::toString).toList())
        .contains("tiny/geometry/a.geojson: 3 rows refer to links of the missing links.csv")
        .noneMatch(m -> m.contains("unknown link"));
  }

  @Test
  void badGeometryFilesListEveryProblemByFileFeatureAndField() {
    String bad =
        """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"link":"L99","source":"s1"},
          "geometry":{"type":"LineString","coordinates":[[48.0,38.0],[48.8,38.4]]}},
         {"type":"Feature","properties":{"link":"L2","source":"nope","estimated":"yes"},
          "geometry":{"type":"LineString","coordinates":[[48.0,38.0],[49.0,37.5]]}},
         {"type":"Feature","properties":{"link":"L4","source":"s1"},
          "geometry":{"type":"LineString","coordinates":[[48.87,38.45],[200,40],[49.9]]}},
         {"type":"Feature","properties":{"source":"s1"},
          "geometry":{"type":"Point","coordinates":[48.0,38.0]}},
         {"type":"Feature","properties":{"link":"L1","source":"s1"},
          "geometry":{"type":"LineString","coordinates":[[48.0,38.0],[48.87,38.4]]}},
         {"type":"Feature","properties":{"link":"L1","source":"s1"},
          "geometry":{"type":"LineString","coordinates":[[48.0,38.0],[48.87,38.4]]}}]}
        """;
    var e =
        catchThrowableOfType(
            InvalidInputException.class,
            () ->
                withGeometry(
                        "geometry/bad.geojson|geometry/broken.geojson|geometry/none.geojson",
                        bad,
                        "{\"type\":\"FeatureCollection\",\"features\":[")
                    .read());
    List<String> messages = e.problems().stream().map(Problem::toString).toList();
    assertThat(messages)
        .containsExactly(
            "tiny/geometry/bad.geojson: licence: the file needs a 'licence' member",
            "tiny/geometry/bad.geojson:1: link: unknown link 'L99'",
            "tiny/geometry/broken.geojson: not valid JSON (line 1, column 41): Unexpected"
                + " end-of-input: expected close marker for Array",
            "tiny/geometry/none.geojson: missing file (named by the manifest key 'geometry')",
            "tiny/geometry/bad.geojson:2: source: unknown source 'nope'",
            "tiny/geometry/bad.geojson:2: estimated: must be true or false, not \"yes\"",
            "tiny/geometry/bad.geojson:3: coordinates: position 2 [200,40] is not [lon, lat]"
                + " within ±180°, ±90°",
            "tiny/geometry/bad.geojson:3: coordinates: position 3 [49.9] is not [lon, lat]"
                + " within ±180°, ±90°",
            "tiny/geometry/bad.geojson:4: link: property 'link' (a link id) is required",
            "tiny/geometry/bad.geojson:4: geometry: must be a LineString",
            "tiny/geometry/bad.geojson:6: link: link 'L1' already has a line"
                + " (tiny/geometry/bad.geojson feature 5)");
  }
}
