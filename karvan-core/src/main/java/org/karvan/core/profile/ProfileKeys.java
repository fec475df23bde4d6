package org.karvan.core.profile;

import java.util.List;
import java.util.Optional;

/** Every parameter a routing profile can set, with unit and range. */
public final class ProfileKeys {
  private ProfileKeys() {}

  public static final List<ParameterSpec> ALL =
      List.of(
          new ParameterSpec(
              "rail.speed_kmh",
              "km/h",
              1,
              200,
              "rail commercial speed incl. stops, where a link has none"),
          new ParameterSpec(
              "road.speed_kmh", "km/h", 1, 130, "truck driving speed, where a link has none"),
          new ParameterSpec(
              "sea.speed_kmh", "km/h", 1, 80, "ship speed where a link has no service"),
          new ParameterSpec(
              "ferry.speed_kmh", "km/h", 1, 80, "ferry speed where a link has no service"),
          new ParameterSpec("iww.speed_kmh", "km/h", 1, 80, "inland waterway speed"),
          new ParameterSpec(
              "road.max_driving_h_per_day",
              "h",
              1,
              24,
              "driving hours a driver may drive in a day"),
          new ParameterSpec(
              "road.hos.break_after_h", "h", 0.5, 24, "driving before a 45 min break is due"),
          new ParameterSpec("road.hos.break_h", "h", 0, 24, "the break after break_after_h"),
          new ParameterSpec("road.hos.daily_rest_h", "h", 0, 24, "daily rest of a single driver"),
          new ParameterSpec(
              "road.hos.multi_daily_rest_h", "h", 0, 24, "daily rest of a two-driver crew"),
          new ParameterSpec("road.hos.weekly_rest_h", "h", 0, 168, "regular weekly rest"),
          new ParameterSpec(
              "road.hos.periods_per_week", "1", 1, 7, "daily driving periods between weekly rests"),
          new ParameterSpec(
              "road.hos.max_weekly_driving_h",
              "h",
              1,
              168,
              "driving between weekly rests, per driver"),
          new ParameterSpec(
              "road.hos.max_fortnight_driving_h",
              "h",
              1,
              336,
              "driving in two consecutive weeks, per driver"),
          new ParameterSpec(
              "road.hos.extended_driving_h",
              "h",
              1,
              24,
              "an extended daily driving period, per driver, used to end a haul"),
          new ParameterSpec(
              "road.hos.extensions_per_week",
              "1",
              0,
              7,
              "extended daily driving periods between weekly rests"),
          new ParameterSpec(
              "road.usd_per_vehicle_km",
              "USD/(vehicle km)",
              0,
              100,
              "truck rate per vehicle-km where the country has none"),
          new ParameterSpec(
              "road.usd_per_vehicle_km.*",
              "USD/(vehicle km)",
              0,
              100,
              "truck rate per vehicle-km in a country (ISO code suffix)"),
          new ParameterSpec(
              "rail.usd_per_teu_km",
              "USD/(TEU km)",
              0,
              100,
              "rail tariff per 20ft-km where the country has none"),
          new ParameterSpec(
              "rail.through.usd_per_teu_km.*",
              "USD/(TEU km)",
              0,
              20,
              "through-rate of an agreement in a country (ISO code suffix): for rail hauls that cross"
                  + " a border between two countries with such a rate"),
          new ParameterSpec(
              "rail.through.usd_per_feu_km.*",
              "USD/(FEU km)",
              0,
              40,
              "through-rate per 40ft-km of an agreement in a country (ISO code suffix)"),
          new ParameterSpec(
              "rail.transit.usd_per_teu_km.*",
              "USD/(TEU km)",
              0,
              100,
              "transit rate per 20ft-km in a country (ISO code suffix): for rail hauls that enter"
                  + " the country by rail or port and leave it again by rail or port"),
          new ParameterSpec(
              "rail.transit.usd_per_feu_km.*",
              "USD/(FEU km)",
              0,
              100,
              "transit rate per 40ft-km in a country (ISO code suffix)"),
          new ParameterSpec(
              "rail.transit.usd_per_tkm.*",
              "USD/tkm",
              0,
              10,
              "transit rate for bulk per tonne-km in a country (ISO code suffix)"),
          new ParameterSpec(
              "rail.usd_per_teu_km.*",
              "USD/(TEU km)",
              0,
              100,
              "rail tariff per 20ft-km in a country"),
          new ParameterSpec(
              "rail.usd_per_feu_km",
              "USD/(FEU km)",
              0,
              100,
              "rail tariff per 40ft-km where the country has none"),
          new ParameterSpec(
              "rail.usd_per_feu_km.*",
              "USD/(FEU km)",
              0,
              100,
              "rail tariff per 40ft-km in a country"),
          new ParameterSpec(
              "rail.usd_per_tkm", "USD/tkm", 0, 10, "rail tariff for bulk per tonne-km"),
          new ParameterSpec(
              "sea.usd_per_feu_km", "USD/(FEU km)", 0, 100, "sea freight per 40ft-km"),
          new ParameterSpec(
              "sea.usd_per_tkm", "USD/tkm", 0, 10, "sea freight for bulk per tonne-km"),
          new ParameterSpec(
              "iww.usd_per_feu_km", "USD/(FEU km)", 0, 100, "inland waterway freight per 40ft-km"),
          new ParameterSpec(
              "iww.usd_per_tkm", "USD/tkm", 0, 10, "inland waterway freight for bulk per tonne-km"),
          new ParameterSpec(
              "ferry.usd_per_vehicle_km",
              "USD/(vehicle km)",
              0,
              100,
              "ferry fare per truck (or wagon) and km"),
          new ParameterSpec(
              "co2.road.kg_per_vehicle_km_empty",
              "kg CO2e/(vehicle km)",
              0,
              10,
              "well-to-wheel, empty heavy truck"),
          new ParameterSpec(
              "co2.road.kg_per_tkm_load",
              "kg CO2e/tkm",
              0,
              10,
              "well-to-wheel, extra per gross tonne carried (cargo plus container)"),
          new ParameterSpec(
              "road.empty_running_share",
              "1",
              0,
              2,
              "empty truck-km per loaded truck-km (return and positioning)"),
          new ParameterSpec(
              "cargo.payload_t.*",
              "t",
              0.1,
              200,
              "most net cargo per 20ft, 40ft, 45ft, truck, wagon"),
          new ParameterSpec("cargo.tare_t.*", "t", 0, 20, "tare of a 20ft, 40ft or 45ft container"),
          new ParameterSpec(
              "customs.regime", "1", 0, 1, "customs regime at port entries: 0 transit, 1 import"),
          new ParameterSpec(
              "customs.import_in.*",
              "1",
              0,
              1,
              "1 for the country cargo is imported into (ISO code suffix): under the import regime"
                  + " only its port entries take the import times"),
          new ParameterSpec(
              "customs.port.transit_h", "h", 0, 1000, "mean entry clearance, transit regime"),
          new ParameterSpec(
              "customs.port.transit_p90_h", "h", 0, 2000, "p90 entry clearance, transit regime"),
          new ParameterSpec(
              "customs.port.import_h", "h", 0, 1000, "mean entry clearance, import regime"),
          new ParameterSpec(
              "customs.port.import_p90_h", "h", 0, 2000, "p90 entry clearance, import regime"),
          new ParameterSpec("customs.port.exit_h", "h", 0, 1000, "mean exit clearance"),
          new ParameterSpec(
              "customs.port.usd_per_vehicle",
              "USD/vehicle",
              0,
              100000,
              "customs fee per truck or wagon"),
          new ParameterSpec(
              "customs.port.transit_h.*",
              "h",
              0,
              1000,
              "a port's entry clearance, transit (node id)"),
          new ParameterSpec(
              "customs.port.transit_p90_h.*",
              "h",
              0,
              2000,
              "a port's p90 entry clearance, transit"),
          new ParameterSpec(
              "customs.port.import_h.*", "h", 0, 1000, "a port's entry clearance, import"),
          new ParameterSpec(
              "customs.port.import_p90_h.*", "h", 0, 2000, "a port's p90 entry clearance, import"),
          new ParameterSpec("customs.port.exit_h.*", "h", 0, 1000, "a port's exit clearance"),
          new ParameterSpec(
              "customs.port.usd_per_vehicle.*", "USD/vehicle", 0, 100000, "a port's customs fee"),
          new ParameterSpec(
              "chokepoint.usd_per_teu.*",
              "USD/TEU",
              0,
              10000,
              "canal or strait dues per TEU passing a chokepoint (e.g. SUEZ)"),
          new ParameterSpec(
              "port.transshipment_h", "h", 0, 1000, "changing service line at a port, handling"),
          new ParameterSpec(
              "port.transshipment_usd_per_teu",
              "USD/TEU",
              0,
              100000,
              "changing service line at a port, cost"),
          new ParameterSpec(
              "ferry.default_sailings_per_week",
              "1/week",
              0.01,
              1000,
              "sailings per week where a ferry link has no service"),
          new ParameterSpec("sea.usd_per_teu_km", "USD/(TEU km)", 0, 100, "sea freight per TEU-km"),
          new ParameterSpec(
              "iww.usd_per_teu_km", "USD/(TEU km)", 0, 100, "inland waterway freight per TEU-km"),
          new ParameterSpec(
              "terminal.default_usd_per_teu",
              "USD/TEU",
              0,
              100000,
              "transfer cost where a terminal gives none"),
          new ParameterSpec(
              "endpoint.handling_h",
              "h",
              0,
              1000,
              "loading at origin and unloading at destination, each"),
          new ParameterSpec(
              "endpoint.usd_per_teu",
              "USD/TEU",
              0,
              100000,
              "loading at origin and unloading at destination, each"),
          new ParameterSpec(
              "value_of_time.usd_per_teu_h",
              "USD/(TEU h)",
              0,
              100000,
              "value of time for generalized cost"),
          new ParameterSpec(
              "co2.rail_diesel.kg_per_tkm", "kg CO2e/tkm", 0, 10, "well-to-wheel, diesel rail"),
          new ParameterSpec(
              "co2.rail_electric.kwh_per_tkm", "kWh/tkm", 0, 10, "energy of electric rail per tkm"),
          new ParameterSpec(
              "co2.sea.kg_per_tkm", "kg CO2e/tkm", 0, 10, "well-to-wheel, container ship"),
          new ParameterSpec(
              "co2.ferry.kg_per_tkm", "kg CO2e/tkm", 0, 10, "well-to-wheel, Ro-Pax or rail ferry"),
          new ParameterSpec(
              "co2.iww.kg_per_tkm", "kg CO2e/tkm", 0, 10, "well-to-wheel, inland waterway"),
          new ParameterSpec(
              "co2.terminal.kg_per_teu", "kg CO2e/TEU", 0, 10000, "per transfer at a terminal"),
          new ParameterSpec(
              "grid.default.g_per_kwh",
              "g CO2e/kWh",
              0,
              2000,
              "electricity intensity where the country has none"),
          new ParameterSpec(
              "grid.g_per_kwh.*",
              "g CO2e/kWh",
              0,
              2000,
              "electricity intensity of a country (ISO code suffix)"),
          new ParameterSpec(
              "cargo.tonnes_per_teu",
              "t/TEU",
              0.1,
              40,
              "gross tonnes per loaded TEU when the cargo gives no weight"),
          new ParameterSpec(
              "cargo.teu_per_vehicle", "TEU/vehicle", 0.5, 4, "TEU per truck or wagon"));

  public static Optional<ParameterSpec> find(String key) {
    return ALL.stream().filter(s -> s.matches(key)).findFirst();
  }
}
