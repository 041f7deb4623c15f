package io.natgrad.rl.policy;

import io.natgrad.core.linalg.LinearOperator;
import io.natgrad.core.linalg.Vectors;
import io.natgrad.core.random.Rng;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks a policy's analytic Fisher–vector product, callable from code (and run in the test suite):
 * on random directions u, v it compares F v with the dense Fisher (1/n) Σᵢ F(θ; sᵢ) times v, and with
 * the finite-difference Hessian of the mean KL, [∇KL(θ ‖ θ + hv) − ∇KL(θ ‖ θ − hv)] / 2h; it checks
 * symmetry uᵀFv = vᵀFu and positive semi-definiteness vᵀFv ≥ 0. Meant for small networks (the dense
 * Fisher costs n·P² memory traffic).
 */
public final class FisherSelfTest {
  private FisherSelfTest() {}

  /**
   * The largest errors over the probes.
   *
   * @param denseRelativeError ‖Fv − F_dense v‖ / ‖F_dense v‖
   * @param klHessianRelativeError ‖Fv − H_KL v‖ / ‖Fv‖ (finite differences)
   * @param symmetryRelativeError |uᵀFv − vᵀFu| / max(|uᵀFv|, |vᵀFu|)
   * @param minCurvature the smallest vᵀFv / ‖v‖²
   */
  public record Report(double denseRelativeError, double klHessianRelativeError,
      double symmetryRelativeError, double minCurvature) {

    /** True when every check is within its bound (1e-8, 1e-5, 1e-10, ≥ −1e-12). */
    public boolean passed() {
      return denseRelativeError < 1e-8 && klHessianRelativeError < 1e-5
          && symmetryRelativeError < 1e-10 && minCurvature >= -1e-12;
    }

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "Fisher self-test %s: dense %.2e, KL Hessian %.2e, symmetry %.2e, min vᵀFv/‖v‖² %.3e",
          passed() ? "passed" : "FAILED", denseRelativeError, klHessianRelativeError,
          symmetryRelativeError, minCurvature);
    }
  }

  /**
   * Runs the checks at θ over n observations with {@code probes} random direction pairs.
   */
  public static Report run(NeuralPolicy policy, double[] theta, double[] observations, int n,
      Rng rng, int probes) {
    int p = policy.parameterDimension();
    int od = policy.observationDim();
    LinearOperator f = policy.fisherOperator(theta, observations, n);
    DMatrixRMaj dense = new DMatrixRMaj(p, p);
    for (int i = 0; i < n; i++) {
      double[] s = java.util.Arrays.copyOfRange(observations, i * od, (i + 1) * od);
      DMatrixRMaj fi = policy.fisher(theta, s);
      for (int k = 0; k < fi.data.length; k++) {
        dense.data[k] += fi.data[k] / n;
      }
    }
    LinearOperator denseOp = LinearOperator.dense(dense);
    double worstDense = 0;
    double worstKl = 0;
    double worstSym = 0;
    double minCurv = Double.POSITIVE_INFINITY;
    for (int t = 0; t < probes; t++) {
      double[] u = gaussian(p, rng);
      double[] v = gaussian(p, rng);
      double[] fv = f.apply(v);
      double[] fu = f.apply(u);
      worstDense = Math.max(worstDense, relative(fv, denseOp.apply(v)));
      double h = 1e-4 / Math.max(1.0, Vectors.norm(v) / Math.sqrt(p));
      double[] plus = Vectors.addScaled(theta, h, v);
      double[] minus = Vectors.addScaled(theta, -h, v);
      double[] gp = new double[p];
      double[] gm = new double[p];
      policy.meanKlGradient(theta, plus, observations, n, gp);
      policy.meanKlGradient(theta, minus, observations, n, gm);
      double[] hv = new double[p];
      for (int i = 0; i < p; i++) {
        hv[i] = (gp[i] - gm[i]) / (2 * h);
      }
      worstKl = Math.max(worstKl, relative(hv, fv));
      double ufv = Vectors.dot(u, fv);
      double vfu = Vectors.dot(v, fu);
      worstSym = Math.max(worstSym,
          Math.abs(ufv - vfu) / Math.max(Math.max(Math.abs(ufv), Math.abs(vfu)), 1e-300));
      minCurv = Math.min(minCurv, Vectors.dot(v, fv) / Vectors.dot(v, v));
    }
    return new Report(worstDense, worstKl, worstSym, minCurv);
  }

  private static double[] gaussian(int n, Rng rng) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.nextGaussian();
    }
    return v;
  }

  private static double relative(double[] a, double[] reference) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - reference[i]) * (a[i] - reference[i]);
    }
    return Math.sqrt(d) / Math.max(Vectors.norm(reference), 1e-300);
  }
}
