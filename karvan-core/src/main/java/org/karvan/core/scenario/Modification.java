package org.karvan.core.scenario;

import java.util.List;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.Node;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Terminal;

/**
 * One typed change a scenario makes on top of a base network (after Conveyal R5's modifications).
 * Each carries where it was read ({@code origin}: file and line) and its position ({@code where},
 * e.g. {@code modifications[2]}) for error messages.
 */
public sealed interface Modification {
  Origin origin();

  String where();

  /** What a close or open modification targets. */
  enum Target {
    LINK,
    NODE,
    CROSSING,
    COUNTRY,
    CHOKEPOINT
  }

  /**
   * Close elements: a closed link, node, crossing, country or chokepoint is never used. Crossings
   * may also be named by {@code countryPair} (e.g. AZ-IR: every crossing between the two).
   */
  record Close(Target target, List<String> ids, String countryPair, Origin origin, String where)
      implements Modification {}

  /** Open links (as OPERATIONAL) or crossings (as OPEN) regardless of status and year. */
  record Open(Target target, List<String> ids, Origin origin, String where)
      implements Modification {}

  /** Set a link's status and, optionally, its opening year. */
  record SetLinkStatus(
      String link, LinkStatus status, Integer openingYear, Origin origin, String where)
      implements Modification {}

  /** Set a crossing's status and, optionally, its opening year. */
  record SetCrossingStatus(
      String crossing, CrossingStatus status, Integer openingYear, Origin origin, String where)
      implements Modification {}

  /**
   * Scale border clearance (mean and P90, both directions) by {@code factor}, for the listed
   * crossings or for every crossing between the countries of {@code countryPair} (e.g. AZ-IR).
   */
  record ScaleClearance(
      List<String> crossings, String countryPair, double factor, Origin origin, String where)
      implements Modification {}

  /** Set a crossing's clearance times (hours) and fees (USD); null fields keep their value. */
  record SetCrossing(
      String crossing,
      Double abMeanH,
      Double abP90H,
      Double baMeanH,
      Double baP90H,
      Double feeAbUsd,
      Double feeBaUsd,
      Origin origin,
      String where)
      implements Modification {}

  /** Scale the speed of the listed links, or of every link of {@code mode}. */
  record ScaleSpeed(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {}

  /** Set a link's speed (km/h). */
  record SetSpeed(String link, double speedKmh, Origin origin, String where)
      implements Modification {}

  /** Scale sailings per week of the listed sea/ferry links, or of every service of {@code mode}. */
  record ScaleSailings(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {}

  /** Set a service's sailings per week and, optionally, sailing hours. */
  record SetService(
      String link, Double sailingsPerWeek, Double sailingH, Origin origin, String where)
      implements Modification {}

  /** Scale link capacities (the listed links, or every link of {@code mode}). */
  record ScaleCapacity(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {}

  /** Set a profile parameter (tariffs, speeds, emission factors). */
  record SetParameter(String key, double value, Origin origin, String where)
      implements Modification {}

  /** Scale a profile parameter. */
  record ScaleParameter(String key, double factor, Origin origin, String where)
      implements Modification {}

  /** Add a node. */
  record AddNode(Node node, Origin origin, String where) implements Modification {}

  /** Add a link. */
  record AddLink(Link link, Origin origin, String where) implements Modification {}

  /** Add a border crossing. */
  record AddCrossing(BorderCrossing crossing, Origin origin, String where)
      implements Modification {}

  /** Add a terminal capability. */
  record AddTerminal(Terminal terminal, Origin origin, String where) implements Modification {}
}
