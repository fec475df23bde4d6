package org.karvan.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.karvan.core.model.Network;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Route;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.scenario.Comparison;

/** Use case: best routes under scenarios against the base network, for one or many OD pairs. */
public final class CompareService {
  /** One origin-destination pair; {@code cargo} null takes the request's. */
  public record OdPair(String from, String to, Cargo cargo) {}

  /**
   * Scenarios against the base, over OD pairs given as places ({@code common.from/to}) or as an
   * already resolved list ({@code pairs}, e.g. read by {@link OdList}).
   */
  public record Request(RouteSpec common, List<String> scenarios, List<OdPair> pairs) {
    public Request {
      scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
      pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }
  }

  /** A comparison with the network its scenario route was computed on. */
  public record Row(Comparison comparison, Network network) {}

  /** Every pair × scenario, pair by pair in input order; the base network they compare with. */
  public record Result(Network base, List<Row> rows, int pairs, int scenarios) {}

  private final Karvan k;

  CompareService(Karvan k) {
    this.k = k;
  }

  public Result compare(Request req) {
    Fields f = new Fields();
    if (req.scenarios().isEmpty()) {
      f.error("scenario", "give at least one scenario to compare with the base network");
    }
    if (req.scenarios().size() > k.limits().maxScenarios()) {
      f.error(
          "scenario",
          "at most " + k.limits().maxScenarios() + " scenarios, got " + req.scenarios().size());
    }
    RouteSpec common = req.common();
    if (!common.via().isEmpty()) {
      f.error("via", "compare does not support via places");
    }
    if (!Resolver.blank(common.scenario())) {
      f.error("scenario", "compare takes its scenarios in the scenario list");
    }
    Karvan w = k.resolver().workspace(common, f);
    List<Scenarios.Applied> applied = new ArrayList<>();
    for (String s : req.scenarios()) {
      applied.add(w.scenarios().applied(s, "scenario", f));
    }
    List<RouteRequest> requests = new ArrayList<>();
    if (req.pairs().isEmpty()) {
      Resolver.Resolved r = k.resolver().resolve(common, f, true);
      if (r.request() != null) {
        requests.add(r.request());
      }
    } else {
      if (req.pairs().size() > k.limits().maxOdPairs()) {
        f.error(
            "od", "at most " + k.limits().maxOdPairs() + " OD pairs, got " + req.pairs().size());
      }
      Resolver.Common cm = k.resolver().common(common, f);
      if (cm.complete()) {
        for (OdPair p : req.pairs()) {
          requests.add(
              new RouteRequest(
                  p.from(),
                  p.to(),
                  List.of(),
                  p.cargo() == null ? cm.cargo() : p.cargo(),
                  cm.objective(),
                  cm.constraints()));
        }
      }
    }
    java.time.LocalDate date = k.resolver().date(common.date(), f);
    f.throwIfAny();
    List<List<Row>> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      out.add(null);
    }
    IntStream.range(0, requests.size())
        .parallel()
        .forEach(i -> out.set(i, compare(w, requests.get(i), applied, date)));
    List<Row> rows = new ArrayList<>();
    out.forEach(rows::addAll);
    return new Result(w.network(), rows, requests.size(), applied.size());
  }

  /** One pair against each scenario; the scenario's default year applies to its own route. */
  private static List<Row> compare(
      Karvan w, RouteRequest req, List<Scenarios.Applied> applied, java.time.LocalDate date) {
    Optional<Route> base = RouteService.run(() -> w.router().on(date).route(req));
    List<Row> row = new ArrayList<>();
    for (Scenarios.Applied a : applied) {
      RouteRequest r = withDefaultYear(req, a);
      var router = a.router().on(date);
      Optional<Route> x = RouteService.run(() -> router.route(r));
      Comparison c =
          Comparison.of(
              a.network(),
              a.name(),
              r.from(),
              r.to(),
              x,
              x.isEmpty() ? RouteService.whyNot(router, r) : null,
              base);
      row.add(new Row(c, a.network()));
    }
    return row;
  }

  static RouteRequest withDefaultYear(RouteRequest r, Scenarios.Applied a) {
    Integer y = a.defaultYear();
    if (y == null || r.constraints().year() != null || r.constraints().includePlanned()) {
      return r;
    }
    return r.withConstraints(r.constraints().withYear(y));
  }
}
