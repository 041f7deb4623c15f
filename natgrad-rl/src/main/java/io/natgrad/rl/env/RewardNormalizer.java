package io.natgrad.rl.env;

import java.util.Arrays;

/**
 * Reward normalization as Stable-Baselines3's {@code VecNormalize} does it ({@code norm_reward},
 * what the RL Zoo's {@code normalize: true} turns on besides observation normalization): each
 * environment copy k keeps a discounted running return R_k ← γ R_k + r_k; after every vector step
 * the returns of all copies update running statistics, and each reward is scaled as
 *
 * <pre>
 * r̂ = clip(r / √(Var[R] + 1e-8), −clip, clip)
 * </pre>
 *
 * then R_k is reset to 0 for copies whose episode ended (terminated or truncated). Only the
 * rewards the learner sees are scaled; episode returns are reported unscaled. Frozen (no update
 * of R or the statistics) when not training, as in SB3.
 */
public final class RewardNormalizer {
  private final RunningMeanStd stats;
  private final double[] returns;
  private final double gamma;
  private final double clip;

  /**
   * @param copies number of environment copies
   * @param gamma the discount of the running returns (the algorithm's γ, as the Zoo passes it)
   * @param clip the clipping bound of scaled rewards (SB3's default: 10)
   */
  public RewardNormalizer(int copies, double gamma, double clip) {
    this(new RunningMeanStd(1), new double[copies], gamma, clip);
  }

  private RewardNormalizer(RunningMeanStd stats, double[] returns, double gamma, double clip) {
    if (returns.length < 1) {
      throw new IllegalArgumentException("n_envs must be >= 1, got " + returns.length);
    }
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
    }
    if (!(clip > 0)) {
      throw new IllegalArgumentException("clip_reward must be > 0, got " + clip);
    }
    if (stats.dimension() != 1) {
      throw new IllegalArgumentException("reward statistics must be one-dimensional, got "
          + stats.dimension());
    }
    this.stats = stats;
    this.returns = returns;
    this.gamma = gamma;
    this.clip = clip;
  }

  /** The number of environment copies. */
  public int copies() {
    return returns.length;
  }

  /**
   * One vector step: {@code rewards[k]} is copy k's raw reward, {@code done[k]} whether its
   * episode ended there; writes the scaled rewards into {@code out} (may be {@code rewards}).
   *
   * @param training whether the running returns and statistics are updated
   */
  public void step(double[] rewards, boolean[] done, double[] out, boolean training) {
    int m = returns.length;
    if (training) {
      for (int k = 0; k < m; k++) {
        returns[k] = returns[k] * gamma + rewards[k];
      }
      stats.update(returns, m);
    }
    double scale = Math.sqrt(stats.var()[0] + ObservationNormalizer.EPSILON);
    for (int k = 0; k < m; k++) {
      out[k] = Math.max(-clip, Math.min(clip, rewards[k] / scale));
    }
    for (int k = 0; k < m; k++) {
      if (done[k]) {
        returns[k] = 0;
      }
    }
  }

  /** The running statistics of the discounted returns. */
  public RunningMeanStd stats() {
    return stats;
  }

  /** A snapshot of what determines future scaling. */
  public State state() {
    return new State(stats.mean()[0], stats.var()[0], stats.count(), returns.clone());
  }

  /** Restores a snapshot taken from a normalizer over the same number of copies. */
  public void restore(State s) {
    if (s.returns().length != returns.length) {
      throw new IllegalArgumentException("reward normalizer state has " + s.returns().length
          + " copies, the run has n_envs " + returns.length);
    }
    for (double r : s.returns()) {
      if (!Double.isFinite(r)) {
        throw new IllegalArgumentException("reward normalizer returns must be finite, got "
            + Arrays.toString(s.returns()));
      }
    }
    stats.restore(new RunningMeanStd(new double[] {s.mean()}, new double[] {s.var()}, s.count()));
    System.arraycopy(s.returns(), 0, returns, 0, returns.length);
  }

  /**
   * The resumable state.
   *
   * @param mean running mean of the discounted returns
   * @param var running variance of the discounted returns
   * @param count the statistics' count
   * @param returns each copy's discounted return so far
   */
  public record State(double mean, double var, double count, double[] returns) {}
}
