package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.model.Network;
import org.karvan.core.model.Node;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.Places;

/** Use case: one-to-many and many-to-many matrices of the optimised quantity. */
public final class MatrixService {
  /**
   * A matrix request: origins and destinations (place names; {@code all} = every node), and the
   * cargo, objective, constraints and scenario of {@code common} (its from/to/via are ignored).
   */
  public record Request(List<String> from, List<String> to, RouteSpec common) {
    public Request {
      from = from == null ? List.of() : List.copyOf(from);
      to = to == null ? List.of() : List.copyOf(to);
    }
  }

  /** Values ({@code +∞} where unreachable) in the objective's unit, origins by row. */
  public record Result(
      Network network,
      String scenario,
      Objective objective,
      Cargo cargo,
      List<String> from,
      List<String> to,
      double[][] values) {
    public String unit() {
      return unit(objective);
    }

    public static String unit(Objective o) {
      return switch (o) {
        case TIME -> "hours";
        case COST, GENERALIZED -> "USD";
        case CO2 -> "kg CO2e";
      };
    }
  }

  private final Karvan k;

  MatrixService(Karvan k) {
    this.k = k;
  }

  public Result matrix(Request req) {
    Fields f = new Fields();
    if (req.from().isEmpty()) {
      f.error("from", "no origin given; give at least one place");
    }
    if (req.to().isEmpty()) {
      f.error("to", "no destination given; give at least one place");
    }
    Resolver.Common cm = k.resolver().common(req.common(), f);
    Network net = cm.on().network();
    List<String> a = ids(net, cm.places(), req.from(), "from", f);
    List<String> b = ids(net, cm.places(), req.to(), "to", f);
    long cells = (long) a.size() * b.size();
    if (cells > k.limits().maxMatrixCells()) {
      f.error(
          "from",
          a.size()
              + " × "
              + b.size()
              + " = "
              + cells
              + " cells are too many; give at most "
              + k.limits().maxMatrixCells());
    }
    f.throwIfAny();
    double[][] m =
        RouteService.run(
            () -> cm.router().matrix(a, b, cm.objective(), cm.cargo(), cm.constraints()));
    return new Result(net, cm.on().name(), cm.objective(), cm.cargo(), a, b, m);
  }

  private static List<String> ids(
      Network net, Places places, List<String> names, String field, Fields f) {
    if (names.size() == 1 && names.get(0).trim().equalsIgnoreCase("all")) {
      return net.nodes().stream().map(Node::id).toList();
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String id = Resolver.place(places, n, field, f);
      if (id != null) {
        out.add(id);
      }
    }
    return out;
  }
}
