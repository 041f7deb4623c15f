package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearGaussianWalkTest {

  @Test
  void rewardUsesTheStateAfterTheMove() {
    Env env = EnvRegistry.make(LinearGaussianWalk.ID);
    assertThat(env.reset(1)).containsExactly(0.0);
    StepResult r1 = env.step(new double[] {2.0});
    assertThat(r1.observation()).containsExactly(2.0);
    assertThat(r1.reward()).isEqualTo(-4.0 - 4.0);
    StepResult r2 = env.step(new double[] {-3.0});
    assertThat(r2.observation()).containsExactly(-1.0);
    assertThat(r2.reward()).isEqualTo(-1.0 - 9.0);
    assertThat(r2.terminated()).isFalse();
    assertThat(r2.truncated()).isFalse();
  }

  @Test
  void horizonTruncatesAndStepAfterTheEndIsRefused() {
    Env env = EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", 3));
    env.reset(0);
    assertThat(env.step(new double[] {0}).done()).isFalse();
    assertThat(env.step(new double[] {0}).done()).isFalse();
    StepResult last = env.step(new double[] {0});
    assertThat(last.truncated()).isTrue();
    assertThat(last.terminated()).isFalse();
    assertThatThrownBy(() -> env.step(new double[] {0}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
    env.reset();
    assertThat(env.step(new double[] {1}).observation()).containsExactly(1.0);
    assertThat(EnvRegistry.make(LinearGaussianWalk.ID)).isInstanceOfSatisfying(TimeLimit.class,
        t -> assertThat(t.maxEpisodeSteps()).isEqualTo(10));
  }

  @Test
  void stepBeforeResetIsRefused() {
    assertThatThrownBy(() -> new LinearGaussianWalk().step(new double[] {0}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reset");
  }

  @Test
  void actionsOutsideTheSpaceAreRefused() {
    Env env = EnvRegistry.make(LinearGaussianWalk.ID);
    env.reset(0);
    assertThatThrownBy(() -> env.step(new double[] {Double.NaN}))
        .hasMessageContaining("LinearGaussianWalk-v0 action").hasMessageContaining("NaN")
        .hasMessageContaining("Box");
    assertThatThrownBy(() -> env.step(new double[] {1, 2})).hasMessageContaining("outside");
    Box bounded = Box.of(1, -1, 1);
    assertThat(bounded.contains(new double[] {1})).isTrue();
    assertThat(bounded.contains(new double[] {1.0000001})).isFalse();
    Discrete d = new Discrete(3);
    assertThat(d.contains(new double[] {2})).isTrue();
    assertThat(d.contains(new double[] {3})).isFalse();
    assertThat(d.contains(new double[] {0.5})).isFalse();
  }

  @Test
  void registryErrorsNameTheProblem() {
    assertThatThrownBy(() -> EnvRegistry.make("CartPole-v9"))
        .hasMessageContaining("CartPole-v9").hasMessageContaining(LinearGaussianWalk.ID);
    assertThatThrownBy(() -> EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", 0)))
        .hasMessageContaining("horizon").hasMessageContaining("0");
    assertThatThrownBy(() -> EnvRegistry.make(LinearGaussianWalk.ID, Map.of("horizon", 2.5)))
        .hasMessageContaining("horizon").hasMessageContaining("2.5");
  }

  @Test
  void closedFormExpectedReturn() {
    assertThat(LinearGaussianWalk.expectedReturn(10, 14, 10)).isEqualTo(-52_240.0);
    assertThat(LinearGaussianWalk.expectedReturn(1, 1, 10)).isEqualTo(-460.0);
    assertThat(LinearGaussianWalk.expectedReturn(-3, 0.7, 7)).isCloseTo(-1340.15, within(1e-9));
    assertThat(LinearGaussianWalk.coefficientA(10)).isEqualTo(395.0);
    assertThat(LinearGaussianWalk.coefficientB(10)).isEqualTo(65.0);
  }
}
