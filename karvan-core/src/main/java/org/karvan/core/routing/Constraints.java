package org.karvan.core.routing;

import java.util.EnumSet;
import java.util.Set;
import org.karvan.core.model.Mode;

/**
 * Per-request restrictions, applied as an edge mask over the compiled graph (never a copy).
 *
 * @param year links and crossings open in this year (by status and opening year); {@code null} =
 *     today's network (operational links, open crossings), unless {@code includePlanned}
 * @param includePlanned every link that is not defunct and every crossing that is not closed
 * @param avoidCountries ISO codes: no node in these countries, so no border into them either
 * @param avoidCrossings crossing ids, or country pairs such as {@code AZ-RU} (either direction)
 * @param avoidChokepoints chokepoint ids
 * @param avoidNodes node ids
 * @param modes allowed modes (empty = all)
 */
public record Constraints(
    Integer year,
    boolean includePlanned,
    Set<String> avoidCountries,
    Set<String> avoidCrossings,
    Set<String> avoidChokepoints,
    Set<String> avoidNodes,
    Set<Mode> modes) {
  public Constraints {
    avoidCountries = Set.copyOf(avoidCountries);
    avoidCrossings = Set.copyOf(avoidCrossings);
    avoidChokepoints = Set.copyOf(avoidChokepoints);
    avoidNodes = Set.copyOf(avoidNodes);
    modes = modes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(modes));
  }

  /** Today's network, nothing avoided, all modes. */
  public static final Constraints NONE =
      new Constraints(null, false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

  public Constraints withYear(Integer y) {
    return new Constraints(
        y, includePlanned, avoidCountries, avoidCrossings, avoidChokepoints, avoidNodes, modes);
  }

  public Constraints withIncludePlanned(boolean b) {
    return new Constraints(
        year, b, avoidCountries, avoidCrossings, avoidChokepoints, avoidNodes, modes);
  }

  public Constraints withAvoidCountries(Set<String> s) {
    return new Constraints(
        year, includePlanned, s, avoidCrossings, avoidChokepoints, avoidNodes, modes);
  }

  public Constraints withAvoidCrossings(Set<String> s) {
    return new Constraints(
        year, includePlanned, avoidCountries, s, avoidChokepoints, avoidNodes, modes);
  }

  public Constraints withAvoidChokepoints(Set<String> s) {
    return new Constraints(
        year, includePlanned, avoidCountries, avoidCrossings, s, avoidNodes, modes);
  }

  public Constraints withAvoidNodes(Set<String> s) {
    return new Constraints(
        year, includePlanned, avoidCountries, avoidCrossings, avoidChokepoints, s, modes);
  }

  public Constraints withModes(Set<Mode> m) {
    return new Constraints(
        year, includePlanned, avoidCountries, avoidCrossings, avoidChokepoints, avoidNodes, m);
  }
}
