package io.natgrad.rl.algo;

import io.natgrad.rl.batch.Batch;

/**
 * The paper's weights: ψ_t = the episode's total return (or the reward-to-go) minus a baseline,
 * undiscounted, from complete episodes ({@link StepWeights}); no critic.
 *
 * @param estimator total return or reward-to-go
 * @param baseline none or the batch mean
 */
public record ReturnWeights(Estimator estimator, Baseline baseline) implements AdvantageEstimator {

  public ReturnWeights {
    java.util.Objects.requireNonNull(estimator, "estimator");
    java.util.Objects.requireNonNull(baseline, "baseline");
  }

  @Override
  public Estimate estimate(Batch batch) {
    return new Estimate(null, StepWeights.of(batch, estimator, baseline), null);
  }
}
