package org.karvan.core.model;

import java.util.Objects;

/** A named strait, canal or river passage that links may pass through (Suez, Hormuz, ...). */
public record Chokepoint(
    String id, String name, ChokepointKind kind, Provenance provenance, Origin origin) {
  public Chokepoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(origin, "origin");
  }
}
