package io.natgrad.core.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.data.Offset;
import org.ejml.data.DMatrixRMaj;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GLM families and links against their definitions, on seeded random data:
 *
 * <ul>
 *   <li>every link: g⁻¹(g(μ)) = μ and μ'(η) = the central difference of g⁻¹ (1e-7);
 *   <li>every family: its density integrates (sums) to 1 and has variance φ V(μ) / w (1e-8),
 *       and its deviance residual is 2φ (log f(y; y) − log f(y; μ)) (1e-10);
 *   <li>every family × link: the score equals the central difference of the log-likelihood
 *       (1e-6 relative), the Fisher equals E[score scoreᵀ] computed from the density by summation
 *       or quadrature (1e-7), and for canonical links the negative finite-difference Hessian.
 * </ul>
 */
class GlmFamilyTest {

  /** A μ inside the link's and the family's domain. */
  static double meanFor(Family f, Link l) {
    return f == Family.BINOMIAL ? 0.35 : 1.3;
  }

  @ParameterizedTest
  @EnumSource(Link.class)
  void linksInvertAndTheirDerivativeIsTheFiniteDifference(Link l) {
    double[] mus = l == Link.LOGIT || l == Link.PROBIT || l == Link.CLOGLOG
        ? new double[] {0.01, 0.2, 0.5, 0.77, 0.99} : new double[] {0.05, 0.7, 1.3, 4.0, 25.0};
    for (double mu : mus) {
      double eta = l.link(mu);
      assertThat(l.validEta(eta)).isTrue();
      assertThat(l.inverse(eta)).as("%s at %s", l, mu)
          .isCloseTo(mu, Offset.offset(1e-12 * Math.max(1, mu)));
      double h = 1e-5 * Math.max(1e-3, Math.abs(eta));
      double fd = (l.inverse(eta + h) - l.inverse(eta - h)) / (2 * h);
      assertThat(l.muEta(eta)).as("mu.eta of %s at %s", l, mu)
          .isCloseTo(fd, Offset.offset(1e-7 * Math.abs(fd) + 1e-12));
    }
  }

  /** ∫ g(y) f(y) dy (continuous) or Σ g(y) f(y) (discrete) under the family at μ, φ, w. */
  static double expectation(Family f, double mu, double phi, double wt, DoubleUnaryOperator g) {
    DoubleUnaryOperator density = y -> Math.exp(f.logDensity(y, mu, wt, phi));
    switch (f) {
      case BINOMIAL: {
        double s = 0;
        for (int k = 0; k <= (int) wt; k++) {
          double y = k / wt;
          s += g.applyAsDouble(y) * density.applyAsDouble(y);
        }
        return s;
      }
      case POISSON: {
        double s = 0;
        for (int k = 0; k <= 200; k++) {
          s += g.applyAsDouble(k) * density.applyAsDouble(k);
        }
        return s;
      }
      default: {
        double sd = Math.sqrt(phi * f.variance(mu) / wt);
        double lo = f == Family.GAUSSIAN ? mu - 14 * sd : 1e-9;
        double hi = mu + 40 * sd;
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(16, 1e-13, 1e-15);
        double s = 0;
        int pieces = 400;
        for (int k = 0; k < pieces; k++) {
          double a = lo + (hi - lo) * k / pieces;
          double b = lo + (hi - lo) * (k + 1) / pieces;
          s += q.integrate(100_000, y -> g.applyAsDouble(y) * density.applyAsDouble(y), a, b);
        }
        return s;
      }
    }
  }

  static double dispersion(Family f) {
    return f.estimatesDispersion() ? 0.3 : 1.0;
  }

  static double weight(Family f) {
    return f == Family.BINOMIAL ? 7 : f == Family.POISSON ? 1 : 2;
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void densitiesAreNormalizedWithVariancePhiVOverW(Family f) {
    double mu = meanFor(f, f.canonicalLink());
    double phi = dispersion(f);
    double w = weight(f);
    assertThat(expectation(f, mu, phi, w, y -> 1)).isCloseTo(1, Offset.offset(1e-8));
    assertThat(expectation(f, mu, phi, w, y -> y)).isCloseTo(mu, Offset.offset(1e-8));
    assertThat(expectation(f, mu, phi, w, y -> (y - mu) * (y - mu)))
        .isCloseTo(phi * f.variance(mu) / w, Offset.offset(1e-8));
  }

  @ParameterizedTest
  @EnumSource(Family.class)
  void devianceResidualsAreTwicePhiTimesTheLogLikelihoodRatioToTheSaturatedModel(Family f) {
    double phi = dispersion(f);
    double w = weight(f);
    double[] ys = f == Family.BINOMIAL ? new double[] {0, 2 / 7.0, 1}
        : f == Family.POISSON ? new double[] {0, 1, 5} : new double[] {0.4, 1.0, 3.1};
    double mu = meanFor(f, f.canonicalLink());
    for (double y : ys) {
      double expected = 2 * phi * (f.logDensity(y, y, w, phi) - f.logDensity(y, mu, w, phi));
      assertThat(f.devianceResidual(y, mu, w)).as("%s y %s", f, y)
          .isCloseTo(expected, Offset.offset(1e-10 * (1 + Math.abs(expected))));
    }
  }

  /** Every family with every link R allows it. */
  static List<Object[]> pairs() {
    List<Object[]> out = new ArrayList<>();
    for (Family f : Family.values()) {
      for (Link l : f.links()) {
        out.add(new Object[] {f, l});
      }
    }
    return out;
  }

  /** η near g(μ₀) for every row: an intercept at g(μ₀) and small slopes on columns in [0, 1). */
  static GlmModel model(Family f, Link l, int n, Rng r, double[] betaOut) {
    int p = 3;
    double[] x = new double[n * p];
    double[] y = new double[n];
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
      x[i * p + 1] = r.nextDouble();
      x[i * p + 2] = r.nextDouble();
      w[i] = weight(f);
      double mu = meanFor(f, l) * (0.9 + 0.2 * r.nextDouble());
      y[i] = switch (f) {
        case BINOMIAL -> Math.floor(mu * w[i] + r.nextDouble() * 3) / w[i] > 1 ? 1
            : Math.floor(mu * w[i] + r.nextDouble() * 3) / w[i];
        case POISSON -> Math.floor(mu + 3 * r.nextDouble());
        default -> mu * (0.5 + r.nextDouble());
      };
    }
    double eta0 = l.link(meanFor(f, l));
    betaOut[0] = eta0;
    betaOut[1] = 0.05 * eta0;
    betaOut[2] = -0.03 * eta0;
    double[] offset = new double[n];
    for (int i = 0; i < n; i++) {
      offset[i] = 0.01 * (i % 3);
    }
    return new GlmModel(x, n, p, y, w, offset, f, l);
  }

  @ParameterizedTest
  @MethodSource("pairs")
  void theScoreIsTheLogLikelihoodsGradientAndTheFisherItsExpectedOuterProduct(Family f, Link l) {
    Rng r = Rng.of(f.ordinal() * 10L + l.ordinal());
    double[] beta = new double[3];
    GlmModel m = model(f, l, 25, r, beta);
    double phi = dispersion(f);
    double[] score = m.score(beta, phi);
    for (int j = 0; j < 3; j++) {
      double h = 1e-5 * Math.max(1, Math.abs(beta[j]));
      double[] bp = beta.clone();
      double[] bm = beta.clone();
      bp[j] += h;
      bm[j] -= h;
      double fd = (m.logLikelihood(bp, phi) - m.logLikelihood(bm, phi)) / (2 * h);
      assertThat(score[j]).as("%s/%s score %d", f, l, j)
          .isCloseTo(fd, Offset.offset(1e-6 * (Math.abs(fd) + 1)));
    }
    // E[s sᵀ] of a one-row model from the density, against its Fisher
    double[] x1 = {1, 0.4, 0.7};
    double eta = x1[0] * beta[0] + x1[1] * beta[1] + x1[2] * beta[2];
    double mu = l.inverse(eta);
    double w = weight(f);
    double c = w * l.muEta(eta) / (phi * f.variance(mu));
    double eu2 = expectation(f, mu, phi, w, y -> c * c * (y - mu) * (y - mu));
    GlmModel one = new GlmModel(x1, 1, 3, new double[] {mu}, new double[] {w}, null, f, l);
    DMatrixRMaj fisher = one.fisher(beta, phi);
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double expected = x1[a] * x1[b] * eu2;
        assertThat(fisher.get(a, b)).as("%s/%s Fisher (%d, %d)", f, l, a, b)
            .isCloseTo(expected, Offset.offset(1e-7 * (Math.abs(expected) + 1e-3)));
      }
    }
    if (l == f.canonicalLink()) {
      DMatrixRMaj full = m.fisher(beta, phi);
      for (int j = 0; j < 3; j++) {
        double h = 1e-5 * Math.max(1, Math.abs(beta[j]));
        double[] bp = beta.clone();
        double[] bm = beta.clone();
        bp[j] += h;
        bm[j] -= h;
        double[] sp = m.score(bp, phi);
        double[] sm = m.score(bm, phi);
        for (int k = 0; k < 3; k++) {
          double hess = (sp[k] - sm[k]) / (2 * h);
          assertThat(full.get(k, j)).as("%s canonical: Fisher = −Hessian", f)
              .isCloseTo(-hess, Offset.offset(1e-6 * (Math.abs(hess) + 1)));
        }
      }
    }
  }

  @Test
  void namesAreRsAndALinkTheFamilyDoesNotAllowIsRefused() {
    assertThat(Family.named("inverse.gaussian")).isEqualTo(Family.INVERSE_GAUSSIAN);
    assertThat(Family.named("Gamma")).isEqualTo(Family.GAMMA);
    assertThat(Link.named("1/mu^2")).isEqualTo(Link.INVERSE_SQUARED);
    assertThatThrownBy(() -> new GlmModel(new double[] {1}, 1, 1, new double[] {1}, null, null,
        Family.POISSON, Link.LOGIT)).hasMessageContaining("link logit is not available for the "
            + "poisson family; its links are [log, identity, sqrt]");
    assertThatThrownBy(() -> Family.named("tweedie")).hasMessageContaining("got 'tweedie'");
    assertThat(Link.PROBIT_THRESHOLD).isCloseTo(8.125890664701906, Offset.offset(1e-12));
  }
}
