package org.karvan.core.model;

/**
 * A border clearance time distribution in hours, given by its mean and 90th percentile. Waiting and
 * processing both count.
 */
public record Clearance(double meanH, double p90H) {}
