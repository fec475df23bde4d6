package org.karvan.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.geo.Geo;
import org.karvan.core.model.Network;

class PlacesSnapTest {
  // nodes on the equator at 0, 1 and 3 degrees east
  static final Network NET =
      TestNetworks.builder()
          .node("A", "AA", 0)
          .node("B", "AA", 1)
          .node("C", "AA", 3)
          .road("AB", "A", "B", 120)
          .road("BC", "B", "C", 230)
          .build();

  @Test
  void aCoordinateSnapsToTheNearestNodeWithItsDistance() {
    Places p = new Places(NET);
    Places.Snap s = p.snap("0.1, 1.9");
    assertEquals("B", s.node().id());
    assertEquals(Geo.distanceKm(0.1, 1.9, 0, 1), s.km(), 1e-12);
    assertEquals("C", p.snap("-0.5,2.1").node().id()); // 1.1 deg from B, 0.9 from C
    assertEquals(0, p.snap("0,3").km(), 1e-12);
    assertTrue(Places.isCoordinate("40.41,49.87"));
    assertFalse(Places.isCoordinate("Baku"));
  }

  @Test
  void outOfRangeCoordinatesAreErrorsThatNameThem() {
    Places p = new Places(NET);
    IllegalArgumentException lat =
        assertThrows(IllegalArgumentException.class, () -> p.snap("95,10"));
    assertEquals("latitude 95 in '95,10' is out of range [-90, 90]", lat.getMessage());
    IllegalArgumentException lon =
        assertThrows(IllegalArgumentException.class, () -> p.snap("10,-181.5"));
    assertEquals("longitude -181.5 in '10,-181.5' is out of range [-180, 180]", lon.getMessage());
  }
}
