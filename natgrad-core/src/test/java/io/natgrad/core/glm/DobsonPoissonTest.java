package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Dobson's Poisson example from R's {@code ?glm} (Dobson 1990, "An Introduction to Generalized
 * Linear Models", p. 93): counts 18, 17, 15, 20, 10, 20, 25, 13, 12 with
 * {@code outcome <- gl(3, 1, 9)} and {@code treatment <- gl(3, 3)}, fitted by
 * {@code glm(counts ~ outcome + treatment, family = poisson())}. Fisher scoring on
 * {@link GlmModel}'s score and Fisher — the paper's natural gradient with the exact Fisher and
 * step 1 — against the digits R's {@code summary} prints there: coefficients 3.045, −0.4543,
 * −0.2930 (the treatments ≈ 0), standard errors 0.1709, 0.2022, 0.1927, residual deviance 5.1291 on
 * 4 degrees of freedom, null deviance 10.5814 on 8, AIC 56.761 (family$aic + 2·rank).
 */
class DobsonPoissonTest {
  static final double[] COUNTS = {18, 17, 15, 20, 10, 20, 25, 13, 12};

  /** Intercept, outcome2, outcome3, treatment2, treatment3 (treatment coding). */
  static double[] design() {
    double[] x = new double[9 * 5];
    for (int i = 0; i < 9; i++) {
      int outcome = i % 3;
      int treatment = i / 3;
      x[i * 5] = 1;
      x[i * 5 + 1] = outcome == 1 ? 1 : 0;
      x[i * 5 + 2] = outcome == 2 ? 1 : 0;
      x[i * 5 + 3] = treatment == 1 ? 1 : 0;
      x[i * 5 + 4] = treatment == 2 ? 1 : 0;
    }
    return x;
  }

  @Test
  void fisherScoringGivesTheDigitsRPrints() {
    GlmModel m = new GlmModel(design(), 9, 5, COUNTS, null, null, Family.POISSON, Link.LOG);
    double[] beta = new double[5];
    beta[0] = Math.log(17.0); // any start: the canonical link's likelihood is concave
    for (int it = 0; it < 25; it++) {
      DMatrixRMaj f = m.fisher(beta, 1.0);
      DMatrixRMaj s = DMatrixRMaj.wrap(5, 1, m.score(beta, 1.0));
      DMatrixRMaj step = new DMatrixRMaj(5, 1);
      assertThat(CommonOps_DDRM.solve(f, s, step)).isTrue();
      for (int j = 0; j < 5; j++) {
        beta[j] += step.data[j];
      }
    }
    assertThat(beta[0]).isCloseTo(3.045, Offset.offset(5e-4));
    assertThat(beta[1]).isCloseTo(-0.4543, Offset.offset(5e-5));
    assertThat(beta[2]).isCloseTo(-0.2930, Offset.offset(5e-5));
    assertThat(beta[3]).isCloseTo(0, Offset.offset(1e-12));
    assertThat(beta[4]).isCloseTo(0, Offset.offset(1e-12));
    DMatrixRMaj cov = new DMatrixRMaj(5, 5);
    CommonOps_DDRM.invert(m.fisher(beta, 1.0), cov);
    assertThat(Math.sqrt(cov.get(0, 0))).isCloseTo(0.1709, Offset.offset(5e-5));
    assertThat(Math.sqrt(cov.get(1, 1))).isCloseTo(0.2022, Offset.offset(5e-5));
    assertThat(Math.sqrt(cov.get(2, 2))).isCloseTo(0.1927, Offset.offset(5e-5));
    double deviance = m.deviance(beta);
    assertThat(deviance).isCloseTo(5.1291, Offset.offset(5e-5));
    double[] eta = m.linearPredictor(beta);
    double[] mu = new double[9];
    double[] wt = new double[9];
    for (int i = 0; i < 9; i++) {
      mu[i] = Link.LOG.inverse(eta[i]);
      wt[i] = 1;
    }
    double aic = Family.POISSON.aic(COUNTS, mu, wt, deviance) + 2 * 5;
    assertThat(aic).isCloseTo(56.761, Offset.offset(5e-4));
    // the null model: the intercept alone, μ = ȳ
    double mean = java.util.Arrays.stream(COUNTS).average().orElseThrow();
    double nullDeviance = 0;
    for (double y : COUNTS) {
      nullDeviance += Family.POISSON.devianceResidual(y, mean, 1);
    }
    assertThat(nullDeviance).isCloseTo(10.5814, Offset.offset(5e-5));
  }
}
