package io.natgrad.rl.algo;

import io.natgrad.core.optim.Objective;
import io.natgrad.rl.policy.Policy;
import io.natgrad.rl.batch.Batch;

/**
 * The importance-sampled policy-gradient surrogate of a batch collected with θ_old, negated for
 * minimization:
 *
 * <pre>
 * f(θ) = −L(θ),   L(θ) = (1/N) Σ_t ψ_t · π_θ(a_t|s_t) / π_θold(a_t|s_t),
 * ∇f(θ_old) = −(1/N) Σ_t ψ_t ∇log π_θold(a_t|s_t) = −ĝ,
 * </pre>
 *
 * so at θ_old its gradient is exactly the REINFORCE estimate ĝ (Kakade and Langford 2002;
 * Schulman et al. 2015), and line searches can evaluate it at trial points without new samples.
 */
public final class SurrogateObjective implements Objective {
  private final Policy policy;
  private final Batch batch;
  private final double[] scaledWeights;

  /**
   * @param policy π
   * @param batch steps collected with θ_old (their log π_old is in the batch)
   * @param weights ψ_t per step
   * @param trajectories N, the number of episodes the estimate averages over
   */
  public SurrogateObjective(Policy policy, Batch batch, double[] weights, int trajectories) {
    if (weights.length != batch.size()) {
      throw new IllegalArgumentException(
          "weights have length " + weights.length + ", batch has " + batch.size() + " steps");
    }
    if (trajectories < 1) {
      throw new IllegalArgumentException("trajectories must be >= 1, got " + trajectories);
    }
    this.policy = policy;
    this.batch = batch;
    this.scaledWeights = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      scaledWeights[i] = weights[i] / trajectories;
    }
  }

  @Override
  public int dimension() {
    return policy.parameterDimension();
  }

  private double[] ratios(double[] theta) {
    double[] r = new double[batch.size()];
    double[] lp = batch.logProbs();
    for (int i = 0; i < r.length; i++) {
      r[i] = Math.exp(policy.logProb(theta, batch.observation(i), batch.action(i)) - lp[i]);
    }
    return r;
  }

  @Override
  public double value(double[] theta) {
    double[] r = ratios(theta);
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      s += scaledWeights[i] * r[i];
    }
    return -s;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    double[] r = ratios(theta);
    double[] w = new double[r.length];
    double s = 0;
    for (int i = 0; i < r.length; i++) {
      s += scaledWeights[i] * r[i];
      // ∇ (ψ ratio) = ψ ratio ∇log π_θ
      w[i] = -scaledWeights[i] * r[i];
    }
    policy.weightedScoreSum(theta, batch, w, gradient);
    return -s;
  }
}
