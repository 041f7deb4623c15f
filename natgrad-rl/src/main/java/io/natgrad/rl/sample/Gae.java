package io.natgrad.rl.sample;

import io.natgrad.rl.batch.Batch;
/**
 * Generalized advantage estimation (Schulman et al. 2016) over a {@link Batch}:
 *
 * <pre>
 * δ_t = r_t + γ V(s_{t+1}) − V(s_t),      A_t = δ_t + γλ A_{t+1}  (within a segment)
 * </pre>
 *
 * At a segment's last step V(s_{t+1}) is 0 when the episode terminated, and V(final observation)
 * otherwise — both when a time limit truncated it and when the batch cut it — so truncation is
 * bootstrapped and termination is not. The returns (critic targets) are A_t + V(s_t).
 */
public final class Gae {
  private Gae() {}

  /** Advantages and returns. */
  public record Result(double[] advantages, double[] returns) {}

  /**
   * @param batch the steps
   * @param values V(s_t) for every step
   * @param finalValues V(final observation) for every segment
   * @param gamma γ ∈ (0, 1]
   * @param gaeLambda λ ∈ [0, 1]
   */
  public static Result compute(Batch batch, double[] values, double[] finalValues, double gamma,
      double gaeLambda) {
    int n = batch.size();
    double[] adv = new double[n];
    double[] ret = new double[n];
    int[] off = batch.episodeOffsets();
    double[] r = batch.rewards();
    boolean[] term = batch.terminated();
    for (int e = 0; e < batch.episodes(); e++) {
      double next = 0;
      for (int i = off[e + 1] - 1; i >= off[e]; i--) {
        double nextValue;
        if (i == off[e + 1] - 1) {
          nextValue = term[i] ? 0.0 : finalValues[e];
          next = 0;
        } else {
          nextValue = values[i + 1];
        }
        double delta = r[i] + gamma * nextValue - values[i];
        next = delta + gamma * gaeLambda * next;
        adv[i] = next;
        ret[i] = next + values[i];
      }
    }
    return new Result(adv, ret);
  }

  /** (A − mean) / (std + 1e-8), as Stable-Baselines3 normalizes advantages (std with n − 1). */
  public static double[] normalize(double[] advantages) {
    int n = advantages.length;
    double mean = 0;
    for (double a : advantages) {
      mean += a;
    }
    mean /= n;
    double ss = 0;
    for (double a : advantages) {
      ss += (a - mean) * (a - mean);
    }
    double std = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = (advantages[i] - mean) / (std + 1e-8);
    }
    return out;
  }
}
