package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.CartPole;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.CategoricalMlpPolicy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSamplerTest {
  final CategoricalMlpPolicy policy = new CategoricalMlpPolicy(4, 2, new int[] {8}, Activation.TANH);
  final double[] theta = policy.initialParameters(Rng.of(1));

  VectorSampler sampler(int copies, long seed, ObservationNormalizer norm) {
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      envs.add(EnvRegistry.make(CartPole.ID));
    }
    return new VectorSampler(envs, policy, seed, norm);
  }

  @Test
  void autoResetKeepsTheFinalObservationAndSegmentsAreContiguous() {
    VectorSampler s = sampler(3, 5, null);
    Batch b = s.collect(theta, 200);
    assertThat(b.size()).isEqualTo(600);
    int[] off = b.episodeOffsets();
    for (int e = 0; e < b.episodes(); e++) {
      int last = off[e + 1] - 1;
      // a segment ends at a done step or at the end of a copy's block
      boolean blockEnd = (last + 1) % 200 == 0;
      assertThat(b.terminated()[last] || b.truncated()[last] || blockEnd).isTrue();
      // timesteps count up within the segment
      for (int i = off[e] + 1; i <= last; i++) {
        assertThat(b.timesteps()[i]).isEqualTo(b.timesteps()[i - 1] + 1);
      }
      if (b.terminated()[last]) {
        // the kept final observation is the terminal one: outside CartPole's thresholds
        double[] f = b.finalObservation(e);
        assertThat(Math.abs(f[0]) > 2.4 || Math.abs(f[2]) > 12 * 2 * Math.PI / 360).isTrue();
      } else {
        // a cut segment continues: the final observation is the next batch's first one
        assertThat(b.finalObservation(e)).hasSize(4);
      }
    }
    List<double[]> eps = s.drainCompletedEpisodes();
    assertThat(eps).isNotEmpty();
    for (double[] ep : eps) {
      assertThat(ep[0]).isEqualTo(ep[1]); // CartPole: reward 1 per step
    }
  }

  @Test
  void rewardNormalizationScalesTheLearnersRewardsOnlyStepByStepOverAllCopies() {
    // Pendulum: rewards vary every step; four copies on two workers; episodes end at 200 steps
    io.natgrad.rl.policy.GaussianMlpPolicy gp = new io.natgrad.rl.policy.GaussianMlpPolicy(3, 1,
        new int[] {8}, Activation.TANH, 0.0);
    double[] th = gp.initialParameters(Rng.of(3));
    List<Env> a = new ArrayList<>();
    List<Env> b = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      a.add(EnvRegistry.make("Pendulum-v1"));
      b.add(EnvRegistry.make("Pendulum-v1"));
    }
    VectorSampler plain = new VectorSampler(a, gp, 9, null, 2);
    VectorSampler scaled = new VectorSampler(b, gp, 9, null, 2);
    scaled.normalizeRewards(new io.natgrad.rl.env.RewardNormalizer(4, 0.9, 10.0));
    io.natgrad.rl.env.RewardNormalizer expected = new io.natgrad.rl.env.RewardNormalizer(4, 0.9,
        10.0);
    int steps = 150; // episode ends fall inside the second batch
    for (int call = 0; call < 2; call++) {
      Batch raw = plain.collect(th, steps);
      Batch got = scaled.collect(th, steps);
      assertThat(got.observations()).containsExactly(raw.observations());
      assertThat(got.actions()).containsExactly(raw.actions());
      double[] r = new double[4];
      boolean[] done = new boolean[4];
      for (int t = 0; t < steps; t++) {
        for (int k = 0; k < 4; k++) {
          int i = k * steps + t;
          r[k] = raw.rewards()[i];
          done[k] = raw.terminated()[i] || raw.truncated()[i];
        }
        expected.step(r, done, r, true);
        for (int k = 0; k < 4; k++) {
          assertThat(got.rewards()[k * steps + t]).as("call %d step %d copy %d", call, t, k)
              .isEqualTo(r[k]);
        }
      }
      // the episode statistics stay in the environment's units
      assertThat(scaled.drainCompletedEpisodes()).usingRecursiveComparison()
          .isEqualTo(plain.drainCompletedEpisodes());
    }
    assertThat(scaled.snapshot().rewardNormalizer().returns())
        .containsExactly(expected.state().returns());
  }

  /**
   * With normalization the workers meet after every vector step; they share a collect only when a
   * step is slow (here 2 × 60 µs of simulated work): the batches and statistics are the same bits
   * as one worker's either way.
   */
  @Test
  void slowStepsSharedPerStepGiveTheSameBatchAsOneWorker() {
    Batch[] batches = new Batch[2];
    double[][] stats = new double[2][];
    for (int w = 1; w <= 2; w++) {
      List<Env> envs = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        envs.add(new io.natgrad.rl.env.BusyWork(EnvRegistry.make(CartPole.ID), 60));
      }
      ObservationNormalizer norm = ObservationNormalizer.fresh(4);
      VectorSampler s = new VectorSampler(envs, policy, 11, norm, w);
      s.normalizeRewards(new io.natgrad.rl.env.RewardNormalizer(2, 0.99, 10.0));
      s.collect(theta, 40);
      batches[w - 1] = s.collect(theta, 40);
      stats[w - 1] = norm.stats().mean();
      s.close();
    }
    assertThat(batches[1].observations()).containsExactly(batches[0].observations());
    assertThat(batches[1].actions()).containsExactly(batches[0].actions());
    assertThat(batches[1].rewards()).containsExactly(batches[0].rewards());
    assertThat(batches[1].logProbs()).containsExactly(batches[0].logProbs());
    assertThat(stats[1]).containsExactly(stats[0]);
  }

  @Test
  void whenEveryWorkerFailsTheLowestCopysErrorIsReportedWhateverTheTiming() {
    // four copies all return a NaN reward on their third step
    io.natgrad.rl.policy.GaussianMlpPolicy g =
        new io.natgrad.rl.policy.GaussianMlpPolicy(1, 1, new int[] {4}, Activation.TANH, 0.0);
    // 2 workers share the kernels' thread team, 4 use a pool: both report copy 0
    for (int run = 0; run < 20; run++) {
      List<Env> envs = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        envs.add(new io.natgrad.rl.env.NanRewardEnv());
      }
      try (VectorSampler s = new VectorSampler(envs, g, 1, null, run % 2 == 0 ? 2 : 4)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.collect(
                g.initialParameters(Rng.of(1)), 5))
            .hasMessageContaining("(copy 0)")
            .hasMessageContaining("non-finite reward NaN");
      }
    }
  }

  @Test
  void aCutSegmentContinuesInTheNextBatch() {
    VectorSampler s = sampler(1, 2, null);
    Batch first = s.collect(theta, 5);
    Batch second = s.collect(theta, 5);
    int lastSeg = first.episodes() - 1;
    if (!first.terminated()[4] && !first.truncated()[4]) {
      assertThat(second.observation(0)).containsExactly(first.finalObservation(lastSeg));
      assertThat(second.timesteps()[0]).isEqualTo(first.timesteps()[4] + 1);
    }
  }

  @Test
  void sameSeedSameBatchAndNormalizerIsUpdatedInOrder() {
    ObservationNormalizer n1 = ObservationNormalizer.fresh(4);
    ObservationNormalizer n2 = ObservationNormalizer.fresh(4);
    Batch a = sampler(2, 9, n1).collect(theta, 300);
    Batch b = sampler(2, 9, n2).collect(theta, 300);
    assertThat(b.observations()).containsExactly(a.observations());
    assertThat(b.actions()).containsExactly(a.actions());
    assertThat(n2.stats().mean()).containsExactly(n1.stats().mean());
    // 2 copies: 1 reset row each plus one row per vector step
    assertThat(n1.stats().count()).isCloseTo(2 + 600 + 1e-4, org.assertj.core.data.Offset.offset(1e-9));
    // normalized observations are clipped to ±10
    for (double o : a.observations()) {
      assertThat(Math.abs(o)).isLessThanOrEqualTo(10.0);
    }
  }
}
