package org.karvan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.karvan.app.ScenarioSource;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.route.RouteJson;
import org.karvan.io.scenario.ScenarioReader;
import org.karvan.server.ApiException.FieldError;

/**
 * The server's own scenarios: saved ones ({@code saved:<id>}) as a {@link ScenarioSource} of the
 * application layer, the built-ins as JSON, and the check of a body to save, done exactly as for a
 * scenario file ({@link ScenarioReader}, then applied to the server's network). {@code extends} may
 * name built-ins and saved scenarios only, so a saved body can never make the server read a file.
 */
final class Scenarios implements ScenarioSource {
  /** A checked body: its name, description and the JSON text to store. */
  record Checked(String name, String description, String body) {}

  private final ScenarioStore store;
  private org.karvan.app.Scenarios app;

  Scenarios(ScenarioStore store) {
    this.store = store;
  }

  /** Binds the application's scenarios (built-ins, chains, cache) once the workspace exists. */
  void bind(org.karvan.app.Scenarios app) {
    this.app = app;
  }

  @Override
  public Optional<Found> find(String ref) {
    if (!ref.startsWith("saved:")) {
      return Optional.empty();
    }
    String id = ref.substring("saved:".length());
    Optional<ScenarioStore.Saved> s = StoreProblems.call(() -> store.get(id));
    if (s.isEmpty()) {
      return Optional.empty();
    }
    Scenario sc =
        ScenarioReader.read(s.get().body().getBytes(StandardCharsets.UTF_8), id + ".json");
    return Optional.of(new Found(sc, "saved:" + id + ":" + s.get().version()));
  }

  @Override
  public String describe() {
    return "a saved one as saved:<id>";
  }

  /** The built-in scenarios: name, description, extends, year, sources. */
  ArrayNode builtinJson() {
    ArrayNode a = RouteJson.MAPPER.createArrayNode();
    for (Scenario s : app.builtins()) {
      ObjectNode o = a.addObject();
      o.put("name", s.name());
      o.put("description", s.description());
      o.put("extends", s.extendsName());
      if (s.year() == null) {
        o.putNull("year");
      } else {
        o.put("year", s.year());
      }
      ArrayNode src = o.putArray("sources");
      s.sources().forEach(src::add);
      o.put("modifications", s.modifications().size());
    }
    return a;
  }

  /** Checks a body to save exactly as a scenario file is checked; problems are field errors. */
  Checked check(JsonNode body) {
    if (!body.isObject()) {
      throw ApiException.invalid("scenario", "must be a JSON object (a scenario document)");
    }
    String text;
    try {
      text =
          RouteJson.MAPPER
              .writer()
              .without(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Scenario s;
    try {
      s = ScenarioReader.read(text.getBytes(StandardCharsets.UTF_8), "scenario.json");
      app.check(s);
    } catch (InvalidInputException e) {
      List<FieldError> errors = new ArrayList<>();
      for (Problem p : e.errors()) {
        errors.add(new FieldError(p.field().isEmpty() ? "scenario" : p.field(), p.message()));
      }
      throw ApiException.invalid(errors);
    }
    if (s.name().length() > 200) {
      throw ApiException.invalid("name", "must be at most 200 characters");
    }
    if (app.builtin(s.name()).isPresent()) {
      throw ApiException.invalid("name", "'" + s.name() + "' is the name of a built-in scenario");
    }
    return new Checked(s.name(), s.description(), text);
  }
}
