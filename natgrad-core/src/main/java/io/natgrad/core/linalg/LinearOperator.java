package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;

/**
 * A linear map v ↦ Av on ℝⁿ, given only by its action: the one currency between metrics and
 * solvers. A metric G(θ) — identity, dense, exact or sampled Fisher, or a matrix-free
 * Fisher–vector product — is handed to a solver as a {@code LinearOperator}, so conjugate gradient
 * never needs to know whether G was ever formed (paper, "Efficiently Calculating the Fisher
 * Information Matrix").
 *
 * <p>Operators used as metrics are symmetric positive (semi-)definite; implementations say so.
 */
public interface LinearOperator {

  /** The dimension n of the space the operator acts on. */
  int dimension();

  /**
   * Writes Av into {@code out}. {@code v} and {@code out} have length n and are distinct arrays;
   * {@code v} is not modified.
   */
  void apply(double[] v, double[] out);

  /** Returns Av as a new array. */
  default double[] apply(double[] v) {
    double[] out = new double[dimension()];
    apply(v, out);
    return out;
  }

  /** Returns vᵀAv. */
  default double quadraticForm(double[] v) {
    return Vectors.dot(v, apply(v));
  }

  /**
   * The diagonal of A, used by the Jacobi preconditioner. The default forms it column by column
   * with n applications; dense and diagonal operators override it.
   */
  default double[] diagonal() {
    int n = dimension();
    double[] e = new double[n];
    double[] col = new double[n];
    double[] diag = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1.0;
      apply(e, col);
      diag[j] = col[j];
      e[j] = 0.0;
    }
    return diag;
  }

  /**
   * The operator as a dense n×n matrix. The default forms it column by column with n
   * applications, which is what a direct solve of a small matrix-free metric costs.
   */
  default DMatrixRMaj toDense() {
    int n = dimension();
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    double[] e = new double[n];
    double[] col = new double[n];
    for (int j = 0; j < n; j++) {
      e[j] = 1.0;
      apply(e, col);
      for (int i = 0; i < n; i++) {
        m.unsafe_set(i, j, col[i]);
      }
      e[j] = 0.0;
    }
    return m;
  }

  /** Returns A + λI (Tikhonov damping), λ ≥ 0. */
  default LinearOperator plusDamping(double damping) {
    return Damped.of(this, damping);
  }

  /** The identity on ℝⁿ: the Euclidean metric. */
  static LinearOperator identity(int n) {
    return new DiagonalOperator(filled(n, 1.0));
  }

  /** A diagonal operator diag(d). */
  static LinearOperator diagonal(double[] d) {
    return new DiagonalOperator(d.clone());
  }

  /** A dense operator backed by a copy of {@code m}. */
  static LinearOperator dense(DMatrixRMaj m) {
    return new DenseOperator(m.copy());
  }

  private static double[] filled(int n, double value) {
    if (n <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, got " + n);
    }
    double[] d = new double[n];
    java.util.Arrays.fill(d, value);
    return d;
  }
}
