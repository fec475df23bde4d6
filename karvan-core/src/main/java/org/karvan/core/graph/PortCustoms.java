package org.karvan.core.graph;

import java.util.Set;
import java.util.stream.Collectors;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;

/**
 * Customs clearance where cargo enters or leaves a country by sea or ferry: boarding at a port is
 * an exit, leaving a ship or ferry at a port (to a terminal transfer or to the destination) is an
 * entry. Times and fees are profile parameters keyed by port node id ({@code
 * customs.port.transit_h.AZALT}), else the documented defaults (docs/cost-model.md, "Customs at
 * ports"). The regime ({@code customs.regime}: 0 transit, 1 import) selects the entry times: under
 * the import regime, entries into the countries named by {@code customs.import_in.XX = 1} (the
 * destination's country, set per request) take the import times and every other entry the transit
 * times, since through-cargo is cleared in transit on its way; with no {@code customs.import_in}
 * key every entry takes the import times.
 */
public final class PortCustoms {
  private static final String IMPORT_IN = "customs.import_in.";
  private final Profile p;
  private final Network net;
  private final boolean importRegime;
  private final Set<String> importCountries;

  public PortCustoms(Profile p, Network net) {
    this.p = p;
    this.net = net;
    this.importRegime = p.get("customs.regime") >= 0.5;
    this.importCountries =
        p.parameters().stream()
            .filter(x -> x.key().startsWith(IMPORT_IN) && x.value() >= 0.5)
            .map(x -> x.key().substring(IMPORT_IN.length()))
            .collect(Collectors.toUnmodifiableSet());
  }

  private double byPort(String base, String node) {
    return p.getOr(base + "." + node, base);
  }

  /** True when an entry at port {@code node} is cleared under the import regime, else transit. */
  public boolean importsAt(String node) {
    return importRegime
        && (importCountries.isEmpty() || importCountries.contains(net.countryOf(node)));
  }

  /** Mean clearance, h: entry under the regime that applies at the port, or exit. */
  public double hours(String node, boolean entry) {
    if (!entry) {
      return byPort("customs.port.exit_h", node);
    }
    return byPort(importsAt(node) ? "customs.port.import_h" : "customs.port.transit_h", node);
  }

  /**
   * The 90th percentile of entry clearance under the regime, h (for reliability analysis). A port
   * with its own mean but no own p90 keeps the default ratio p90 / mean.
   */
  public double p90Hours(String node) {
    boolean imp = importsAt(node);
    String mean = imp ? "customs.port.import_h" : "customs.port.transit_h";
    String p90 = imp ? "customs.port.import_p90_h" : "customs.port.transit_p90_h";
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
