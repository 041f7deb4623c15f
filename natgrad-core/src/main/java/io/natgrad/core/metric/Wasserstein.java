package io.natgrad.core.metric;

import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.dist.Scale;
import io.natgrad.core.linalg.LinearOperator;

/**
 * The 2-Wasserstein metric of the univariate Gaussian family (the paper's outlook: Wasserstein
 * geometry as the alternative to the Fisher's). W₂² between Gaussians is the Euclidean distance of
 * (μ, σ): W₂²(N(μ, σ²), N(μ', σ'²)) = (μ − μ')² + (σ − σ')², so W₂²(θ, θ + d) ≈ ½ dᵀ G d with the
 * same ½ convention as KL ≈ ½ dᵀ F d:
 *
 * <pre>
 * (μ, σ)       G = diag(2, 2)         constant: the iterates of euclidean at ε/2 (trust region) or α/2
 * (μ, log σ)   G = diag(2, 2σ²)       σ' − σ ≈ σ·d_{log σ}
 * </pre>
 */
final class Wasserstein implements Metric {
  private final Gaussian family;

  Wasserstein(Gaussian family) {
    this.family = java.util.Objects.requireNonNull(family, "family");
  }

  @Override
  public LinearOperator at(double[] theta) {
    if (family.scale() == Scale.SIGMA) {
      return LinearOperator.diagonal(new double[] {2.0, 2.0});
    }
    double sigma = family.sigma(theta);
    return LinearOperator.diagonal(new double[] {2.0, 2.0 * sigma * sigma});
  }

  @Override
  public String name() {
    return "wasserstein";
  }
}
