package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.env.ClipAction;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.Pendulum;
import io.natgrad.rl.nn.Activation;
import io.natgrad.rl.policy.GaussianMlpPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-reset keeps the truncated episode's last observation for bootstrapping: Pendulum is always
 * truncated at 200 steps, and GAE must bootstrap V there from that observation, not from the next
 * episode's first one.
 */
class AutoResetBootstrapTest {

  @Test
  void truncatedEpisodesBootstrapFromTheirOwnFinalObservation() {
    GaussianMlpPolicy policy = new GaussianMlpPolicy(3, 1, new int[] {8}, Activation.TANH, 0);
    double[] theta = policy.initialParameters(Rng.of(1));
    VectorSampler s = new VectorSampler(
        List.of(new ClipAction(EnvRegistry.make(Pendulum.ID))), policy, 3, null);
    Batch b = s.collect(theta, 250);
    assertThat(b.episodeOffsets()).containsExactly(0, 200, 250);
    assertThat(b.truncated()[199]).isTrue();
    assertThat(b.terminated()[199]).isFalse();
    double[] last = b.finalObservation(0);
    double[] nextFirst = b.observation(200);
    // the final observation continues the trajectory of step 199, the reset one does not
    assertThat(last).isNotEqualTo(nextFirst);
    assertThat(b.timesteps()[200]).isZero();
    assertThat(b.timesteps()[199]).isEqualTo(199);
    // with V ≡ v the truncated step's advantage is r + γv − v, the cut one's too, and the
    // terminal-free Pendulum never drops the bootstrap
    double v = 3.0;
    double[] values = new double[b.size()];
    java.util.Arrays.fill(values, v);
    Gae.Result g = Gae.compute(b, values, new double[] {v, v}, 0.9, 0.0);
    assertThat(g.advantages()[199]).isCloseTo(b.rewards()[199] + 0.9 * v - v, within(1e-12));
    assertThat(g.advantages()[249]).isCloseTo(b.rewards()[249] + 0.9 * v - v, within(1e-12));
  }
}
