package org.karvan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.karvan.core.routing.Cancellation;

class WorkersTest {
  // Not the common pool: it has one thread on a two-core machine, and these tasks block.
  private static final ExecutorService THREADS = Executors.newCachedThreadPool();

  @AfterAll
  static void stop() {
    THREADS.shutdownNow();
  }

  private static long in(long ms) {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
  }

  private static void awaitAWaiter(Workers w) throws InterruptedException {
    long t0 = System.nanoTime();
    while (w.waiting() == 0 && System.nanoTime() - t0 < 5_000_000_000L) {
      Thread.sleep(1);
    }
  }

  @Test
  void aComputationRunsOnTheCallersThreadAndGivesItsTurnBack() throws Exception {
    Workers w = new Workers(2, 4);
    Thread caller = Thread.currentThread();
    Thread ran = w.run(Thread::currentThread, in(1_000));
    assertThat(ran).isSameAs(caller);
    assertThat(w.busy()).isZero();
    assertThatThrownBy(() -> w.run(() -> Integer.parseInt("x"), in(1_000)))
        .isInstanceOf(NumberFormatException.class);
    assertThat(w.busy()).as("a failed computation gives its turn back").isZero();
  }

  @Test
  void noMoreThanSizeRunAtOnceAndAWaiterGetsTheNextTurn() throws Exception {
    Workers w = new Workers(2, 4);
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Runnable hold =
        () -> {
          try {
            w.run(
                () -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  started.countDown();
                  release.await();
                  running.decrementAndGet();
                  return null;
                },
                in(5_000));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    var a = CompletableFuture.runAsync(hold, THREADS);
    var b = CompletableFuture.runAsync(hold, THREADS);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(w.busy()).isEqualTo(2);
    var third =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return w.run(
                    () -> most.accumulateAndGet(running.incrementAndGet(), Math::max), in(5_000));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            THREADS);
    awaitAWaiter(w);
    assertThat(w.waiting()).isEqualTo(1);
    assertThat(third).isNotDone();
    release.countDown();
    assertThat(third.get(5, TimeUnit.SECONDS))
        .as("ran once a turn was free")
        .isLessThanOrEqualTo(2);
    a.get(5, TimeUnit.SECONDS);
    b.get(5, TimeUnit.SECONDS);
    assertThat(most.get()).as("never three at once").isEqualTo(2);
    assertThat(w.busy()).isZero();
    assertThat(w.waiting()).isZero();
  }

  @Test
  void tooManyWaitingIsRefusedAtOnceAndAWaitPastTheDeadlineIsOverTime() throws Exception {
    Workers w = new Workers(1, 1);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    var holder =
        CompletableFuture.runAsync(
            () -> {
              try {
                w.run(
                    () -> {
                      started.countDown();
                      release.await();
                      return null;
                    },
                    in(10_000));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            THREADS);
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    var waiter =
        CompletableFuture.supplyAsync(
            () -> {
              long t0 = System.nanoTime();
              try {
                w.run(() -> null, in(300));
                return -1L;
              } catch (Workers.Refused e) {
                assertThat(e.why).isEqualTo(Workers.Refusal.OVER_TIME);
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            THREADS);
    awaitAWaiter(w);
    long t1 = System.nanoTime();
    assertThatThrownBy(() -> w.run(() -> null, in(5_000)))
        .isInstanceOfSatisfying(
            Workers.Refused.class, e -> assertThat(e.why).isEqualTo(Workers.Refusal.BUSY));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1)).isLessThan(100);
    assertThat(waiter.get(5, TimeUnit.SECONDS)).isBetween(250L, 2_000L);
    release.countDown();
    holder.get(5, TimeUnit.SECONDS);
    assertThat(w.busy()).isZero();
  }

  @Test
  void aComputationThatChecksStopsAtTheDeadlineAndOneThatFinishesLateIsRefused() {
    Workers w = new Workers(1, 0);
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                w.run(
                    () -> {
                      while (true) {
                        Cancellation.check();
                        Thread.onSpinWait();
                      }
                    },
                    in(200)))
        .isInstanceOfSatisfying(
            Workers.Refused.class, e -> assertThat(e.why).isEqualTo(Workers.Refusal.OVER_TIME));
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(190L, 2_000L);
    assertThat(w.busy()).isZero();
    assertThatThrownBy(
            () ->
                w.run(
                    () -> {
                      Thread.sleep(150);
                      return "late";
                    },
                    in(50)))
        .isInstanceOf(Workers.Refused.class);
    // Outside a computation the thread has no token: a check is a no-op.
    Cancellation.check();
  }
}
