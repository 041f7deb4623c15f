package io.natgrad.bench;

import io.natgrad.rl.bench.Workloads;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
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
 * Issue 14's cost goal for K-FAC: one K-FAC direction — the factor statistics, the closed-form
 * solve and the eigendecompositions amortized over their refresh period (ACKTR's 10 updates), not
 * counting the score pass it shares with the update's gradient — against one gradient, on 2048
 * CartPole states with the (64, 64) tanh categorical policy. Goal ≤ 1.5×:
 * (statistics − gradient + solve + eigendecompositions / 10) / gradient, the statistics timed with
 * their own forward and reverse pass (which costs what the gradient does).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar KfacDirectionBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KfacDirectionBenchmark {
  Workloads.KfacDirection k;
  DMatrixRMaj[][] factors;
  double[] weights;
  double[] grad;

  @Setup
  public void setup() {
    k = new Workloads.KfacDirection(2048);
    factors = k.statistics();
    weights = new double[2048];
    java.util.Arrays.fill(weights, 1.0 / 2048);
    grad = new double[k.gradient.length];
  }

  @Benchmark
  public double[] gradient() {
    k.data.policy.weightedScoreSum(k.data.theta, k.data.batch.observations(),
        k.data.batch.actions(), 2048, weights, grad);
    return grad;
  }

  @Benchmark
  public DMatrixRMaj[][] statisticsWithTheirScorePass() {
    return k.statistics();
  }

  @Benchmark
  public double[] closedFormSolve() {
    return k.solve();
  }

  @Benchmark
  public Object eigendecompositions() {
    var b = k.blocks(factors);
    b.decompose();
    return b;
  }
}
