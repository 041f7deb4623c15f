package io.natgrad.bench;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.bench.Workloads;
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
 * Issue 14's cost goal for {@code metric: wasserstein}: one Wasserstein-metric product
 * G v = 2 (1/n) Σ J_μᵀJ_μ v ⊕ 2σ² v_logσ against one exact Fisher product on the same batch —
 * the (64, 64) tanh Gaussian Pendulum policy over 2048 real Pendulum steps. Goal ≤ 1.25×.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar WassersteinProductBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class WassersteinProductBenchmark {
  LinearOperator fisher;
  LinearOperator wasserstein;
  double[] v;
  double[] out;

  @Setup
  public void setup() {
    Workloads.PendulumBatch data = new Workloads.PendulumBatch(2048);
    double[] obs = data.batch.observations();
    fisher = data.policy.fisherOperator(data.theta, obs, 2048);
    wasserstein = data.policy.wassersteinOperator(data.theta, obs, 2048);
    Rng rng = Rng.of(2);
    v = new double[data.theta.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    out = new double[v.length];
  }

  @Benchmark
  public double[] pendulumFisherProduct() {
    fisher.apply(v, out);
    return out;
  }

  @Benchmark
  public double[] pendulumWassersteinProduct() {
    wasserstein.apply(v, out);
    return out;
  }
}
