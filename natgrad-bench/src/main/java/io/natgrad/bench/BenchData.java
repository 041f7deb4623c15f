package io.natgrad.bench;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.bench.Workloads;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.policy.CategoricalMlpPolicy;

/**
 * Shared fixtures: a (64, 64) tanh CartPole policy and a batch of real CartPole steps — the same
 * workload {@code natgrad bench} measures ({@link Workloads}).
 */
public final class BenchData {
  public final CategoricalMlpPolicy policy;
  public final double[] theta;
  public final Batch batch;

  public BenchData(int n) {
    Workloads.CartPoleBatch w = new Workloads.CartPoleBatch(n);
    policy = w.policy;
    theta = w.theta;
    batch = w.batch;
  }

  /** SB3's TRPO defaults for CartPole. */
  public static TrainConfig trpoDefaults() {
    return Workloads.trpoDefaults();
  }
}
