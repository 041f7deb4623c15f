package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * One Kronecker-factored block of a K-FAC Fisher (Martens and Grosse 2015; ACKTR, Wu et al. 2017):
 * the parameters of a dense layer as an r × c matrix V held row-major (index j·c + k), and the
 * block R ⊗ C with R (r × r) the second moment along the rows and C (c × c) along the columns.
 * natgrad's {@code Mlp} stores a layer's weights input-major with the bias as one more row, so
 * there R = A = E[ā āᵀ] (the layer's inputs with a constant 1 for the bias, bias folded in) and
 * C = S = E[δ δᵀ] (gradients of log π with respect to the layer's pre-activations). In this index
 * order
 *
 * <pre>
 * (R ⊗ C) vec(V) = vec(R V C),
 * (R ⊗ C + λI)⁻¹ vec(V) = vec(Q_R [(Q_Rᵀ V Q_C) ⊘ (r cᵀ + λ)] Q_Cᵀ),
 * </pre>
 *
 * with R = Q_R diag(r) Q_Rᵀ and C = Q_C diag(c) Q_Cᵀ: the damping is added in the Kronecker
 * eigenbasis (exactly, not by factored Tikhonov), and the solve costs two small eigendecompositions
 * (computed on first use and kept) and four small matrix products — never the (r·c)² matrix.
 */
public final class KroneckerBlock implements LinearOperator {
  private final DMatrixRMaj s;
  private final DMatrixRMaj a;
  private final int rows;
  private final int cols;
  private final MatrixProduct product;
  /** Q_R, Q_Rᵀ, Q_C, Q_Cᵀ row-major (every product of the solve is then a plain a·b). */
  private double[] qs;
  private double[] qst;
  private double[] qa;
  private double[] qat;
  private double[] es;
  private double[] ea;

  /**
   * @param s R, the row factor (r × r), symmetric positive semi-definite (copied)
   * @param a C, the column factor (c × c), symmetric positive semi-definite (copied)
   */
  public KroneckerBlock(DMatrixRMaj s, DMatrixRMaj a) {
    this(s, a, MatrixProduct.EJML);
  }

  /**
   * @param s R (copied)
   * @param a C (copied)
   * @param product the dense product the block's operations use
   */
  public KroneckerBlock(DMatrixRMaj s, DMatrixRMaj a, MatrixProduct product) {
    if (s.numRows != s.numCols || a.numRows != a.numCols) {
      throw new IllegalArgumentException("Kronecker factors must be square, got " + s.numRows
          + "x" + s.numCols + " and " + a.numRows + "x" + a.numCols);
    }
    this.s = s.copy();
    this.a = a.copy();
    this.rows = s.numRows;
    this.cols = a.numRows;
    this.product = java.util.Objects.requireNonNull(product, "product");
  }

  @Override
  public int dimension() {
    return rows * cols;
  }

  /** out = vec(R V C) with V the r × c matrix held row-major in v. */
  @Override
  public void apply(double[] v, double[] out) {
    double[] sv = new double[rows * cols];
    product.multiply(s.data, rows, rows, v, cols, sv);
    product.multiply(sv, rows, cols, a.data, cols, out);
  }

  /** out = (R ⊗ C + λI)⁻¹ v, damping added to every eigenvalue product r_j·c_k. */
  public void solveDamped(double[] v, double damping, double[] out) {
    if (!(damping >= 0) || Double.isInfinite(damping)) {
      throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
    }
    decompose();
    double[] t = new double[rows * cols];
    double[] u = new double[rows * cols];
    product.multiply(qst, rows, rows, v, cols, t); // Q_Rᵀ V
    product.multiply(t, rows, cols, qa, cols, u); // Q_Rᵀ V Q_C
    for (int o = 0; o < rows; o++) {
      for (int i = 0; i < cols; i++) {
        double d = es[o] * ea[i] + damping;
        if (!(d > 0)) {
          throw new IllegalArgumentException("the Kronecker block is singular in direction ("
              + o + ", " + i + "): add damping");
        }
        u[o * cols + i] /= d;
      }
    }
    product.multiply(qs, rows, rows, u, cols, t); // Q_R U
    product.multiply(t, rows, cols, qat, cols, out); // Q_R U Q_Cᵀ
  }

  /** Computes both eigendecompositions now (otherwise on the first solve). */
  public void decompose() {
    if (qs != null) {
      return;
    }
    DMatrixRMaj[] q = new DMatrixRMaj[1];
    es = eigen(s, q);
    qs = q[0].data;
    qst = CommonOps_DDRM.transpose(q[0], null).data;
    ea = eigen(a, q);
    qa = q[0].data;
    qat = CommonOps_DDRM.transpose(q[0], null).data;
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
