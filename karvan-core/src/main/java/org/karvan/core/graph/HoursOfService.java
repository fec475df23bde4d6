package org.karvan.core.graph;

import java.util.ArrayList;
import java.util.List;
import org.karvan.core.profile.Profile;

/**
 * Driving and rest times of a truck crew under AETR / EU Regulation (EC) No 561/2006, carried as a
 * state along one road haul (docs/cost-model.md, "Hours of service"). Rests are booked lazily: only
 * when more driving follows, so a haul never ends with a rest and a drive under the break threshold
 * has none.
 *
 * <p>Single driver: a 45 min break after 4.5 h of driving (art. 7); at most 9 h of driving per
 * daily driving period, then an 11 h daily rest (art. 6(1), 8(2)); after six driving periods (or
 * when the weekly or fortnightly driving limit, 56 h and 90 h, is reached: art. 6(2), 6(3)) a 45 h
 * weekly rest instead of the daily one (art. 8(6)). Two drivers (multi-manning, art. 4(o)): breaks
 * are taken aboard while the other drives (art. 7, second paragraph), so the truck does not stop
 * for them; each driver may drive 9 h per period, so the truck drives 18 h, then stands for the 9 h
 * daily rest both drivers must take within 30 h (art. 8(5)); the weekly limits apply per driver
 * (truck: twice). The daily driving time may be extended to 10 h twice a week (art. 6(1)): Karvan
 * uses an extension only to end a haul, when the rest of the haul's driving fits in it, so that a
 * truck does not stop for 11 h a few km short of its destination; reduced rests are not used.
 */
public final class HoursOfService {
  private static final double EPS = 1e-9;

  /** The kind of a stop the rules impose. */
  public enum RestKind {
    BREAK("45 min break (Reg. 561/2006 art. 7)"),
    DAILY_REST("daily rest (art. 8)"),
    WEEKLY_REST("weekly rest (art. 8(6))");

    private final String label;

    RestKind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A stop imposed by the rules.
   *
   * @param kmIntoDrive km into the drive passed to {@link Clock#drive} where the truck stops
   * @param drivenH driving hours since the start of the haul when it stops
   */
  public record Rest(RestKind kind, double kmIntoDrive, double drivenH, double durationH) {}

  /**
   * The rules for a crew.
   *
   * @param breakAfterH driving before a break is due (single driver)
   * @param breakH the break
   * @param periodDrivingH driving per daily period for the truck (per driver × drivers)
   * @param dailyRestH the daily rest
   * @param weeklyRestH the regular weekly rest
   * @param periodsPerWeek driving periods between weekly rests
   * @param weekDrivingH most driving between weekly rests for the truck
   * @param fortnightDrivingH most driving in two consecutive weeks for the truck
   * @param extendedPeriodH driving of an extended daily period for the truck (per driver × drivers)
   * @param extensionsPerWeek extended daily periods allowed between weekly rests
   */
  public record Rules(
      int drivers,
      double breakAfterH,
      double breakH,
      double periodDrivingH,
      double dailyRestH,
      double weeklyRestH,
      int periodsPerWeek,
      double weekDrivingH,
      double fortnightDrivingH,
      double extendedPeriodH,
      int extensionsPerWeek) {

    /** The profile's values ({@code road.hos.*}) for one or two drivers. */
    public static Rules of(Profile p, int drivers) {
      if (drivers != 1 && drivers != 2) {
        throw new IllegalArgumentException("drivers must be 1 or 2, got " + drivers);
      }
      return new Rules(
          drivers,
          p.get("road.hos.break_after_h"),
          p.get("road.hos.break_h"),
          drivers * p.get("road.max_driving_h_per_day"),
          drivers == 1 ? p.get("road.hos.daily_rest_h") : p.get("road.hos.multi_daily_rest_h"),
          p.get("road.hos.weekly_rest_h"),
          (int) Math.round(p.get("road.hos.periods_per_week")),
          drivers * p.get("road.hos.max_weekly_driving_h"),
          drivers * p.get("road.hos.max_fortnight_driving_h"),
          drivers * p.get("road.hos.extended_driving_h"),
          (int) Math.round(p.get("road.hos.extensions_per_week")));
    }

    /**
     * The rest per driving hour the search charges on road edges: a daily period's breaks and its
     * daily rest over its driving. Weekly rests are left out (most hauls are shorter than a week),
     * so long hauls are under-charged a little in the search; the itinerary has the exact rests.
     */
    public double expectedRestPerDrivingH() {
      double breaks = drivers == 1 ? Math.ceil(periodDrivingH / breakAfterH - 1 - EPS) * breakH : 0;
      return (breaks + dailyRestH) / periodDrivingH;
    }

    /**
     * As {@link #expectedRestPerDrivingH()} with the weekly rest spread over a week's driving: the
     * rate of a haul longer than a week (the router's second look at long road hauls).
     */
    public double longHaulRestPerDrivingH() {
      double weekH = Math.min(weekDrivingH, periodsPerWeek * periodDrivingH);
      return expectedRestPerDrivingH() + (weekH > 0 ? weeklyRestH / weekH : 0);
    }
  }

  /** The crew's clock along one haul; starts rested. Not thread-safe; one per haul. */
  public static final class Clock {
    private final Rules r;
    private double sinceBreak;
    private double period;
    private int periods;
    private double week;
    private double prevWeek;
    private double driven;
    private boolean extended;
    private int extensions;

    public Clock(Rules r) {
      this.r = r;
    }

    /** Driving hours since the start of the haul. */
    public double drivenH() {
      return driven;
    }

    private double weekCap() {
      return Math.min(r.weekDrivingH(), r.fortnightDrivingH() - prevWeek);
    }

    /**
     * Drives {@code h} hours over {@code km}; returns the rests taken before the drive ends (none
     * at its end), with their km into this drive. The rest of the haul is not known, so no daily
     * period is extended.
     */
    public List<Rest> drive(double h, double km) {
      return drive(h, km, Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #drive(double, double)}, knowing that {@code afterH} hours of driving follow this
     * drive in the same haul: when a daily period ends with no more than the extension left to
     * drive, the period is extended (art. 6(1)) instead of a daily rest short of the destination.
     */
    public List<Rest> drive(double h, double km, double afterH) {
      List<Rest> out = new ArrayList<>(0);
      double done = 0;
      while (h - done > EPS) {
        double at = h > 0 ? km * done / h : 0;
        Rest rest = restDue(at, h - done + afterH);
        if (rest != null) {
          out.add(rest);
        }
        double chunk = Math.min(h - done, Math.min(periodLimit() - period, weekCap() - week));
        if (r.drivers() == 1) {
          chunk = Math.min(chunk, r.breakAfterH() - sinceBreak);
        }
        done += chunk;
        sinceBreak += chunk;
        period += chunk;
        week += chunk;
        driven += chunk;
      }
      return out;
    }

    private double periodLimit() {
      return extended ? r.extendedPeriodH() : r.periodDrivingH();
    }

    private Rest restDue(double at, double leftH) {
      boolean periodDone = period >= periodLimit() - EPS;
      if (periodDone
          && !extended
          && extensions < r.extensionsPerWeek()
          && leftH <= r.extendedPeriodH() - period + EPS
          && leftH <= weekCap() - week + EPS) {
        // The haul ends within an extended period: drive on.
        extended = true;
        extensions++;
        periodDone = false;
      }
      boolean weekDone = week >= weekCap() - EPS;
      // A week also ends when its last daily period ended at a long stop (periods already full).
      if (weekDone
          || periods >= r.periodsPerWeek()
          || (periodDone && periods + 1 >= r.periodsPerWeek())) {
        weeklyReset();
        return new Rest(RestKind.WEEKLY_REST, at, driven, r.weeklyRestH());
      }
      if (periodDone) {
        dailyReset();
        return new Rest(RestKind.DAILY_REST, at, driven, r.dailyRestH());
      }
      if (r.drivers() == 1 && sinceBreak >= r.breakAfterH() - EPS) {
        sinceBreak = 0;
        return new Rest(RestKind.BREAK, at, driven, r.breakH());
      }
      return null;
    }

    private void dailyReset() {
      periods++;
      period = 0;
      sinceBreak = 0;
      extended = false;
    }

    private void weeklyReset() {
      prevWeek = week;
      week = 0;
      periods = 0;
      period = 0;
      sinceBreak = 0;
      extended = false;
      extensions = 0;
    }

    /**
     * The truck stands {@code h} hours without driving (a border clearance): at least the weekly
     * rest counts as one, at least the daily rest ends the driving period, at least the break
     * counts as the break. A stop only counts once some driving has been done since the last rest.
     */
    public void stop(double h) {
      if (h >= r.weeklyRestH() - EPS && week > 0) {
        weeklyReset();
      } else if (h >= r.dailyRestH() - EPS && period > 0) {
        dailyReset();
      } else if (h >= r.breakH() - EPS) {
        sinceBreak = 0;
      }
    }
  }

  private HoursOfService() {}

  /**
   * The rests of one uninterrupted drive of {@code h} hours over {@code km} from a rested start.
   */
  public static List<Rest> schedule(Rules r, double h, double km) {
    return new Clock(r).drive(h, km);
  }
}
