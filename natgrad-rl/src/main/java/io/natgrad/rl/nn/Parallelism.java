package io.natgrad.rl.nn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The threads the network kernels split batches over: {@code natgrad.threads} threads in all
 * (default: available processors), the calling thread being one of them. Work is split into fixed
 * chunks whose results are combined in order by the caller, so the number of threads never changes
 * a result.
 *
 * <p>Hand-written rather than a {@code ForkJoinPool}: an update makes hundreds of short parallel
 * calls (a Fisher–vector product on 1 024 rows takes about half a millisecond), and waking pool
 * threads through a submit/join costs 10–40 µs each time. Here the caller works on the chunks
 * itself and the helpers spin for a short while after each call before they park, so a call that
 * follows another one closely starts at once.
 */
public final class Parallelism {
  private static final int THREADS = Integer.getInteger("natgrad.threads",
      Runtime.getRuntime().availableProcessors());
  private static final Team TEAM = THREADS > 1 ? new Team(THREADS - 1) : null;

  private Parallelism() {}

  /** The configured number of kernel threads. */
  public static int threads() {
    return THREADS;
  }

  /**
   * Runs {@code body.accept(i)} for i in [0, tasks) on the team when it is free (the caller
   * takes part; helpers that spun since their last call start at once), else on the calling
   * thread. The caller must not depend on which thread runs which task.
   */
  public static void forEach(int tasks, IntConsumer body) {
    run(tasks, body);
  }

  /**
   * Runs two independent computations at the same time when the team is free (each then runs its
   * own passes on one thread), else one after the other. Results do not depend on which: every
   * pass splits its rows into the same chunks and adds their sums in the same order either way.
   */
  public static void both(Runnable first, Runnable second) {
    run(2, i -> (i == 0 ? first : second).run());
  }

  /**
   * Runs {@code body.accept(c)} for c in [0, tasks), on the team when it is free, else (a call from
   * inside a task, or from a second thread while the team is busy) on the calling thread alone.
   */
  static void run(int tasks, IntConsumer body) {
    if (TEAM == null || tasks < 2 || !(TEAM.tryRun(tasks, body) || TEAM.tryShare(tasks, body))) {
      for (int c = 0; c < tasks; c++) {
        body.accept(c);
      }
    }
  }

  /**
   * A call made while the team is busy (typically from inside one of {@link #both}'s two
   * computations), whose chunks a team thread that has finished its own task may take: with the
   * critic's fit done, its thread helps with the rest of the policy step's passes instead of
   * waiting. Which thread runs a chunk never changes a result (see the class comment).
   */
  private static final class Shared {
    final IntConsumer body;
    final int tasks;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger done = new AtomicInteger();
    private Throwable failure;
    private int failedTask;

    Shared(int tasks, IntConsumer body) {
      this.tasks = tasks;
      this.body = body;
    }

    /** Runs chunks until none is left to claim. */
    void help() {
      while (helpOne()) {
        // next chunk
      }
    }

    /**
     * Runs one chunk if one is left; false otherwise. A thread waiting for its own job helps one
     * chunk at a time, so it returns as soon as its job is done.
     */
    boolean helpOne() {
      if (next.get() >= tasks) {
        return false;
      }
      int c = next.getAndIncrement();
      if (c >= tasks) {
        return false;
      }
      try {
        body.accept(c);
      } catch (Throwable t) {
        fail(c, t);
      } finally {
        done.incrementAndGet();
      }
      return true;
    }

    private synchronized void fail(int task, Throwable t) {
      if (failure == null || task < failedTask) {
        failure = t;
        failedTask = task;
      }
    }

    synchronized Throwable failure() {
      return failure;
    }
  }

  /**
   * Helper threads plus the caller, claiming chunks from a counter tagged with the call's
   * generation (a helper that arrives late cannot take a chunk of the next call with the old job).
   */
  private static final class Team {
    /** Spin iterations before a helper parks (about 0.2 ms here: a pause is ~30 ns on this CPU). */
    private static final int SPINS = 20_000;
    private final Thread[] helpers;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** (generation &lt;&lt; 32) | next chunk. */
    private final AtomicLong claim = new AtomicLong();
    private final AtomicInteger done = new AtomicInteger();
    private volatile int generation;
    private volatile IntConsumer job;
    private volatile int tasks;
    private volatile Throwable failure;
    private int failedTask;
    private volatile boolean anySleeping;
    /** A busy-time call whose chunks waiting team threads help with, or null. */
    private final java.util.concurrent.atomic.AtomicReference<Shared> shared =
        new java.util.concurrent.atomic.AtomicReference<>();

    Team(int n) {
      helpers = new Thread[n];
      for (int i = 0; i < n; i++) {
        Thread t = new Thread(this::loop, "natgrad-kernel-" + (i + 1));
        t.setDaemon(true);
        helpers[i] = t;
        t.start();
      }
    }

    boolean tryRun(int n, IntConsumer body) {
      if (!busy.compareAndSet(false, true)) {
        return false;
      }
      try {
        int gen = generation + 1;
        failure = null;
        job = body;
        tasks = n;
        done.set(0);
        claim.set((long) gen << 32);
        generation = gen;
        if (anySleeping) {
          anySleeping = false;
          for (Thread t : helpers) {
            LockSupport.unpark(t);
          }
        }
        work(gen, body, n);
        awaitHelping(n);
        rethrow(failure);
        return true;
      } finally {
        job = null;
        busy.set(false);
      }
    }

    /**
     * Runs a call made while the team is busy on the calling thread, sharing its chunks with team
     * threads that wait for the current job; false when another such call is already shared.
     */
    boolean tryShare(int n, IntConsumer body) {
      Shared sub = new Shared(n, body);
      if (!shared.compareAndSet(null, sub)) {
        return false;
      }
      try {
        sub.help();
      } finally {
        shared.compareAndSet(sub, null); // every chunk is claimed: nothing left to offer
      }
      while (sub.done.get() < n) {
        Thread.onSpinWait();
      }
      rethrow(sub.failure());
      return true;
    }

    /** Waits for the job's n tasks, helping with a shared call meanwhile. */
    private void awaitHelping(int n) {
      while (done.get() < n) {
        Shared sub = shared.get();
        if (sub == null || !sub.helpOne()) {
          Thread.onSpinWait();
        }
      }
    }

    private static void rethrow(Throwable f) {
      if (f == null) {
        return;
      }
      if (f instanceof RuntimeException) {
        throw (RuntimeException) f;
      }
      if (f instanceof Error) {
        throw (Error) f;
      }
      throw new IllegalStateException(f);
    }

    private void work(int gen, IntConsumer body, int n) {
      while (true) {
        long s = claim.get();
        int c = (int) s;
        if ((int) (s >>> 32) != gen || c >= n) {
          return;
        }
        if (claim.compareAndSet(s, s + 1)) {
          try {
            body.accept(c);
          } catch (Throwable t) {
            fail(c, t);
          } finally {
            done.incrementAndGet();
          }
        }
      }
    }

    /** Keeps the failure of the lowest task, so that which error is reported never depends on timing. */
    private synchronized void fail(int task, Throwable t) {
      if (failure == null || task < failedTask) {
        failure = t;
        failedTask = task;
      }
    }

    private void loop() {
      int seen = generation;
      while (true) {
        int spins = 0;
        while (generation == seen) {
          if (++spins < SPINS) {
            Thread.onSpinWait();
          } else {
            anySleeping = true;
            if (generation == seen) {
              LockSupport.park(this);
            }
            spins = 0;
          }
        }
        seen = generation;
        IntConsumer body = job;
        int n = tasks;
        if (body != null) {
          work(seen, body, n);
          // this thread's part is done: help with a call the others make meanwhile
          while (generation == seen && job == body && done.get() < n) {
            Shared sub = shared.get();
            if (sub == null || !sub.helpOne()) {
              Thread.onSpinWait();
            }
          }
        }
      }
    }
  }
}
