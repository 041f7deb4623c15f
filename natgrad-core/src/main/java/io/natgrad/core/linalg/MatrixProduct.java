package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A dense matrix product out = a·b on row-major arrays, the one operation a {@link KroneckerBlock}
 * spends its time in. {@link #EJML} is the default; a caller with faster kernels for its sizes
 * (natgrad-rl's Vector API layer kernels) passes its own.
 */
@FunctionalInterface
public interface MatrixProduct {

  /** out (rows × cols) = a (rows × inner) · b (inner × cols); out is overwritten. */
  void multiply(double[] a, int rows, int inner, double[] b, int cols, double[] out);

  /** EJML's {@code CommonOps_DDRM.mult}. */
  MatrixProduct EJML = (a, rows, inner, b, cols, out) -> CommonOps_DDRM.mult(
      DMatrixRMaj.wrap(rows, inner, a), DMatrixRMaj.wrap(inner, cols, b),
      DMatrixRMaj.wrap(rows, cols, out));
}
