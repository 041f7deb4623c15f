package io.natgrad.core.dist;

/**
 * How a Gaussian's scale is parameterized. The choice changes the geometry the optimizer sees:
 * the Fisher entry of σ is 2/σ², that of log σ is the constant 2.
 */
public enum Scale {
  /** θ holds σ itself (must stay &gt; 0); the paper's choice. */
  SIGMA("sigma"),
  /** θ holds log σ (unconstrained); the usual choice for policies. */
  LOG_SIGMA("log_sigma");

  private final String label;

  Scale(String label) {
    this.label = label;
  }

  /** The parameter's name in messages and CSV headers. */
  public String label() {
    return label;
  }

  /** σ from the stored parameter. */
  public double sigma(double stored) {
    return this == SIGMA ? stored : Math.exp(stored);
  }

  /** The stored parameter for a given σ. */
  public double stored(double sigma) {
    return this == SIGMA ? sigma : Math.log(sigma);
  }

  /**
   * ∂ log p / ∂(stored) from z² = ((x − μ)/σ)²: (z² − 1)/σ for σ, z² − 1 for log σ.
   */
  double scaleScore(double zSquared, double sigma) {
    return this == SIGMA ? (zSquared - 1.0) / sigma : zSquared - 1.0;
  }

  /** The Fisher entry of the stored scale parameter: 2/σ² for σ, 2 for log σ. */
  double scaleFisher(double sigma) {
    return this == SIGMA ? 2.0 / (sigma * sigma) : 2.0;
  }

  /** Checks the stored value: σ must be finite and &gt; 0; log σ finite. */
  void check(String name, double stored) {
    if (!Double.isFinite(stored) || (this == SIGMA && !(stored > 0.0))) {
      throw new IllegalArgumentException(
          name + (this == SIGMA ? " must be finite and > 0, got " : " must be finite, got ")
              + stored);
    }
  }
}
