package io.natgrad.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.NaturalPolicyUpdate;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.sample.Gae;
import io.natgrad.rl.value.MlpValueFunction;
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
 * BENCHMARKS.md figure 3: one full TRPO update on 2048 CartPole samples with SB3's defaults — the
 * policy step (15 CG iterations of Fisher–vector products, up to 10 line-search trials) and the
 * critic fit (10 epochs of Adam in minibatches of 128), what SB3's {@code train()} does.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar TrpoUpdateBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrpoUpdateBenchmark {
  BenchData data;
  NaturalPolicyUpdate update;
  MlpValueFunction critic;
  double[] advantages;
  double[] returns;
  Rng rng = Rng.of(3);

  @Setup
  public void setup() {
    data = new BenchData(2048);
    update = new NaturalPolicyUpdate(data.policy, BenchData.trpoDefaults());
    critic = new MlpValueFunction(4, new int[] {64, 64}, Activation.TANH, Rng.of(4), 1e-3, 10, 128);
    double[] values = new double[2048];
    critic.predict(data.batch.observations(), data.batch.timesteps(), 2048, values);
    double[] finals = new double[data.batch.episodes()];
    Gae.Result g = Gae.compute(data.batch, values, finals, 0.99, 0.95);
    advantages = Gae.normalize(g.advantages());
    returns = g.returns();
  }

  @Benchmark
  public double trpoUpdate() {
    NaturalPolicyUpdate.Result r = update.apply(data.theta, data.batch, advantages);
    return r.stats().measuredKl()
        + critic.fit(data.batch.observations(), data.batch.timesteps(), 2048, returns, rng);
  }
}
