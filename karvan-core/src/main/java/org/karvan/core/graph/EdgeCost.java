package org.karvan.core.graph;

/**
 * What traversing one virtual edge costs, split into the moving part (a leg of the itinerary) and
 * the stops (events): waiting for a sailing, driver rest, border clearance, handling. Money and
 * CO2e are per unit so that any cargo can be priced: USD = vehicles × perVehicle + TEU × perTeu +
 * tonnes × perTonne.
 *
 * @param moveH moving time, h
 * @param waitH expected wait for a sailing when boarding, h
 * @param restH driver rest accrued while driving, h
 * @param borderH border clearance, h
 * @param handlingH terminal or endpoint handling, h
 * @param moveUsdPerVehicle freight per vehicle (road)
 * @param moveUsdPerTeu freight per TEU (rail, sea, ferry)
 * @param borderUsdPerVehicle border fee per vehicle or wagon
 * @param handlingUsdPerTeu handling per TEU
 * @param handlingUsdPerTonne handling per tonne
 * @param kgPerTonne CO2e of moving, kg per tonne of cargo
 * @param kgPerTeu CO2e of handling, kg per TEU
 * @param km distance
 */
public record EdgeCost(
    double moveH,
    double waitH,
    double restH,
    double borderH,
    double handlingH,
    double moveUsdPerVehicle,
    double moveUsdPerTeu,
    double borderUsdPerVehicle,
    double handlingUsdPerTeu,
    double handlingUsdPerTonne,
    double kgPerTonne,
    double kgPerTeu,
    double km) {

  public double hours() {
    return moveH + waitH + restH + borderH + handlingH;
  }

  public double moveUsd(double vehicles, double teu) {
    return vehicles * moveUsdPerVehicle + teu * moveUsdPerTeu;
  }

  public double borderUsd(double vehicles) {
    return vehicles * borderUsdPerVehicle;
  }

  public double handlingUsd(double teu, double tonnes) {
    return teu * handlingUsdPerTeu + tonnes * handlingUsdPerTonne;
  }

  public double usd(double vehicles, double teu, double tonnes) {
    return moveUsd(vehicles, teu) + borderUsd(vehicles) + handlingUsd(teu, tonnes);
  }

  public double kg(double teu, double tonnes) {
    return tonnes * kgPerTonne + teu * kgPerTeu;
  }
}
