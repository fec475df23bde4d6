package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.NoRoute;

/**
 * No route exists under the request's constraints. Carries the router's structured explanation and
 * the network it was computed on; the CLI words it with its flags, the API with its parameter
 * names, and {@link #getMessage} in neutral terms (as results such as a comparison carry it).
 */
public final class NoRouteException extends RuntimeException {
  private final transient NoRoute noRoute;
  private final transient Network network;

  public NoRouteException(NoRoute noRoute, Network network) {
    super(words(noRoute, network));
    this.noRoute = noRoute;
    this.network = network;
  }

  public NoRoute noRoute() {
    return noRoute;
  }

  public Network network() {
    return network;
  }

  /** A neutral wording: the restrictions by what they are, not by a front end's names. */
  public static String words(NoRoute nr, Network net) {
    String where =
        name(net, nr.from())
            + " to "
            + name(net, nr.to())
            + (nr.via().isEmpty() ? "" : " via " + String.join(", ", nr.via()));
    return switch (nr.kind()) {
      case DISCONNECTED_BY -> {
        List<String> causes = new ArrayList<>();
        for (NoRoute.Cause c : nr.causes()) {
          String v = String.join(", ", c.values());
          causes.add(
              switch (c.restriction()) {
                case NETWORK_YEAR ->
                    "the network year/status"
                        + (v.isEmpty() ? " (today's network)" : " (" + v + ")")
                        + "; planned links or a later year reconnect them";
                case AVOID_COUNTRY -> "the avoided countries " + v;
                case AVOID_BORDER -> "the avoided border crossings " + v;
                case AVOID_CHOKEPOINT -> "the avoided chokepoints " + v;
                case AVOID_NODE -> "the avoided places " + v;
                case MODES -> "the allowed modes " + v;
                case SCENARIO_CLOSURE -> "the scenario's closures " + v;
                case EVENT_CLOSURE ->
                    "the dated events in force that day ("
                        + v
                        + "); a date outside them reopens the elements";
              });
        }
        yield "no route from "
            + where
            + ": it is disconnected by "
            + String.join("; or by ", causes);
      }
      case COMBINATION ->
          "no route from "
              + where
              + " under these constraints together (each alone leaves one); relax several";
      case NOT_CONNECTED ->
          "no route from "
              + where
              + ": the places are not connected in this network, even with planned links";
    };
  }

  private static String name(Network net, String id) {
    return net.findNode(id).map(Node::name).orElse(id);
  }
}
