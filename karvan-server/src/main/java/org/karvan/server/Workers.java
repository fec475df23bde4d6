package org.karvan.server;

import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.karvan.core.routing.Cancellation;

/**
 * The computations the server runs at once: at most {@code size} (one per core by default), with at
 * most {@code maxWaiting} more waiting for their turn; beyond that a request is refused at once.
 *
 * <p>A computation runs on the thread that answers its exchange, under a {@link Cancellation} token
 * that expires at the exchange's deadline, so core's search loops stop it within one check (every
 * 1,024 steps). Running it there, rather than handing it to a pool and waiting for the answer,
 * saves two thread hand-overs per request: a route takes about 30 µs to compute, and the hand-overs
 * cost more than that in the load runs of docs/benchmarks.md. The deadline is what bounds a
 * computation, not the thread it runs on: a pool could answer 503 on time while its worker ran on,
 * which is the behaviour issue 12 asked to end.
 */
final class Workers {
  /** Why a computation did not run or did not finish. */
  enum Refusal {
    /** {@code maxWaiting} computations are already waiting. */
    BUSY,
    /** The deadline passed before a turn came, or during the computation. */
    OVER_TIME
  }

  /** A computation refused or stopped; the caller answers 503. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Refusal why;

    Refused(Refusal why) {
      super(why.name(), null, false, false);
      this.why = why;
    }
  }

  private final int size;
  private final int maxWaiting;
  private final Semaphore turns;
  private final AtomicInteger waiting = new AtomicInteger();

  Workers(int size, int maxWaiting) {
    if (size < 1 || maxWaiting < 0) {
      throw new IllegalArgumentException("size " + size + ", maxWaiting " + maxWaiting);
    }
    this.size = size;
    this.maxWaiting = maxWaiting;
    this.turns = new Semaphore(size);
  }

  /**
   * Runs {@code task} on this thread once a turn is free, under a token expiring at {@code
   * deadline} ({@link System#nanoTime()}). An answer that arrives after the deadline is refused
   * too, so the limit does not depend on whether the computation finished just before or after.
   *
   * @throws Refused when no turn comes before the deadline, too many wait, or time runs out
   */
  <T> T run(Callable<T> task, long deadline) throws Exception {
    if (!turns.tryAcquire()) {
      await(deadline);
    }
    try {
      T result = Cancellation.until(deadline).call(task);
      if (System.nanoTime() - deadline > 0) {
        throw new Refused(Refusal.OVER_TIME);
      }
      return result;
    } catch (Cancellation.Cancelled e) {
      throw new Refused(Refusal.OVER_TIME);
    } finally {
      turns.release();
    }
  }

  private void await(long deadline) throws InterruptedException {
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw new Refused(Refusal.BUSY);
    }
    try {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !turns.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        throw new Refused(Refusal.OVER_TIME);
      }
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Computations running now. */
  int busy() {
    return size - turns.availablePermits();
  }

  /** Computations waiting for a turn. */
  int waiting() {
    return waiting.get();
  }
}
