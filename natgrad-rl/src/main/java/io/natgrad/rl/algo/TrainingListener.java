package io.natgrad.rl.algo;

import java.util.Map;

/** Receives every iteration of {@link OnPolicyTrainer}; returning false stops training. */
@FunctionalInterface
public interface TrainingListener {

  /**
   * @param metrics the iteration's metrics row (keys {@link OnPolicyTrainer#METRIC_KEYS})
   * @param snapshot the policy after the update (and whether it is the best evaluated so far)
   * @return true to go on, false to stop
   */
  boolean onIteration(Map<String, Object> metrics, OnPolicyTrainer.Snapshot snapshot);
}
