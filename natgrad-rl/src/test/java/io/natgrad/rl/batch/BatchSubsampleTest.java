package io.natgrad.rl.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Batch.everyKth: the steps sb3-contrib TRPO's sub_sampling_factor keeps (rows[::k]). */
class BatchSubsampleTest {
  /** Seven steps of a 2-d observation, 1-d action; two segments. */
  static Batch seven() {
    int n = 7;
    double[] obs = new double[2 * n];
    double[] act = new double[n];
    double[] rew = new double[n];
    double[] lp = new double[n];
    int[] ts = new int[n];
    boolean[] term = new boolean[n];
    for (int i = 0; i < n; i++) {
      obs[2 * i] = i;
      obs[2 * i + 1] = -i;
      act[i] = 10 + i;
      rew[i] = 100 + i;
      lp[i] = -0.1 * i;
      ts[i] = i < 3 ? i : i - 3;
    }
    term[2] = true;
    return new Batch(2, 1, obs, act, rew, term, new boolean[n], lp, ts, new int[] {0, 3, 7},
        new double[] {9, 9, 8, 8});
  }

  @Test
  void keepsEveryKthStepInOrder() {
    Batch b = seven().everyKth(3);
    assertThat(b.size()).isEqualTo(3); // steps 0, 3, 6
    assertThat(b.observations()).containsExactly(0, 0, 3, -3, 6, -6);
    assertThat(b.actions()).containsExactly(10, 13, 16);
    assertThat(b.rewards()).containsExactly(100, 103, 106);
    assertThat(b.logProbs()).containsExactly(-0.0, -0.1 * 3, -0.1 * 6);
    assertThat(b.timesteps()).containsExactly(0, 0, 3);
    assertThat(b.episodeOffsets()).containsExactly(0, 3);
    assertThat(b.finalObservations()).containsExactly(8, 8);
    assertThat(seven().everyKth(1).observations()).containsExactly(seven().observations());
    assertThat(seven().everyKth(2).size()).isEqualTo(4); // 0, 2, 4, 6
    assertThat(seven().everyKth(100).size()).isEqualTo(1);
    assertThatThrownBy(() -> seven().everyKth(0))
        .hasMessage("sub_sampling_factor must be >= 1, got 0");
  }
}
