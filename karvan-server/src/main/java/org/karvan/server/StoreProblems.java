package org.karvan.server;

import java.util.List;
import java.util.function.Supplier;
import org.karvan.server.ApiException.FieldError;

/**
 * The scenario store's failures as problems: a stale version or a taken name is 409, a database
 * busy beyond its timeout or unreachable is 503 (with Retry-After), a full disk is 507.
 */
final class StoreProblems {
  private StoreProblems() {}

  /** Runs one store operation, turning its failures into problems. */
  static <T> T call(Supplier<T> op) {
    try {
      return op.get();
    } catch (ScenarioStore.Conflict e) {
      String field = e.getMessage().startsWith("version") ? "If-Match" : "name";
      throw new ApiException(
          409,
          "conflict",
          "Conflict",
          e.getMessage(),
          List.of(new FieldError(field, e.getMessage())));
    } catch (ScenarioStore.Busy | ScenarioStore.Down e) {
      throw ApiException.unavailable(e.getMessage());
    } catch (ScenarioStore.Full e) {
      throw new ApiException(
          507,
          "insufficient-storage",
          "Insufficient storage",
          e.getMessage() + "; nothing was saved. Free disk space, then retry.",
          List.of());
    }
  }
}
