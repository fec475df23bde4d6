package org.karvan.app.osm;

import org.junit.jupiter.api.Assumptions;

/**
 * Data a test needs. Outside CI a missing one skips the test with the reason; under {@code CI=true}
 * it fails the test, so that CI never passes by skipping.
 */
final class Required {
  private Required() {}

  static void require(boolean present, String what) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError("CI=true and " + what + " is missing; install or provide it");
    }
    Assumptions.assumeTrue(false, "SKIPPED: " + what + " is missing");
  }
}
