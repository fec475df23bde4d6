package org.karvan.core.graph;

import java.time.LocalDateTime;
import org.karvan.core.model.Departures;
import org.karvan.core.model.Link;
import org.karvan.core.model.Mode;
import org.karvan.core.model.RailService;
import org.karvan.core.model.Service;
import org.karvan.core.profile.Profile;

/**
 * The departures behind every boarding edge of a compiled graph (a MOVE from a water <i>ashore</i>
 * state, whose cost carries the expected wait), under a view's effective services. Where {@code
 * departures.csv} gives a weekly timetable with as many departures a week as the effective service,
 * it is used; where it gives an anchor, or the service has no row, the departures are evenly spaced
 * at the service's headway from that anchor or {@link Sailings#DEFAULT_ANCHOR} (estimates); where a
 * scenario changed the frequency of a timetabled service, they are evenly spaced from the
 * timetable's first departure of the week (an estimate). Each schedule is read in the local time of
 * the port it leaves from ({@link org.karvan.core.model.Network#zoneOf}); a train's in its first
 * stop's, its later stops leaving that instant plus their scheduled hours. O(E) to build.
 */
public final class Timetables {
  private final Sailings[] byEdge;

  private Timetables(Sailings[] byEdge) {
    this.byEdge = byEdge;
  }

  /** The departures of {@code g}'s boarding edges under {@code view} and {@code profile}. */
  public static Timetables of(MultimodalGraph g, DataView view, Profile profile) {
    Sailings[] out = new Sailings[g.csr().edgeCount()];
    for (int e = 0; e < out.length; e++) {
      double atH = g.boardingAtH(e);
      if (!Double.isNaN(atH)) {
        RailService r = g.railService(e);
        out[e] = train(r).in(g.network().zoneOf(r.path().get(0))).shifted(atH);
        continue;
      }
      State tail = g.stateOf(g.csr().tail(e));
      if (g.kind(e) != EdgeKind.MOVE || !tail.isWater() || tail.isAboard()) {
        continue;
      }
      Link l = g.link(e);
      String from = g.isForward(e) ? l.from() : l.to();
      Service s = view.service(l.id()).orElse(null);
      double perWeek =
          s != null
              ? s.sailingsPerWeek()
              : l.mode() == Mode.FERRY ? profile.get("ferry.default_sailings_per_week") : 0;
      if (!(perWeek > 0)) {
        continue;
      }
      Departures d = g.network().findDepartures(l.id(), from).orElse(null);
      out[e] = sailings(d, perWeek).in(g.network().zoneOf(from));
    }
    return new Timetables(out);
  }

  /** A train's departures from its first stop: its timetable, else evenly spaced. */
  private static Sailings train(RailService r) {
    double headway = 168.0 / r.runsPerWeek();
    boolean est =
        r.provenance().isEstimated("weekdays")
            || r.provenance().isEstimated("times")
            || r.provenance().isEstimated("anchor");
    if (!r.isTimetable()) {
      return Sailings.every(headway, r.anchor(), true);
    }
    Sailings weekly = Sailings.weekly(r.weekdays(), r.times(), est);
    if (Math.abs(weekly.perWeek() - r.runsPerWeek()) < 1e-9) {
      return weekly;
    }
    return Sailings.every(headway, Sailings.time(weekly.next(0)), true);
  }

  private static Sailings sailings(Departures d, double perWeek) {
    double headway = 168.0 / perWeek;
    if (d == null) {
      return Sailings.every(headway, Sailings.DEFAULT_ANCHOR, true);
    }
    if (!d.isTimetable()) {
      return Sailings.every(headway, d.anchor(), true);
    }
    boolean est = d.provenance().isEstimated("weekdays") || d.provenance().isEstimated("times");
    Sailings weekly = Sailings.weekly(d.weekdays(), d.times(), est);
    if (Math.abs(weekly.perWeek() - perWeek) < 1e-9) {
      return weekly;
    }
    LocalDateTime first = Sailings.time(weekly.next(0));
    return Sailings.every(headway, first, true);
  }

  /** The departures behind boarding edge {@code e}, or {@code null} (no wait on it). */
  public Sailings at(int e) {
    return byEdge[e];
  }
}
