package org.karvan.core.graph;

import java.util.Locale;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Network;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;
import org.karvan.core.profile.Profile;

/**
 * Time, money and CO2e of each virtual edge, from the network's data and the profile's parameters
 * (docs/cost-model.md). Pure functions of their inputs: the same edge always costs the same.
 */
public final class CostModel {
  private final Network net;
  private final Profile p;
  private final DataView view;

  public CostModel(Network net, Profile p) {
    this(net, p, DataView.of(net));
  }

  /** Costs under a view (a scenario's effective crossings and services). */
  public CostModel(Network net, Profile p, DataView view) {
    this.net = net;
    this.p = p;
    this.view = view;
  }

  private static String key(Mode m) {
    return switch (m) {
      case RAIL -> "rail";
      case ROAD -> "road";
      case SEA -> "sea";
      case FERRY -> "ferry";
      case INLAND_WATERWAY -> "iww";
    };
  }

  /** Speed in km/h for a link without a service: the link's own, else the profile default. */
  public double speedKmh(Link l) {
    return l.speedKmh() != null ? l.speedKmh() : p.get(key(l.mode()) + ".speed_kmh");
  }

  /** Grid intensity in g CO2e/kWh for a country (or the default). */
  public double gridGPerKwh(String country) {
    return country == null
        ? p.get("grid.default.g_per_kwh")
        : p.getOr("grid.g_per_kwh." + country, "grid.default.g_per_kwh");
  }

  /**
   * Cost of moving along {@code l} from its {@code from} end when {@code forward}, else from its
   * {@code to} end. {@code boarding} is true for a water link entered from ashore (the expected
   * wait for a sailing is added).
   */
  public EdgeCost move(Link l, boolean forward, boolean boarding) {
    double km = l.lengthKm();
    double moveH;
    double waitH = 0;
    double restH = 0;
    double borderH = 0;
    double usdVeh = 0;
    double usdTeu = 0;
    double feeVeh = 0;
    double kgT;
    switch (l.mode()) {
      case ROAD -> {
        moveH = km / speedKmh(l);
        // Driver rest accrues in proportion to driving: a linear form of the daily rule, so that
        // it adds up along a path (docs/cost-model.md).
        restH = moveH * p.get("road.rest_h_per_day") / p.get("road.max_driving_h_per_day");
        usdVeh = km * p.get("road.usd_per_vehicle_km");
        kgT = km * p.get("co2.road.kg_per_tkm");
      }
      case RAIL -> {
        moveH = km / speedKmh(l);
        usdTeu = km * p.get("rail.usd_per_teu_km");
        if (Boolean.TRUE.equals(l.electrified())) {
          String country = net.countryOf(l.from());
          kgT = km * p.get("co2.rail_electric.kwh_per_tkm") * gridGPerKwh(country) / 1000.0;
        } else {
          kgT = km * p.get("co2.rail_diesel.kg_per_tkm");
        }
      }
      default -> {
        Service s = view.service(l.id()).orElse(null);
        moveH = s != null ? s.sailingH() : km / speedKmh(l);
        if (boarding) {
          double perWeek =
              s != null
                  ? s.sailingsPerWeek()
                  : l.mode() == Mode.FERRY ? p.get("ferry.default_sailings_per_week") : 0;
          waitH = perWeek > 0 ? 0.5 * 168.0 / perWeek : 0;
        }
        usdTeu = km * p.get(key(l.mode()) + ".usd_per_teu_km");
        kgT = km * p.get("co2." + key(l.mode()) + ".kg_per_tkm");
      }
    }
    if (l.borderCrossing() != null) {
      BorderCrossing c = view.crossing(l.borderCrossing());
      boolean ab = forward ? l.from().equals(c.nodeA()) : l.to().equals(c.nodeA());
      borderH = ab ? c.ab().meanH() : c.ba().meanH();
      feeVeh = ab ? c.feeAbUsd() : c.feeBaUsd();
    }
    return new EdgeCost(moveH, waitH, restH, borderH, 0, usdVeh, usdTeu, feeVeh, 0, 0, kgT, 0, km);
  }

  /** Cost of one transfer at a terminal. */
  public EdgeCost transfer(Terminal t) {
    double perTeu =
        t.costUsdPerTeu() != null
            ? t.costUsdPerTeu()
            : (t.costUsdPerTonne() != null ? 0 : p.get("terminal.default_usd_per_teu"));
    double perTonne = t.costUsdPerTonne() != null ? t.costUsdPerTonne() : 0;
    return new EdgeCost(
        0,
        0,
        0,
        0,
        t.handlingH(),
        0,
        0,
        0,
        perTeu,
        perTonne,
        0,
        p.get("co2.terminal.kg_per_teu"),
        0);
  }

  /** Loading at the origin or unloading at the destination. */
  public EdgeCost endpoint() {
    return new EdgeCost(
        0,
        0,
        0,
        0,
        p.get("endpoint.handling_h"),
        0,
        0,
        0,
        p.get("endpoint.usd_per_teu"),
        0,
        0,
        p.get("co2.terminal.kg_per_teu"),
        0);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CostModel[%s]", p.name());
  }
}
