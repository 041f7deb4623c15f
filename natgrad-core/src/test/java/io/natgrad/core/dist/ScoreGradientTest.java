package io.natgrad.core.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.FiniteDifferences;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every analytic score ∇θ log p_θ(x) against central finite differences of log p. */
class ScoreGradientTest {

  static List<Arguments> cases() {
    return Families.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void scoreMatchesFiniteDifferences(String name, ParametricFamily family, double[] theta) {
    for (long seed = 1; seed <= 5; seed++) {
      double[] x = Families.someEvent(family, theta, seed);
      double[] analytic = family.score(theta, x);
      double[] fd = FiniteDifferences.gradient(t -> family.logProb(t, x), theta, 1e-5);
      assertThat(FiniteDifferences.relativeError(analytic, fd))
          .as("%s at x=%s", name, java.util.Arrays.toString(x))
          .isLessThan(1e-6);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void batchNegativeLogLikelihoodMatchesPointwiseSums(
      String name, ParametricFamily family, double[] theta) {
    double[][] data = new double[50][];
    for (int i = 0; i < data.length; i++) {
      data[i] = Families.someEvent(family, theta, 100 + i);
    }
    double[] grad = new double[theta.length];
    double value = family.sumNegativeLogLikelihood(theta, data, grad);
    double expected = 0;
    double[] expectedGrad = new double[theta.length];
    for (double[] x : data) {
      expected -= family.logProb(theta, x);
      double[] s = family.score(theta, x);
      for (int j = 0; j < s.length; j++) {
        expectedGrad[j] -= s[j];
      }
    }
    assertThat(value).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1e-10));
    assertThat(FiniteDifferences.relativeError(grad, expectedGrad)).isLessThan(1e-12);
    // and its gradient is the finite difference of its value
    double[] fd = FiniteDifferences.gradient(
        t -> family.sumNegativeLogLikelihood(t, data, null), theta, 1e-5);
    assertThat(FiniteDifferences.relativeError(grad, fd)).isLessThan(1e-6);
  }
}
