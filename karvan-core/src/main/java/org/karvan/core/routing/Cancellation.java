package org.karvan.core.routing;

import java.util.concurrent.Callable;

/**
 * A cooperative cancellation token. A caller that must bound a computation (the server, with its
 * time limit) runs it under a token with {@link #call}; the search loops (Dijkstra in all its
 * forms, earliest arrival, Pareto labels, alternatives, assignment iterations, criticality runs,
 * Monte Carlo samples) call {@link #check()} every {@link #EVERY} steps, which throws {@link
 * Cancelled} once the token is cancelled or its deadline has passed. Without a token (the CLI, the
 * tests, the benchmarks) {@link #check()} is one thread-local read.
 *
 * <p>The token lives in a thread-local so that no signature in core changes: work split over other
 * threads (the CLI's {@code --threads}) is not covered; the server runs such work on one thread.
 */
public final class Cancellation {
  /** Steps between checks in the hot loops (a power of two: {@code (n & MASK) == 0}). */
  public static final int EVERY = 1024;

  /** {@code EVERY - 1}, for {@code if ((++n & Cancellation.MASK) == 0) Cancellation.check();}. */
  public static final int MASK = EVERY - 1;

  /** Thrown by {@link #check()} in a cancelled computation. */
  public static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled(String why) {
      super(why, null, false, false);
    }
  }

  private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

  private final long deadlineNanos;
  private volatile boolean cancelled;

  private Cancellation(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  /** A token that expires at {@code deadlineNanos} (a {@link System#nanoTime()} value). */
  public static Cancellation until(long deadlineNanos) {
    return new Cancellation(deadlineNanos);
  }

  /** Cancels the computation running under this token at its next check. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether the token is cancelled or past its deadline. */
  public boolean isCancelled() {
    return cancelled || System.nanoTime() - deadlineNanos > 0;
  }

  /** Runs {@code task} on this thread with this token current. */
  public <T> T call(Callable<T> task) throws Exception {
    Cancellation outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return task.call();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Throws {@link Cancelled} if the current thread's computation is cancelled. */
  public static void check() {
    Cancellation c = CURRENT.get();
    if (c != null && c.isCancelled()) {
      throw new Cancelled(c.cancelled ? "cancelled" : "deadline passed");
    }
  }
}
