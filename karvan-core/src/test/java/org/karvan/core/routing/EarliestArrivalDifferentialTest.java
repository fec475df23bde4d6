package org.karvan.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.karvan.core.fixtures.TestNetworks;
import org.karvan.core.graph.Csr;
import org.karvan.core.graph.MultimodalGraph;
import org.karvan.core.graph.Sailings;
import org.karvan.core.graph.Timetables;
import org.karvan.core.model.Network;

/**
 * The earliest-arrival search against a plain reference on seeded random networks of roads and
 * ferries with random timetables and anchors: label-correcting relaxation to a fixpoint over
 * (virtual node, stage) pairs, which needs no ordering and is exact on FIFO networks. Also checks
 * FIFO (leaving later never arrives earlier) and that the timed itinerary ends at the arrival.
 */
class EarliestArrivalDifferentialTest {
  static final long SEED = 20261201L;

  record Case(Network network, List<String> places) {}

  static Case randomCase(Random rnd) {
    int n = 4 + rnd.nextInt(3);
    TestNetworks.Builder b = TestNetworks.builder();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("N" + i);
      b.node("N" + i, "AA", i);
    }
    for (int i = 0; i + 1 < n; i++) {
      // A road chain keeps the network connected; some links are slow.
      b.road("R" + i, ids.get(i), ids.get(i + 1), 112 + rnd.nextInt(400));
    }
    int ferries = 2 + rnd.nextInt(3);
    for (int f = 0; f < ferries; f++) {
      int a = rnd.nextInt(n);
      int c = rnd.nextInt(n);
      if (a == c || Math.abs(a - c) > 2) {
        continue;
      }
      String id = "F" + f;
      List<DayOfWeek> days = new ArrayList<>();
      for (DayOfWeek d : DayOfWeek.values()) {
        if (rnd.nextInt(3) == 0) {
          days.add(d);
        }
      }
      List<LocalTime> times = new ArrayList<>();
      times.add(LocalTime.of(rnd.nextInt(24), 15 * rnd.nextInt(4)));
      if (rnd.nextBoolean()) {
        LocalTime t2 = LocalTime.of(rnd.nextInt(24), 30);
        if (!times.contains(t2)) {
          times.add(t2);
        }
      }
      double sailingH = 2 + rnd.nextInt(30);
      if (days.isEmpty()) {
        b.ferry(id, ids.get(a), ids.get(c), 1 + rnd.nextInt(5), sailingH);
        if (rnd.nextBoolean()) {
          b.anchor(id, null, LocalDateTime.of(2026, 1, 1 + rnd.nextInt(28), rnd.nextInt(24), 0));
        }
      } else {
        b.ferry(id, ids.get(a), ids.get(c), days.size() * times.size(), sailingH);
        b.timetable(id, rnd.nextBoolean() ? null : ids.get(a), days, times);
      }
      for (String end : List.of(ids.get(a), ids.get(c))) {
        if (rnd.nextBoolean()) {
          b.roadFerry("T" + f + end, end, rnd.nextInt(4));
        }
      }
    }
    return new Case(b.build(), ids);
  }

  /** Earliest arrival at {@code to}'s hub through {@code via} in order, by relaxation. */
  static double reference(Router r, int from, int to, int[] via, double t0) {
    MultimodalGraph g = r.graph();
    Csr csr = g.csr();
    Router.Weights ws =
        r.weights(Objective.TIME, Cargo.parse("1x40ft", TestNetworks.PROFILE), false);
    Timetables tt = r.timetables();
    int stages = via.length + 1;
    int n = csr.nodeCount();
    double[][] arr = new double[stages][n];
    for (double[] a : arr) {
      Arrays.fill(a, Double.POSITIVE_INFINITY);
    }
    arr[0][g.hub(from)] = t0;
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int s = 0; s < stages; s++) {
        for (int v = 0; v < n; v++) {
          double t = arr[s][v];
          if (t == Double.POSITIVE_INFINITY) {
            continue;
          }
          if (s + 1 < stages && g.physOf(v) == via[s] && v != g.hub(via[s])) {
            if (t < arr[s + 1][v]) {
              arr[s + 1][v] = t;
              changed = true;
            }
          }
          boolean start = s == 0 && v == g.hub(from) || s > 0 && g.physOf(v) == via[s - 1];
          if (g.hubs().get(v) && !start) {
            continue;
          }
          for (int e = csr.firstOut(v); e < csr.endOut(v); e++) {
            Sailings sl = tt.at(e);
            double w = ws.w()[e];
            double ta = sl == null ? t + w : sl.next(t) + w - r.edgeCosts()[e].waitH();
            int h = csr.head(e);
            if (ta < arr[s][h] - 1e-12) {
              arr[s][h] = ta;
              changed = true;
            }
          }
        }
      }
    }
    return arr[stages - 1][g.hub(to)];
  }

  static RouteRequest request(String from, String to, List<String> via) {
    return new RouteRequest(
        from,
        to,
        via,
        Cargo.parse("1x40ft", TestNetworks.PROFILE),
        Objective.TIME,
        Constraints.NONE);
  }

  @Test
  void earliestArrivalEqualsTheReferenceOnRandomTimetables() {
    Random rnd = new Random(SEED);
    int checked = 0;
    for (int trial = 0; trial < 150; trial++) {
      Case c = randomCase(rnd);
      Router r = new Router(TestNetworks.compile(c.network()));
      int k = c.places().size();
      int a = rnd.nextInt(k);
      int z = rnd.nextInt(k);
      if (a == z) {
        continue;
      }
      List<String> via = new ArrayList<>();
      if (rnd.nextInt(3) == 0) {
        int v = rnd.nextInt(k);
        if (v != a && v != z) {
          via.add(c.places().get(v));
        }
      }
      LocalDateTime depart =
          LocalDateTime.of(2026, 12, 1 + rnd.nextInt(7), rnd.nextInt(24), 5 * rnd.nextInt(12));
      double t0 = Sailings.hours(depart);
      int[] viaPhys = via.stream().mapToInt(id -> r.graph().physIndex(id)).toArray();
      double ref =
          reference(
              r,
              r.graph().physIndex(c.places().get(a)),
              r.graph().physIndex(c.places().get(z)),
              viaPhys,
              t0);
      Route route =
          r.route(request(c.places().get(a), c.places().get(z), via), depart).orElseThrow();
      String why = "seed " + SEED + " trial " + trial;
      assertThat(route.objectiveValue()).as(why).isCloseTo(ref - t0, within(1e-6));
      // No driver rest in the test profile: the itinerary ends at the search's arrival.
      assertThat(route.totals().durationHours()).as(why).isCloseTo(ref - t0, within(1e-6));
      assertThat(route.arrives().toLocalDateTime()).as(why).isEqualTo(Sailings.time(ref));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void leavingLaterNeverArrivesEarlier() {
    Random rnd = new Random(SEED + 1);
    for (int trial = 0; trial < 60; trial++) {
      Case c = randomCase(rnd);
      Router r = new Router(TestNetworks.compile(c.network()));
      String a = c.places().get(0);
      String z = c.places().get(c.places().size() - 1);
      LocalDateTime t = LocalDateTime.of(2026, 12, 1, 0, 0);
      LocalDateTime prev = null;
      for (int step = 0; step < 40; step++) {
        t = t.plusMinutes(30 + rnd.nextInt(600));
        LocalDateTime arrives =
            r.route(request(a, z, List.of()), t).orElseThrow().arrives().toLocalDateTime();
        if (prev != null) {
          assertThat(arrives)
              .as("seed %d trial %d at %s", SEED + 1, trial, t)
              .isAfterOrEqualTo(prev);
        }
        prev = arrives;
      }
    }
  }

  @Test
  void nextDepartureEqualsAScanOfTheCalendar() {
    Random rnd = new Random(SEED + 2);
    for (int trial = 0; trial < 200; trial++) {
      List<DayOfWeek> days = new ArrayList<>();
      for (DayOfWeek d : DayOfWeek.values()) {
        if (rnd.nextInt(3) == 0) {
          days.add(d);
        }
      }
      if (days.isEmpty()) {
        days.add(DayOfWeek.of(1 + rnd.nextInt(7)));
      }
      List<LocalTime> times = List.of(LocalTime.of(rnd.nextInt(24), 10 * rnd.nextInt(6)));
      Sailings s = Sailings.weekly(days, times, false);
      LocalDateTime t =
          LocalDateTime.of(2020 + rnd.nextInt(10), 1 + rnd.nextInt(12), 1, 0, 0)
              .plusMinutes(rnd.nextInt(60 * 24 * 28));
      // Scan minute by minute for the first departure at or after t.
      LocalDateTime x = t;
      while (!(days.contains(x.getDayOfWeek()) && x.toLocalTime().equals(times.get(0)))) {
        x = x.plusMinutes(1);
      }
      assertThat(Sailings.time(s.next(Sailings.hours(t))))
          .as("%s %s from %s", days, times, t)
          .isEqualTo(x);
      // Evenly spaced: the departure is on the anchor's grid, within one headway, not before t.
      double headway = 1 + rnd.nextInt(300);
      LocalDateTime anchor = LocalDateTime.of(2026, 3, 1 + rnd.nextInt(28), rnd.nextInt(24), 0);
      Sailings e = Sailings.every(headway, anchor, true);
      double th = Sailings.hours(t);
      double d = e.next(th);
      double k = (d - Sailings.hours(anchor)) / headway;
      assertThat(k).isCloseTo(Math.rint(k), within(1e-6));
      assertThat(d).isBetween(th, th + headway);
    }
  }
}
