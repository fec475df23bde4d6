package org.karvan.cli;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.NoRoute;

/** Words a {@link NoRoute} in the CLI's vocabulary (its flags). */
final class NoRouteText {
  private NoRouteText() {}

  static String of(NoRoute nr, Network net) {
    String where =
        name(net, nr.from())
            + " to "
            + name(net, nr.to())
            + (nr.via().isEmpty() ? "" : " via " + String.join(", ", nr.via()));
    return switch (nr.kind()) {
      case DISCONNECTED_BY -> {
        List<String> causes = new ArrayList<>();
        for (NoRoute.Cause c : nr.causes()) {
          String v = c.values().toString();
          causes.add(
              switch (c.restriction()) {
                case NETWORK_YEAR ->
                    "the network year/status (try --include planned or a later --year)";
                case AVOID_COUNTRY -> "--avoid-country " + v;
                case AVOID_BORDER -> "--avoid-border " + v;
                case AVOID_CHOKEPOINT -> "--avoid-chokepoint " + v;
                case AVOID_NODE -> "--avoid-node " + v;
                case MODES -> "--modes " + v;
                case SCENARIO_CLOSURE -> "the scenario's closures (" + v + ")";
                case EVENT_CLOSURE -> "the dated events of --date (" + v + ")";
              });
        }
        yield "no route from "
            + where
            + "; it is disconnected by "
            + String.join(", or by ", causes);
      }
      case COMBINATION ->
          "no route from "
              + where
              + " under these constraints together (each alone leaves one); relax several";
      case NOT_CONNECTED ->
          "no route from "
              + where
              + "; the places are not connected in this network, even with planned links: pick"
              + " other places or another --network";
    };
  }

  private static String name(Network net, String id) {
    return net.findNode(id).map(Node::name).orElse(id);
  }
}
