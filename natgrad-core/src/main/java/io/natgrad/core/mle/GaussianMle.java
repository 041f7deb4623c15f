package io.natgrad.core.mle;

/**
 * The closed-form Gaussian maximum-likelihood estimate: μ̂ = (1/n) Σ x_i and
 * σ̂ = √((1/n) Σ (x_i − μ̂)²) (the biased standard deviation). The reference the iterative fits of
 * Figure 2 are measured against.
 *
 * @param mu μ̂
 * @param sigma σ̂
 */
public record GaussianMle(double mu, double sigma) {

  /** The MLE of univariate data (two passes, for accuracy). */
  public static GaussianMle of(double[] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("data must hold at least one value, got none");
    }
    double mean = 0.0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double ss = 0.0;
    for (double v : x) {
      double d = v - mean;
      ss += d * d;
    }
    return new GaussianMle(mean, Math.sqrt(ss / x.length));
  }

  /** True when (μ, σ) is within {@code relative} of (μ̂, σ̂) in both coordinates. */
  public boolean within(double mu, double sigma, double relative) {
    return Math.abs(mu - this.mu) <= relative * Math.abs(this.mu)
        && Math.abs(sigma - this.sigma) <= relative * this.sigma;
  }
}
