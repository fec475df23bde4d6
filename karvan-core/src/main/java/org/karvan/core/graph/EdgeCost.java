package org.karvan.core.graph;

import org.karvan.core.model.Mode;

/**
 * What traversing one virtual edge costs, split into the moving part (a leg of the itinerary) and
 * the stops (events): waiting for a sailing, driver rest, border clearance, handling. Money and
 * CO2e are per unit so that any cargo can be priced; {@code Cargo.usd} and {@code Cargo.kg} apply
 * them (docs/cost-model.md, "Unit costing").
 *
 * @param mode the mode of a move, {@code null} for loading, unloading and transfers
 * @param moveH moving time, h
 * @param waitH expected wait for a sailing when boarding, h
 * @param restH expected driver rest for the search (the itinerary books the actual rests), h
 * @param borderH border clearance or customs, h
 * @param handlingH terminal or endpoint handling, h
 * @param moveUsdPerTruck freight per truck (road; ferries priced per truck)
 * @param moveUsdPerTeu freight per 20ft container (rail, sea, iww)
 * @param moveUsdPerFeu freight per 40ft or 45ft container (rail, sea, iww)
 * @param moveUsdPerTonne freight per tonne of bulk (rail, sea, iww)
 * @param borderUsdPerVehicle border or customs fee per truck (road, water) or wagon (rail)
 * @param handlingUsdPerTeu handling per TEU (bulk: per TEU-equivalent)
 * @param handlingUsdPerTonne handling per tonne
 * @param kgPerTruck CO2e of moving per truck, load-independent part incl. empty running (road)
 * @param kgPerGrossTonne CO2e of moving per gross tonne (cargo plus container tare)
 * @param kgPerTeu CO2e of handling, kg per TEU (bulk: per TEU-equivalent)
 * @param km distance
 */
public record EdgeCost(
    Mode mode,
    double moveH,
    double waitH,
    double restH,
    double borderH,
    double handlingH,
    double moveUsdPerTruck,
    double moveUsdPerTeu,
    double moveUsdPerFeu,
    double moveUsdPerTonne,
    double borderUsdPerVehicle,
    double handlingUsdPerTeu,
    double handlingUsdPerTonne,
    double kgPerTruck,
    double kgPerGrossTonne,
    double kgPerTeu,
    double km) {

  /** A stop at a node: handling only (loading, unloading, transfer). */
  public static EdgeCost handling(double h, double usdPerTeu, double usdPerTonne, double kgPerTeu) {
    return new EdgeCost(
        null, 0, 0, 0, 0, h, 0, 0, 0, 0, 0, usdPerTeu, usdPerTonne, 0, 0, kgPerTeu, 0);
  }

  /** Hours with the search's expected driver rest (single driver). */
  public double hours() {
    return moveH + waitH + restH + borderH + handlingH;
  }
}
