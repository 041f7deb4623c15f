package io.natgrad.rl.algo;

/**
 * What one {@link PolicyUpdate} did: the new parameters, the critic's loss, the two steps' own
 * durations, and the algorithm's own statistics as a typed record that writes its metrics columns.
 */
public sealed interface UpdateResult permits NaturalPolicyUpdate.Result, PpoUpdate.Result,
    PolicyGradientUpdate.Result, AcktrUpdate.Result {

  /** θ after the update (θ itself when the step was rejected). */
  double[] theta();

  /** The critic's loss in this update. */
  double valueLoss();

  /** Seconds of the policy step (PPO: the whole update, its critic included). */
  double policySeconds();

  /** Seconds of the critic's fit when it ran beside the policy step; 0 when part of it. */
  double criticSeconds();

  /** Writes this algorithm's columns (train/*, ngd/*) into the row. */
  void record(MetricsRow row);
}
