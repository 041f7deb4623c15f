package io.natgrad.rl.algo;

import io.natgrad.rl.batch.Batch;

/**
 * The "estimate" stage of the on-policy loop: the weights ψ_t of the policy-gradient estimate
 * ĝ = (1/m) Σ_t ψ_t ∇log π(a_t|s_t) for a batch, and the critic's targets when there is a critic.
 * Members: {@link ReturnWeights} (the paper's total return or reward-to-go, minus a baseline; no
 * critic) and {@link GaeEstimator} (GAE(γ, λ) with a learned critic).
 */
public interface AdvantageEstimator {

  /**
   * A batch's estimates.
   *
   * @param values V(s_t) by the critic, or null without one
   * @param advantages ψ_t (Â_t), one per step
   * @param returns the critic's targets, or null without one
   */
  record Estimate(double[] values, double[] advantages, double[] returns) {}

  /** ψ (and the critic's values and targets) for every step of the batch. */
  Estimate estimate(Batch batch);
}
