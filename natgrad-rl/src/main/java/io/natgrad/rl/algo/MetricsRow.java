package io.natgrad.rl.algo;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code metrics.csv}: a value (a number or a text) per column of {@link #KEYS},
 * Stable-Baselines3's names where they exist and natgrad's own under {@code ngd/}. A column not
 * set holds NaN (an empty field for text columns is the empty string).
 */
public final class MetricsRow {
  /** The columns, in file order. */
  public static final List<String> KEYS = List.of(
      "time/iterations", "time/total_timesteps", "time/time_elapsed", "time/fps",
      "time/collect_seconds", "time/policy_update_seconds", "time/critic_seconds",
      "rollout/ep_rew_mean", "rollout/ep_len_mean", "rollout/episodes",
      "train/policy_objective", "train/value_loss", "train/kl_divergence_loss",
      "train/is_line_search_success", "train/explained_variance", "train/entropy", "train/std",
      "train/n_updates", "ngd/cg_iterations", "ngd/cg_relative_residual", "ngd/cg_status",
      "ngd/beta", "ngd/predicted_kl", "ngd/measured_kl", "ngd/predicted_improvement",
      "ngd/actual_improvement", "ngd/backtracks", "ngd/rejection", "ngd/health",
      "train/approx_kl", "train/clip_fraction", "train/entropy_loss",
      "train/policy_gradient_loss", "train/loss", "train/clip_range", "train/learning_rate",
      "eval/mean_reward", "eval/std_reward");
  private static final Map<String, Integer> INDEX = new HashMap<>();

  static {
    for (int i = 0; i < KEYS.size(); i++) {
      INDEX.put(KEYS.get(i), i);
    }
  }

  private final Object[] cells = new Object[KEYS.size()];

  /** A row of NaNs. */
  public MetricsRow() {
    Arrays.fill(cells, Double.NaN);
  }

  private static int index(String key) {
    Integer i = INDEX.get(key);
    if (i == null) {
      throw new IllegalArgumentException("no metrics column " + key);
    }
    return i;
  }

  /** Sets a column (a Number or a String). */
  public MetricsRow put(String key, Object value) {
    cells[index(key)] = value;
    return this;
  }

  /** A column's value. */
  public Object get(String key) {
    return cells[index(key)];
  }

  /** A numeric column's value as a double. */
  public double number(String key) {
    return ((Number) get(key)).doubleValue();
  }

  /** The cells in {@link #KEYS} order (a copy), for a CSV writer. */
  public Object[] cells() {
    return cells.clone();
  }
}
