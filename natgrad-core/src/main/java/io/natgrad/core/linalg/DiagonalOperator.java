package io.natgrad.core.linalg;

import org.ejml.data.DMatrixRMaj;

/** A diagonal operator v ↦ diag(d)·v; with d = 1 it is the Euclidean metric G = I. */
public final class DiagonalOperator implements LinearOperator {
  private final double[] d;

  DiagonalOperator(double[] d) {
    this.d = d;
  }

  @Override
  public int dimension() {
    return d.length;
  }

  @Override
  public void apply(double[] v, double[] out) {
    for (int i = 0; i < d.length; i++) {
      out[i] = d[i] * v[i];
    }
  }

  @Override
  public double[] diagonal() {
    return d.clone();
  }

  @Override
  public DMatrixRMaj toDense() {
    DMatrixRMaj m = new DMatrixRMaj(d.length, d.length);
    for (int i = 0; i < d.length; i++) {
      m.unsafe_set(i, i, d[i]);
    }
    return m;
  }

  @Override
  public LinearOperator plusDamping(double damping) {
    Damped.checkDamping(damping);
    double[] e = d.clone();
    for (int i = 0; i < e.length; i++) {
      e[i] += damping;
    }
    return new DiagonalOperator(e);
  }
}
