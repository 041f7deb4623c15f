package io.natgrad.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.nn.Mlp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BENCHMARKS.md figure 1: the MLP's forward, reverse and forward-mode passes for a (64, 64) tanh
 * network on CartPole-sized inputs (4 → 64 → 64 → 2), batch 2048. Divide by the batch for ns per
 * sample; flops per sample are {@code Mlp.flopsPerSample()} (forward), about twice that for each of
 * the two other passes.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar MlpBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MlpBenchmark {
  @Param({"2048"})
  int batch;

  @Param({"tanh"})
  String activation;

  Mlp net;
  double[] theta;
  double[] x;
  double[] yBar;
  double[] v;
  double[] grad;
  double[] out;
  Mlp.Workspace ws;

  @Setup
  public void setup() {
    net = new Mlp(4, new int[] {64, 64}, 2, Activation.parse(activation));
    Rng rng = Rng.of(1);
    theta = net.initialParameters(rng, Math.sqrt(2), 1.0);
    x = new double[batch * 4];
    yBar = new double[batch * 2];
    v = new double[net.parameterCount()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextGaussian();
    }
    for (int i = 0; i < yBar.length; i++) {
      yBar[i] = rng.nextGaussian();
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = rng.nextGaussian();
    }
    grad = new double[net.parameterCount()];
    out = new double[batch * 2];
    ws = net.workspace(batch);
    net.forward(theta, x, batch, ws, null);
  }

  @Benchmark
  public double[] forward() {
    net.forward(theta, x, batch, ws, out);
    return out;
  }

  @Benchmark
  public double[] backward() {
    net.backward(theta, yBar, ws, grad, null);
    return grad;
  }

  @Benchmark
  public double[] jvp() {
    net.jvp(theta, v, ws, out);
    return out;
  }
}
