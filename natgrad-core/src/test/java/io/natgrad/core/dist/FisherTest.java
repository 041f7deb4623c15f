package io.natgrad.core.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.metric.Metric;
import io.natgrad.core.random.Rng;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The closed-form Fisher against its two definitions (paper, Appendix A): E[score scoreᵀ] and
 * −E[∇² log p] (Hessian by finite differences of the analytic score), both by exact quadrature;
 * and the Monte-Carlo Fisher of Algorithm 2 converging to it.
 */
class FisherTest {

  static List<Arguments> cases() {
    return Families.cases();
  }

  static double relativeFrobenius(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj d = a.copy();
    for (int i = 0; i < d.data.length; i++) {
      d.data[i] -= b.data[i];
    }
    return NormOps_DDRM.normF(d) / NormOps_DDRM.normF(b);
  }

  static DMatrixRMaj outer(double[] s) {
    DMatrixRMaj m = new DMatrixRMaj(s.length, s.length);
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        m.set(i, j, s[i] * s[j]);
      }
    }
    return m;
  }

  /** −∇² log p_θ(x) by central differences of the analytic score. */
  static DMatrixRMaj negativeHessian(ParametricFamily f, double[] theta, double[] x) {
    int n = theta.length;
    DMatrixRMaj h = new DMatrixRMaj(n, n);
    for (int j = 0; j < n; j++) {
      double step = 1e-6 * Math.max(1, Math.abs(theta[j]));
      double[] p = theta.clone();
      double[] m = theta.clone();
      p[j] += step;
      m[j] -= step;
      double[] sp = f.score(p, x);
      double[] sm = f.score(m, x);
      for (int i = 0; i < n; i++) {
        h.set(i, j, -(sp[i] - sm[i]) / (2 * step));
      }
    }
    return h;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exactFisherIsTheExpectedScoreOuterProduct(String name, ParametricFamily f, double[] theta) {
    DMatrixRMaj expected = Expectations.of(f, theta, x -> outer(f.score(theta, x)));
    assertThat(relativeFrobenius(f.fisher(theta), expected)).isLessThan(1e-10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void exactFisherIsTheExpectedNegativeHessian(String name, ParametricFamily f, double[] theta) {
    DMatrixRMaj expected = Expectations.of(f, theta, x -> negativeHessian(f, theta, x));
    assertThat(relativeFrobenius(f.fisher(theta), expected)).isLessThan(1e-6);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void monteCarloFisherConvergesToTheExactOne(String name, ParametricFamily f, double[] theta) {
    DMatrixRMaj mc = Metric.monteCarloFisher(f, 100_000, Rng.of(2024)).at(theta).toDense();
    assertThat(relativeFrobenius(mc, f.fisher(theta))).isLessThan(0.05);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void empiricalFisherOfModelDataIsCloseToTheFisher(
      String name, ParametricFamily f, double[] theta) {
    Rng rng = Rng.of(77);
    double[][] data = new double[100_000][];
    for (int i = 0; i < data.length; i++) {
      data[i] = f.sample(theta, rng);
    }
    // at the data-generating θ the empirical Fisher is an unbiased estimate of F
    DMatrixRMaj emp = Metric.empiricalFisher(f, data).at(theta).toDense();
    assertThat(relativeFrobenius(emp, f.fisher(theta))).isLessThan(0.05);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scoreHasZeroMean(String name, ParametricFamily f, double[] theta) {
    // paper: ∫ p ∇log p = ∇1 = 0
    DMatrixRMaj mean = Expectations.of(f, theta, x -> {
      double[] s = f.score(theta, x);
      return new DMatrixRMaj(s.length, 1, true, s);
    });
    for (double v : mean.data) {
      assertThat(Math.abs(v)).isLessThan(1e-10);
    }
  }
}
