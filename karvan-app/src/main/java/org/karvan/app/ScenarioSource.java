package org.karvan.app;

import java.util.Optional;
import org.karvan.core.scenario.Scenario;

/**
 * Where a front end's scenarios come from beyond the built-ins: the CLI reads files, the server its
 * saved scenarios ({@code saved:<id>}). A source throws {@link
 * org.karvan.core.validate.InvalidInputException} for a scenario it finds but cannot read.
 */
public interface ScenarioSource {
  /** A scenario found by reference, and the key under which its applied view may be cached. */
  record Found(Scenario scenario, String cacheKey) {}

  Optional<Found> find(String ref);

  /** How this source's references look, for error messages ("a file", "saved:&lt;id&gt;"). */
  String describe();

  /** Built-ins only. */
  ScenarioSource NONE =
      new ScenarioSource() {
        @Override
        public Optional<Found> find(String ref) {
          return Optional.empty();
        }

        @Override
        public String describe() {
          return "";
        }
      };
}
