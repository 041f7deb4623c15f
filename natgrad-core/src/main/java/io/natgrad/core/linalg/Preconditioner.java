package io.natgrad.core.linalg;

/**
 * A preconditioner z = M⁻¹r for conjugate gradient, M symmetric positive definite and cheap to
 * invert.
 */
@FunctionalInterface
public interface Preconditioner {

  /** Writes M⁻¹r into {@code out}. */
  void apply(double[] r, double[] out);

  /**
   * The Jacobi preconditioner M = diag(A). Every diagonal entry must be positive and finite.
   *
   * @param diagonal the diagonal of A
   */
  static Preconditioner jacobi(double[] diagonal) {
    double[] inv = new double[diagonal.length];
    for (int i = 0; i < diagonal.length; i++) {
      double d = diagonal[i];
      if (!(d > 0.0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "Jacobi preconditioner needs a positive finite diagonal, got diagonal[" + i + "] = " + d);
      }
      inv[i] = 1.0 / d;
    }
    return (r, out) -> {
      for (int i = 0; i < inv.length; i++) {
        out[i] = inv[i] * r[i];
      }
    };
  }

  /** The Jacobi preconditioner built from the operator's own diagonal. */
  static Preconditioner jacobi(LinearOperator a) {
    return jacobi(a.diagonal());
  }
}
