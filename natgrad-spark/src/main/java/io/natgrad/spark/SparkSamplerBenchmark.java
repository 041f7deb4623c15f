package io.natgrad.spark;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.BusyWork;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.VectorSampler;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The Spark sampler's cost per iteration against the in-process sampler (a benchmark, run by
 * {@code scripts/bench-spark.sh}, never a test): CartPole-v1, 4 copies × 512 steps = 2 048 steps per
 * iteration, in-process on 2 threads vs Spark {@code local[2]} with 2 tasks, for a per-step cost of
 * k microseconds of busy work ({@link BusyWork}) standing in for an expensive simulator. Prints
 * the median iteration time of each, the overhead, and the bytes one iteration moves.
 *
 * <p>Arguments: {@code [master] [k1,k2,...]}, defaults {@code local[2]} and
 * {@code 0,10,30,100,300,1000}.
 */
public final class SparkSamplerBenchmark {
  private static final int COPIES = 4;
  private static final int STEPS = 512;

  private SparkSamplerBenchmark() {}

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    long[] ks = Arrays.stream((args.length > 1 ? args[1] : "0,10,30,100,300,1000").split(","))
        .mapToLong(Long::parseLong).toArray();
    NeuralPolicy policy = OnPolicyTrainer.makePolicy(
        TrainConfig.fromMap(Map.of("env", "CartPole-v1")), EnvRegistry.make("CartPole-v1"));
    double[] theta = policy.initialParameters(Rng.of(1));
    System.out.printf(Locale.ROOT, "CartPole-v1, %d copies x %d steps = %d steps per iteration; "
        + "policy 64x64 tanh (%d parameters); in-process: 2 threads; spark: %s, 2 tasks%n",
        COPIES, STEPS, COPIES * STEPS, theta.length, master);
    System.out.println("k_us  local_ms  spark_ms  overhead_ms  overhead_%");
    for (long k : ks) {
      String id = "CartPole-v1+busy" + k + "us";
      EnvRegistry.register(id, o -> new BusyWork(EnvRegistry.make("CartPole-v1"), k));
      int iters = k >= 300 ? 6 : k >= 100 ? 10 : 20;
      double local;
      try (VectorSampler v = new VectorSampler(SliceTask.copies(id, COPIES), policy, 7, null, 2)) {
        local = medianMillis(v, theta, iters);
      }
      double spark;
      long sent;
      long returned;
      try (SparkSampler s = (SparkSampler) new SparkSamplerEngine().create(id, COPIES, policy, 7,
          null, Map.of("master", master, "partitions", "2"))) {
        spark = medianMillis(s, theta, iters);
        s.measureBytes(true);
        s.collect(theta, STEPS);
        sent = s.lastSentBytes();
        returned = s.lastReturnedBytes();
        if (k == ks[0]) {
          System.out.printf(Locale.ROOT, "bytes per iteration: theta broadcast %d, copies' "
              + "states sent %d, results returned %d (batch columns, episodes, new states)%n",
              s.lastBroadcastBytes(), sent, returned);
        }
      }
      System.out.printf(Locale.ROOT, "%4d  %8.1f  %8.1f  %11.1f  %9.1f%n", k, local, spark,
          spark - local, 100 * (spark - local) / local);
    }
  }

  private static double medianMillis(Sampler s, double[] theta, int iters) {
    for (int i = 0; i < 3; i++) {
      s.collect(theta, STEPS);
    }
    double[] t = new double[iters];
    for (int i = 0; i < iters; i++) {
      long t0 = System.nanoTime();
      s.collect(theta, STEPS);
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t[iters / 2];
  }
}
