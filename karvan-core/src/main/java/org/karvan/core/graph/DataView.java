package org.karvan.core.graph;

import java.util.Optional;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;

/**
 * The effective values of network elements: the base network's own, or a scenario's changes over
 * them. Lets costs and masks be derived per scenario without copying the network or the graph.
 */
public interface DataView {
  Link link(Link base);

  BorderCrossing crossing(String id);

  Optional<Service> service(String linkId);

  Terminal terminal(Terminal base);

  /** The base network's values, unchanged. */
  static DataView of(Network n) {
    return new DataView() {
      @Override
      public Link link(Link base) {
        return base;
      }

      @Override
      public BorderCrossing crossing(String id) {
        return n.getCrossing(id);
      }

      @Override
      public Optional<Service> service(String linkId) {
        return n.findService(linkId);
      }

      @Override
      public Terminal terminal(Terminal base) {
        return base;
      }
    };
  }
}
