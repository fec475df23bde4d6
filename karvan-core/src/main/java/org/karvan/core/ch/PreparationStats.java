package org.karvan.core.ch;

import java.util.List;
import java.util.Locale;

/**
 * Where a contraction spent its time: per phase the wall time and the CPU time of the threads that
 * ran it (parallel phases count every worker's CPU). On shared cores wall time depends on the load,
 * while CPU time does not; the share of CPU spent in the serial phases bounds the speed-up two
 * threads can give (Amdahl).
 *
 * @param rounds independent-set rounds
 * @param smallRounds rounds of fewer than 256 nodes (the rounds of the dense core)
 * @param phases the phases in the order they run in a round
 */
public record PreparationStats(int rounds, int smallRounds, List<Phase> phases) {
  /**
   * One phase.
   *
   * @param parallel whether its work is split between the threads
   * @param spanNanos the CPU time of the busiest thread of each run of the phase, summed: the
   *     measured critical path. On shared cores a thread that waits for a core leaves items to the
   *     other, so this reflects the load as well as the work
   * @param workSpanNanos each run's CPU time × the share of its work (nodes settled by witness
   *     searches) the busiest thread must do at best: the largest item, or an even split. The
   *     critical path on idle cores, independent of the load
   */
  public record Phase(
      String name,
      boolean parallel,
      long wallNanos,
      long cpuNanos,
      long spanNanos,
      long workSpanNanos) {}

  public PreparationStats {
    phases = List.copyOf(phases);
  }

  /** CPU time of all phases. */
  public long cpuNanos() {
    return phases.stream().mapToLong(Phase::cpuNanos).sum();
  }

  /** Share of the CPU time spent in serial phases. */
  public double serialShare() {
    long total = cpuNanos();
    long serial = phases.stream().filter(p -> !p.parallel()).mapToLong(Phase::cpuNanos).sum();
    return total == 0 ? 0 : serial / (double) total;
  }

  /**
   * CPU time over the critical path (the serial phases plus the busiest thread of each parallel
   * step): the speed-up the threads give on otherwise idle cores, whatever the load was.
   */
  public double parallelism() {
    long spanTotal = phases.stream().mapToLong(Phase::spanNanos).sum();
    return spanTotal == 0 ? 1 : cpuNanos() / (double) spanTotal;
  }

  /**
   * CPU time over the work-based critical path: the speed-up the threads would give on idle cores
   * (the bound of Amdahl's law with the serial phases, and of the largest items of each step).
   */
  public double idealParallelism() {
    long spanTotal = phases.stream().mapToLong(Phase::workSpanNanos).sum();
    return spanTotal == 0 ? 1 : cpuNanos() / (double) spanTotal;
  }

  /** One line per phase: wall s, CPU s, parallel or serial. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%,d rounds (%,d of fewer than 256 nodes); serial share of CPU %.1f %%;"
                + " CPU / critical path %.2f measured, %.2f on idle cores (by work)%n",
            rounds,
            smallRounds,
            100 * serialShare(),
            parallelism(),
            idealParallelism()));
    for (Phase p : phases) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-26s %-8s wall %8.2f s  CPU %8.2f s  critical path %7.2f s, by work %7.2f s%n",
              p.name(),
              p.parallel() ? "parallel" : "serial",
              p.wallNanos() / 1e9,
              p.cpuNanos() / 1e9,
              p.spanNanos() / 1e9,
              p.workSpanNanos() / 1e9));
    }
    return b.toString();
  }
}
