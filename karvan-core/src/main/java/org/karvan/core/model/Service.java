package org.karvan.core.model;

import java.util.Objects;

/**
 * A scheduled sea or ferry service on a link.
 *
 * @param sailingsPerWeek departures per week in each direction
 * @param sailingH port-to-port sailing time in hours
 */
public record Service(
    String link,
    double sailingsPerWeek,
    double sailingH,
    String operator,
    Provenance provenance,
    Origin origin) {
  public Service {
    Objects.requireNonNull(link, "link");
    operator = operator == null ? "" : operator;
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }

  /** This service with other sailings per week and sailing hours. */
  public Service withSchedule(double newSailingsPerWeek, double newSailingH) {
    return new Service(link, newSailingsPerWeek, newSailingH, operator, provenance, origin);
  }

  /** Expected wait in hours for a shipment arriving at a random time: half the headway. */
  public double expectedWaitH() {
    return 0.5 * 168.0 / sailingsPerWeek;
  }
}
