package org.karvan.core.routing;

import java.util.List;
import java.util.Objects;

/**
 * A routing question: from, through and to which places (node ids), with what cargo, minimising
 * what, under which constraints.
 */
public record RouteRequest(
    String from,
    String to,
    List<String> via,
    Cargo cargo,
    Objective objective,
    Constraints constraints) {
  public RouteRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    via = List.copyOf(via);
    Objects.requireNonNull(cargo, "cargo");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(constraints, "constraints");
  }

  public RouteRequest withConstraints(Constraints c) {
    return new RouteRequest(from, to, via, cargo, objective, c);
  }
}
