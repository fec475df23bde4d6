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
              "road.rest_h_per_day", "h", 0, 24, "daily rest and breaks per driving day"),
          new ParameterSpec(
              "ferry.default_sailings_per_week",
              "1/week",
              0.01,
              1000,
              "sailings per week where a ferry link has no service"),
          new ParameterSpec(
              "rail.usd_per_teu_km", "USD/(TEU km)", 0, 100, "rail tariff per TEU-km"),
          new ParameterSpec(
              "road.usd_per_vehicle_km", "USD/(vehicle km)", 0, 100, "truck rate per vehicle-km"),
          new ParameterSpec("sea.usd_per_teu_km", "USD/(TEU km)", 0, 100, "sea freight per TEU-km"),
          new ParameterSpec(
              "ferry.usd_per_teu_km", "USD/(TEU km)", 0, 100, "ferry fare per TEU-km"),
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
              "co2.road.kg_per_tkm", "kg CO2e/tkm", 0, 10, "well-to-wheel, heavy truck"),
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
