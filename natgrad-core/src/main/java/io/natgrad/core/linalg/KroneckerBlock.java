package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One Kronecker-factored block of a K-FAC Fisher (Martens and Grosse 2015; ACKTR, Wu et al. 2017):
 * for a dense layer z = W a with W of shape out × in, stored row-major in θ (index o·in + i), the
 * Fisher block E[vec(δaᵀ) vec(δaᵀ)ᵀ] is approximated by S ⊗ A with S = E[δδᵀ] (out × out, gradients
 * of log π with respect to the pre-activations) and A = E[aaᵀ] (in × in, the layer's inputs; a
 * bias is a constant input 1). In this index order
 *
 * <pre>
 * (S ⊗ A) vec(V) = vec(S V A),
 * (S ⊗ A + λI)⁻¹ vec(V) = vec(Q_S [(Q_Sᵀ V Q_A) ⊘ (s aᵀ + λ)] Q_Aᵀ),
 * </pre>
 *
 * with S = Q_S diag(s) Q_Sᵀ and A = Q_A diag(a) Q_Aᵀ: the damping is added in the Kronecker
 * eigenbasis (exactly, not by factored Tikhonov), and the solve costs two small eigendecompositions
 * (computed on first use and kept) and four small matrix products — never the (out·in)² matrix.
 */
public final class KroneckerBlock implements LinearOperator {
  private final DMatrixRMaj s;
  private final DMatrixRMaj a;
  private final int rows;
  private final int cols;
  private DMatrixRMaj qs;
  private DMatrixRMaj qa;
  private double[] es;
  private double[] ea;

  /**
   * @param s S, out × out, symmetric positive semi-definite (copied)
   * @param a A, in × in, symmetric positive semi-definite (copied)
   */
  public KroneckerBlock(DMatrixRMaj s, DMatrixRMaj a) {
    if (s.numRows != s.numCols || a.numRows != a.numCols) {
      throw new IllegalArgumentException("Kronecker factors must be square, got " + s.numRows
          + "x" + s.numCols + " and " + a.numRows + "x" + a.numCols);
    }
    this.s = s.copy();
    this.a = a.copy();
    this.rows = s.numRows;
    this.cols = a.numRows;
  }

  @Override
  public int dimension() {
    return rows * cols;
  }

  /** out = vec(S V A) with V the out × in matrix held row-major in v. */
  @Override
  public void apply(double[] v, double[] out) {
    DMatrixRMaj vm = DMatrixRMaj.wrap(rows, cols, v.clone());
    DMatrixRMaj sv = new DMatrixRMaj(rows, cols);
    CommonOps_DDRM.mult(s, vm, sv);
    DMatrixRMaj r = DMatrixRMaj.wrap(rows, cols, out);
    CommonOps_DDRM.mult(sv, a, r);
  }

  /** out = (S ⊗ A + λI)⁻¹ v, damping added to every eigenvalue product s_o·a_i. */
  public void solveDamped(double[] v, double damping, double[] out) {
    if (!(damping >= 0) || Double.isInfinite(damping)) {
      throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
    }
    decompose();
    DMatrixRMaj vm = DMatrixRMaj.wrap(rows, cols, v.clone());
    DMatrixRMaj t = new DMatrixRMaj(rows, cols);
    DMatrixRMaj u = new DMatrixRMaj(rows, cols);
    CommonOps_DDRM.multTransA(qs, vm, t); // Q_Sᵀ V
    CommonOps_DDRM.mult(t, qa, u); // Q_Sᵀ V Q_A
    for (int o = 0; o < rows; o++) {
      for (int i = 0; i < cols; i++) {
        double d = es[o] * ea[i] + damping;
        if (!(d > 0)) {
          throw new IllegalArgumentException("the Kronecker block is singular in direction ("
              + o + ", " + i + "): add damping");
        }
        u.data[o * cols + i] /= d;
      }
    }
    CommonOps_DDRM.mult(qs, u, t); // Q_S U
    DMatrixRMaj r = DMatrixRMaj.wrap(rows, cols, out);
    CommonOps_DDRM.multTransB(t, qa, r); // Q_S U Q_Aᵀ
  }

  private void decompose() {
    if (qs != null) {
      return;
    }
    DMatrixRMaj[] q = new DMatrixRMaj[1];
    es = eigen(s, q);
    qs = q[0];
    ea = eigen(a, q);
    qa = q[0];
  }

  /**
   * Eigenvalues of a symmetric matrix; those below n·1e-15 of the largest are rounding noise of a
   * rank-deficient second moment and are set to 0, so that an undamped solve is refused plainly.
   */
  private static double[] eigen(DMatrixRMaj m, DMatrixRMaj[] vectors) {
    int n = m.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
    if (!eig.decompose(m.copy())) {
      throw new IllegalStateException("eigendecomposition of a " + n + "x" + n
          + " Kronecker factor failed");
    }
    double[] values = new double[n];
    DMatrixRMaj q = new DMatrixRMaj(n, n);
    for (int k = 0; k < n; k++) {
      values[k] = Math.max(0.0, eig.getEigenvalue(k).getReal());
      DMatrixRMaj col = eig.getEigenVector(k);
      for (int r = 0; r < n; r++) {
        q.set(r, k, col.get(r, 0));
      }
    }
    double max = 0;
    for (double x : values) {
      max = Math.max(max, x);
    }
    for (int k = 0; k < n; k++) {
      if (values[k] <= max * n * 1e-15) {
        values[k] = 0.0;
      }
    }
    vectors[0] = q;
    return values;
  }
}
