package org.karvan.core.graph;

import org.karvan.core.profile.Profile;

/**
 * Customs clearance where cargo enters or leaves a country by sea or ferry: boarding at a port is
 * an exit, leaving a ship or ferry at a port (to a terminal transfer or to the destination) is an
 * entry. Times and fees are profile parameters keyed by port node id ({@code
 * customs.port.transit_h.AZALT}), else the documented defaults (docs/cost-model.md, "Customs at
 * ports"). The regime ({@code customs.regime}: 0 transit, 1 import) selects the entry times.
 */
public final class PortCustoms {
  private final Profile p;
  private final boolean importRegime;

  public PortCustoms(Profile p) {
    this.p = p;
    this.importRegime = p.get("customs.regime") >= 0.5;
  }

  private double byPort(String base, String node) {
    return p.getOr(base + "." + node, base);
  }

  /** True under the import regime, false under transit. */
  public boolean importRegime() {
    return importRegime;
  }

  /** Mean clearance, h: entry under the regime, or exit. */
  public double hours(String node, boolean entry) {
    if (!entry) {
      return byPort("customs.port.exit_h", node);
    }
    return byPort(importRegime ? "customs.port.import_h" : "customs.port.transit_h", node);
  }

  /**
   * The 90th percentile of entry clearance under the regime, h (for reliability analysis). A port
   * with its own mean but no own p90 keeps the default ratio p90 / mean.
   */
  public double p90Hours(String node) {
    String mean = importRegime ? "customs.port.import_h" : "customs.port.transit_h";
    String p90 = importRegime ? "customs.port.import_p90_h" : "customs.port.transit_p90_h";
    if (p.find(p90 + "." + node).isPresent() || p.find(mean + "." + node).isEmpty()) {
      return byPort(p90, node);
    }
    return hours(node, true) * p.get(p90) / p.get(mean);
  }

  /** Fee per truck or wagon, USD, each time customs is passed. */
  public double usd(String node) {
    return byPort("customs.port.usd_per_vehicle", node);
  }
}
