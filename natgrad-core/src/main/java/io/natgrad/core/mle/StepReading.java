package io.natgrad.core.mle;

import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.TrustRegion;

/**
 * The three readings of the paper's "fixed step size 1×10⁻⁴" in Figure 2. The paper does not say
 * which it used; each gives different numbers, and only {@link #LEARNING_RATE_SUM} shows every
 * effect the paper describes (a large first jump, gradient descent driven further from the optimum
 * than where it started, natural gradient descent not).
 */
public enum StepReading {
  /** ε of the paper's own Algorithms 1/2: β = √(2ε / gᵀGg) on the mean NLL. */
  TRUST_REGION("trust-region", Reduction.MEAN),
  /** A learning rate α on the mean negative log-likelihood. */
  LEARNING_RATE_MEAN("lr-mean", Reduction.MEAN),
  /** A learning rate α on the summed negative log-likelihood (α·n on the mean). */
  LEARNING_RATE_SUM("lr-sum", Reduction.SUM);

  private final String label;
  private final Reduction reduction;

  StepReading(String label, Reduction reduction) {
    this.label = label;
    this.reduction = reduction;
  }

  /** The name used by the command line: {@code trust-region}, {@code lr-mean}, {@code lr-sum}. */
  public String label() {
    return label;
  }

  /** Whether the objective is the mean or the summed NLL. */
  public Reduction reduction() {
    return reduction;
  }

  /** The step rule for step size {@code step}. */
  public StepRule stepRule(double step) {
    return this == TRUST_REGION ? new TrustRegion(step) : new FixedLearningRate(step);
  }

  /** Parses a label, with an error that lists the allowed ones. */
  public static StepReading parse(String label) {
    for (StepReading r : values()) {
      if (r.label.equals(label)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "step reading must be one of trust-region, lr-mean, lr-sum, got '" + label + "'");
  }
}
