package io.natgrad.rl.algo;

import io.natgrad.rl.batch.Batch;

/**
 * The per-step weights ψ_t of a policy-gradient estimate ĝ = (1/N) Σ_steps ψ_t ∇log π(a_t|s_t),
 * computed from a batch of N complete episodes (see {@link Estimator} and {@link Baseline}).
 */
public final class StepWeights {
  private StepWeights() {}

  /** ψ for every step of the batch (undiscounted, as in the paper). */
  public static double[] of(Batch batch, Estimator estimator, Baseline baseline) {
    int episodes = batch.episodes();
    for (int e = 0; e < episodes; e++) {
      if (!batch.episodeComplete(e)) {
        throw new IllegalArgumentException(
            "policy-gradient estimates need complete episodes; episode " + e + " is unfinished");
      }
    }
    double[] psi = new double[batch.size()];
    int[] off = batch.episodeOffsets();
    if (estimator == Estimator.TOTAL_RETURN) {
      double[] returns = new double[episodes];
      double mean = 0;
      for (int e = 0; e < episodes; e++) {
        returns[e] = batch.episodeReturn(e);
        mean += returns[e] / episodes;
      }
      double b = baseline == Baseline.MEAN ? mean : 0.0;
      for (int e = 0; e < episodes; e++) {
        for (int i = off[e]; i < off[e + 1]; i++) {
          psi[i] = returns[e] - b;
        }
      }
      return psi;
    }
    double[] rewards = batch.rewards();
    int maxLen = 0;
    for (int e = 0; e < episodes; e++) {
      double togo = 0;
      for (int i = off[e + 1] - 1; i >= off[e]; i--) {
        togo += rewards[i];
        psi[i] = togo;
      }
      maxLen = Math.max(maxLen, off[e + 1] - off[e]);
    }
    if (baseline == Baseline.MEAN) {
      double[] sum = new double[maxLen];
      int[] count = new int[maxLen];
      for (int e = 0; e < episodes; e++) {
        for (int i = off[e]; i < off[e + 1]; i++) {
          sum[i - off[e]] += psi[i];
          count[i - off[e]]++;
        }
      }
      for (int e = 0; e < episodes; e++) {
        for (int i = off[e]; i < off[e + 1]; i++) {
          int t = i - off[e];
          psi[i] -= sum[t] / count[t];
        }
      }
    }
    return psi;
  }
}
