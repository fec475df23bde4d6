package org.karvan.core.routing;

import java.util.List;

/**
 * One-to-many and many-to-many matrices of the objective value; {@code +∞} where no route exists.
 */
public interface RouteMatrix {
  double[][] matrix(
      List<String> from,
      List<String> to,
      Objective objective,
      Cargo cargo,
      Constraints constraints);
}
