package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The normal-equations solver of tall designs gives QR's fit: on a seeded logistic problem
 * (n = 30 000, p = 6) the coefficients to 1e-10 and standard errors to 1e-8 relative, the same
 * iterations; R's aliasing decision on a duplicated column; and a nearly collinear design (where
 * squaring the condition number would cost the answer) falls back to QR and still agrees.
 */
class NormalEquationsTest {

  static double[][] problem(int n, int p, long seed, double collinear) {
    Rng r = Rng.of(seed);
    double[] x = new double[n * p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      double eta = -0.2;
      for (int j = 1; j < p; j++) {
        x[i * p + j] = r.nextGaussian();
        eta += 0.3 * x[i * p + j] / j;
      }
      if (collinear > 0) {
        x[i * p + p - 1] = x[i * p + 1] + collinear * r.nextGaussian();
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    return new double[][] {x, y};
  }

  private static void sameFit(GlmFit a, GlmFit b, double coefTol) {
    assertThat(a.rank()).isEqualTo(b.rank());
    assertThat(a.iterations()).isEqualTo(b.iterations());
    for (int j = 0; j < a.coefficients().length; j++) {
      if (b.aliased(j)) {
        assertThat(a.aliased(j)).isTrue();
        assertThat(a.standardErrors()[j]).isNaN();
        continue;
      }
      assertThat(a.coefficients()[j]).as("coefficient %d", j).isCloseTo(b.coefficients()[j],
          Offset.offset(coefTol * (1 + Math.abs(b.coefficients()[j]))));
      assertThat(a.standardErrors()[j]).as("standard error %d", j)
          .isCloseTo(b.standardErrors()[j], Offset.offset(1e-8 * b.standardErrors()[j]));
    }
    assertThat(a.deviance()).isCloseTo(b.deviance(), Offset.offset(1e-9 * b.deviance()));
  }

  @Test
  void tallWellConditionedDesignsGiveQrsFit() {
    int n = 30_000;
    int p = 6;
    double[][] d = problem(n, p, 1, 0);
    GlmFit qr = new GlmFitter(1e-10, 25, GlmFitter.Solver.QR).fit(d[0], n, p, d[1], null, null,
        Family.BINOMIAL, Link.LOGIT, true);
    GlmFit ne = new GlmFitter(1e-10, 25, GlmFitter.Solver.NORMAL_EQUATIONS).fit(d[0], n, p,
        d[1], null, null, Family.BINOMIAL, Link.LOGIT, true);
    GlmFit auto = new GlmFitter(1e-10, 25).fit(d[0], n, p, d[1], null, null, Family.BINOMIAL,
        Link.LOGIT, true);
    sameFit(ne, qr, 1e-10);
    assertThat(auto.coefficients()).containsExactly(ne.coefficients());
  }

  @Test
  void aliasingIsDecidedAsQrDecidesIt() {
    double[] x = DobsonPoissonTest.design();
    int p = 6;
    double[] x6 = new double[9 * p];
    for (int i = 0; i < 9; i++) {
      System.arraycopy(x, i * 5, x6, i * p, 5);
      x6[i * p + 5] = x[i * 5 + 1]; // outcome2 again
    }
    GlmFit ne = new GlmFitter(1e-8, 25, GlmFitter.Solver.NORMAL_EQUATIONS).fit(x6, 9, p,
        DobsonPoissonTest.COUNTS, null, null, Family.POISSON, Link.LOG, true);
    GlmFit qr = new GlmFitter(1e-8, 25, GlmFitter.Solver.QR).fit(x6, 9, p,
        DobsonPoissonTest.COUNTS, null, null, Family.POISSON, Link.LOG, true);
    assertThat(ne.aliased(5)).isTrue();
    assertThat(qr.aliased(5)).isTrue();
    sameFit(ne, qr, 1e-10);
  }

  @Test
  void nearlyCollinearDesignsFallBackToQr() {
    int n = 25_000;
    int p = 4;
    double[][] d = problem(n, p, 2, 1e-6);
    GlmFit qr = new GlmFitter(1e-10, 25, GlmFitter.Solver.QR).fit(d[0], n, p, d[1], null, null,
        Family.BINOMIAL, Link.LOGIT, true);
    GlmFit ne = new GlmFitter(1e-10, 25, GlmFitter.Solver.NORMAL_EQUATIONS).fit(d[0], n, p,
        d[1], null, null, Family.BINOMIAL, Link.LOGIT, true);
    assertThat(qr.rank()).isEqualTo(4);
    assertThat(ne.coefficients()).containsExactly(qr.coefficients());
  }
}
