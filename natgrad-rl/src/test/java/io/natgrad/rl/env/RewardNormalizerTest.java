package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reward normalization against Stable-Baselines3's VecNormalize: the reference values come from
 * its RunningMeanStd and reward path transcribed to numpy (scripts/reference/vecnorm_reward.py),
 * three copies, γ = 0.99, ten steps with episode ends, then a frozen step that clips.
 */
class RewardNormalizerTest {
  static final double[][] REWARDS = {{1.0, -1.0, 0.5}, {1.0, -1.0, 0.25}, {1.0, 0.0, -2.0},
      {1.0, -1.0, 3.0}, {1.0, -1.0, 0.0}, {1.0, 40.0, -0.5}, {1.0, -1.0, 0.5}, {0.0, -1.0, 1.5},
      {1.0, -300.0, 0.5}, {1.0, -1.0, 2.5}};
  static final boolean[][] DONES = {{false, false, false}, {false, false, true},
      {false, false, false}, {true, false, false}, {false, false, false}, {false, true, false},
      {false, false, false}, {false, false, true}, {false, false, false}, {false, true, false}};
  static final double[][] EXPECTED = {
      {1.1766885058512697, -1.1766885058512697, 0.5883442529256349},
      {0.7571262452433899, -0.7571262452433899, 0.18928156131084747},
      {0.572899586932649, 0.0, -1.145799173865298},
      {0.47911497983055235, -0.47911497983055235, 1.437344939491657},
      {0.46262967044109027, -0.46262967044109027, 0.0},
      {0.11791769969781103, 4.716707987912441, -0.058958849848905516},
      {0.12680677685393066, -0.12680677685393066, 0.06340338842696533},
      {0.0, -0.13470117140424748, 0.20205175710637122},
      {0.017296145497855735, -5.188843649356721, 0.008648072748927867},
      {0.013178550402893648, -0.013178550402893648, 0.03294637600723412}};

  @Test
  void matchesStableBaselines3VecNormalize() {
    RewardNormalizer n = new RewardNormalizer(3, 0.99, 10.0);
    double[] out = new double[3];
    for (int t = 0; t < REWARDS.length; t++) {
      n.step(REWARDS[t], DONES[t], out, true);
      for (int k = 0; k < 3; k++) {
        assertThat(out[k]).as("step %d copy %d", t, k)
            .isCloseTo(EXPECTED[t][k], within(1e-12 * Math.max(1, Math.abs(EXPECTED[t][k]))));
      }
    }
    RewardNormalizer.State s = n.state();
    assertThat(s.mean()).isCloseTo(-18.142964059779796, within(1e-9));
    assertThat(s.var()).isCloseTo(5757.907930034446, within(1e-7));
    assertThat(s.count()).isCloseTo(30.0001, within(1e-9));
    assertThat(s.returns()).containsExactly(new double[] {4.8718850599, 0.0, 2.995},
        within(1e-12));
    // frozen: neither the returns nor the statistics move, and scaled rewards are clipped
    n.step(new double[] {2.0, -3.0, 1000.0}, new boolean[3], out, false);
    assertThat(out).containsExactly(new double[] {0.026357100805787296, -0.039535651208680946,
        10.0}, within(1e-14));
    assertThat(n.state().returns()).containsExactly(s.returns());
    assertThat(n.state().count()).isEqualTo(s.count());
  }

  @Test
  void stateRoundTripsAndBadStateIsRefused() {
    RewardNormalizer a = new RewardNormalizer(3, 0.99, 10.0);
    double[] out = new double[3];
    for (int t = 0; t < 5; t++) {
      a.step(REWARDS[t], DONES[t], out, true);
    }
    RewardNormalizer b = new RewardNormalizer(3, 0.99, 10.0);
    b.restore(a.state());
    double[] outA = new double[3];
    double[] outB = new double[3];
    for (int t = 5; t < REWARDS.length; t++) {
      a.step(REWARDS[t], DONES[t], outA, true);
      b.step(REWARDS[t], DONES[t], outB, true);
      assertThat(outB).containsExactly(outA);
    }
    assertThatThrownBy(() -> b.restore(new RewardNormalizer.State(0, 1, 1, new double[2])))
        .hasMessageContaining("2 copies").hasMessageContaining("n_envs 3");
    assertThatThrownBy(() -> b.restore(new RewardNormalizer.State(0, -1, 1, new double[3])))
        .hasMessageContaining("var");
    assertThatThrownBy(() -> b.restore(
        new RewardNormalizer.State(0, 1, 1, new double[] {0, Double.NaN, 0})))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> new RewardNormalizer(2, 1.5, 10))
        .hasMessageContaining("gamma must be in [0, 1], got 1.5");
  }
}
