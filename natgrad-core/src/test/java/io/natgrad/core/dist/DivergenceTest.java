package io.natgrad.core.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KL, entropy and sampling against independent estimates and the second-order expansion. */
class DivergenceTest {

  static List<Arguments> cases() {
    return Families.cases();
  }

  static double[] randomUnit(int n, Rng rng) {
    double[] d = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      d[i] = rng.nextGaussian();
      norm += d[i] * d[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < n; i++) {
      d[i] /= norm;
    }
    return d;
  }

  /**
   * KL(p_θ ‖ p_θ+d) − ½ dᵀF(θ)d = O(‖d‖³) (paper, "The Natural Gradient on Probability Spaces"):
   * the error divided by ‖d‖³ stays bounded as d shrinks along fixed directions.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void klMinusHalfFisherQuadraticIsThirdOrder(String name, ParametricFamily f, double[] theta) {
    DMatrixRMaj fisher = f.fisher(theta);
    Rng rng = Rng.of(31);
    for (int dir = 0; dir < 5; dir++) {
      double[] u = randomUnit(theta.length, rng);
      double[] ratios = new double[5];
      double[] scales = {1e-1, 3e-2, 1e-2, 3e-3, 1e-3};
      for (int s = 0; s < scales.length; s++) {
        double[] d = u.clone();
        for (int i = 0; i < d.length; i++) {
          d[i] *= scales[s];
        }
        double[] q = theta.clone();
        for (int i = 0; i < q.length; i++) {
          q[i] += d[i];
        }
        double quad = 0;
        for (int i = 0; i < d.length; i++) {
          for (int j = 0; j < d.length; j++) {
            quad += d[i] * fisher.get(i, j) * d[j];
          }
        }
        double err = Math.abs(f.kl(theta, q) - 0.5 * quad);
        ratios[s] = err / Math.pow(scales[s], 3);
      }
      double bound = Math.max(ratios[0], 1e-3) * 2;
      for (int s = 1; s < ratios.length; s++) {
        assertThat(ratios[s]).as("%s direction %d scale %g", name, dir, scales[s])
            .isLessThan(bound);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void klMatchesMonteCarloAndIsNonNegative(String name, ParametricFamily f, double[] theta) {
    Rng rng = Rng.of(8);
    double[] other = theta.clone();
    for (int i = 0; i < other.length; i++) {
      other[i] += 0.3 * (i % 2 == 0 ? 1 : -1);
    }
    assertThat(f.kl(theta, theta)).isCloseTo(0.0, within(1e-14));
    for (double[][] pq : new double[][][] {{theta, other}, {other, theta}}) {
      int n = 200_000;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < n; i++) {
        double[] x = f.sample(pq[0], rng);
        double v = f.logProb(pq[0], x) - f.logProb(pq[1], x);
        sum += v;
        sumSq += v * v;
      }
      double mean = sum / n;
      double se = Math.sqrt((sumSq / n - mean * mean) / n);
      double kl = f.kl(pq[0], pq[1]);
      assertThat(kl).isGreaterThan(0);
      assertThat(Math.abs(kl - mean)).as(name).isLessThan(4 * se + 1e-12);
    }
    assertThat(f.klReverse(theta, other)).isEqualTo(f.kl(other, theta));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void entropyMatchesMonteCarlo(String name, ParametricFamily f, double[] theta) {
    Rng rng = Rng.of(9);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double v = -f.logProb(theta, f.sample(theta, rng));
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double se = Math.sqrt((sumSq / n - mean * mean) / n);
    assertThat(Math.abs(f.entropy(theta) - mean)).as(name).isLessThan(4 * se + 1e-12);
  }

  @Test
  void gaussianSamplesHaveTheRightMoments() {
    Gaussian g = Gaussian.meanLogSigma();
    double[] theta = g.theta(3.0, 2.0);
    Rng rng = Rng.of(1);
    int n = 100_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double x = g.sample(theta, rng)[0];
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    assertThat(Math.abs(mean - 3.0)).isLessThan(4 * 2.0 / Math.sqrt(n));
    // the variance of the sample variance is 2σ⁴/n
    assertThat(Math.abs(var - 4.0)).isLessThan(4 * Math.sqrt(2 * 16.0 / n));
  }

  @Test
  void categoricalSampleFrequenciesMatchProbabilities() {
    Categorical c = new Categorical(3);
    double[] theta = {0.0, 1.0, -1.0};
    double[] p = c.probabilities(theta);
    Rng rng = Rng.of(2);
    int n = 100_000;
    int[] counts = new int[3];
    for (int i = 0; i < n; i++) {
      counts[(int) c.sample(theta, rng)[0]]++;
    }
    for (int i = 0; i < 3; i++) {
      double se = Math.sqrt(p[i] * (1 - p[i]) / n);
      assertThat(Math.abs(counts[i] / (double) n - p[i])).isLessThan(4 * se);
    }
  }

  @Test
  void closedFormsAtKnownPoints() {
    Gaussian g = Gaussian.meanSigma();
    // KL(N(0,1) ‖ N(1,2²)) = log 2 + (1 + 1)/8 − ½
    assertThat(g.kl(new double[] {0, 1}, new double[] {1, 2}))
        .isCloseTo(Math.log(2) + 0.25 - 0.5, within(1e-15));
    assertThat(g.entropy(new double[] {5, 1}))
        .isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E), within(1e-15));
    assertThat(g.fisher(new double[] {0, 2}).data).containsExactly(0.25, 0, 0, 0.5);
    assertThat(Gaussian.meanLogSigma().fisher(new double[] {0, Math.log(2)}).data)
        .containsExactly(0.25, 0, 0, 2.0);
    assertThat(new Categorical(2).entropy(new double[] {0, 0})).isCloseTo(Math.log(2), within(1e-15));
  }

  @Test
  void invalidParametersAreNamed() {
    assertThatThrownBy(() -> Gaussian.meanSigma().validate(new double[] {0, -1}))
        .hasMessageContaining("sigma").hasMessageContaining("-1");
    assertThatThrownBy(() -> Gaussian.meanSigma().validate(new double[] {Double.NaN, 1}))
        .hasMessageContaining("mu").hasMessageContaining("NaN");
    assertThatThrownBy(() -> new DiagonalGaussian(2, Scale.SIGMA).validate(new double[] {0, 0, 1, 0}))
        .hasMessageContaining("sigma[1]");
    assertThatThrownBy(() -> new Categorical(3).logProb(new double[3], new double[] {3}))
        .hasMessageContaining("[0, 2]").hasMessageContaining("3");
  }
}
