package io.natgrad.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTest {

  @Test
  void sameSeedSameStreamAndStateRoundTrips() {
    Rng a = Rng.of(123);
    Rng b = Rng.of(123);
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    Rng c = Rng.fromState(a.state());
    for (int i = 0; i < 100; i++) {
      assertThat(c.nextGaussian()).isEqualTo(a.nextGaussian());
    }
  }

  @Test
  void derivedStreamsDiffer() {
    assertThat(Rng.derive(1, 0)).isNotEqualTo(Rng.derive(1, 1));
    assertThat(Rng.derive(1, "sampler")).isNotEqualTo(Rng.derive(1, "metric"));
    assertThat(Rng.derive(1, 0)).isNotEqualTo(Rng.derive(2, 0));
    assertThat(Rng.of(Rng.derive(1, 0)).nextLong()).isNotEqualTo(Rng.of(Rng.derive(1, 1)).nextLong());
  }

  @Test
  void uniformDrawsLookUniform() {
    Rng r = Rng.of(5);
    int n = 100_000;
    int[] bins = new int[10];
    for (int i = 0; i < n; i++) {
      bins[(int) (r.nextDouble() * 10)]++;
    }
    double chi2 = 0;
    for (int b : bins) {
      chi2 += Math.pow(b - n / 10.0, 2) / (n / 10.0);
    }
    // 9 degrees of freedom: P(chi2 > 27.9) = 0.001
    assertThat(chi2).isLessThan(27.9);
  }
}
