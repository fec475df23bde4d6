package org.karvan.core.ch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The clocks of a contraction's phases, for {@link PreparationStats}: per phase, split between
 * threads or run on one, the wall time, the CPU time of the threads that ran it, the measured
 * critical path and the critical path by work.
 */
final class PhaseTimes {
  static final String[] NAMES = {
    "initial priorities",
    "select local minima",
    "lazy updates",
    "re-check",
    "witness searches",
    "apply",
    "bookkeeping"
  };
  static final int INIT = 0;
  static final int SELECT = 1;
  static final int LAZY = 2;
  static final int RECHECK = 3;
  static final int WITNESS = 4;
  static final int APPLY = 5;
  static final int BOOKKEEPING = 6;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Per phase: [2p] split between threads, [2p + 1] run on one thread. */
  private final long[] wall = new long[2 * NAMES.length];

  private final AtomicLongArray cpu = new AtomicLongArray(2 * NAMES.length);

  /** Per phase: the CPU time of the busiest thread of each call, summed (the critical path). */
  private final long[] span = new long[2 * NAMES.length];

  /**
   * Per phase: each call's CPU time × the share of its work (nodes settled by witness searches)
   * that the busiest thread must do at best (the largest item, or an even split), summed.
   */
  private final long[] workSpan = new long[2 * NAMES.length];

  static long threadCpu() {
    return CPU.getCurrentThreadCpuTime();
  }

  /** Adds the wall and CPU time since {@code wall0} and {@code cpu0} of this thread to a phase. */
  void serial(int phase, long wall0, long cpu0) {
    long used = threadCpu() - cpu0;
    wall[2 * phase + 1] += System.nanoTime() - wall0;
    cpu.addAndGet(2 * phase + 1, used);
    span[2 * phase + 1] += used;
    workSpan[2 * phase + 1] += used;
  }

  /** A worker's CPU time in a split phase (any thread). */
  void workerCpu(int phase, long used) {
    cpu.addAndGet(2 * phase, used);
  }

  /**
   * Closes one split run of a phase (the calling thread, after the workers).
   *
   * @param busiest CPU time of the busiest worker
   * @param callCpu CPU time of all workers
   * @param work nodes settled by all the run's items
   * @param largest nodes settled by its largest item
   */
  void split(
      int phase, long wall0, long busiest, long callCpu, long work, long largest, int threads) {
    wall[2 * phase] += System.nanoTime() - wall0;
    span[2 * phase] += busiest;
    double share = work == 0 ? 1.0 / threads : Math.max(largest / (double) work, 1.0 / threads);
    workSpan[2 * phase] += (long) (callCpu * share);
  }

  PreparationStats stats(int rounds, int smallRounds) {
    List<PreparationStats.Phase> phases = new ArrayList<>();
    for (int p = 0; p < NAMES.length; p++) {
      for (int unsplit = 0; unsplit < 2; unsplit++) {
        int i = 2 * p + unsplit;
        if (wall[i] > 0 && (unsplit == 0 || p >= APPLY || wall[i] >= 1_000_000)) {
          phases.add(
              new PreparationStats.Phase(
                  NAMES[p] + (unsplit == 1 && p < APPLY ? " (one thread)" : ""),
                  unsplit == 0,
                  wall[i],
                  cpu.get(i),
                  span[i],
                  workSpan[i]));
        }
      }
    }
    return new PreparationStats(rounds, smallRounds, phases);
  }
}
