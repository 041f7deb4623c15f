package io.natgrad.rl.metric;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.policy.Policy;

/**
 * The data a policy-gradient step is estimated from: the policy, a batch it collected, and the
 * unit the estimate averages over. The surrogate and the metric of one update are built on the
 * same sample, so that ∇f and G have the same normalization:
 *
 * <pre>
 * EPISODE   the paper's trajectory estimator: ĝ = (1/N) Σ_τ (Σ_t ∇log π)(ψ_τ), G per trajectory
 * STEP      the per-step estimator of NPG/TRPO/PPO: ĝ = (1/n) Σ_t Â_t ∇log π(a_t|s_t), G per step
 * </pre>
 *
 * @param policy π_θ
 * @param batch the steps (complete episodes for {@link Unit#EPISODE})
 * @param unit what the estimate averages over
 * @param psi the surrogate's per-step weights ψ (advantages), or null when not known (the empirical
 *     Fisher needs them)
 */
public record PolicySample(Policy policy, Batch batch, Unit unit, double[] psi) {

  /** What a policy-gradient estimate averages over. */
  public enum Unit {
    /** Trajectories: divide by the number of episodes N. */
    EPISODE,
    /** Steps: divide by the number of steps n. */
    STEP
  }

  /** A sample without weights. */
  public PolicySample(Policy policy, Batch batch, Unit unit) {
    this(policy, batch, unit, null);
  }

  public PolicySample {
    java.util.Objects.requireNonNull(policy, "policy");
    java.util.Objects.requireNonNull(batch, "batch");
    java.util.Objects.requireNonNull(unit, "unit");
    if (batch.size() < 1) {
      throw new IllegalArgumentException("the batch has no steps");
    }
  }

  /** The sample of the paper's trajectory estimator (average over episodes). */
  public static PolicySample perEpisode(Policy policy, Batch batch) {
    return new PolicySample(policy, batch, Unit.EPISODE);
  }

  /** The sample of the per-step estimator (average over steps). */
  public static PolicySample perStep(Policy policy, Batch batch) {
    return new PolicySample(policy, batch, Unit.STEP);
  }

  /** This sample with the surrogate's weights ψ. */
  public PolicySample withPsi(double[] weights) {
    if (weights != null && weights.length != batch.size()) {
      throw new IllegalArgumentException("psi has " + weights.length + " values, the batch "
          + batch.size() + " steps");
    }
    return new PolicySample(policy, batch, unit, weights);
  }

  /** N (episodes) or n (steps): what sums over the batch are divided by. */
  public int divisor() {
    return unit == Unit.EPISODE ? batch.episodes() : batch.size();
  }
}
