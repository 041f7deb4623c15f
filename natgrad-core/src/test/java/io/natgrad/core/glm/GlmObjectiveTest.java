package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.random.Rng;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GLM objective and its metrics: the gradient is the central difference of f (1e-6), the
 * exact-Fisher metric is F/n, the empirical one the per-observation scores' mean outer product
 * (against a direct sum), the Monte-Carlo one within 5% (Frobenius) of the exact Fisher with 4000
 * draws per observation; Fisher scoring through the core optimizer reaches glm.fit's fit: the
 * deviance to 1e-10, the coefficients to 1e-5 (both stop by the deviance's relative change, 1e-12,
 * which leaves coefficient errors of its square root where non-canonical links converge linearly).
 */
class GlmObjectiveTest {

  static java.util.List<Object[]> pairs() {
    return GlmFamilyTest.pairs();
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void gradientAndMetricsAreWhatTheyClaim(Family fam, Link link) {
    Rng r = Rng.of(31L * fam.ordinal() + link.ordinal());
    double[] beta = new double[3];
    GlmModel m = GlmFamilyTest.model(fam, link, 40, r, beta);
    GlmObjective f = new GlmObjective(m);
    double[] g = new double[3];
    f.valueAndGradient(beta, g);
    for (int j = 0; j < 3; j++) {
      double h = 1e-6 * Math.max(1, Math.abs(beta[j]));
      double[] bp = beta.clone();
      double[] bm = beta.clone();
      bp[j] += h;
      bm[j] -= h;
      double fd = (f.value(bp) - f.value(bm)) / (2 * h);
      assertThat(g[j]).as("%s/%s gradient %d", fam, link, j)
          .isCloseTo(fd, Offset.offset(1e-6 * (Math.abs(fd) + 1)));
    }
    DMatrixRMaj fisher = f.fisher().at(beta).toDense();
    DMatrixRMaj exact = m.fisher(beta, 1.0);
    for (int k = 0; k < 9; k++) {
      assertThat(fisher.data[k]).isCloseTo(exact.data[k] / 40, Offset.offset(1e-12
          * (1 + Math.abs(exact.data[k]))));
    }
    DMatrixRMaj emp = f.empirical().at(beta).toDense();
    double[] s = new double[3];
    DMatrixRMaj direct = new DMatrixRMaj(3, 3);
    for (int i = 0; i < 40; i++) {
      GlmModel one = new GlmModel(java.util.Arrays.copyOfRange(m.design(), i * 3, i * 3 + 3), 1,
          3, new double[] {m.responses()[i]}, new double[] {m.weight(i)},
          new double[] {m.offset(i)}, fam, link);
      s = one.score(beta, 1.0);
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          direct.data[a * 3 + b] += s[a] * s[b] / 40;
        }
      }
    }
    for (int k = 0; k < 9; k++) {
      assertThat(emp.data[k]).isCloseTo(direct.data[k], Offset.offset(1e-12
          * (1 + Math.abs(direct.data[k]))));
    }
    DMatrixRMaj mc = f.monteCarlo(4000, Rng.of(5)).at(beta).toDense();
    double diff = 0;
    double norm = 0;
    for (int k = 0; k < 9; k++) {
      diff += Math.pow(mc.data[k] - fisher.data[k], 2);
      norm += Math.pow(fisher.data[k], 2);
    }
    assertThat(Math.sqrt(diff / norm)).as("%s/%s Monte-Carlo Fisher", fam, link)
        .isLessThan(0.05);
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void fisherScoringThroughTheOptimizerReachesGlmFitsFit(Family fam, Link link) {
    Rng r = Rng.of(7L * fam.ordinal() + link.ordinal());
    double[] beta = new double[3];
    GlmModel m = GlmFamilyTest.model(fam, link, 60, r, beta);
    GlmFit fit = new GlmFitter(1e-12, 100).fit(m.design(), 60, 3, m.responses(),
        m.weights(), m.offsets(), fam, link, true);
    double[] b0 = GlmOptimization.start(m.design(), 60, 3, m.responses(), m.weights(),
        m.offsets(), fam, link);
    GlmOptimization o = GlmOptimization.run(m, new GlmObjective(m).fisher(),
        DirectionSolver.direct(), new FixedLearningRate(1), b0, 1e-12, 100);
    assertThat(o.converged()).as("%s/%s: %s", fam, link, o.stopReason()).isTrue();
    double d = o.deviances()[o.deviances().length - 1];
    assertThat(d).isCloseTo(fit.deviance(), Offset.offset(1e-10 * fit.deviance()));
    for (int j = 0; j < 3; j++) {
      assertThat(o.beta()[j]).as("%s/%s coefficient %d", fam, link, j)
          .isCloseTo(fit.coefficients()[j], Offset.offset(1e-5 * (1
              + Math.abs(fit.coefficients()[j]))));
    }
  }
}
