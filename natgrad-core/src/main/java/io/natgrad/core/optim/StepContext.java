package io.natgrad.core.optim;

import io.natgrad.core.linalg.LinearOperator;

/**
 * What a {@link StepRule} sees when it chooses β for the step θ − βg.
 *
 * @param objective f, for rules that evaluate trial points
 * @param theta the current iterate θ (read only)
 * @param value f(θ)
 * @param gradient ∇f(θ) (read only)
 * @param direction g = G⁻¹∇f(θ), the natural gradient (read only)
 * @param metric G(θ)
 * @param directionMetricNorm2 gᵀGg, the squared metric length of g
 * @param gradientDotDirection ∇f(θ)ᵀg, the first-order decrease per unit β
 * @param projection applied to every trial point, as to the accepted one
 */
public record StepContext(
    Objective objective,
    double[] theta,
    double value,
    double[] gradient,
    double[] direction,
    LinearOperator metric,
    double directionMetricNorm2,
    double gradientDotDirection,
    Projection projection) {

  /** The trial point θ − βg, projected. */
  public double[] trial(double beta) {
    double[] t = theta.clone();
    for (int i = 0; i < t.length; i++) {
      t[i] -= beta * direction[i];
    }
    projection.project(t);
    return t;
  }
}
