package org.karvan.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.karvan.core.model.BorderCrossing;
import org.karvan.core.model.Clearance;
import org.karvan.core.model.CrossingStatus;
import org.karvan.core.model.Link;
import org.karvan.core.model.LinkStatus;
import org.karvan.core.model.Mode;
import org.karvan.core.model.NetworkEvent;
import org.karvan.core.model.Node;
import org.karvan.core.model.Origin;
import org.karvan.core.model.Service;
import org.karvan.core.model.Terminal;

/**
 * One typed change a scenario makes on top of a base network (after Conveyal R5's modifications:
 * each one checks itself against the network and applies itself). Each carries where it was read
 * ({@code origin}: file and line) and its position ({@code where}, e.g. {@code modifications[2]})
 * for error messages.
 */
public sealed interface Modification {
  Origin origin();

  String where();

  /**
   * Checks this modification against the network being built (unknown ids, bad values,
   * contradictions: each reported to {@code b}, all of them) and applies what is valid.
   */
  void apply(ScenarioBuilder b);

  /** What a close or open modification targets. */
  enum Target {
    LINK,
    NODE,
    CROSSING,
    COUNTRY,
    CHOKEPOINT
  }

  /**
   * A modification that adds an element. Additions are collected before any other modification
   * applies, so that the others may name added elements; the network is then rebuilt (and
   * validated) once.
   */
  sealed interface Addition extends Modification {
    void addTo(ScenarioBuilder b);

    @Override
    default void apply(ScenarioBuilder b) {
      // Added (and validated with the network) in addTo, before the other modifications.
    }
  }

  /**
   * Close elements: a closed link, node, crossing, country or chokepoint is never used. Crossings
   * may also be named by {@code countryPair} (e.g. AZ-IR: every crossing between the two).
   */
  record Close(Target target, List<String> ids, String countryPair, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      List<String> all = new ArrayList<>(ids);
      if (countryPair != null) {
        if (target != Target.CROSSING) {
          b.err(this, "country_pair", "country_pair applies to crossings only");
        } else {
          b.selectCrossings(this, List.of(), countryPair).forEach(x -> all.add(x.id()));
        }
      } else if (all.isEmpty()) {
        b.err(this, "ids", "name at least one element to close");
      }
      for (String id : all) {
        if (b.exists(this, target, id)) {
          b.close(this, target, id, true);
        }
      }
    }
  }

  /** Open links (as OPERATIONAL) or crossings (as OPEN) regardless of status and year. */
  record Open(Target target, List<String> ids, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      if (target != Target.LINK && target != Target.CROSSING) {
        if (!ids.isEmpty()) {
          b.err(
              this,
              "target",
              "only links and crossings can be opened; a closed "
                  + target.name().toLowerCase(Locale.ROOT)
                  + " is opened by not closing it");
        }
        return;
      }
      for (String id : ids) {
        if (!b.exists(this, target, id)) {
          continue;
        }
        b.close(this, target, id, false);
        // Opened regardless of year: the opening year goes, so that no year closes it again.
        if (target == Target.LINK) {
          b.links.put(id, b.link(this, id, "ids").withStatus(LinkStatus.OPERATIONAL, null));
        } else {
          b.crossings.put(id, b.crossing(this, id, "ids").withStatus(CrossingStatus.OPEN, null));
        }
      }
    }
  }

  /** Set a link's status and, optionally, its opening year. */
  record SetLinkStatus(
      String link, LinkStatus status, Integer openingYear, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      Link l = b.link(this, link, "link");
      if (l != null) {
        b.links.put(
            l.id(), l.withStatus(status, openingYear != null ? openingYear : l.openingYear()));
      }
    }
  }

  /** Set a crossing's status and, optionally, its opening year. */
  record SetCrossingStatus(
      String crossing, CrossingStatus status, Integer openingYear, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      BorderCrossing c = b.crossing(this, crossing, "crossing");
      if (c != null) {
        b.crossings.put(
            c.id(), c.withStatus(status, openingYear != null ? openingYear : c.openingYear()));
      }
    }
  }

  /**
   * Scale border clearance (mean and P90, both directions) by {@code factor}, for the listed
   * crossings or for every crossing between the countries of {@code countryPair} (e.g. AZ-IR).
   */
  record ScaleClearance(
      List<String> crossings, String countryPair, double factor, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "factor", factor);
      for (BorderCrossing c : b.selectCrossings(this, crossings, countryPair)) {
        b.crossings.put(
            c.id(),
            c.withClearance(
                new Clearance(c.ab().meanH() * factor, c.ab().p90H() * factor),
                new Clearance(c.ba().meanH() * factor, c.ba().p90H() * factor)));
      }
    }
  }

  /** Set a crossing's clearance times (hours) and fees (USD); null fields keep their value. */
  record SetCrossing(
      String crossing,
      Double abMeanH,
      Double abP90H,
      Double baMeanH,
      Double baP90H,
      Double feeAbUsd,
      Double feeBaUsd,
      Origin origin,
      String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      BorderCrossing c = b.crossing(this, crossing, "crossing");
      if (c == null) {
        return;
      }
      Clearance ab = new Clearance(or(abMeanH, c.ab().meanH()), or(abP90H, c.ab().p90H()));
      Clearance ba = new Clearance(or(baMeanH, c.ba().meanH()), or(baP90H, c.ba().p90H()));
      if (ab.p90H() < ab.meanH() || ba.p90H() < ba.meanH() || ab.meanH() < 0 || ba.meanH() < 0) {
        b.err(this, "", "clearance P90 must be at least the mean, and times not negative");
      }
      double fa = or(feeAbUsd, c.feeAbUsd());
      double fb = or(feeBaUsd, c.feeBaUsd());
      if (fa < 0 || fb < 0) {
        b.err(this, "fee", "fees must not be negative");
      }
      b.crossings.put(c.id(), c.withClearance(ab, ba).withFees(fa, fb));
    }
  }

  /** Scale the speed of the listed links, or of every link of {@code mode}. */
  record ScaleSpeed(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "factor", factor);
      for (Link l : b.selectLinks(this, links, mode)) {
        double v = l.speedKmh() != null ? l.speedKmh() : b.defaultSpeed(l.mode());
        b.links.put(l.id(), l.withSpeed(v * factor));
        Service svc = b.service(l.id());
        if (svc != null) {
          b.services.put(l.id(), svc.withSchedule(svc.sailingsPerWeek(), svc.sailingH() / factor));
        }
      }
    }
  }

  /** Set a link's speed (km/h). */
  record SetSpeed(String link, double speedKmh, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "speed_kmh", speedKmh);
      Link l = b.link(this, link, "link");
      if (l != null) {
        b.links.put(l.id(), l.withSpeed(speedKmh));
      }
    }
  }

  /** Scale sailings per week of the listed sea/ferry links, or of every service of {@code mode}. */
  record ScaleSailings(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "factor", factor);
      for (Link l : b.selectLinks(this, links, mode)) {
        Service svc = b.service(l.id());
        if (svc == null) {
          if (mode == null) {
            b.err(this, "links", "link '" + l.id() + "' has no service to scale");
          }
          continue;
        }
        b.services.put(l.id(), svc.withSchedule(svc.sailingsPerWeek() * factor, svc.sailingH()));
      }
    }
  }

  /** Set a service's sailings per week and, optionally, sailing hours. */
  record SetService(
      String link, Double sailingsPerWeek, Double sailingH, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      Link l = b.link(this, link, "link");
      if (l == null) {
        return;
      }
      if (l.mode().isLand()) {
        b.err(this, "link", "services run on SEA or FERRY links, not " + l.mode());
        return;
      }
      Service svc = b.service(l.id());
      double spw = or(sailingsPerWeek, svc == null ? Double.NaN : svc.sailingsPerWeek());
      double sh = or(sailingH, svc == null ? Double.NaN : svc.sailingH());
      b.positive(this, "sailings_per_week", spw);
      b.positive(this, "sailing_h", sh);
      b.services.put(
          l.id(),
          svc != null
              ? svc.withSchedule(spw, sh)
              : new Service(l.id(), spw, sh, "", l.provenance(), Origin.NONE));
    }
  }

  /** Scale link capacities (the listed links, or every link of {@code mode}). */
  record ScaleCapacity(List<String> links, Mode mode, double factor, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "factor", factor);
      for (Link l : b.selectLinks(this, links, mode)) {
        if (l.capacityTpy() != null) {
          b.links.put(l.id(), l.withCapacity(l.capacityTpy() * factor));
        }
      }
    }
  }

  /** Set a profile parameter (tariffs, speeds, emission factors). */
  record SetParameter(String key, double value, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      if (b.knownParameter(this, key)) {
        b.params.put(key, value);
      }
    }
  }

  /** Scale a profile parameter. */
  record ScaleParameter(String key, double factor, Origin origin, String where)
      implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.positive(this, "factor", factor);
      if (b.knownParameter(this, key)) {
        double cur = b.parameter(this, key);
        if (!Double.isNaN(cur)) {
          b.params.put(key, cur * factor);
        }
      }
    }
  }

  /** Add a node. */
  record AddNode(Node node, Origin origin, String where) implements Addition {
    @Override
    public void addTo(ScenarioBuilder b) {
      b.addNode(node);
    }
  }

  /** Add a link. */
  record AddLink(Link link, Origin origin, String where) implements Addition {
    @Override
    public void addTo(ScenarioBuilder b) {
      b.addLink(link);
    }
  }

  /** Add a border crossing. */
  record AddCrossing(BorderCrossing crossing, Origin origin, String where) implements Addition {
    @Override
    public void addTo(ScenarioBuilder b) {
      b.addCrossing(crossing);
    }
  }

  /** Add a terminal capability. */
  record AddTerminal(Terminal terminal, Origin origin, String where) implements Addition {
    @Override
    public void addTo(ScenarioBuilder b) {
      b.addTerminal(terminal);
    }
  }

  /**
   * Add a dated event (a row of {@code events.csv}): it applies to requests dated within it, like
   * the network's own events.
   */
  record AddEvent(NetworkEvent event, Origin origin, String where) implements Modification {
    @Override
    public void apply(ScenarioBuilder b) {
      b.addEvent(this, event);
    }
  }

  private static double or(Double v, double dflt) {
    return v != null ? v : dflt;
  }
}
