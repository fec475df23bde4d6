package org.karvan.spark;

import org.apache.spark.sql.SparkSession;

/** The benchmark's session: {@code local[cores]} on loopback, as {@code ./karvan spark} runs. */
public final class SparkBenchSupport {
  private SparkBenchSupport() {}

  public static SparkSession session(int cores) {
    return Sweeps.session("local[" + cores + "]", "karvan compare bench");
  }
}
