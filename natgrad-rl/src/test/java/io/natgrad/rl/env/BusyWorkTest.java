package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusyWorkTest {

  @Test
  void addsCostButNotDynamicsAndSnapshotsThroughIt() {
    Env plain = EnvRegistry.make("CartPole-v1");
    Env busy = new BusyWork(EnvRegistry.make("CartPole-v1"), 50);
    assertThat(busy.reset(3)).isEqualTo(plain.reset(3));
    long t0 = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      double[] a = {i % 2};
      StepResult p = plain.step(a);
      StepResult b = busy.step(a);
      assertThat(b.observation()).isEqualTo(p.observation());
      assertThat(b.reward()).isEqualTo(p.reward());
    }
    // 20 steps of at least 50 µs each: a lower bound only, never an upper one
    assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(20 * 50_000L);
    EnvSnapshot s = EnvSnapshot.capture(busy);
    assertThat(s).isNotNull();
    Env other = new BusyWork(EnvRegistry.make("CartPole-v1"), 0);
    other.reset(99);
    s.restore(other);
    assertThat(other.step(new double[] {1}).observation())
        .isEqualTo(busy.step(new double[] {1}).observation());
    assertThatThrownBy(() -> new BusyWork(plain, -1)).hasMessageContaining("micros");
  }
}
