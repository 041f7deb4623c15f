package io.natgrad.rl.algo;

/**
 * The baseline b subtracted from the returns; any b that does not depend on the actions keeps the
 * estimate unbiased only when it is independent of the batch, so {@link #MEAN} (the batch mean) has
 * an O(1/N) bias and usually far less variance.
 */
public enum Baseline {
  /** b = 0. */
  NONE("none"),
  /**
   * The batch mean: of the episode returns for {@link Estimator#TOTAL_RETURN}, and of the
   * reward-to-go at each time step t for {@link Estimator#REWARD_TO_GO}.
   */
  MEAN("mean");

  private final String label;

  Baseline(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Baseline parse(String s) {
    for (Baseline b : values()) {
      if (b.label.equals(s)) {
        return b;
      }
    }
    throw new IllegalArgumentException("baseline must be none or mean, got '" + s + "'");
  }
}
