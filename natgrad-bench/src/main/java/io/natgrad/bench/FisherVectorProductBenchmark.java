package io.natgrad.bench;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BENCHMARKS.md figure 2: one Fisher–vector product (forward activations cached, as in CG) and one
 * policy gradient (forward + reverse) for the (64, 64) tanh CartPole policy over 2048 observations.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar FisherVectorProductBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class FisherVectorProductBenchmark {
  BenchData data;
  LinearOperator fisher;
  LinearOperator mcFisher;
  LinearOperator empiricalFisher;
  double[] v;
  double[] out;
  double[] weights;
  double[] grad;

  @Setup
  public void setup() {
    data = new BenchData(2048);
    fisher = data.policy.fisherOperator(data.theta, data.batch.observations(), 2048);
    Rng rng = Rng.of(2);
    v = new double[data.theta.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    out = new double[v.length];
    weights = new double[2048];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = rng.nextGaussian();
    }
    grad = new double[v.length];
    double[] ones = new double[2048];
    java.util.Arrays.fill(ones, 1.0);
    double[] squared = new double[2048];
    for (int i = 0; i < squared.length; i++) {
      squared[i] = weights[i] * weights[i];
    }
    mcFisher = data.policy.scoreOuterOperator(data.theta, data.batch.observations(),
        data.batch.actions(), ones, 2048);
    empiricalFisher = data.policy.scoreOuterOperator(data.theta, data.batch.observations(),
        data.batch.actions(), squared, 2048);
  }

  /** The Monte-Carlo Fisher's product (metric mc-fisher): goal ≤ 1.25× the exact one. */
  @Benchmark
  public double[] mcFisherVectorProduct() {
    mcFisher.apply(v, out);
    return out;
  }

  /** The empirical Fisher's product (metric empirical-fisher): goal ≤ 1.25× the exact one. */
  @Benchmark
  public double[] empiricalFisherVectorProduct() {
    empiricalFisher.apply(v, out);
    return out;
  }

  @Benchmark
  public double[] fisherVectorProduct() {
    fisher.apply(v, out);
    return out;
  }

  @Benchmark
  public double[] gradient() {
    data.policy.weightedScoreSum(data.theta, data.batch.observations(), data.batch.actions(),
        2048, weights, grad);
    return grad;
  }
}
