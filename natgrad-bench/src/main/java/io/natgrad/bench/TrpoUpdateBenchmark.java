package io.natgrad.bench;

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
// the JVM options the natgrad launcher uses (the serial collector: this allocates per step)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC"})
public class TrpoUpdateBenchmark {
  Workloads.TrpoUpdate update;

  @Setup
  public void setup() {
    update = new Workloads.TrpoUpdate(2048);
  }

  @Benchmark
  public double trpoUpdate() {
    return update.run();
  }
}
