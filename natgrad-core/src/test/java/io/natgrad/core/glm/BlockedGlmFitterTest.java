package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blocked fitter (what the Spark engine runs, one aggregate per iteration) against the
 * in-process fitter (R's QR) on R's reference fits and on designs with offsets, zero weights and
 * aliased columns: the same coefficients, standard errors, deviances, AIC and dispersion to 1e-10
 * relative, whatever the block size; and R's numbers to 1e-6 (fits.txt, as GlmReferenceTest).
 */
class BlockedGlmFitterTest {
  @TempDir
  static Path tmp;

  static Stream<Arguments> casesAndBlockSizes() throws IOException {
    return GlmReferenceTest.cases().stream().filter(c -> !c.data().equals("longley"))
        .flatMap(c -> Stream.of(1, 7, Integer.MAX_VALUE).map(b -> Arguments.of(c, b)));
  }

  @ParameterizedTest(name = "{0}, blocks of {1}")
  @MethodSource("casesAndBlockSizes")
  void referenceFitsInBlocksAgreeWithInProcessAndR(GlmReferenceTest.Case c, int rowsPerBlock)
      throws IOException {
    ModelFrame m = GlmReferenceTest.frame(c, tmp);
    Family family = Family.named(c.family());
    Link link = Link.named(c.link());
    GlmFit expected = new GlmFitter(1e-14, 100).fit(m.x(), m.n(), m.p(), m.y(), m.trials(), null,
        family, link, m.intercept());
    GlmFit blocked = new BlockedGlmFitter(1e-14, 100).fit(BlockedGlmFitter.inMemory(
        BlockedGlmFitter.split(m.x(), m.n(), m.p(), m.y(), m.trials(), null,
            Math.min(rowsPerBlock, m.n()))), m.p(), family, link, m.intercept());
    assertSameFit(blocked, expected, 1e-10);
    GlmReferenceTest.assertAgreesWithR(c, blocked, m.names());
    assertThat(blocked.eta()).isNull();
  }

  @Test
  void offsetsZeroWeightsAndAliasedColumnsAsInProcess() {
    int n = 3000;
    int p = 5;
    Rng rng = Rng.of(11);
    double[] x = new double[n * p];
    double[] y = new double[n];
    double[] w = new double[n];
    double[] off = new double[n];
    for (int i = 0; i < n; i++) {
      double a = rng.nextGaussian();
      double b = rng.nextDouble();
      x[i * p] = 1;
      x[i * p + 1] = a;
      x[i * p + 2] = b;
      x[i * p + 3] = a - 2 * b; // aliased: a linear combination of the columns before it
      x[i * p + 4] = a * b;
      off[i] = Math.log(0.5 + rng.nextDouble());
      double mu = Math.exp(off[i] + 0.2 + 0.4 * a - 0.3 * b + 0.1 * a * b);
      y[i] = poisson(rng, mu);
      w[i] = i % 10 == 0 ? 0 : 1 + (i % 3);
    }
    GlmFit expected = new GlmFitter(1e-10, 25, GlmFitter.Solver.QR).fit(x, n, p, y, w, off,
        Family.POISSON, Link.LOG, true);
    GlmFit blocked = new BlockedGlmFitter(1e-10, 25).fit(BlockedGlmFitter.inMemory(
        BlockedGlmFitter.split(x, n, p, y, w, off, 250)), p, Family.POISSON, Link.LOG, true);
    assertThat(expected.aliased(3)).isTrue();
    assertThat(blocked.aliased(3)).isTrue();
    assertThat(blocked.rank()).isEqualTo(4);
    assertThat(blocked.dfResidual()).isEqualTo(n - n / 10 - 4);
    assertSameFit(blocked, expected, 1e-10);
  }

  @Test
  void gammaWithoutInterceptAndWithOffsetAsInProcess() {
    int n = 500;
    int p = 2;
    Rng rng = Rng.of(5);
    double[] x = new double[n * p];
    double[] y = new double[n];
    double[] off = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = rng.nextDouble();
      x[i * p + 1] = rng.nextGaussian();
      off[i] = 0.1 * rng.nextDouble();
      double mu = Math.exp(off[i] + 1 + 0.5 * x[i * p] - 0.2 * x[i * p + 1]);
      y[i] = mu * -Math.log(rng.nextDouble()); // exponential: Gamma with shape 1
    }
    GlmFit expected = new GlmFitter(1e-12, 50).fit(x, n, p, y, null, off, Family.GAMMA,
        Link.LOG, false);
    GlmFit blocked = new BlockedGlmFitter(1e-12, 50).fit(BlockedGlmFitter.inMemory(
        BlockedGlmFitter.split(x, n, p, y, null, off, 64)), p, Family.GAMMA, Link.LOG, false);
    assertSameFit(blocked, expected, 1e-10);
    assertThat(blocked.dfNull()).isEqualTo(n);
  }

  /** Longley (condition number ≈ 5e9): the normal equations are warned about, not trusted. */
  @Test
  void illConditionedDesignIsWarnedAbout() throws IOException {
    GlmReferenceTest.Case c = GlmReferenceTest.cases().stream()
        .filter(k -> k.data().equals("longley")).findFirst().orElseThrow();
    ModelFrame m = GlmReferenceTest.frame(c, tmp);
    GlmFit blocked = new BlockedGlmFitter(1e-8, 25).fit(BlockedGlmFitter.inMemory(
        BlockedGlmFitter.split(m.x(), m.n(), m.p(), m.y(), null, null, 4)), m.p(),
        Family.GAUSSIAN, Link.IDENTITY, true);
    assertThat(blocked.warnings()).anyMatch(s -> s.contains("ill-conditioned"));
  }

  /** Separated data: R's warning, as in process. */
  @Test
  void separationIsReported() {
    double[] x = new double[16];
    double[] y = new double[8];
    for (int i = 0; i < 8; i++) {
      x[2 * i] = 1;
      x[2 * i + 1] = i;
      y[i] = i >= 4 ? 1 : 0;
    }
    GlmFit blocked = new BlockedGlmFitter(1e-8, 25).fit(BlockedGlmFitter.inMemory(
        BlockedGlmFitter.split(x, 8, 2, y, null, null, 3)), 2, Family.BINOMIAL, Link.LOGIT, true);
    assertThat(blocked.warnings()).anyMatch(s -> s.contains("separated"));
    GlmFit inProcess = GlmFitter.defaults().fit(x, 8, 2, y, null, null, Family.BINOMIAL,
        Link.LOGIT, true);
    assertThat(blocked.warnings()).isEqualTo(inProcess.warnings());
    assertThat(blocked.iterations()).isEqualTo(inProcess.iterations());
  }

  static void assertSameFit(GlmFit actual, GlmFit expected, double rel) {
    int p = expected.coefficients().length;
    for (int j = 0; j < p; j++) {
      double b = expected.coefficients()[j];
      double se = expected.standardErrors()[j];
      if (Double.isNaN(b)) {
        assertThat(actual.coefficients()[j]).as("coefficient %d aliased", j).isNaN();
        continue;
      }
      assertThat(actual.coefficients()[j]).as("coefficient %d", j)
          .isCloseTo(b, Offset.offset(rel * Math.max(Math.abs(b), se)));
      assertThat(actual.standardErrors()[j]).as("standard error %d", j)
          .isCloseTo(se, Offset.offset(rel * se));
    }
    for (double[] pair : List.of(
        new double[] {actual.deviance(), expected.deviance()},
        new double[] {actual.nullDeviance(), expected.nullDeviance()},
        new double[] {actual.aic(), expected.aic()},
        new double[] {actual.dispersion(), expected.dispersion()},
        new double[] {actual.pearsonChi2(), expected.pearsonChi2()})) {
      assertThat(pair[0]).isCloseTo(pair[1], Offset.offset(rel * Math.abs(pair[1])));
    }
    assertThat(actual.rank()).isEqualTo(expected.rank());
    assertThat(actual.dfResidual()).isEqualTo(expected.dfResidual());
    assertThat(actual.dfNull()).isEqualTo(expected.dfNull());
    assertThat(actual.iterations()).isEqualTo(expected.iterations());
    assertThat(actual.converged()).isEqualTo(expected.converged());
  }

  private static double poisson(Rng rng, double mu) {
    double l = Math.exp(-mu);
    int k = 0;
    double prod = rng.nextDouble();
    while (prod > l) {
      k++;
      prod *= rng.nextDouble();
    }
    return k;
  }
}
