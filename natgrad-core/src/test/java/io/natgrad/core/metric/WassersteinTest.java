package io.natgrad.core.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.dist.Scale;
import io.natgrad.core.mle.GaussianFit;
import io.natgrad.core.mle.StepReading;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Gaussian family's 2-Wasserstein metric: G is the Hessian of d ↦ W₂²(θ, θ + d) at d = 0
 * (central differences of the closed form Δμ² + Δσ²), the closed form agrees with the 1-D quantile
 * formula on samples, and in (μ, σ), where G = 2I, natural gradient descent with it takes the
 * iterates of gradient descent at ε/2 (trust region) and α/2 (learning rate).
 */
class WassersteinTest {

  static double w2squared(Gaussian f, double[] a, double[] b) {
    double dm = a[0] - b[0];
    double ds = f.sigma(a) - f.sigma(b);
    return dm * dm + ds * ds;
  }

  @ParameterizedTest
  @CsvSource({"SIGMA, 1.5, 0.7", "SIGMA, -3, 4", "LOG_SIGMA, 0.2, -0.4", "LOG_SIGMA, 2, 1.3"})
  void metricIsTheHessianOfTheSquaredDistance(Scale scale, double a, double b) {
    Gaussian f = new Gaussian(scale);
    double[] theta = {a, b};
    DMatrixRMaj g = Metric.wasserstein(f).at(theta).toDense();
    double h = 1e-4;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double[] pp = theta.clone();
        double[] pm = theta.clone();
        double[] mp = theta.clone();
        double[] mm = theta.clone();
        pp[i] += h;
        pp[j] += h;
        pm[i] += h;
        pm[j] -= h;
        mp[i] -= h;
        mp[j] += h;
        mm[i] -= h;
        mm[j] -= h;
        double hess = (w2squared(f, theta, pp) - w2squared(f, theta, pm)
            - w2squared(f, theta, mp) + w2squared(f, theta, mm)) / (4 * h * h);
        assertThat(g.get(i, j)).as("G[%d][%d]", i, j).isCloseTo(hess, within(1e-6));
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 1, 1.5, 2", "3, 0.5, -1, 4"})
  void closedFormAgreesWithTheQuantileFormula(double m1, double s1, double m2, double s2) {
    // W₂² = ∫₀¹ (F⁻¹(u) − G⁻¹(u))² du; for Gaussians F⁻¹(u) = μ + σ Φ⁻¹(u): midpoint rule
    int n = 200_000;
    double sum = 0;
    org.hipparchus.distribution.continuous.NormalDistribution z =
        new org.hipparchus.distribution.continuous.NormalDistribution(0, 1);
    for (int k = 0; k < n; k++) {
      double q = z.inverseCumulativeProbability((k + 0.5) / n);
      double diff = (m1 + s1 * q) - (m2 + s2 * q);
      sum += diff * diff / n;
    }
    Gaussian f = Gaussian.meanSigma();
    assertThat(sum).isCloseTo(w2squared(f, new double[] {m1, s1}, new double[] {m2, s2}),
        within(1e-3));
  }

  @ParameterizedTest
  @EnumSource(value = StepReading.class, names = {"TRUST_REGION", "LEARNING_RATE_MEAN"})
  void inMuSigmaItIsGradientDescentAtHalfTheStep(StepReading reading) {
    double[] data = GaussianFit.paperDataset();
    GaussianFit.Path w = GaussianFit.run(data, "w", Metric.wasserstein(GaussianFit.FAMILY),
        reading, 1e-3, 0.0, 1.0, 300, true);
    GaussianFit.Path gd = GaussianFit.run(data, "gd", Metric.euclidean(), reading, 0.5e-3, 0.0,
        1.0, 300, true);
    assertThat(w.points()).hasSameSizeAs(gd.points());
    for (int k = 0; k < w.points().size(); k++) {
      GaussianFit.PathPoint a = w.points().get(k);
      GaussianFit.PathPoint b = gd.points().get(k);
      assertThat(a.mu()).isCloseTo(b.mu(), within(1e-12 * (1 + Math.abs(b.mu()))));
      assertThat(a.sigma()).isCloseTo(b.sigma(), within(1e-12 * (1 + Math.abs(b.sigma()))));
    }
  }
}
