package io.natgrad.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.bench.Workloads;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.StepResult;
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
 * BENCHMARKS.md figure 4: raw environment steps (random actions, reset on episode end).
 *
 * <p>Run: {@code java -jar natgrad-bench/target/benchmarks.jar EnvStepBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EnvStepBenchmark {
  @Param({"CartPole-v1", "Pendulum-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1"})
  String env;

  Env e;
  Rng rng = Rng.of(1);
  double[][] actions;
  int k;

  @Setup
  public void setup() {
    e = EnvRegistry.make(env);
    e.reset(1);
    actions = Workloads.randomActions(e, rng, 1024);
  }

  @Benchmark
  public StepResult step() {
    StepResult r = e.step(actions[k++ & 1023]);
    if (r.done()) {
      e.reset();
    }
    return r;
  }
}
