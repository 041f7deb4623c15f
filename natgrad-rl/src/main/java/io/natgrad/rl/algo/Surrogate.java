package io.natgrad.rl.algo;

import io.natgrad.core.optim.DivergenceAware;
import io.natgrad.core.optim.Objective;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.policy.Policy;

/**
 * The importance-sampled policy-gradient surrogate of a batch collected with θ_old, negated for
 * minimization — the one objective of REINFORCE, NPG and TRPO:
 *
 * <pre>
 * f(θ) = −L(θ),   L(θ) = (1/m) Σ_t ψ_t · π_θ(a_t|s_t) / π_θold(a_t|s_t),
 * ∇f(θ_old) = −(1/m) Σ_t ψ_t ∇log π_θold(a_t|s_t) = −ĝ,
 * </pre>
 *
 * so at θ_old its gradient is exactly the policy-gradient estimate ĝ (Kakade and Langford 2002;
 * Schulman et al. 2015), and line searches evaluate it at trial points without new samples. m is
 * the sample's {@linkplain PolicySample#divisor divisor}: N episodes for the paper's trajectory
 * estimator (ψ_t the episode's total return or reward-to-go, minus a baseline), n steps for the
 * per-step estimator (ψ_t = Â_t).
 *
 * <p>Operation order (kept so that recorded results do not move): the trajectory estimator
 * scales each ψ_t by 1/N before the sum (the paper's (1/N) Σ_τ), the per-step one divides the sum
 * by n (SB3's mean). For a {@link NeuralPolicy} it is also {@link DivergenceAware}: {@link #value}
 * computes KL(π_old ‖ π_θ) from the same forward pass, for TRPO's line search.
 */
public final class Surrogate implements Objective, DivergenceAware {
  private final PolicySample sample;
  private final Policy policy;
  private final Batch batch;
  private final double[] thetaOld;
  private final double[] weights;
  private final double divisor;
  private final double[] logpOld;
  private final int n;
  /** π_old's network outputs, computed once for the line search's KL (network policies). */
  private double[] outputsOld;
  /** The last trial θ' evaluated by {@link #value} and its KL: the line search asks for both. */
  private double[] lastTrial;
  private double lastKl;

  /**
   * @param sample the policy, the batch collected with θ_old (its log π_old inside) and the unit
   * @param thetaOld θ_old (not copied), the reference of the KL
   * @param psi ψ_t per step: returns minus a baseline, or advantages
   */
  public Surrogate(PolicySample sample, double[] thetaOld, double[] psi) {
    this.sample = sample.withPsi(psi);
    this.policy = sample.policy();
    this.batch = sample.batch();
    this.n = batch.size();
    if (psi.length != n) {
      throw new IllegalArgumentException(
          "weights have length " + psi.length + ", batch has " + n + " steps");
    }
    int m = sample.divisor();
    if (m < 1) {
      throw new IllegalArgumentException("the sample has no " + (sample.unit()
          == PolicySample.Unit.EPISODE ? "episodes" : "steps"));
    }
    this.thetaOld = thetaOld;
    if (sample.unit() == PolicySample.Unit.EPISODE) {
      this.weights = new double[n];
      for (int i = 0; i < n; i++) {
        weights[i] = psi[i] / m;
      }
      this.divisor = 1.0;
    } else {
      this.weights = psi;
      this.divisor = m;
    }
    this.logpOld = batch.logProbs();
  }

  /** The sample the surrogate (and the update's metric) is estimated on. */
  public PolicySample sample() {
    return sample;
  }

  @Override
  public int dimension() {
    return policy.parameterDimension();
  }

  /** π_θ(a_t|s_t) / π_old(a_t|s_t) for every step. */
  private double[] ratios(double[] theta) {
    double[] r = new double[n];
    if (policy instanceof NeuralPolicy np) {
      np.logProbs(theta, batch.observations(), batch.actions(), n, r);
      for (int i = 0; i < n; i++) {
        r[i] = Math.exp(r[i] - logpOld[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        r[i] = Math.exp(policy.logProb(theta, batch.observation(i), batch.action(i))
            - logpOld[i]);
      }
    }
    return r;
  }

  /** For a network policy, also keeps KL(π_old ‖ π_θ) from the same forward pass. */
  @Override
  public double value(double[] theta) {
    double[] r;
    if (policy instanceof NeuralPolicy np) {
      if (outputsOld == null) {
        outputsOld = np.outputs(thetaOld, batch.observations(), n);
      }
      r = new double[n];
      lastKl = np.logProbsAndMeanKl(thetaOld, outputsOld, theta, batch.observations(),
          batch.actions(), n, r);
      lastTrial = theta.clone();
      for (int i = 0; i < n; i++) {
        r[i] = Math.exp(r[i] - logpOld[i]);
      }
    } else {
      r = ratios(theta);
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += r[i] * weights[i];
    }
    return -s / divisor;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    double[] r = ratios(theta);
    double s = 0;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      s += r[i] * weights[i];
      // ∇ (ψ ratio) = ψ ratio ∇log π_θ
      w[i] = -r[i] * weights[i] / divisor;
    }
    policy.weightedScoreSum(theta, batch, w, gradient);
    return -s / divisor;
  }

  /** KL(π_old ‖ π_θ'), averaged over the batch's states (network policies only). */
  @Override
  public double divergence(double[] trial) {
    if (!(policy instanceof NeuralPolicy np)) {
      throw new UnsupportedOperationException("the surrogate of a " + policy.getClass()
          .getSimpleName() + " has no KL: a KL-checked step rule needs a network policy");
    }
    if (lastTrial != null && java.util.Arrays.equals(lastTrial, trial)) {
      return lastKl;
    }
    return np.meanKl(thetaOld, trial, batch.observations(), n);
  }
}
