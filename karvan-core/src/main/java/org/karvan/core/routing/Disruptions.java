package org.karvan.core.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.model.Network;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.routing.Route.Disruption;

/** Collects the dated events a route meets into its {@link Route#disruptions}. */
final class Disruptions {
  private final Map<NetworkEvent, double[]> met = new LinkedHashMap<>();
  private final Network net;

  Disruptions(Network net) {
    this.net = net;
  }

  /** One passage of the route over an edge restricted by {@code e}, adding hours and USD. */
  void met(NetworkEvent e, double hours, double usd) {
    double[] a = met.computeIfAbsent(e, k -> new double[3]);
    a[0]++;
    a[1] += hours;
    a[2] += usd;
  }

  List<Disruption> list() {
    List<Disruption> out = new ArrayList<>();
    met.forEach(
        (e, a) ->
            out.add(
                new Disruption(
                    e.id(),
                    e.severity().name(),
                    e.targetType().name(),
                    e.targets(),
                    effect(e),
                    (int) a[0],
                    a[1],
                    a[2],
                    e.capacityCut(),
                    e.provenance().sources().stream().map(net::cite).toList(),
                    !e.provenance().estimated().isEmpty())));
    return out;
  }

  /** What an event does, in words: {@code closed}, or the restriction's figures. */
  static String effect(NetworkEvent e) {
    return switch (e.severity()) {
      case CLOSED -> "closed" + modes(e);
      case RISK -> "closure risk " + e.ratePerYear() + "/year of " + e.durationMeanDays() + " days";
      case RESTRICTED -> {
        List<String> parts = new ArrayList<>();
        if (e.delayMeanH() > 0) {
          parts.add(
              "+"
                  + Decimals.fixed(e.delayMeanH(), 0)
                  + " h delay (P90 "
                  + Decimals.fixed(e.delayP90H(), 0)
                  + " h)");
        }
        if (e.surchargeUsdPerTeu() > 0) {
          parts.add("+USD " + Decimals.fixed(e.surchargeUsdPerTeu(), 0) + "/TEU");
        }
        if (e.surchargePct() > 0) {
          parts.add("+" + Decimals.fixed(e.surchargePct(), 0) + "% cost");
        }
        if (e.capacityCut() > 0) {
          parts.add("capacity -" + Decimals.fixed(100 * e.capacityCut(), 0) + "%");
        }
        yield "restricted" + modes(e) + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
      }
    };
  }

  private static String modes(NetworkEvent e) {
    return e.modes().isEmpty()
        ? ""
        : " for " + e.modes().stream().map(Enum::name).sorted().toList().toString();
  }
}
