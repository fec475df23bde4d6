package org.karvan.server;

import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.routing.NoRoute;

/** Words a {@link NoRoute} in the API's vocabulary (its query parameters). */
final class NoRouteDetail {
  private NoRouteDetail() {}

  static String of(NoRoute nr, Network net) {
    String where =
        name(net, nr.from())
            + " to "
            + name(net, nr.to())
            + (nr.via().isEmpty() ? "" : " via " + nr.via());
    if (nr.kind() == NoRoute.Kind.COMBINATION) {
      return "no route from " + where + " under these parameters together; relax several.";
    }
    if (nr.kind() == NoRoute.Kind.NOT_CONNECTED) {
      return "no route from "
          + where
          + ": the places are not connected, even with include=planned.";
    }
    List<String> fixes =
        nr.causes().stream()
            .map(
                c ->
                    switch (c.restriction()) {
                      case NETWORK_YEAR -> "include=planned or a later year";
                      case AVOID_COUNTRY -> "without avoidCountry=" + String.join(",", c.values());
                      case AVOID_BORDER -> "without avoidBorder=" + String.join(",", c.values());
                      case AVOID_CHOKEPOINT ->
                          "without avoidChokepoint=" + String.join(",", c.values());
                      case AVOID_NODE -> "without avoidNode=" + String.join(",", c.values());
                      case MODES -> "without modes=" + String.join(",", c.values());
                      case SCENARIO_CLOSURE ->
                          "without the scenario's closures " + String.join(",", c.values());
                      case EVENT_CLOSURE ->
                          "on a date outside the events " + String.join(",", c.values());
                    })
            .toList();
    return "no route from " + where + "; there is one " + String.join(", or ", fixes) + ".";
  }

  private static String name(Network net, String id) {
    return net.findNode(id).map(n -> n.name()).orElse(id);
  }
}
