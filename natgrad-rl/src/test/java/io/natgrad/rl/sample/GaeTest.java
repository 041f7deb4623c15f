package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.rl.batch.Batch;
import org.junit.jupiter.api.Test;

class GaeTest {

  /** Segment 0: 2 steps, terminated; segment 1: 2 steps, truncated; segment 2: 1 step, cut. */
  static Batch batch() {
    return new Batch(1, 1, new double[5], new double[5], new double[] {1, 2, 3, 4, 5},
        new boolean[] {false, true, false, false, false},
        new boolean[] {false, false, false, true, false}, new double[5],
        new int[] {0, 1, 0, 1, 0}, new int[] {0, 2, 4, 5}, new double[] {9, 9, 9});
  }

  @Test
  void bootstrapsOnTruncationAndOnCutsButNotOnTermination() {
    double g = 0.9;
    double l = 0.8;
    double[] v = {0.5, 0.25, 1.0, 2.0, 3.0};
    double[] fin = {100, 10, 20};
    Gae.Result r = Gae.compute(batch(), v, fin, g, l);
    // segment 0 terminated: V(final) ignored
    double d1 = 2 + 0 - 0.25;
    double d0 = 1 + g * 0.25 - 0.5;
    assertThat(r.advantages()[1]).isCloseTo(d1, within(1e-12));
    assertThat(r.advantages()[0]).isCloseTo(d0 + g * l * d1, within(1e-12));
    // segment 1 truncated: bootstraps V(final) = 10
    double d3 = 4 + g * 10 - 2.0;
    double d2 = 3 + g * 2.0 - 1.0;
    assertThat(r.advantages()[3]).isCloseTo(d3, within(1e-12));
    assertThat(r.advantages()[2]).isCloseTo(d2 + g * l * d3, within(1e-12));
    // segment 2 cut by the batch: bootstraps V(next observation) = 20
    assertThat(r.advantages()[4]).isCloseTo(5 + g * 20 - 3.0, within(1e-12));
    for (int i = 0; i < 5; i++) {
      assertThat(r.returns()[i]).isCloseTo(r.advantages()[i] + v[i], within(1e-12));
    }
  }

  @Test
  void lambdaOneGivesDiscountedReturnsMinusValues() {
    double[] v = {0.5, 0.25, 1.0, 2.0, 3.0};
    Gae.Result r = Gae.compute(batch(), v, new double[] {0, 0, 0}, 0.5, 1.0);
    // segment 0 return from step 0: 1 + 0.5·2
    assertThat(r.returns()[0]).isCloseTo(2.0, within(1e-12));
    double[] n = Gae.normalize(new double[] {1, 2, 3});
    assertThat(n).containsExactly(new double[] {-1, 0, 1}, within(1e-7));
  }
}
