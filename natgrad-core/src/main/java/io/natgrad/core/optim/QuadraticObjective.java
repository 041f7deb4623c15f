package io.natgrad.core.optim;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;

/**
 * f(θ) = ½ θᵀAθ − bᵀθ + c with A symmetric, ∇f = Aθ − b: the objective for which the exact line
 * search has a closed form (see {@link ExactQuadraticLineSearch}).
 */
public final class QuadraticObjective implements Objective {
  private final LinearOperator a;
  private final double[] b;
  private final double c;

  public QuadraticObjective(LinearOperator a, double[] b, double c) {
    if (b.length != a.dimension()) {
      throw new IllegalArgumentException(
          "b has length " + b.length + ", A has dimension " + a.dimension());
    }
    this.a = a;
    this.b = b.clone();
    this.c = c;
  }

  /** The Hessian A. */
  public LinearOperator hessian() {
    return a;
  }

  @Override
  public int dimension() {
    return b.length;
  }

  @Override
  public double value(double[] theta) {
    return 0.5 * a.quadraticForm(theta) - Vectors.dot(b, theta) + c;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] gradient) {
    a.apply(theta, gradient);
    double v = 0.5 * Vectors.dot(theta, gradient) - Vectors.dot(b, theta) + c;
    Vectors.axpy(-1.0, b, gradient);
    return v;
  }
}
