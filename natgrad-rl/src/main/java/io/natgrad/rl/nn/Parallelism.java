package io.natgrad.rl.nn;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The thread pool the network kernels split batches over: {@code natgrad.threads} threads
 * (default: available processors). Work is split into fixed chunks whose results are combined in
 * order, so the number of threads never changes a result.
 */
public final class Parallelism {
  private static final int THREADS = Integer.getInteger("natgrad.threads",
      Runtime.getRuntime().availableProcessors());
  private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;

  private Parallelism() {}

  /** The configured number of kernel threads. */
  public static int threads() {
    return THREADS;
  }

  static void run(int tasks, IntConsumer body) {
    POOL.submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
  }
}
