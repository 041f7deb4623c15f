package io.natgrad.core.mle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.FiniteDifferences;
import io.natgrad.core.dist.Gaussian;
import org.junit.jupiter.api.Test;

/** Figure 3's fields with population statistics (mean 12, variance 16). */
class GaussianGradientFieldTest {
  final GaussianGradientField field = new GaussianGradientField(12, 16);

  @Test
  void spotValues() {
    assertThat(field.gradient(0, 1)).containsExactly(new double[] {-12, -159}, within(1e-12));
    assertThat(field.naturalGradient(0, 1)).containsExactly(new double[] {-12, -79.5}, within(1e-12));
    assertThat(field.gradient(6, 3)).containsExactly(
        new double[] {-0.666667, -1.592593}, within(1e-6));
    assertThat(field.naturalGradient(6, 3)).containsExactly(
        new double[] {-6, -7.166667}, within(1e-6));
  }

  @Test
  void gradientIsTheDerivativeOfTheCrossEntropy() {
    Gaussian g = Gaussian.meanSigma();
    // f(μ, σ) = H(p*) + KL(p* ‖ p_θ), p* = N(12, 16)
    double[] star = {12, 4};
    for (double[] t : new double[][] {{0, 1}, {6, 3}, {14, 0.5}, {12, 6}}) {
      double[] fd = FiniteDifferences.gradient(x -> g.kl(star, x), t, 1e-6);
      assertThat(FiniteDifferences.relativeError(field.gradient(t[0], t[1]), fd)).isLessThan(1e-6);
    }
  }

  @Test
  void vectorLengthRatios() {
    FieldStats s = FieldStats.of(field);
    assertThat(s.gradientRatio()).isCloseTo(1033.75, within(0.005));
    assertThat(s.naturalRatio()).isCloseTo(18.43, within(0.005));
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> new GaussianGradientField(12, 0)).hasMessageContaining("variance");
    assertThatThrownBy(() -> field.gradient(0, -1)).hasMessageContaining("sigma");
  }

  /** max/median vector length of each field over the paper's grid. */
  record FieldStats(double gradientRatio, double naturalRatio) {
    static FieldStats of(GaussianGradientField f) {
      var grid = GaussianGradientField.paperGrid(f);
      return new FieldStats(
          GaussianGradientField.maxOverMedianLength(grid, false),
          GaussianGradientField.maxOverMedianLength(grid, true));
    }
  }
}
