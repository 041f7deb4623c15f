package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.LinearGaussianWalk;
import io.natgrad.rl.env.NanRewardEnv;
import io.natgrad.rl.env.NonFiniteEnvironmentException;
import io.natgrad.rl.env.TimeLimit;
import io.natgrad.rl.policy.GaussianPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerialSamplerTest {
  final GaussianPolicy policy = GaussianPolicy.meanSigma();
  final double[] theta = {1.0, 2.0};

  SerialSampler sampler(long seed, int horizon) {
    return new SerialSampler(EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", horizon)),
        policy, seed);
  }

  @Test
  void episodesAreContiguousAndComplete() {
    Batch b = sampler(1, 4).sampleEpisodes(theta, 3);
    assertThat(b.size()).isEqualTo(12);
    assertThat(b.episodeOffsets()).containsExactly(0, 4, 8, 12);
    for (int e = 0; e < 3; e++) {
      assertThat(b.episodeComplete(e)).isTrue();
      assertThat(b.truncated()[4 * e + 3]).isTrue();
      assertThat(b.observation(4 * e)).containsExactly(0.0);
    }
    // observation row i is the state before action i; the state integrates the actions
    assertThat(b.observation(1)[0]).isEqualTo(b.action(0)[0]);
    assertThat(b.rewards()[0]).isEqualTo(-2 * b.action(0)[0] * b.action(0)[0]);
    for (int i = 0; i < b.size(); i++) {
      assertThat(b.logProbs()[i]).isEqualTo(policy.logProb(theta, b.observation(i), b.action(i)));
    }
  }

  @Test
  void sameSeedSameBatchOtherSeedOtherBatch() {
    Batch a = sampler(42, 10).sampleEpisodes(theta, 5);
    Batch b = sampler(42, 10).sampleEpisodes(theta, 5);
    Batch c = sampler(43, 10).sampleEpisodes(theta, 5);
    assertThat(b.actions()).containsExactly(a.actions());
    assertThat(b.rewards()).containsExactly(a.rewards());
    assertThat(c.actions()).isNotEqualTo(a.actions());
  }

  @Test
  void stepSamplingContinuesEpisodesAcrossCalls() {
    SerialSampler s = sampler(3, 4);
    Batch first = s.sampleSteps(theta, 6);
    assertThat(first.episodeOffsets()).containsExactly(0, 4, 6);
    assertThat(first.episodeComplete(0)).isTrue();
    assertThat(first.episodeComplete(1)).isFalse();
    Batch second = s.sampleSteps(theta, 4);
    // the unfinished episode goes on: 2 more steps, then a new one
    assertThat(second.episodeOffsets()).containsExactly(0, 2, 4);
    assertThat(second.observation(0)[0]).isNotEqualTo(0.0);
    assertThat(second.truncated()[1]).isTrue();
    assertThat(second.observation(2)).containsExactly(0.0);
    assertThat(s.totalSteps()).isEqualTo(10);
  }

  @Test
  void nonFiniteRewardNamesTheEnvironmentTheStepAndTheValue() {
    SerialSampler s = new SerialSampler(new TimeLimit(new NanRewardEnv(), 10), policy, 0);
    assertThatThrownBy(() -> s.sampleEpisodes(theta, 1))
        .isInstanceOf(NonFiniteEnvironmentException.class)
        .hasMessageContaining("NanEnv-v0").hasMessageContaining("step 3")
        .hasMessageContaining("reward NaN");
  }
}
