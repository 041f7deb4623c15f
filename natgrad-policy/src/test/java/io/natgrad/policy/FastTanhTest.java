package io.natgrad.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FastTanh against Math.tanh over the whole range, in ulps of the result. */
class FastTanhTest {

  @Test
  void withinAFewUlpOfMathTanhEverywhere() {
    SplittableRandom rng = new SplittableRandom(1);
    double worst = 0;
    double sum = 0;
    int n = 0;
    for (int k = 0; k < 600_000; k++) {
      double x;
      switch (k % 3) {
        case 0 -> x = -25 + 50 * rng.nextDouble();
        case 1 -> x = -2 + 4 * rng.nextDouble();
        default -> x = Math.copySign(Math.pow(10, -12 + 12 * rng.nextDouble()),
            rng.nextDouble() - 0.5);
      }
      double ref = Math.tanh(x);
      double err = Math.abs(FastTanh.tanh(x) - ref) / Math.ulp(ref);
      worst = Math.max(worst, err);
      sum += err;
      n++;
    }
    // Math.tanh is itself within 2.5 ulp of tanh, FastTanh within 5.3: they differ by at most 7.8
    assertThat(worst).isLessThanOrEqualTo(7.8);
    assertThat(sum / n).isLessThan(1.2);
    System.out.printf("FastTanh vs Math.tanh: max %.2f ulp, mean %.3f ulp%n", worst, sum / n);
  }

  @Test
  void specialValues() {
    assertThat(FastTanh.tanh(0.0)).isEqualTo(0.0);
    assertThat(FastTanh.tanh(-0.0)).isZero(); // the sign of −0 is not kept
    assertThat(FastTanh.tanh(1e300)).isEqualTo(1.0);
    assertThat(FastTanh.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
    assertThat(FastTanh.tanh(Double.NaN)).isNaN();
    assertThat(FastTanh.tanh(19.1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(Math.ulp(1.0)));
    // odd symmetry holds exactly
    for (double x = -5; x <= 5; x += 0.37) {
      assertThat(FastTanh.tanh(-x)).isEqualTo(-FastTanh.tanh(x));
    }
  }
}
