package io.natgrad.rl.algo;

/**
 * How the policy-gradient estimate weights each step's score ∇log π(a_t|s_t).
 *
 * <pre>
 * TOTAL_RETURN   ĝ = (1/N) Σ_τ (Σ_t ∇log π(a_t|s_t)) (Σ_t r_t − b)        the paper's estimator
 * REWARD_TO_GO   ĝ = (1/N) Σ_τ Σ_t ∇log π(a_t|s_t) (Σ_{t'≥t} r_t' − b_t)   same mean, less variance
 * </pre>
 *
 * (Williams 1992; Sutton et al. 2000; paper, "Policy Gradient Methods and the Natural Gradient").
 */
public enum Estimator {
  TOTAL_RETURN("total-return"),
  REWARD_TO_GO("reward-to-go");

  private final String label;

  Estimator(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Estimator parse(String s) {
    for (Estimator e : values()) {
      if (e.label.equals(s)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "estimator must be total-return or reward-to-go, got '" + s + "'");
  }
}
