package org.karvan.core.graph;

import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;

/**
 * A network as routing sees it under a scenario: effective element values ({@link DataView}), the
 * network to compile, the profile in force, a default year and the closed elements. Implemented by
 * {@code org.karvan.core.scenario.ScenarioView}; declared here so that routing depends on this
 * interface and not on the scenario package.
 */
public interface NetworkView extends DataView {
  /** The network to compile: the base itself unless elements are added. */
  Network network();

  /** True when elements are added, so the graph must be compiled anew. */
  boolean addsElements();

  /** The profile in force. */
  Profile profile();

  /** The default network year of requests under this view, or {@code null}. */
  Integer year();

  /** The closed elements. */
  Closures closures();

  /** The dated events of the network and those the scenarios add. */
  java.util.List<org.karvan.core.model.NetworkEvent> events();
}
