package org.karvan.core.graph;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
  private final double restPerDrivingH;
  private final PortCustoms customs;

  public CostModel(Network net, Profile p) {
    this(net, p, DataView.of(net));
  }

  /** Costs under a view (a scenario's effective crossings and services). */
  public CostModel(Network net, Profile p, DataView view) {
    this.net = net;
    this.p = p;
    this.view = view;
    this.restPerDrivingH = HoursOfService.Rules.of(p, 1).expectedRestPerDrivingH();
    this.customs = new PortCustoms(p, net);
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

  /** A per-country value {@code base.XX}, else {@code base} (the documented default). */
  private double byCountry(String base, String country) {
    return country == null ? p.get(base) : p.getOr(base + "." + country, base);
  }

  /**
   * Cost of moving along {@code l} from its {@code from} end when {@code forward}, else from its
   * {@code to} end. {@code boarding} is true for a water link entered from ashore (the expected
   * wait for a sailing is added).
   */
  public EdgeCost move(Link l, boolean forward, boolean boarding) {
    return move(l, forward, boarding, false);
  }

  /**
   * As {@link #move(Link, boolean, boolean)}; {@code through} prices a rail link at the
   * through-rate of its start's country ({@code rail.through.usd_per_teu_km.XX}, {@code
   * rail.through.usd_per_feu_km.XX}) instead of the national one.
   */
  public EdgeCost move(Link l, boolean forward, boolean boarding, boolean through) {
    return move(l, forward, boarding, through ? RailTariff.THROUGH : RailTariff.NATIONAL);
  }

  /**
   * The tariff a rail move pays (docs/cost-model.md, "Rail by country and agreement"): the
   * country's own rate, the through-rate of an agreement, or the country's transit rate.
   */
  public enum RailTariff {
    NATIONAL,
    THROUGH,
    TRANSIT
  }

  /**
   * As {@link #move(Link, boolean, boolean)}; a rail link pays the {@code tariff} of its start's
   * country ({@code rail.through.*.XX}, {@code rail.transit.*.XX}) where the country has one, else
   * its national rate.
   */
  public EdgeCost move(Link l, boolean forward, boolean boarding, RailTariff tariff) {
    double km = l.lengthKm();
    String fromNode = forward ? l.from() : l.to();
    String country = net.countryOf(fromNode);
    double moveH;
    double waitH = 0;
    double restH = 0;
    double borderH = 0;
    double usdTruck = 0;
    double usdTeu = 0;
    double usdFeu = 0;
    double usdTonne = 0;
    double feeVeh = 0;
    double kgTruck = 0;
    double kgT;
    switch (l.mode()) {
      case ROAD -> {
        moveH = km / speedKmh(l);
        // Expected rest for the search; the itinerary books the actual rests (HoursOfService).
        restH = moveH * restPerDrivingH;
        usdTruck = km * byCountry("road.usd_per_vehicle_km", country);
        kgTruck =
            km
                * p.get("co2.road.kg_per_vehicle_km_empty")
                * (1 + p.get("road.empty_running_share"));
        kgT = km * p.get("co2.road.kg_per_tkm_load");
      }
      case RAIL -> {
        moveH = km / speedKmh(l);
        usdTeu = km * railRate("usd_per_teu_km", country, tariff);
        usdFeu = km * railRate("usd_per_feu_km", country, tariff);
        usdTonne = km * railRate("usd_per_tkm", country, tariff);
        if (Boolean.TRUE.equals(l.electrified())) {
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
        if (l.mode() == Mode.FERRY) {
          usdTruck = km * p.get("ferry.usd_per_vehicle_km");
        } else {
          usdTeu = km * p.get(key(l.mode()) + ".usd_per_teu_km");
          usdFeu = km * p.get(key(l.mode()) + ".usd_per_feu_km");
          usdTonne = km * p.get(key(l.mode()) + ".usd_per_tkm");
        }
        kgT = km * p.get("co2." + key(l.mode()) + ".kg_per_tkm");
        // Canal and strait dues of the chokepoints the link passes, per box (a 40ft pays two TEU).
        for (String cp : l.chokepoints()) {
          double dues = p.find("chokepoint.usd_per_teu." + cp).map(x -> x.value()).orElse(0.0);
          usdTeu += dues;
          usdFeu += 2 * dues;
          usdTonne += dues / p.get("cargo.tonnes_per_teu");
        }
      }
    }
    if (l.borderCrossing() != null) {
      BorderCrossing c = view.crossing(l.borderCrossing());
      boolean ab = forward ? l.from().equals(c.nodeA()) : l.to().equals(c.nodeA());
      borderH = ab ? c.ab().meanH() : c.ba().meanH();
      feeVeh = ab ? c.feeAbUsd() : c.feeBaUsd();
    }
    return new EdgeCost(
        l.mode(), moveH, waitH, restH, borderH, 0, usdTruck, usdTeu, usdFeu, usdTonne, feeVeh, 0, 0,
        kgTruck, kgT, 0, km);
  }

  /**
   * A rail link run by a scheduled service: the national tariff, energy and border fees of {@link
   * #move(Link, boolean, boolean)}, with the timetable's running time {@code moveH} and border stop
   * {@code scheduledBorderH} (the schedule includes the normal clearance). A view that changes the
   * crossing's clearance from the base network's {@code baseBorderH} moves the border stop by as
   * much (never below 0). {@code waitH} is the expected wait of a boarding edge, else 0.
   */
  public EdgeCost scheduledRail(
      Link l,
      boolean forward,
      double moveH,
      double scheduledBorderH,
      double baseBorderH,
      double waitH) {
    EdgeCost c = move(l, forward, false, false);
    double borderH = Math.max(0, scheduledBorderH + c.borderH() - baseBorderH);
    return new EdgeCost(
        c.mode(),
        moveH,
        waitH,
        0,
        borderH,
        0,
        c.moveUsdPerTruck(),
        c.moveUsdPerTeu(),
        c.moveUsdPerFeu(),
        c.moveUsdPerTonne(),
        c.borderUsdPerVehicle(),
        0,
        0,
        c.kgPerTruck(),
        c.kgPerGrossTonne(),
        0,
        c.km());
  }

  private static final String THROUGH = "rail.through.";
  private static final String TRANSIT = "rail.transit.";

  /**
   * A rail rate per box-km (or tonne-km): the country's through- or transit rate when asked and
   * set, else its own, else the default.
   */
  private double railRate(String unit, String country, RailTariff tariff) {
    String prefix =
        switch (tariff) {
          case THROUGH -> THROUGH;
          case TRANSIT -> TRANSIT;
          case NATIONAL -> null;
        };
    if (prefix != null && country != null) {
      var t = p.find(prefix + unit + "." + country);
      if (t.isPresent()) {
        return t.get().value();
      }
    }
    return byCountry("rail." + unit, country);
  }

  /**
   * The countries of the rail through-rate agreement: those with a {@code
   * rail.through.usd_per_teu_km.XX} or {@code rail.through.usd_per_feu_km.XX} key in the profile.
   */
  public static Set<String> throughRateCountries(Profile p) {
    return suffixes(p, THROUGH, List.of("usd_per_teu_km.", "usd_per_feu_km."));
  }

  /**
   * The countries with a rail transit rate ({@code rail.transit.usd_per_teu_km.XX}, {@code
   * usd_per_feu_km.XX} or {@code usd_per_tkm.XX}): a rail haul that enters such a country (by rail
   * over a border, or from an international voyage at a port) and leaves it again (by rail, or onto
   * an international voyage) pays it there.
   */
  public static Set<String> transitCountries(Profile p) {
    return suffixes(p, TRANSIT, List.of("usd_per_teu_km.", "usd_per_feu_km.", "usd_per_tkm."));
  }

  private static Set<String> suffixes(Profile p, String prefix, List<String> units) {
    Set<String> out = new TreeSet<>();
    for (var par : p.parameters()) {
      for (String unit : units) {
        if (par.key().startsWith(prefix + unit)) {
          out.add(par.key().substring((prefix + unit).length()));
        }
      }
    }
    return out;
  }

  /**
   * Cost of one transfer at a terminal from a state of mode {@code from} to one of mode {@code to}:
   * leaving a ship or ferry for land adds the port's entry customs, boarding from land its exit
   * customs; a transfer between two water modes (transshipment within the port) has neither.
   */
  public EdgeCost transfer(Terminal t, Mode from, Mode to) {
    return transfer(t, from, to, false);
  }

  /**
   * As {@link #transfer(Terminal, Mode, Mode)}; a {@code domestic} voyage (boarded and left in one
   * country) passes no customs.
   */
  public EdgeCost transfer(Terminal t, Mode from, Mode to, boolean domestic) {
    double perTeu =
        t.costUsdPerTeu() != null
            ? t.costUsdPerTeu()
            : (t.costUsdPerTonne() != null ? 0 : p.get("terminal.default_usd_per_teu"));
    double perTonne = t.costUsdPerTonne() != null ? t.costUsdPerTonne() : 0;
    EdgeCost h =
        EdgeCost.handling(t.handlingH(), perTeu, perTonne, p.get("co2.terminal.kg_per_teu"));
    if (from.isWater() == to.isWater() || domestic) {
      return h;
    }
    return withCustoms(h, t.node(), from.isWater());
  }

  /**
   * Changing service line at a port: the box is discharged and loaded again in the port, no
   * customs; the wait for the next departure is on the boarding move that follows.
   */
  public EdgeCost transshipment() {
    return EdgeCost.handling(
        p.get("port.transshipment_h"),
        p.get("port.transshipment_usd_per_teu"),
        0,
        p.get("co2.terminal.kg_per_teu"));
  }

  /** Loading at the origin or unloading at the destination. */
  public EdgeCost endpoint() {
    return EdgeCost.handling(
        p.get("endpoint.handling_h"),
        p.get("endpoint.usd_per_teu"),
        0,
        p.get("co2.terminal.kg_per_teu"));
  }

  /**
   * Loading at an origin port onto a ship or ferry (exit customs), or unloading from one at the
   * destination port (entry customs, {@code entry}).
   */
  public EdgeCost endpointAtPort(String node, boolean entry) {
    return withCustoms(endpoint(), node, entry);
  }

  private EdgeCost withCustoms(EdgeCost h, String node, boolean entry) {
    return new EdgeCost(
        null,
        0,
        0,
        0,
        customs.hours(node, entry),
        h.handlingH(),
        0,
        0,
        0,
        0,
        customs.usd(node),
        h.handlingUsdPerTeu(),
        h.handlingUsdPerTonne(),
        0,
        0,
        h.kgPerTeu(),
        0);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "CostModel[%s]", p.name());
  }
}
