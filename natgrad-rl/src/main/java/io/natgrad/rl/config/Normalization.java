package io.natgrad.rl.config;

/**
 * Stable-Baselines3's VecNormalize, as the RL Zoo's {@code normalize} key sets it.
 *
 * @param observations whether observations are normalized ({@code norm_obs})
 * @param rewards whether rewards are scaled by the running return's deviation ({@code norm_reward})
 * @param clipObs the observation clip ({@code clip_obs})
 * @param clipReward the reward clip ({@code clip_reward})
 * @param gamma the running return's discount, or NaN for the algorithm's γ ({@code gamma})
 */
public record Normalization(boolean observations, boolean rewards, double clipObs,
    double clipReward, double gamma) {

  /** VecNormalize's defaults: clip 10, the algorithm's γ. */
  public boolean defaults() {
    return clipObs == 10.0 && clipReward == 10.0 && Double.isNaN(gamma);
  }
}
