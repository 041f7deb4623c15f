package io.natgrad.rl.env;

import java.util.Map;

/**
 * What {@link Env#step} returns (Gymnasium's five-tuple).
 *
 * @param observation the observation after the step
 * @param reward the reward of the step
 * @param terminated the episode reached a terminal state of the task (no bootstrapping)
 * @param truncated the episode was cut short, e.g. by a time limit (bootstrap from the observation)
 * @param info optional diagnostics, never null
 */
public record StepResult(
    double[] observation, double reward, boolean terminated, boolean truncated,
    Map<String, Object> info) {

  public StepResult(double[] observation, double reward, boolean terminated, boolean truncated) {
    this(observation, reward, terminated, truncated, Map.of());
  }

  /** terminated or truncated. */
  public boolean done() {
    return terminated || truncated;
  }
}
