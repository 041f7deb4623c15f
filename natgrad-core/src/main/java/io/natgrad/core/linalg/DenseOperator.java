package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;

/** A dense symmetric operator backed by an EJML row-major matrix, for small metrics. */
public final class DenseOperator implements LinearOperator {
  private final DMatrixRMaj m;

  DenseOperator(DMatrixRMaj m) {
    if (m.numRows != m.numCols) {
      throw new IllegalArgumentException(
          "matrix must be square, got " + m.numRows + "x" + m.numCols);
    }
    this.m = m;
  }

  @Override
  public int dimension() {
    return m.numRows;
  }

  @Override
  public void apply(double[] v, double[] out) {
    int n = m.numRows;
    double[] a = m.data;
    for (int i = 0; i < n; i++) {
      double s = 0.0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        s += a[row + j] * v[j];
      }
      out[i] = s;
    }
  }

  @Override
  public double[] diagonal() {
    double[] d = new double[m.numRows];
    for (int i = 0; i < d.length; i++) {
      d[i] = m.unsafe_get(i, i);
    }
    return d;
  }

  /** A copy of the matrix. */
  @Override
  public DMatrixRMaj toDense() {
    return m.copy();
  }

  @Override
  public LinearOperator plusDamping(double damping) {
    Damped.checkDamping(damping);
    DMatrixRMaj c = m.copy();
    for (int i = 0; i < c.numRows; i++) {
      c.unsafe_set(i, i, c.unsafe_get(i, i) + damping);
    }
    return new DenseOperator(c);
  }
}
