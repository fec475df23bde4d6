package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.karvan.core.model.ChokepointKind;
import org.karvan.core.model.Link;
import org.karvan.core.model.Network;

/**
 * Which water links one ship sails without unloading the box (docs/routing.md, "Design note:
 * staying aboard only within one service"). Each water link is its own line unless a rotation names
 * several; a link through a canal is a passage that any line may sail through and continue from.
 * Immutable.
 */
public final class ServiceLines {
  private final int[] lineOfLink; // by link index; -1 for land links
  private final List<String> names = new ArrayList<>();
  private final List<Boolean> passage = new ArrayList<>();

  private ServiceLines(Network n, Map<String, String> rotations) {
    List<Link> links = n.links();
    lineOfLink = new int[links.size()];
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      if (!l.mode().isWater()) {
        lineOfLink[i] = -1;
        continue;
      }
      boolean canal =
          l.chokepoints().stream()
              .anyMatch(
                  c ->
                      n.findChokepoint(c).map(k -> k.kind() == ChokepointKind.CANAL).orElse(false));
      String name = canal ? l.id() : rotations.getOrDefault(l.id(), l.id());
      Integer id = byName.get(name);
      if (id == null) {
        id = names.size();
        byName.put(name, id);
        names.add(name);
        passage.add(canal);
      }
      lineOfLink[i] = id;
    }
  }

  /** One line per water link; canal links are passages. */
  public static ServiceLines of(Network n) {
    return new ServiceLines(n, Map.of());
  }

  /**
   * With rotations: {@code lineOfLink} maps link ids to a line id; links mapped to the same id are
   * sailed by one ship. Canal links stay passages whatever the map says.
   *
   * @throws IllegalArgumentException naming a link id that is not a water link of the network
   */
  public static ServiceLines of(Network n, Map<String, String> lineOfLink) {
    for (String id : lineOfLink.keySet()) {
      if (n.findLink(id).map(l -> !l.mode().isWater()).orElse(true)) {
        throw new IllegalArgumentException("service line: '" + id + "' is not a water link");
      }
    }
    return new ServiceLines(n, lineOfLink);
  }

  /** The line of the link at {@code linkIndex} (network order), or -1 for a land link. */
  public int lineOf(int linkIndex) {
    return lineOfLink[linkIndex];
  }

  public int count() {
    return names.size();
  }

  /** The line's id: its rotation id, or the id of its only link. */
  public String name(int line) {
    return names.get(line);
  }

  /** True for the line of a canal link: ships of every line also sail through it. */
  public boolean isPassage(int line) {
    return passage.get(line);
  }
}
