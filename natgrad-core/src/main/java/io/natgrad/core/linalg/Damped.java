package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;

/** A + λI for a matrix-free A: the damped metric of TRPO's {@code cg_damping}. */
final class Damped implements LinearOperator {
  private final LinearOperator a;
  private final double damping;

  private Damped(LinearOperator a, double damping) {
    this.a = a;
    this.damping = damping;
  }

  static LinearOperator of(LinearOperator a, double damping) {
    checkDamping(damping);
    return damping == 0.0 ? a : new Damped(a, damping);
  }

  static void checkDamping(double damping) {
    if (!(damping >= 0.0) || !Double.isFinite(damping)) {
      throw new IllegalArgumentException("damping must be finite and >= 0, got " + damping);
    }
  }

  @Override
  public int dimension() {
    return a.dimension();
  }

  @Override
  public void apply(double[] v, double[] out) {
    a.apply(v, out);
    for (int i = 0; i < out.length; i++) {
      out[i] += damping * v[i];
    }
  }

  @Override
  public double[] diagonal() {
    double[] d = a.diagonal();
    for (int i = 0; i < d.length; i++) {
      d[i] += damping;
    }
    return d;
  }

  @Override
  public DMatrixRMaj toDense() {
    DMatrixRMaj m = a.toDense();
    for (int i = 0; i < m.numRows; i++) {
      m.unsafe_set(i, i, m.unsafe_get(i, i) + damping);
    }
    return m;
  }
}
