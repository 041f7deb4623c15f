package io.natgrad.bench;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.bench.Workloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BENCHMARKS.md figure 4b: sampler throughput with the (64, 64) tanh policy in the loop, 8
 * environment copies × 256 steps per call, 1 vs 2 workers (steps/s = 2048 / time per call).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar natgrad-bench/target/benchmarks.jar SamplerBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// the JVM options the natgrad launcher uses (the serial collector: this allocates per step)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"})
public class SamplerBenchmark {
  @Param({"CartPole-v1", "Acrobot-v1", "Pendulum-v1"})
  String env;

  @Param({"1", "2"})
  int workers;

  Workloads.Sampling work;

  @Setup(Level.Trial)
  public void setup() {
    work = new Workloads.Sampling(env, 8, workers);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    work.close();
  }

  @Benchmark
  public Batch collect2048() {
    return work.sampler.collect(work.theta, 256);
  }
}
