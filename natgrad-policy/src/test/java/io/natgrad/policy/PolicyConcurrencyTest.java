package io.natgrad.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the README promises a Java service embedding a policy: one {@link Policy} shared by many
 * threads gives every thread the answers a single thread gets, and {@code act(obs, out)} allocates
 * nothing once a thread has called it (measured with the JVM's per-thread allocation counter).
 */
class PolicyConcurrencyTest {

  /** A policy with random parameters: (6 → 32 → 32 → 3), tanh, normalizer, Box or discrete. */
  static Policy randomPolicy(String type, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int od = 6;
    int ad = 3;
    int[] hidden = {32, 32};
    double[] theta = new double[PolicyDocument.parameterCount(type, od, ad, hidden)];
    for (int i = 0; i < theta.length; i++) {
      theta[i] = r.nextGaussian() * 0.3;
    }
    double[] mean = new double[od];
    double[] var = new double[od];
    for (int j = 0; j < od; j++) {
      mean[j] = r.nextGaussian();
      var[j] = 0.5 + r.nextDouble();
    }
    boolean box = type.equals("gaussian_mlp");
    return Policy.of(new PolicyDocument("Test-v0", type, od, ad, hidden, "tanh", theta,
        box ? new double[] {-1, -1, -1} : null, box ? new double[] {1, 1, 1} : null, mean, var,
        1000, 10.0, null));
  }

  static double[][] observations(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] obs = new double[n][6];
    for (double[] o : obs) {
      for (int j = 0; j < 6; j++) {
        o[j] = 3 * r.nextGaussian();
      }
    }
    return obs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian_mlp", "categorical_mlp"})
  void manyThreadsGetTheSingleThreadsAnswers(String type) throws Exception {
    Policy policy = randomPolicy(type, 1);
    double[][] obs = observations(2000, 2);
    double[][] expected = new double[obs.length][];
    for (int i = 0; i < obs.length; i++) {
      expected[i] = policy.act(obs[i]);
    }
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int start = t * 97;
        tasks.add(() -> {
          double[] out = new double[policy.actionLength()];
          int mismatches = 0;
          for (int rep = 0; rep < 5; rep++) {
            for (int k = 0; k < obs.length; k++) {
              int i = (start + k) % obs.length; // each thread in its own order
              policy.act(obs[i], out);
              if (!java.util.Arrays.equals(out, expected[i])) {
                mismatches++;
              }
            }
          }
          return mismatches;
        });
      }
      for (Future<Integer> f : pool.invokeAll(tasks)) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian_mlp", "categorical_mlp"})
  void actIntoAnArrayAllocatesNothingAfterTheFirstCall(String type) {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Policy policy = randomPolicy(type, 3);
    double[][] obs = observations(256, 4);
    double[] out = new double[policy.actionLength()];
    for (int rep = 0; rep < 200; rep++) { // warm up: the thread's scratch and the JIT
      for (double[] o : obs) {
        policy.act(o, out);
      }
    }
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    for (int rep = 0; rep < 100; rep++) {
      for (double[] o : obs) {
        policy.act(o, out);
      }
    }
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    // 25 600 calls; a single double[3] per call would be 25 600 × 40 bytes ≈ 1 MB
    assertThat(allocated).as("bytes allocated by 25 600 calls").isLessThan(4096);
  }

  @Test
  void theAllocationCounterSeesAllocations() {
    // the measurement above would pass vacuously if the counter did not count
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    Policy policy = randomPolicy("gaussian_mlp", 3);
    double[] sink = null;
    for (double[] o : observations(256, 4)) {
      sink = policy.act(o);
    }
    assertThat(sink).isNotNull();
    assertThat(mx.getThreadAllocatedBytes(tid) - before).isGreaterThan(256 * 40);
  }
}
