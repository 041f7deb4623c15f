package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link GlmFitter} (R's glm.fit) on Dobson's Poisson example from {@code ?glm} against the digits
 * R prints there (coefficients, standard errors, deviances with their df, AIC 56.761 and
 * "Number of Fisher Scoring iterations: 4"); IRLS's iterates equal Fisher scoring's
 * β + F⁻¹∇ℓ (1e-12); an aliased column is found and the rest unchanged; zero weights, offsets,
 * one-row and one-column designs; separated logistic data reported plainly.
 */
class GlmFitterTest {
  static final double[] X = DobsonPoissonTest.design();
  static final double[] Y = DobsonPoissonTest.COUNTS;

  @Test
  void dobsonsExampleHasRsPrintedDigitsAndIterationCount() {
    GlmFit f = GlmFitter.defaults().fit(X, 9, 5, Y, null, null, Family.POISSON, Link.LOG, true);
    assertThat(f.converged()).isTrue();
    assertThat(f.iterations()).isEqualTo(4);
    assertThat(f.coefficients()[0]).isCloseTo(3.045, Offset.offset(5e-4));
    assertThat(f.coefficients()[1]).isCloseTo(-0.4543, Offset.offset(5e-5));
    assertThat(f.coefficients()[2]).isCloseTo(-0.2930, Offset.offset(5e-5));
    assertThat(f.standardErrors()[0]).isCloseTo(0.1709, Offset.offset(5e-5));
    assertThat(f.standardErrors()[1]).isCloseTo(0.2022, Offset.offset(5e-5));
    assertThat(f.standardErrors()[2]).isCloseTo(0.1927, Offset.offset(5e-5));
    assertThat(f.standardErrors()[3]).isCloseTo(0.2000, Offset.offset(5e-5));
    assertThat(f.deviance()).isCloseTo(5.1291, Offset.offset(5e-5));
    assertThat(f.dfResidual()).isEqualTo(4);
    assertThat(f.nullDeviance()).isCloseTo(10.5814, Offset.offset(5e-5));
    assertThat(f.dfNull()).isEqualTo(8);
    assertThat(f.aic()).isCloseTo(56.761, Offset.offset(5e-4));
    assertThat(f.dispersion()).isEqualTo(1.0);
    assertThat(f.warnings()).isEmpty();
  }

  @Test
  void irlsIteratesAreFisherScoringSteps() {
    Rng r = Rng.of(3);
    int n = 200;
    int p = 3;
    double[] x = new double[n * p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      x[i * p + 1] = r.nextGaussian();
      x[i * p + 2] = r.nextGaussian();
      double eta = 0.3 + 0.8 * x[i * p + 1] - 0.5 * x[i * p + 2];
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    GlmFit f = GlmFitter.defaults().fit(x, n, p, y, null, null, Family.BINOMIAL, Link.LOGIT,
        true);
    GlmModel m = new GlmModel(x, n, p, y, null, null, Family.BINOMIAL, Link.LOGIT);
    assertThat(f.iterates().size()).isGreaterThanOrEqualTo(3);
    for (int k = 0; k + 1 < f.iterates().size(); k++) {
      double[] b = f.iterates().get(k);
      DMatrixRMaj step = new DMatrixRMaj(p, 1);
      CommonOps_DDRM.solve(m.fisher(b, 1), DMatrixRMaj.wrap(p, 1, m.score(b, 1)), step);
      for (int j = 0; j < p; j++) {
        double next = b[j] + step.data[j];
        assertThat(f.iterates().get(k + 1)[j]).as("iterate %d, coefficient %d", k + 1, j)
            .isCloseTo(next, Offset.offset(1e-12 * (1 + Math.abs(next))));
      }
    }
  }

  @Test
  void anAliasedColumnIsFoundAndTheOthersAreUnchanged() {
    int p = 6;
    double[] x = new double[9 * p];
    for (int i = 0; i < 9; i++) {
      System.arraycopy(X, i * 5, x, i * p, 3);
      x[i * p + 3] = X[i * 5 + 1] + X[i * 5 + 2]; // outcome2 + outcome3: aliased
      x[i * p + 4] = X[i * 5 + 3];
      x[i * p + 5] = X[i * 5 + 4];
    }
    GlmFit f = GlmFitter.defaults().fit(x, 9, p, Y, null, null, Family.POISSON, Link.LOG, true);
    GlmFit g = GlmFitter.defaults().fit(X, 9, 5, Y, null, null, Family.POISSON, Link.LOG, true);
    assertThat(f.rank()).isEqualTo(5);
    assertThat(f.aliased(3)).isTrue();
    assertThat(f.standardErrors()[3]).isNaN();
    int[] map = {0, 1, 2, -1, 3, 4};
    for (int j = 0; j < p; j++) {
      if (map[j] >= 0) {
        assertThat(f.coefficients()[j]).isCloseTo(g.coefficients()[map[j]],
            Offset.offset(1e-10));
      }
    }
    assertThat(f.deviance()).isCloseTo(g.deviance(), Offset.offset(1e-10));
    assertThat(f.dfResidual()).isEqualTo(4);
  }

  @Test
  void zeroWeightsOffsetsAndTinyDesigns() {
    double[] w = {1, 1, 1, 1, 0, 1, 1, 1, 1};
    GlmFit f = GlmFitter.defaults().fit(X, 9, 5, Y, w, null, Family.POISSON, Link.LOG, true);
    double[] x8 = new double[8 * 5];
    double[] y8 = new double[8];
    for (int i = 0, k = 0; i < 9; i++) {
      if (i != 4) {
        System.arraycopy(X, i * 5, x8, k * 5, 5);
        y8[k++] = Y[i];
      }
    }
    GlmFit g = GlmFitter.defaults().fit(x8, 8, 5, y8, null, null, Family.POISSON, Link.LOG, true);
    for (int j = 0; j < 5; j++) {
      assertThat(f.coefficients()[j]).isCloseTo(g.coefficients()[j], Offset.offset(1e-9));
    }
    assertThat(f.dfResidual()).isEqualTo(3);
    assertThat(f.deviance()).isCloseTo(g.deviance(), Offset.offset(1e-9));
    // an offset log(t): the same fit as y/t's rate model, and the null model refitted with it
    double[] t = {1, 2, 1, 3, 1, 2, 1, 1, 2};
    double[] off = new double[9];
    for (int i = 0; i < 9; i++) {
      off[i] = Math.log(t[i]);
    }
    GlmFit o = GlmFitter.defaults().fit(X, 9, 5, Y, null, off, Family.POISSON, Link.LOG, true);
    assertThat(o.converged()).isTrue();
    GlmFit o0 = GlmFitter.defaults().fit(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 9, 1, Y, null,
        off, Family.POISSON, Link.LOG, false);
    assertThat(o.nullDeviance()).isCloseTo(o0.deviance(), Offset.offset(1e-12));
    double rate = java.util.Arrays.stream(Y).sum() / java.util.Arrays.stream(t).sum();
    assertThat(o0.coefficients()[0]).isCloseTo(Math.log(rate), Offset.offset(1e-10));
    // one column: the intercept alone is log ȳ
    GlmFit one = GlmFitter.defaults().fit(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 9, 1, Y,
        null, null, Family.POISSON, Link.LOG, true);
    assertThat(one.coefficients()[0]).isCloseTo(Math.log(150 / 9.0), Offset.offset(1e-10));
    assertThat(one.deviance()).isCloseTo(one.nullDeviance(), Offset.offset(1e-10));
    // one row, gaussian: a perfect fit, no residual df, dispersion not estimable
    GlmFit row = GlmFitter.defaults().fit(new double[] {1}, 1, 1, new double[] {2.5}, null,
        null, Family.GAUSSIAN, Link.IDENTITY, true);
    assertThat(row.coefficients()[0]).isCloseTo(2.5, Offset.offset(1e-12));
    assertThat(row.dfResidual()).isZero();
    assertThat(row.dispersion()).isNaN();
  }

  @Test
  void separatedDataAreReportedPlainly() {
    double[] x = new double[8 * 2];
    double[] y = new double[8];
    for (int i = 0; i < 8; i++) {
      x[i * 2] = 1;
      x[i * 2 + 1] = i;
      y[i] = i < 4 ? 0 : 1; // x > 3.5 separates the classes
    }
    GlmFit f = GlmFitter.defaults().fit(x, 8, 2, y, null, null, Family.BINOMIAL, Link.LOGIT,
        true);
    assertThat(String.join("\n", f.warnings())).contains("fitted probabilities numerically 0 or "
        + "1 occurred", "separated", "maximum-likelihood estimate does not exist");
  }
}
