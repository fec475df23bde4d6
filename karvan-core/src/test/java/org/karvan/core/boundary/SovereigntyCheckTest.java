package org.karvan.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.Country;
import org.karvan.core.model.Direction;
import org.karvan.core.model.Gauge;
import org.karvan.core.model.LatLon;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Manifest;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkData;
import org.karvan.core.model.Node;
import org.karvan.core.model.NodeKind;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Provenance;
import org.karvan.core.model.Reliability;
import org.karvan.core.model.Source;
import org.karvan.core.validate.Problem;
import org.karvan.core.validate.Problems;

class SovereigntyCheckTest {
  private static final Provenance MEASURED =
      new Provenance(List.of("s"), LocalDate.of(2026, 1, 1), Set.of(), "");
  private static final Provenance ESTIMATED =
      new Provenance(List.of("s"), LocalDate.of(2026, 1, 1), Set.of("lat", "lon", "geometry"), "");

  /** Two unit squares AA [0,1]x[0,1] and BB [1,2]x[0,1]; a finer window moves BB's edge. */
  private static Boundaries squares() throws IOException {
    String text =
        """
        # test
        layer coarse -180 -90 180 90
        country AA
        ring 0 0 10000 0 10000 10000 0 10000 0 0
        country BB
        ring 10000 0 20000 0 20000 10000 10000 10000 10000 0
        layer fine 0.9 0.4 1.1 0.6
        country AA
        ring 9000 4000 10500 4000 10500 6000 9000 6000 9000 4000
        country BB
        ring 10500 4000 11000 4000 11000 6000 10500 6000 10500 4000
        """;
    return Boundaries.parse(new StringReader(text));
  }

  @Test
  void pointsAreJudgedOnTheFinestLayerThatHoldsThem() throws IOException {
    Boundaries b = squares();
    assertEquals(Optional.of("AA"), b.countryAt(0.5, 0.5));
    assertEquals(Optional.of("BB"), b.countryAt(0.5, 1.5));
    assertEquals(Optional.empty(), b.countryAt(0.5, 2.5));
    // lon 1.02: BB on the coarse layer, AA in the fine window (its edge at 1.05)
    assertEquals(Optional.of("BB"), b.countryAt(0.3, 1.02));
    assertEquals(Optional.of("AA"), b.countryAt(0.5, 1.02));
    assertEquals("fine", b.layerAt(0.5, 1.02));
    // distance from (0.5 N, 1.5 E) to AA: 0.5 degree of longitude at 0.5 N on the local plane
    double km = 0.5 * Math.PI * Geo.EARTH_RADIUS_KM / 180 * Math.cos(Math.toRadians(0.5));
    assertEquals(km, b.distanceKm("AA", 0.5, 1.5), 1e-9);
    assertEquals(0, b.distanceKm("AA", 0.5, 0.5));
  }

  @Test
  void recognisedBoundariesPlaceTheSouthCaucasusAsRecognised() {
    Boundaries b = Boundaries.recognised();
    assertEquals(Optional.of("AZ"), b.countryAt(39.209, 45.412), "Nakhchivan");
    assertEquals(Optional.of("AZ"), b.countryAt(39.815, 46.752), "Khankendi (Karabakh)");
    assertEquals(Optional.of("AM"), b.countryAt(39.208, 46.405), "Kapan (Syunik)");
    assertEquals(Optional.of("AM"), b.countryAt(38.903, 46.245), "Meghri (Syunik)");
    assertEquals(Optional.of("UA"), b.countryAt(44.95, 34.10), "Simferopol (Crimea)");
    // Julfa station (AZ, from OSM): 10m layer there
    assertEquals(Optional.of("AZ"), b.countryAt(38.9636, 45.6298));
    assertEquals("10m", b.layerAt(38.9636, 45.6298));
    assertEquals("50m", b.layerAt(41.7, 44.8));
    assertEquals(Optional.of("AZ"), b.countryAt(38.4561, 48.8741), "Astara (AZ)");
    assertEquals(Optional.of("IR"), b.countryAt(38.43, 48.87), "Astara (IR)");
  }

  @Test
  void aLinkThroughArmeniaIsAnErrorNamingTheLinkAndArmenia() {
    // Nakhchivan to Horadiz, both in Azerbaijan, drawn through Kapan
    Node nax = node("NAX", "AZ", 39.209, 45.412, MEASURED);
    Node hrd = node("HRD", "AZ", 39.45, 47.33, MEASURED);
    Link via = rail("L-KAPAN", nax, hrd, List.of(new LatLon(39.208, 46.405)), MEASURED);
    Problems p = SovereigntyCheck.check(data(List.of(nax, hrd), List.of(via)), recognised());
    assertEquals(1, p.errorCount(), p.sorted().toString());
    String m = p.errors().get(0).message();
    assertTrue(m.startsWith("link 'L-KAPAN' (AZ) enters AM without a border crossing"), m);
    List<SovereigntyCheck.Excursion> ex =
        SovereigntyCheck.excursions(
            via, java.util.Map.of("NAX", nax, "HRD", hrd), recognised(), false);
    assertEquals(1, ex.size());
    assertEquals("AM", ex.get(0).country());
    assertTrue(ex.get(0).depthKm() > 15, "deep inside Syunik: " + ex.get(0).depthKm());

    // The straight chord (no geometry, an estimate) crosses Syunik too, deeper than any estimate
    Link chord = rail("L-CHORD", nax, hrd, List.of(), MEASURED);
    Problems q = SovereigntyCheck.check(data(List.of(nax, hrd), List.of(chord)), recognised());
    assertEquals(1, q.errorCount(), q.sorted().toString());
    assertTrue(q.errors().get(0).message().contains("enters AM"));
  }

  @Test
  void aLinkThatStaysHomeOrIsTheCrossingPasses() {
    Node bak = node("BAK", "AZ", 40.41, 49.87, MEASURED);
    Node alt = node("ALT", "AZ", 39.95, 49.40, MEASURED);
    Node jlf = node("JLF", "AZ", 38.9636, 45.6298, MEASURED);
    Node jir = node("JIR", "IR", 38.940, 45.638, MEASURED);
    Link home = rail("L-HOME", bak, alt, List.of(), MEASURED);
    Link bridge = rail("L-BRIDGE", jlf, jir, List.of(), MEASURED);
    Problems p =
        SovereigntyCheck.check(
            data(List.of(bak, alt, jlf, jir), List.of(home, bridge)), recognised());
    assertTrue(p.isEmpty(), p.sorted().toString());
  }

  @Test
  void nodesOutsideTheirCountryAreErrorsOrWarningsByPrecision() {
    // Yerevan labelled AZ: far beyond any tolerance, an error even when estimated
    Node evn = node("EVN", "AZ", 40.18, 44.51, ESTIMATED);
    // 8 km into Georgia at Gardabani, estimated coordinates: a warning; measured: an error
    Node bksEst = node("BKS1", "AZ", 41.428, 45.072, ESTIMATED);
    Node bksMeasured = node("BKS2", "AZ", 41.428, 45.072, MEASURED);
    Problems p =
        SovereigntyCheck.check(data(List.of(evn, bksEst, bksMeasured), List.of()), recognised());
    List<String> errors = p.errors().stream().map(Problem::message).toList();
    List<String> warnings = p.warnings().stream().map(Problem::message).toList();
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("node 'EVN' of AZ lies in AM"), errors.get(0));
    assertTrue(errors.get(1).startsWith("node 'BKS2' of AZ lies in GE"), errors.get(1));
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("node 'BKS1' of AZ lies in GE"), warnings.get(0));
    assertFalse(p.sorted().toString().contains("BAK"));
  }

  private static Boundaries recognised() {
    return Boundaries.recognised();
  }

  static Node node(String id, String country, double lat, double lon, Provenance prov) {
    return new Node(
        id, id, List.of(), country, lat, lon, EnumSet.of(NodeKind.RAIL_STATION), prov, Origin.NONE);
  }

  static Link rail(String id, Node a, Node b, List<LatLon> geometry, Provenance prov) {
    double km = Geo.distanceKm(a.lat(), a.lon(), b.lat(), b.lon()) * 1.5 + 1;
    return new Link(
        id,
        a.id(),
        b.id(),
        Mode.RAIL,
        km,
        Direction.BOTH,
        Gauge.G1520,
        null,
        null,
        null,
        LinkStatus.OPERATIONAL,
        null,
        null,
        List.of(),
        geometry,
        prov,
        Origin.NONE);
  }

  static NetworkData data(List<Node> nodes, List<Link> links) {
    List<Country> countries = new ArrayList<>();
    for (Node n : nodes) {
      if (countries.stream().noneMatch(c -> c.code().equals(n.country()))) {
        countries.add(new Country(n.country(), n.country(), Origin.NONE));
      }
    }
    return new NetworkData(
        new Manifest(1, "t", "1", LocalDate.of(2026, 1, 1), "CC0", "", List.of("s")),
        List.of(new Source("s", "s", "", "", null, null, Reliability.COMPUTED, "", Origin.NONE)),
        countries,
        List.of(),
        nodes,
        links,
        List.of(),
        List.of(),
        List.of());
  }
}
