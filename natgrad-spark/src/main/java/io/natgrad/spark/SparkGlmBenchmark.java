package io.natgrad.spark;

import io.natgrad.core.glm.BlockedGlmFitter;
import io.natgrad.core.glm.Family;
import io.natgrad.core.glm.GlmBlock;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.IrlsRequest;
import io.natgrad.core.glm.Link;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark GLM engine's cost per IRLS iteration against the same iteration in process (a
 * benchmark, run by {@code scripts/bench-spark-glm.sh}, never a test): logistic regression with
 * p = 20 (an intercept and 19 Gaussian covariates), n rows generated where they are kept — in
 * {@code partitions} blocks on the executors, and in the same blocks in this JVM — so that only
 * the aggregation is timed: one pass at β (deviance, XᵀWX, XᵀWz) per iteration, median of several.
 * Prints both, the overhead, and a whole fit's time.
 *
 * <p>Arguments: {@code [master] [n1,n2,...] [partitions]}, defaults {@code local[2]},
 * {@code 10000,100000,1000000,4000000} and 8.
 */
public final class SparkGlmBenchmark {
  private static final int P = 20;

  private SparkGlmBenchmark() {}

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    int[] ns = Arrays.stream((args.length > 1 ? args[1] : "10000,100000,1000000,4000000")
        .split(",")).mapToInt(Integer::parseInt).toArray();
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    JavaSparkContext sc = SharedContext.acquire(master);
    try {
      System.out.printf(Locale.ROOT, "logistic regression, p = %d; in-process: %d threads; "
          + "spark: %s, %d partitions (cached); per iteration: one pass at beta%n", P,
          Runtime.getRuntime().availableProcessors(), master, partitions);
      System.out.println("        n  local_ms  spark_ms  overhead_ms  fit_local_s  fit_spark_s"
          + "  iterations");
      for (int n : ns) {
        int per = (n + partitions - 1) / partitions;
        List<GlmBlock> local = new ArrayList<>();
        for (int k = 0; k < partitions; k++) {
          local.add(generate(k, Math.min(per, n - k * per)));
        }
        JavaRDD<PartitionBlock> rdd = sc.parallelize(
            IntStream.range(0, partitions).boxed().toList(), partitions)
            .map(k -> new PartitionBlock(k, generate(k, Math.min(per, n - k * per)), null))
            .persist(StorageLevel.MEMORY_ONLY());
        rdd.count();
        double[] beta = new double[P];
        beta[0] = 0.1;
        IrlsRequest r = new IrlsRequest(Family.BINOMIAL, Link.LOGIT, IrlsRequest.Mode.AT, beta,
            Double.NaN, false, true, Double.NaN);
        BlockedGlmFitter.Blocks inProcess = BlockedGlmFitter.inMemory(local);
        BlockedGlmFitter.Blocks onSpark = q -> OrderedAggregate.sum(rdd, q);
        int reps = n >= 1_000_000 ? 5 : 15;
        double localMs = median(() -> inProcess.aggregate(r), reps);
        double sparkMs = median(() -> onSpark.aggregate(r), reps);
        BlockedGlmFitter fitter = new BlockedGlmFitter(1e-8, 25);
        long t0 = System.nanoTime();
        GlmFit a = fitter.fit(inProcess, P, Family.BINOMIAL, Link.LOGIT, true);
        long t1 = System.nanoTime();
        GlmFit b = fitter.fit(onSpark, P, Family.BINOMIAL, Link.LOGIT, true);
        long t2 = System.nanoTime();
        double worst = 0;
        for (int j = 0; j < P; j++) {
          worst = Math.max(worst, Math.abs(a.coefficients()[j] - b.coefficients()[j])
              / Math.abs(a.coefficients()[j]));
        }
        System.out.printf(Locale.ROOT, "%9d  %8.1f  %8.1f  %11.1f  %11.2f  %11.2f  %10d"
            + "   (coefficients agree to %.1e)%n", n, localMs, sparkMs, sparkMs - localMs,
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, a.iterations(), worst);
        rdd.unpersist(true);
      }
    } finally {
      SharedContext.release(sc);
    }
  }

  /** Block k's rows: seeded by k, so the executors and this JVM make the same ones. */
  static GlmBlock generate(int k, int rows) {
    SplittableRandom rng = new SplittableRandom(1000 + k);
    double[] x = new double[rows * P];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      x[i * P] = 1;
      double eta = 0.2;
      for (int j = 1; j < P; j++) {
        double v = rng.nextDouble(-1, 1) + rng.nextDouble(-1, 1);
        x[i * P + j] = v;
        eta += v * (j % 2 == 0 ? 0.3 : -0.2) / Math.sqrt(j);
      }
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return new GlmBlock(x, rows, P, y, null, null);
  }

  private static double median(Runnable work, int reps) {
    work.run(); // warm-up
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      work.run();
      t[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }
}
