package io.natgrad.rl.algo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.dist.Scale;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.metric.PolicySample;
import io.natgrad.rl.policy.GaussianPolicy;
import org.junit.jupiter.api.Test;

class SurrogateAndWeightsTest {

  /** Two episodes: rewards (1, 2, 3) and (4, 5), both truncated at their ends. */
  static Batch tiny() {
    return new Batch(1, 1, new double[] {0, 1, 2, 0, 1}, new double[] {0.5, -1, 2, 0.1, 0.3},
        new double[] {1, 2, 3, 4, 5}, new boolean[5],
        new boolean[] {false, false, true, false, true}, new double[] {-1, -1.2, -2, -0.9, -1},
        new int[] {0, 1, 2, 0, 1}, new int[] {0, 3, 5}, new double[] {3, 2});
  }

  @Test
  void totalReturnWeights() {
    assertThat(StepWeights.of(tiny(), Estimator.TOTAL_RETURN, Baseline.NONE))
        .containsExactly(6, 6, 6, 9, 9);
    // baseline = mean return 7.5
    assertThat(StepWeights.of(tiny(), Estimator.TOTAL_RETURN, Baseline.MEAN))
        .containsExactly(-1.5, -1.5, -1.5, 1.5, 1.5);
  }

  @Test
  void rewardToGoWeights() {
    assertThat(StepWeights.of(tiny(), Estimator.REWARD_TO_GO, Baseline.NONE))
        .containsExactly(6, 5, 3, 9, 5);
    // time-dependent means: t=0 (6+9)/2, t=1 (5+5)/2, t=2 3/1
    assertThat(StepWeights.of(tiny(), Estimator.REWARD_TO_GO, Baseline.MEAN))
        .containsExactly(-1.5, 0, 0, 1.5, 0);
  }

  @Test
  void surrogateGradientMatchesFiniteDifferencesAndIsTheEstimateAtThetaOld() {
    GaussianPolicy policy = new GaussianPolicy(Scale.LOG_SIGMA);
    Batch b = tiny();
    double[] psi = StepWeights.of(b, Estimator.TOTAL_RETURN, Baseline.NONE);
    Surrogate f = new Surrogate(PolicySample.perEpisode(policy, b), new double[2], psi);
    double[] theta = {0.3, -0.2};
    double[] g = new double[2];
    f.valueAndGradient(theta, g);
    for (int i = 0; i < 2; i++) {
      double[] p = theta.clone();
      double[] m = theta.clone();
      p[i] += 1e-6;
      m[i] -= 1e-6;
      double fd = (f.value(p) - f.value(m)) / 2e-6;
      assertThat(g[i]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
    }
    // at θ_old (where the batch's log π came from) the ratios are 1 and −∇f is ĝ
    double[] thetaOld = {0.0, 0.0};
    double[] lp = new double[5];
    for (int i = 0; i < 5; i++) {
      lp[i] = policy.logProb(thetaOld, b.observation(i), b.action(i));
    }
    Batch consistent = new Batch(1, 1, b.observations(), b.actions(), b.rewards(),
        b.terminated(), b.truncated(), lp, b.timesteps(), b.episodeOffsets(),
        b.finalObservations());
    Surrogate f0 = new Surrogate(PolicySample.perEpisode(policy, consistent), thetaOld, psi);
    double[] g0 = new double[2];
    assertThat(f0.valueAndGradient(thetaOld, g0)).isCloseTo(-(6 * 3 + 9 * 2) / 2.0, within(1e-12));
    double[] expected = new double[2];
    double[] s = new double[2];
    for (int i = 0; i < 5; i++) {
      policy.score(thetaOld, b.observation(i), b.action(i), s);
      expected[0] += psi[i] * s[0] / 2;
      expected[1] += psi[i] * s[1] / 2;
    }
    assertThat(g0).containsExactly(new double[] {-expected[0], -expected[1]}, within(1e-12));
  }
}
