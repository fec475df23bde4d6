package org.karvan.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.karvan.core.model.Network;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.core.validate.Problem;
import org.karvan.io.route.RouteJson;
import org.karvan.io.scenario.BuiltInScenarios;
import org.karvan.io.scenario.ScenarioReader;
import org.karvan.server.ApiException.FieldError;

/**
 * Scenarios as the server sees them: the built-in ones and saved ones ({@code saved:<id>}) that a
 * request may name in {@code scenario}, each applied to the base network once and cached; and the
 * check of a body to save, done exactly as for a scenario file ({@link ScenarioReader}, then {@link
 * ScenarioView#apply} on the server's network). {@code extends} may name built-ins only, so a saved
 * body can never make the server read a file.
 */
final class Scenarios {
  /** A checked body: its name, description and the JSON text to store. */
  record Checked(String name, String description, String body) {}

  /** The network and router a request runs on (the base network, or a scenario's). */
  record Applied(String name, Network network, Router router, Integer year) {
    /** Applies the scenario's year when the request names none. */
    RouteRequest adjust(RouteRequest r) {
      if (year == null || r.constraints().year() != null || r.constraints().includePlanned()) {
        return r;
      }
      return r.withConstraints(r.constraints().withYear(year));
    }
  }

  private final Engine engine;
  private final ScenarioStore store;
  private final Map<String, Scenario> builtins = new LinkedHashMap<>();
  private final Map<String, Applied> cache = new ConcurrentHashMap<>();
  private final Applied base;

  private Scenarios(Engine engine, ScenarioStore store) {
    this.engine = engine;
    this.store = store;
    this.base = new Applied(null, engine.net, engine.router, null);
    for (Scenario s : BuiltInScenarios.list()) {
      builtins.put(s.name(), s);
    }
  }

  static Scenarios load(Engine engine, ScenarioStore store) {
    return new Scenarios(engine, store);
  }

  Applied base() {
    return base;
  }

  /** The built-in scenarios: name, description, extends, year, sources. */
  ArrayNode builtinJson() {
    ArrayNode a = RouteJson.MAPPER.createArrayNode();
    for (Scenario s : builtins.values()) {
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

  /** The scenario a request names ({@code scenario}), or the base network. */
  Applied applied(Params p) {
    String name = p.string("scenario");
    if (name == null || name.isBlank() || name.equalsIgnoreCase("base")) {
      return base;
    }
    return resolve(name.trim(), "scenario", p);
  }

  /** A built-in by name or a saved scenario as {@code saved:<id>}; a miss is a field error. */
  Applied resolve(String name, String field, Params p) {
    try {
      if (builtins.containsKey(name)) {
        return cached("builtin:" + name, builtins.get(name));
      }
      if (name.startsWith("saved:")) {
        String id = name.substring("saved:".length());
        Optional<ScenarioStore.Saved> s = store.get(id);
        if (s.isPresent()) {
          Scenario sc =
              ScenarioReader.read(s.get().body().getBytes(StandardCharsets.UTF_8), id + ".json");
          return cached("saved:" + id + ":" + s.get().version(), sc);
        }
        p.error(field, "no saved scenario '" + id + "'");
        return base;
      }
    } catch (InvalidInputException e) {
      for (Problem pr : e.errors()) {
        p.error(field, pr.toString());
      }
      return base;
    }
    p.error(
        field,
        "unknown scenario '"
            + name
            + "'; built-in: "
            + String.join(", ", builtins.keySet())
            + "; a saved one as saved:<id>");
    return base;
  }

  private Applied cached(String key, Scenario s) {
    Applied a = cache.get(key);
    if (a != null) {
      return a;
    }
    if (cache.size() > 64) {
      cache.clear();
    }
    ScenarioView v = ScenarioView.apply(engine.net, engine.profile, chain(s));
    a = new Applied(v.name(), v.network(), new Router(engine.router.graph(), v), v.year());
    cache.put(key, a);
    return a;
  }

  private List<Scenario> chain(Scenario s) {
    return ScenarioView.resolveChain(s, n -> Optional.ofNullable(builtins.get(n)));
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
      ScenarioView.apply(engine.net, engine.profile, chain(s));
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
    if (builtins.containsKey(s.name())) {
      throw ApiException.invalid("name", "'" + s.name() + "' is the name of a built-in scenario");
    }
    return new Checked(s.name(), s.description(), text);
  }
}
