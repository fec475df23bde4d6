package org.karvan.core.model;

/** A WGS84 position in degrees. */
public record LatLon(double lat, double lon) {}
