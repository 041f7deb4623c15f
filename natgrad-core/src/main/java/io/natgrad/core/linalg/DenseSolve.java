package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Direct solves of small dense symmetric systems (G + λI) x = b by Cholesky factorization, through
 * EJML's solver rather than a hand-written factorization.
 */
public final class DenseSolve {
  private DenseSolve() {}

  /**
   * Solves (G + λI) x = b for a symmetric positive definite G + λI.
   *
   * @param g the symmetric matrix (not modified: EJML's Cholesky overwrites its input, so a copy is
   *     factored)
   * @param damping λ ≥ 0 added to the diagonal
   * @param b the right-hand side
   * @throws IllegalArgumentException when G + λI is not positive definite, with a hint to raise the
   *     damping
   */
  public static double[] solveSpd(DMatrixRMaj g, double damping, double[] b) {
    int n = g.numRows;
    if (g.numCols != n) {
      throw new IllegalArgumentException(
          "matrix must be square, got " + g.numRows + "x" + g.numCols);
    }
    if (b.length != n) {
      throw new IllegalArgumentException(
          "right-hand side has length " + b.length + ", matrix is " + n + "x" + n);
    }
    Damped.checkDamping(damping);
    DMatrixRMaj a = g.copy();
    for (int i = 0; i < n; i++) {
      a.unsafe_set(i, i, a.unsafe_get(i, i) + damping);
    }
    LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
    if (!chol.setA(a)) {
      throw new IllegalArgumentException(
          "metric is not positive definite (Cholesky failed) with damping " + damping
              + "; raise the damping");
    }
    DMatrixRMaj rhs = new DMatrixRMaj(n, 1, true, b);
    DMatrixRMaj x = new DMatrixRMaj(n, 1);
    chol.solve(rhs, x);
    if (!Vectors.isFinite(x.data)) {
      throw new IllegalArgumentException(
          "metric is numerically singular (non-finite solution) with damping " + damping
              + "; raise the damping");
    }
    return x.data.clone();
  }
}
