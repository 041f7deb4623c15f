package io.natgrad.rl.algo;

/** Receives every iteration of {@link OnPolicyTrainer}; returning false stops training. */
@FunctionalInterface
public interface TrainingListener {

  /**
   * @param iteration the iteration's numbers, its update, metrics row and policy snapshot
   * @return true to go on, false to stop
   */
  boolean onIteration(TrainingIteration iteration);
}
