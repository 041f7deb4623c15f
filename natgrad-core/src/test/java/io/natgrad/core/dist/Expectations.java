package io.natgrad.core.dist;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Exact expectations E_{x∼p_θ}[h(x)] of matrix-valued h: Gauss–Hermite quadrature (tensor product
 * over coordinates) for Gaussian families, a finite sum for the categorical.
 */
final class Expectations {
  private static final GaussIntegrator HERMITE = new GaussIntegratorFactory().hermite(40);

  private Expectations() {}

  static DMatrixRMaj of(ParametricFamily f, double[] theta, Function<double[], DMatrixRMaj> h) {
    if (f instanceof Categorical c) {
      double[] p = c.probabilities(theta);
      DMatrixRMaj acc = null;
      for (int i = 0; i < p.length; i++) {
        DMatrixRMaj v = h.apply(new double[] {i});
        acc = accumulate(acc, v, p[i]);
      }
      return acc;
    }
    int d = f.eventDimension();
    double[] mu = new double[d];
    double[] sigma = new double[d];
    for (int i = 0; i < d; i++) {
      mu[i] = theta[i];
      Scale s = f instanceof Gaussian g ? g.scale() : ((DiagonalGaussian) f).scale();
      sigma[i] = s.sigma(theta[d + i]);
    }
    int m = HERMITE.getNumberOfPoints();
    int[] idx = new int[d];
    DMatrixRMaj acc = null;
    while (true) {
      double w = 1;
      double[] x = new double[d];
      for (int i = 0; i < d; i++) {
        // ∫ g(x) N(x; μ, σ²) dx = (1/√π) Σ w_k g(μ + √2 σ t_k)
        w *= HERMITE.getWeight(idx[i]) / Math.sqrt(Math.PI);
        x[i] = mu[i] + Math.sqrt(2) * sigma[i] * HERMITE.getPoint(idx[i]);
      }
      acc = accumulate(acc, h.apply(x), w);
      int k = 0;
      while (k < d && ++idx[k] == m) {
        idx[k++] = 0;
      }
      if (k == d) {
        return acc;
      }
    }
  }

  private static DMatrixRMaj accumulate(DMatrixRMaj acc, DMatrixRMaj v, double w) {
    if (acc == null) {
      acc = new DMatrixRMaj(v.numRows, v.numCols);
    }
    for (int i = 0; i < v.data.length; i++) {
      acc.data[i] += w * v.data[i];
    }
    return acc;
  }
}
