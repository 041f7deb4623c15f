package io.natgrad.rl.metric;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.metric.Metric;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import io.natgrad.rl.policy.Policy;
import java.util.function.ToDoubleFunction;

/**
 * The Wasserstein-2 metric of a Gaussian policy (the paper's outlook: Wasserstein geometry as the
 * alternative to the Fisher): G = 2 E_s[J_μᵀJ_μ + J_σᵀJ_σ], so that ½ dᵀGd is the mean W₂² between
 * π_θ and π_θ+d to second order ({@link GaussianMlpPolicy#wassersteinOperator}). Its trust region
 * bounds the mean W₂² instead of the KL, and TRPO's line search checks the closed-form mean W₂²
 * ({@link GaussianMlpPolicy#meanW2Squared}) against {@code target_kl}, which then is a bound on
 * W₂² in squared action units.
 *
 * <p>Categorical policies are refused: W₂ needs a distance between actions, and the actions of a
 * Discrete space are unordered labels.
 */
final class WassersteinMetric implements PolicyMetric {

  @Override
  public String name() {
    return "wasserstein";
  }

  @Override
  public Metric on(PolicySample sample) {
    GaussianMlpPolicy policy = gaussian(sample);
    return new Metric() {
      @Override
      public LinearOperator at(double[] theta) {
        return policy.wassersteinOperator(theta, sample.batch().observations(),
            sample.batch().size());
      }

      @Override
      public String name() {
        return "wasserstein";
      }
    };
  }

  @Override
  public ToDoubleFunction<double[]> divergence(PolicySample sample, double[] thetaOld) {
    GaussianMlpPolicy policy = gaussian(sample);
    double[] obs = sample.batch().observations();
    int n = sample.batch().size();
    double[] meansOld = policy.outputs(thetaOld, obs, n); // once per line search, not per trial
    return trial -> policy.meanW2Squared(meansOld, thetaOld, trial, obs, n);
  }

  @Override
  public void check(Policy policy) {
    if (!(policy instanceof GaussianMlpPolicy)) {
      throw new IllegalArgumentException("metric wasserstein needs a Gaussian policy (Box "
          + "actions), got a " + policy.getClass().getSimpleName() + ": W2 needs a distance "
          + "between actions, and discrete actions are unordered labels");
    }
  }

  private GaussianMlpPolicy gaussian(PolicySample sample) {
    check(sample.policy());
    if (sample.unit() != PolicySample.Unit.STEP) {
      throw new IllegalArgumentException("metric wasserstein is defined per step (npg, trpo), "
          + "not on whole episodes");
    }
    return (GaussianMlpPolicy) sample.policy();
  }
}
