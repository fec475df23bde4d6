package org.karvan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/** Small helpers for timing and heap measurement. */
final class Measure {
  private Measure() {}

  /** Used heap after asking for full collections until the figure settles. */
  static long usedHeapAfterGc() {
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      System.gc();
      try {
        Thread.sleep(40);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = mem.getHeapMemoryUsage().getUsed();
      if (Math.abs(last - used) < (1 << 20)) {
        return used;
      }
      last = used;
    }
    return last;
  }

  /** CPU time of the whole process so far (all threads, GC and JIT included), or 0 if unknown. */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** The p-th percentile (0..100) of {@code values} by nearest rank; sorts a copy. */
  static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int rank = (int) Math.ceil(p / 100.0 * v.length);
    return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
  }

  static double mean(double[] values) {
    double s = 0;
    for (double x : values) {
      s += x;
    }
    return s / values.length;
  }
}
