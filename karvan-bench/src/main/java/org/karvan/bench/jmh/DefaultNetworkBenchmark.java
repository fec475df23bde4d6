package org.karvan.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.model.Network;
import org.karvan.core.profile.Profile;
import org.karvan.core.routing.Cargo;
import org.karvan.core.routing.Constraints;
import org.karvan.core.routing.Objective;
import org.karvan.core.routing.RouteRequest;
import org.karvan.core.routing.Router;
import org.karvan.io.bundle.BundleReader;
import org.karvan.io.profile.ProfileReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The user-facing operations on the embedded default network, in-process after warm-up: one best
 * route (place lookup already done; constraint mask, A*, itinerary) over seeded random OD pairs,
 * and the Pareto front Nhava Sheva to Moscow. Targets (issue 3): route p50 under 100 µs, Pareto
 * under 10 ms. Run with {@code -bm sample} as well to read percentiles.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class DefaultNetworkBenchmark {
  @State(Scope.Benchmark)
  public static class Net {
    Router router;
    List<RouteRequest> requests;
    RouteRequest pareto;
    List<RouteRequest> timed;
    List<java.time.LocalDateTime> departs;
    int next;

    @Setup(Level.Trial)
    public void setup() {
      Network net = BundleReader.readDefault();
      Profile prof = ProfileReader.readDefault();
      router = new Router(MultimodalGraph.compile(net, prof));
      Cargo feu = Cargo.parse("1x40ft", prof);
      Random rnd = new Random(42);
      requests = new ArrayList<>();
      List<String> ids = net.nodes().stream().map(n -> n.id()).toList();
      for (int i = 0; i < 1024; i++) {
        String a = ids.get(rnd.nextInt(ids.size()));
        String b = ids.get(rnd.nextInt(ids.size()));
        Objective o = Objective.values()[rnd.nextInt(Objective.values().length)];
        requests.add(new RouteRequest(a, b, List.of(), feu, o, Constraints.NONE));
      }
      timed = new ArrayList<>();
      departs = new ArrayList<>();
      for (RouteRequest r : requests) {
        timed.add(
            new RouteRequest(r.from(), r.to(), List.of(), feu, Objective.TIME, r.constraints()));
        departs.add(
            java.time.LocalDateTime.of(2026, 12, 1, 0, 0).plusMinutes(rnd.nextInt(7 * 24 * 60)));
      }
      pareto = new RouteRequest("INNSA", "RUMOW", List.of(), feu, Objective.TIME, Constraints.NONE);
    }

    RouteRequest nextRequest() {
      RouteRequest r = requests.get(next);
      next = (next + 1) & 1023;
      return r;
    }
  }

  @Benchmark
  public Object route(Net s) {
    return s.router.route(s.nextRequest());
  }

  /** Days with 3, 2 and 1 dated events of the default network in force (issue 10). */
  static final java.time.LocalDate[] DAYS = {
    java.time.LocalDate.of(2026, 3, 6),
    java.time.LocalDate.of(2026, 12, 1),
    java.time.LocalDate.of(2024, 6, 1)
  };

  /**
   * One best route as {@link #route}, dated: the router under that day's events (cached per set of
   * active events) then the search.
   */
  @Benchmark
  public Object routeDated(Net s) {
    RouteRequest r = s.nextRequest();
    return s.router.on(DAYS[s.next % DAYS.length]).route(r);
  }

  /**
   * The best route by earliest arrival with {@code --depart} (time-dependent Dijkstra, no A*), the
   * same OD pairs, a random departure in the week of 2026-12-01.
   */
  @Benchmark
  public Object routeDepart(Net s) {
    int i = s.next;
    s.next = (s.next + 1) & 1023;
    return s.router.route(s.timed.get(i), s.departs.get(i));
  }

  @Benchmark
  public Object paretoNhavaShevaMoscow(Net s) {
    return s.router.pareto(s.pareto, 200_000);
  }
}
