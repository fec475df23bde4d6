package org.karvan.io.bundle;

import java.util.List;
import java.util.Set;

/**
 * The files and columns of a network bundle, format version 1 (docs/network-format.md). Shared by
 * the reader and the writer so that they cannot drift apart.
 */
public final class BundleFormat {
  private BundleFormat() {}

  public static final int VERSION = 1;

  /** A bundle file: its name, its columns in writing order, and the columns a header must have. */
  public record FileSpec(
      String name, List<String> columns, Set<String> required, boolean optional) {}

  static final List<String> PROVENANCE = List.of("sources", "as_of", "estimated", "note");

  private static List<String> with(List<String> own, List<String> tail) {
    return java.util.stream.Stream.concat(own.stream(), tail.stream()).toList();
  }

  public static final FileSpec MANIFEST =
      new FileSpec("manifest.csv", List.of("key", "value"), Set.of("key", "value"), false);

  public static final FileSpec SOURCES =
      new FileSpec(
          "sources.csv",
          List.of(
              "id", "title", "publisher", "url", "published", "accessed", "reliability", "note"),
          Set.of("id", "title", "reliability"),
          false);

  public static final FileSpec COUNTRIES =
      new FileSpec(
          "countries.csv", List.of("code", "name", "time_zone"), Set.of("code", "name"), false);

  public static final FileSpec CHOKEPOINTS =
      new FileSpec(
          "chokepoints.csv",
          with(List.of("id", "name", "kind"), PROVENANCE),
          Set.of("id", "name", "kind", "sources"),
          true);

  public static final FileSpec NODES =
      new FileSpec(
          "nodes.csv",
          with(
              List.of("id", "name", "aliases", "country", "lat", "lon", "kinds", "time_zone"),
              PROVENANCE),
          Set.of("id", "name", "country", "lat", "lon", "kinds", "sources"),
          false);

  public static final FileSpec LINKS =
      new FileSpec(
          "links.csv",
          with(
              List.of(
                  "id",
                  "from",
                  "to",
                  "mode",
                  "length_km",
                  "direction",
                  "gauge",
                  "electrified",
                  "speed_kmh",
                  "capacity_tpy",
                  "status",
                  "opening_year",
                  "border_crossing",
                  "chokepoints",
                  "geometry"),
              PROVENANCE),
          Set.of("id", "from", "to", "mode", "length_km", "direction", "status", "sources"),
          false);

  public static final FileSpec CROSSINGS =
      new FileSpec(
          "border_crossings.csv",
          with(
              List.of(
                  "id",
                  "name",
                  "node_a",
                  "node_b",
                  "modes",
                  "clearance_ab_mean_h",
                  "clearance_ab_p90_h",
                  "clearance_ba_mean_h",
                  "clearance_ba_p90_h",
                  "fee_ab_usd",
                  "fee_ba_usd",
                  "status",
                  "opening_year",
                  "capacity_per_day"),
              PROVENANCE),
          Set.of(
              "id",
              "name",
              "node_a",
              "node_b",
              "modes",
              "clearance_ab_mean_h",
              "clearance_ab_p90_h",
              "clearance_ba_mean_h",
              "clearance_ba_p90_h",
              "status",
              "sources"),
          false);

  public static final FileSpec TERMINALS =
      new FileSpec(
          "terminals.csv",
          with(
              List.of(
                  "id",
                  "node",
                  "from_mode",
                  "from_gauge",
                  "to_mode",
                  "to_gauge",
                  "handling_h",
                  "cost_usd_per_teu",
                  "cost_usd_per_tonne",
                  "capacity_tpy"),
              PROVENANCE),
          Set.of("id", "node", "from_mode", "to_mode", "handling_h", "sources"),
          true);

  public static final FileSpec SERVICES =
      new FileSpec(
          "services.csv",
          with(List.of("link", "sailings_per_week", "sailing_h", "operator"), PROVENANCE),
          Set.of("link", "sailings_per_week", "sailing_h", "sources"),
          true);

  public static final FileSpec EVENTS =
      new FileSpec(
          "events.csv",
          with(
              List.of(
                  "id",
                  "target_type",
                  "targets",
                  "start",
                  "end",
                  "severity",
                  "modes",
                  "delay_mean_h",
                  "delay_p90_h",
                  "surcharge_usd_per_teu",
                  "surcharge_pct",
                  "capacity_cut",
                  "rate_per_year",
                  "duration_mean_days"),
              PROVENANCE),
          Set.of("id", "target_type", "targets", "start", "severity", "sources"),
          true);

  /** Optional: when the sailings of a service leave (a weekly timetable, or an anchor). */
  public static final FileSpec DEPARTURES =
      new FileSpec(
          "departures.csv",
          with(List.of("link", "from", "weekdays", "times", "anchor"), PROVENANCE),
          Set.of("link", "sources"),
          true);

  /** Optional: scheduled rail services (block trains) over paths of rail links. */
  public static final FileSpec RAIL_SERVICES =
      new FileSpec(
          "rail_services.csv",
          with(
              List.of(
                  "id",
                  "name",
                  "operator",
                  "path",
                  "stops",
                  "runs_per_week",
                  "weekdays",
                  "times",
                  "anchor",
                  "capacity_teu"),
              PROVENANCE),
          Set.of("id", "path", "stops", "runs_per_week", "sources"),
          true);

  /** Every file, in reading order. */
  public static final List<FileSpec> FILES =
      List.of(
          MANIFEST,
          SOURCES,
          COUNTRIES,
          CHOKEPOINTS,
          NODES,
          LINKS,
          CROSSINGS,
          TERMINALS,
          SERVICES,
          EVENTS,
          DEPARTURES,
          RAIL_SERVICES);
}
