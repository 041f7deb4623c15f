package io.natgrad.bench;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.TrainConfig;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.sample.Batch;
import io.natgrad.rl.sample.VectorSampler;
import java.util.List;
import java.util.Map;

/** Shared fixtures: a (64, 64) tanh CartPole policy and a batch of 2048 real CartPole steps. */
public final class BenchData {
  public final CategoricalMlpPolicy policy =
      new CategoricalMlpPolicy(4, 2, new int[] {64, 64}, Activation.TANH);
  public final double[] theta;
  public final Batch batch;

  public BenchData(int n) {
    theta = policy.initialParameters(Rng.of(1));
    Env env = EnvRegistry.make("CartPole-v1");
    try (VectorSampler s = new VectorSampler(List.of(env), policy, 1, null)) {
      batch = s.collect(theta, n);
    }
  }

  /** SB3's TRPO defaults for CartPole. */
  public static TrainConfig trpoDefaults() {
    return TrainConfig.fromMap(Map.of("env", "CartPole-v1", "algo", "trpo"));
  }
}
