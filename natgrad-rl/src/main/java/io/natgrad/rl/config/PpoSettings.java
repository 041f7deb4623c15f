package io.natgrad.rl.config;

/**
 * PPO's settings (Stable-Baselines3's names).
 *
 * @param nEpochs epochs per update ({@code n_epochs})
 * @param clipRange the ratio clip ε ({@code clip_range})
 * @param clipRangeVf the value clip around the rollout's values, or null for none
 *     ({@code clip_range_vf})
 * @param entCoef the entropy bonus ({@code ent_coef})
 * @param vfCoef the value loss's weight ({@code vf_coef})
 * @param maxGradNorm the global gradient-norm clip ({@code max_grad_norm})
 */
public record PpoSettings(int nEpochs, Schedule clipRange, Schedule clipRangeVf, double entCoef,
    double vfCoef, double maxGradNorm) {

  /** The value clip at a remaining progress; NaN when values are not clipped. */
  public double clipRangeVfAt(double progressRemaining) {
    return clipRangeVf == null ? Double.NaN : clipRangeVf.at(progressRemaining);
  }
}
