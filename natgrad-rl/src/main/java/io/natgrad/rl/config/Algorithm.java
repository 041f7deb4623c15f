package io.natgrad.rl.config;

import java.util.Locale;

/** The on-policy algorithms a {@link TrainConfig} can name (config key {@code algo}). */
public enum Algorithm {
  /** The natural policy gradient: one trust-region step, no line search. */
  NPG("npg"),
  /** TRPO: the natural-gradient step with a KL-checked backtracking line search. */
  TRPO("trpo"),
  /** PPO: clipped ratios, epochs of Adam on minibatches (the relaxed trust region). */
  PPO("ppo"),
  /**
   * ACKTR (Wu et al. 2017): A2C's short rollouts, the K-FAC natural-gradient direction of the
   * actor and the critic, scaled to a KL clip, applied by SGD with momentum.
   */
  ACKTR("acktr");

  private final String label;

  Algorithm(String label) {
    this.label = label;
  }

  /** The configuration's spelling, e.g. {@code "trpo"}. */
  public String label() {
    return label;
  }

  /** The label, so that the algorithm reads as it is written in a configuration. */
  @Override
  public String toString() {
    return label;
  }

  /** The algorithm called {@code s} (any case). */
  public static Algorithm parse(String s) {
    String key = s.toLowerCase(Locale.ROOT);
    for (Algorithm a : values()) {
      if (a.label.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("algo must be trpo, npg, ppo or acktr, got '" + key + "'");
  }
}
