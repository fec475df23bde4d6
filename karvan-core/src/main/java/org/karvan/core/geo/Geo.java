package org.karvan.core.geo;

/** Great-circle geometry on a spherical Earth (R = 6371 km). */
public final class Geo {
  /** Mean Earth radius in km, as used for every great-circle figure in Karvan. */
  public static final double EARTH_RADIUS_KM = 6371.0;

  private Geo() {}

  /** Haversine great-circle distance in km between two WGS84 points given in degrees. */
  public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2 - lon1);
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(a)));
  }
}
