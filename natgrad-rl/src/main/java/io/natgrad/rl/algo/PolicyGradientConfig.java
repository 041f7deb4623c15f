package io.natgrad.rl.algo;

import io.natgrad.core.optim.Projection;
import io.natgrad.core.optim.StepRule;
import io.natgrad.rl.metric.PolicyMetric;

/**
 * Settings of {@link PolicyGradient}: REINFORCE is {@code metric = PolicyMetric.EUCLIDEAN}, the
 * natural policy gradient is {@code FISHER} or {@code MC_FISHER}; everything else is shared.
 *
 * @param trajectories N, episodes sampled per iteration (≥ 1)
 * @param estimator total return (the paper's) or reward-to-go
 * @param baseline none or the batch mean
 * @param metric the metric G of the update
 * @param damping λ ≥ 0 added to G
 * @param stepRule trust region ε (the paper's Algorithm 1) or a learning rate α, …
 * @param projection applied after each step (e.g. σ ← max(σ, 1e-3))
 */
public record PolicyGradientConfig(
    int trajectories,
    Estimator estimator,
    Baseline baseline,
    PolicyMetric metric,
    double damping,
    StepRule stepRule,
    Projection projection) {

  public PolicyGradientConfig {
    if (trajectories < 1) {
      throw new IllegalArgumentException("trajectories must be >= 1, got " + trajectories);
    }
    if (!(damping >= 0) || !Double.isFinite(damping)) {
      throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
    }
    java.util.Objects.requireNonNull(estimator, "estimator");
    java.util.Objects.requireNonNull(baseline, "baseline");
    java.util.Objects.requireNonNull(metric, "metric");
    java.util.Objects.requireNonNull(stepRule, "stepRule");
    java.util.Objects.requireNonNull(projection, "projection");
  }
}
