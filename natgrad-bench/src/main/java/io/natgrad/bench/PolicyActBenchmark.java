package io.natgrad.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.policy.Policy;
import io.natgrad.rl.io.PolicyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 * natgrad-policy's deterministic action for a (64, 64) tanh CartPole policy, one observation per
 * call (what a service does per request), plain Java without the Vector API.
 *
 * <p>Run: {@code java -jar natgrad-bench/target/benchmarks.jar PolicyActBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyActBenchmark {
  Policy policy;
  double[] obs = {0.01, -0.2, 0.03, 0.4};
  double[] out = new double[1];

  @Setup
  public void setup() throws Exception {
    BenchData data = new BenchData(16);
    Path file = Files.createTempFile("policy", ".json");
    PolicyFile.of("CartPole-v1", data.policy, data.theta, null, Map.of()).write(file);
    policy = Policy.load(file);
    Files.delete(file);
  }

  @Benchmark
  public double[] act() {
    policy.act(obs, out);
    return out;
  }
}
