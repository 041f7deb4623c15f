package io.natgrad.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.natgrad.core.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known Gymnasium properties of the classic-control environments. */
class ClassicControlTest {

  @Test
  void registryTimeLimitsAndSpaces() {
    record Spec(String id, int limit, int obsDim, Space action) {}
    for (Spec s : List.of(
        new Spec("CartPole-v1", 500, 4, new Discrete(2)),
        new Spec("Pendulum-v1", 200, 3, Box.of(1, -2, 2)),
        new Spec("MountainCar-v0", 200, 2, new Discrete(3)),
        new Spec("MountainCarContinuous-v0", 999, 2, Box.of(1, -1, 1)),
        new Spec("Acrobot-v1", 500, 6, new Discrete(3)))) {
      Env env = EnvRegistry.make(s.id());
      assertThat(((TimeLimit) env).maxEpisodeSteps()).as(s.id()).isEqualTo(s.limit());
      assertThat(env.observationSpace().flatDimension()).isEqualTo(s.obsDim());
      assertThat(env.actionSpace()).isEqualTo(s.action());
    }
  }

  @Test
  void resetDistributionsStayInGymnasiumsBounds() {
    for (long seed = 0; seed < 200; seed++) {
      CartPole cp = new CartPole();
      cp.reset(seed);
      for (double v : cp.state()) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo(0.05);
      }
      Pendulum p = new Pendulum();
      p.reset(seed);
      assertThat(Math.abs(p.state()[0])).isLessThanOrEqualTo(Math.PI);
      assertThat(Math.abs(p.state()[1])).isLessThanOrEqualTo(1.0);
      MountainCar mc = new MountainCar();
      mc.reset(seed);
      assertThat(mc.state()[0]).isBetween(-0.6, -0.4);
      assertThat(mc.state()[1]).isZero();
      Acrobot a = new Acrobot();
      a.reset(seed);
      for (double v : a.state()) {
        assertThat(Math.abs(v)).isLessThanOrEqualTo(0.1);
        assertThat(v).isEqualTo((double) (float) v);
      }
    }
    // seeded resets are reproducible
    CartPole x = new CartPole();
    CartPole y = new CartPole();
    assertThat(x.reset(7)).containsExactly(y.reset(7));
  }

  @Test
  void cartPoleTerminatesAtItsThresholdsAndPaysOnePerStep() {
    CartPole cp = new CartPole();
    cp.reset(0);
    cp.restoreState(new double[] {2.39, 1.0, 0, 0});
    StepResult r = cp.step(new double[] {1});
    assertThat(r.terminated()).isTrue();
    assertThat(r.reward()).isEqualTo(1.0);
    cp.restoreState(new double[] {0, 0, 0.2, 0.5});
    assertThat(cp.step(new double[] {0}).terminated()).isTrue();
    cp.restoreState(new double[] {0, 0, 0, 0});
    assertThat(cp.step(new double[] {0}).terminated()).isFalse();
  }

  @Test
  void pendulumRewardRangeAndAngleNormalization() {
    // reward in [−(π² + 0.1·8² + 0.001·2²), 0]
    double worst = -(Math.PI * Math.PI + 0.1 * 64 + 0.001 * 4);
    Pendulum p = new Pendulum();
    Rng rng = Rng.of(1);
    p.reset(3);
    for (int t = 0; t < 1000; t++) {
      StepResult r = p.step(new double[] {-2 + 4 * rng.nextDouble()});
      assertThat(r.reward()).isBetween(worst - 1e-9, 0.0);
      assertThat(Math.abs(r.observation()[2])).isLessThanOrEqualTo(8.0);
    }
    assertThat(Pendulum.angleNormalize(3 * Math.PI)).isCloseTo(-Math.PI, within(1e-12));
    assertThat(Pendulum.angleNormalize(-3.5 * Math.PI)).isCloseTo(0.5 * Math.PI, within(1e-12));
    // out-of-range torques are clipped as in Gymnasium, not refused
    p.restoreState(new double[] {0, 0});
    StepResult big = p.step(new double[] {5});
    p.restoreState(new double[] {0, 0});
    StepResult two = p.step(new double[] {2});
    assertThat(big.observation()).containsExactly(two.observation());
  }

  @Test
  void mountainCarsReachTheGoalAndStopAtTheLeftWall() {
    MountainCar mc = new MountainCar();
    mc.reset(0);
    mc.restoreState(new double[] {0.49, 0.05});
    StepResult r = mc.step(new double[] {2});
    assertThat(r.terminated()).isTrue();
    assertThat(r.reward()).isEqualTo(-1.0);
    mc.restoreState(new double[] {-1.19, -0.05});
    mc.step(new double[] {0});
    assertThat(mc.state()[0]).isEqualTo(-1.2);
    assertThat(mc.state()[1]).isZero();
    MountainCarContinuous mcc = new MountainCarContinuous();
    mcc.reset(0);
    mcc.restoreState(new double[] {0.44, 0.05, 1});
    StepResult g = mcc.step(new double[] {1});
    assertThat(g.terminated()).isTrue();
    assertThat(g.reward()).isCloseTo(100 - 0.1, within(1e-12));
  }

  @Test
  void acrobotTerminatesWhenTheTipIsHighEnough() {
    Acrobot a = new Acrobot();
    a.reset(0);
    a.restoreState(new double[] {Math.PI, 0, 0, 0});
    StepResult r = a.step(new double[] {1});
    assertThat(r.terminated()).isTrue();
    assertThat(r.reward()).isZero();
    a.restoreState(new double[] {0, 0, 0, 0});
    StepResult s = a.step(new double[] {1});
    assertThat(s.terminated()).isFalse();
    assertThat(s.reward()).isEqualTo(-1.0);
  }

  @Test
  void wrappersClipActionsAndNormalizeObservations() {
    ClipAction clipped = new ClipAction(EnvRegistry.make("MountainCarContinuous-v0"));
    clipped.reset(1);
    StepResult r = clipped.step(new double[] {3.0});
    assertThat(r.reward()).isCloseTo(-0.1, within(1e-12)); // the env saw a = 1
    RunningMeanStd stats = new RunningMeanStd(4);
    NormalizeObservation n = new NormalizeObservation(EnvRegistry.make("CartPole-v1"),
        new ObservationNormalizer(stats, 5.0), true);
    n.reset(2);
    for (int t = 0; t < 50; t++) {
      StepResult s = n.step(new double[] {t % 2});
      for (double o : s.observation()) {
        assertThat(Math.abs(o)).isLessThanOrEqualTo(5.0);
      }
      if (s.done()) {
        break;
      }
    }
    assertThat(stats.count()).isGreaterThan(1.0);
  }

  @Test
  void runningMeanStdMatchesBatchStatistics() {
    Rng rng = Rng.of(3);
    RunningMeanStd s = new RunningMeanStd(2);
    double[] all = new double[2 * 1000];
    for (int b = 0; b < 10; b++) {
      double[] rows = new double[2 * 100];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = 3 + 2 * rng.nextGaussian();
      }
      System.arraycopy(rows, 0, all, b * 200, 200);
      s.update(rows, 100);
    }
    for (int j = 0; j < 2; j++) {
      double m = 0;
      for (int i = 0; i < 1000; i++) {
        m += all[2 * i + j] / 1000;
      }
      double v = 0;
      for (int i = 0; i < 1000; i++) {
        v += Math.pow(all[2 * i + j] - m, 2) / 1000;
      }
      assertThat(s.mean()[j]).isCloseTo(m, within(1e-6));
      assertThat(s.var()[j]).isCloseTo(v, within(1e-3));
    }
  }
}
