package org.karvan.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Router;
import org.karvan.core.scenario.Scenario;
import org.karvan.core.scenario.ScenarioView;
import org.karvan.core.validate.InvalidInputException;
import org.karvan.io.scenario.BuiltInScenarios;

/**
 * The one place where scenarios are found, chained ({@code extends}) and applied: built-ins and a
 * front end's own {@link ScenarioSource}. Applied views are cached by key, so a server applies a
 * scenario once; the base graph is shared by every view.
 */
public final class Scenarios {
  /**
   * The network a request runs on: the base ({@code name == null}) or a scenario's view, with the
   * network it computes on (a scenario's own when it adds elements) and its router.
   */
  public record Applied(String name, ScenarioView view, Network network, Router router) {
    public boolean isBase() {
      return view == null;
    }

    /** The network year a request takes when it names none. */
    public Integer defaultYear() {
      return view == null ? null : view.year();
    }
  }

  private static final int CACHE = 64;

  private final Network net;
  private final Profile profile;
  private final Router baseRouter;
  private final ScenarioSource source;
  private final Map<String, Scenario> builtins = new LinkedHashMap<>();
  private final Map<String, Applied> cache = new ConcurrentHashMap<>();
  private final Applied base;

  Scenarios(Network net, Profile profile, Router baseRouter, ScenarioSource source) {
    this.net = net;
    this.profile = profile;
    this.baseRouter = baseRouter;
    this.source = source;
    this.base = new Applied(null, null, net, baseRouter);
    for (Scenario s : BuiltInScenarios.list()) {
      builtins.put(s.name(), s);
    }
  }

  public Applied base() {
    return base;
  }

  public List<Scenario> builtins() {
    return new ArrayList<>(builtins.values());
  }

  public Optional<Scenario> builtin(String name) {
    return Optional.ofNullable(builtins.get(name));
  }

  /** True when {@code ref} names the base network: empty, or "base". */
  public static boolean isBase(String ref) {
    return ref == null || ref.isBlank() || ref.trim().equalsIgnoreCase("base");
  }

  /**
   * The scenario {@code ref} names, applied; the base network for an empty ref. A miss or a
   * scenario that does not apply is an error on {@code field}, recorded in {@code f}, and the base
   * is returned so that checking can go on.
   */
  public Applied applied(String ref, String field, Fields f) {
    if (isBase(ref)) {
      return base;
    }
    String name = ref.trim();
    try {
      // Built-in names are case-insensitive, as places are.
      Scenario b = BuiltInScenarios.find(name).orElse(null);
      if (b != null) {
        return cached("builtin:" + b.name(), b);
      }
      Optional<ScenarioSource.Found> found = source.find(name);
      if (found.isPresent()) {
        return cached(found.get().cacheKey(), found.get().scenario());
      }
    } catch (InvalidInputException e) {
      f.addAll(e, field);
      return base;
    }
    f.error(
        field,
        "unknown scenario '"
            + name
            + "'; "
            + BuiltInScenarios.didYouMean(name, builtins.keySet())
            + "built-in: "
            + String.join(", ", builtins.keySet())
            + (source.describe().isEmpty() ? "" : "; or " + source.describe()));
    return base;
  }

  /**
   * Checks a scenario that is not stored anywhere (a file to validate, a body to save) by applying
   * it to the network; returns its name, or throws {@link InvalidInputException} with every
   * problem.
   */
  public String check(Scenario s) {
    return ScenarioView.apply(net, profile, chain(s)).name();
  }

  private Applied cached(String key, Scenario s) {
    Applied a = key == null ? null : cache.get(key);
    if (a != null) {
      return a;
    }
    ScenarioView v = ScenarioView.apply(net, profile, chain(s));
    a = new Applied(v.name(), v, v.network(), new Router(baseRouter.graph(), v));
    if (key != null) {
      if (cache.size() >= CACHE) {
        cache.clear();
      }
      cache.put(key, a);
    }
    return a;
  }

  /** The chain of a scenario, root first: {@code extends} names built-ins or the source's own. */
  public List<Scenario> chain(Scenario s) {
    return ScenarioView.resolveChain(
        s,
        n -> {
          Scenario b = builtins.get(n);
          if (b != null) {
            return Optional.of(b);
          }
          return source.find(n).map(ScenarioSource.Found::scenario);
        });
  }
}
