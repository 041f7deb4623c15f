package io.natgrad.core.dist;

import io.natgrad.core.random.Rng;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Families under test, each with a few parameter points. */
final class Families {
  private Families() {}

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("gaussian(mu,sigma)", Gaussian.meanSigma(), new double[] {0.3, 1.7}),
        Arguments.of("gaussian(mu,sigma) far", Gaussian.meanSigma(), new double[] {-12, 0.4}),
        Arguments.of("gaussian(mu,log sigma)", Gaussian.meanLogSigma(), new double[] {2.0, -0.6}),
        Arguments.of("diag-gaussian(sigma)", new DiagonalGaussian(3, Scale.SIGMA),
            new double[] {0.1, -1, 2, 0.5, 1.5, 3}),
        Arguments.of("diag-gaussian(log sigma)", new DiagonalGaussian(2, Scale.LOG_SIGMA),
            new double[] {1, -2, 0.3, -0.7}),
        Arguments.of("categorical(4)", new Categorical(4), new double[] {0.2, -1, 1.5, 0}),
        Arguments.of("categorical(2)", new Categorical(2), new double[] {3, -1}));
  }

  /** A deterministic event: a sample from the family at θ with a fixed seed. */
  static double[] someEvent(ParametricFamily f, double[] theta, long seed) {
    return f.sample(theta, Rng.of(seed));
  }
}
