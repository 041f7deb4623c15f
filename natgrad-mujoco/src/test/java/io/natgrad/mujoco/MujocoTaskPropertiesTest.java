package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.EnvSnapshot;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Task rules checked from first principles (not from recordings): snapshot then step equals
 * restore then step, bit for bit, over 1000 random steps; reset noise within its bounds with the
 * uniform distribution's moments, and Gymnasium's draws under Gymnasium seeding; Hopper's reward
 * recomputed from the states before and after a step, its health bounds (open intervals), and
 * truncation at the time limit.
 */
class MujocoTaskPropertiesTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  static MujocoEnv task(Env env) {
    return (MujocoEnv) ((TimeLimit) env).unwrapped();
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Hopper-v4", "Walker2d-v4", "HalfCheetah-v4", "Swimmer-v4", "Ant-v4"})
  void snapshotThenStepEqualsRestoreThenStep(String id) {
    Env a = EnvRegistry.make(id);
    Env b = EnvRegistry.make(id);
    SplittableRandom rng = new SplittableRandom(7);
    Box space = (Box) a.actionSpace();
    a.reset(3);
    for (int t = 0; t < 1000; t++) {
      EnvSnapshot s = EnvSnapshot.capture(a);
      s.restore(b);
      double[] action = new double[space.flatDimension()];
      for (int k = 0; k < action.length; k++) {
        // a quarter of the actions outside the control range, as a policy's may be
        double scale = t % 4 == 0 ? 1.5 : 1.0;
        action[k] = scale * (space.low()[k] + (space.high()[k] - space.low()[k]) * rng.nextDouble());
      }
      StepResult ra = a.step(action);
      StepResult rb = b.step(action);
      assertThat(rb.observation()).as("step %d", t).containsExactly(ra.observation());
      assertThat(rb.reward()).isEqualTo(ra.reward());
      assertThat(rb.terminated()).isEqualTo(ra.terminated());
      assertThat(rb.truncated()).isEqualTo(ra.truncated());
      assertThat(rb.info()).isEqualTo(ra.info());
      assertThat(task(b).state()).containsExactly(task(a).state());
      if (ra.done()) {
        a.reset();
      }
    }
  }

  /**
   * Each task's reward recomputed here from the simulator's arrays before and after the step, by
   * the v4 formulas: forward velocity from x positions / dt, control cost, healthy reward, contact
   * cost (Ant with use_contact_forces), the tip's distance and velocity penalties
   * (InvertedDoublePendulum), the fingertip's distance before the step (Reacher).
   */
  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4", "Ant-contact"})
  void rewardRecomputedFromTheStates(String name) {
    String id = name.equals("Ant-contact") ? "Ant-v4" : name;
    Env env = name.equals("Ant-contact")
        ? EnvRegistry.make(id, Map.of("use_contact_forces", true)) : EnvRegistry.make(id);
    MujocoEnv t = task(env);
    MjModel m = t.data().model();
    double dt = m.timestep() * t.frameSkip();
    SplittableRandom rng = new SplittableRandom(8);
    env.reset(6);
    for (int step = 0; step < 30; step++) {
      double[] a = new double[m.nu()];
      for (int k = 0; k < a.length; k++) {
        a[k] = rng.nextDouble(-1.2, 1.2);
      }
      double[] qposBefore = t.data().get("qpos");
      double[] xposBefore = t.data().get("xpos");
      StepResult r = env.step(a);
      double[] qpos = t.data().get("qpos");
      double[] qvel = t.data().get("qvel");
      double[] xpos = t.data().get("xpos");
      double sq = 0;
      for (double v : a) {
        sq += v * v;
      }
      double expected;
      switch (id) {
        case "InvertedPendulum-v4" -> expected = 1;
        case "InvertedDoublePendulum-v4" -> {
          double[] tip = t.data().get("site_xpos");
          expected = 10 - (0.01 * tip[0] * tip[0] + (tip[2] - 2) * (tip[2] - 2))
              - (1e-3 * qvel[1] * qvel[1] + 5e-3 * qvel[2] * qvel[2]);
        }
        case "Reacher-v4" -> {
          int f = m.id(1, "fingertip");
          int g = m.id(1, "target");
          double dx = xposBefore[3 * f] - xposBefore[3 * g];
          double dy = xposBefore[3 * f + 1] - xposBefore[3 * g + 1];
          double dz = xposBefore[3 * f + 2] - xposBefore[3 * g + 2];
          expected = -Math.sqrt(dx * dx + dy * dy + dz * dz) - sq;
        }
        case "Swimmer-v4" -> expected = (qpos[0] - qposBefore[0]) / dt - 1e-4 * sq;
        case "HalfCheetah-v4" -> expected = (qpos[0] - qposBefore[0]) / dt - 0.1 * sq;
        case "Hopper-v4", "Walker2d-v4" -> expected = (qpos[0] - qposBefore[0]) / dt + 1.0
            - 1e-3 * sq;
        default -> { // Ant: the torso body's x, survive 1, ctrl 0.5, contacts 5e-4
          int torso = m.id(1, "torso");
          expected = (xpos[3 * torso] - xposBefore[3 * torso]) / dt + 1.0 - 0.5 * sq;
          if (name.equals("Ant-contact")) {
            double c = 0;
            for (double f : t.data().get("cfrc_ext")) {
              double cl = Math.min(Math.max(f, -1), 1);
              c += cl * cl;
            }
            expected -= 5e-4 * c;
          }
        }
      }
      assertThat(r.reward()).as("%s step %d", name, step)
          .isCloseTo(expected, Offset.offset(1e-12 * Math.max(1, Math.abs(expected))));
      if (r.done()) {
        break;
      }
    }
  }

  /** Each task's reset noise: the scale on qpos (uniform), on qvel, and whether qvel's is normal. */
  static double[] noise(String id) {
    return switch (id) {
      case "InvertedPendulum-v4" -> new double[] {0.01, 0.01, 0};
      case "HalfCheetah-v4", "InvertedDoublePendulum-v4", "Ant-v4" -> new double[] {0.1, 0.1, 1};
      case "Swimmer-v4" -> new double[] {0.1, 0.1, 0};
      default -> new double[] {5e-3, 5e-3, 0};
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Hopper-v4",
      "Walker2d-v4", "HalfCheetah-v4", "Swimmer-v4", "Ant-v4"})
  void resetNoiseHasItsDistribution(String id) {
    Env env = EnvRegistry.make(id);
    MujocoEnv t = task(env);
    double[] spec = noise(id);
    int nq = t.data().model().nq();
    int nv = t.data().model().nv();
    int n = 4000;
    double[] sum = new double[2];
    double[] sumSq = new double[2];
    env.reset(11);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        env.reset();
      }
      double[] qpos = t.data().get("qpos");
      double[] qvel = t.data().get("qvel");
      for (int j = 0; j < nq + nv; j++) {
        if (id.equals("Ant-v4") && j >= 3 && j < 7) {
          continue; // the free joint's quaternion: mj_forward normalises it after the noise
        }
        int k = j < nq ? 0 : 1;
        double d = j < nq ? qpos[j] - t.initQpos[j] : qvel[j - nq] - t.initQvel[j - nq];
        if (k == 0 || spec[2] == 0) {
          assertThat(Math.abs(d)).isLessThanOrEqualTo(spec[k]);
        }
        sum[k] += d;
        sumSq[k] += d * d;
      }
    }
    for (int k = 0; k < 2; k++) {
      int m = n * (k == 0 ? nq - (id.equals("Ant-v4") ? 4 : 0) : nv);
      double s = spec[k];
      boolean normal = k == 1 && spec[2] == 1;
      // U[-s, s]: mean 0 (sd s/sqrt(3m)), E d^2 = s^2/3 (its estimate's sd s^2 sqrt(4/45/m));
      // s N(0, 1): mean 0 (sd s/sqrt(m)), E d^2 = s^2 (sd s^2 sqrt(2/m)); 5 sd each
      double meanSd = normal ? s / Math.sqrt(m) : s / Math.sqrt(3.0 * m);
      double second = normal ? s * s : s * s / 3;
      double secondSd = normal ? s * s * Math.sqrt(2.0 / m) : s * s * Math.sqrt(4.0 / 45 / m);
      assertThat(sum[k] / m).as("%s %s mean", id, k == 0 ? "qpos" : "qvel")
          .isCloseTo(0, Offset.offset(5 * meanSd));
      assertThat(sumSq[k] / m).as("%s %s second moment", id, k == 0 ? "qpos" : "qvel")
          .isCloseTo(second, Offset.offset(5 * secondSd));
    }
  }

  /**
   * Under Gymnasium seeding, Hopper-v4's reset(seed=42) draws NumPy's numbers: qpos and qvel noise
   * = {@code np.random.default_rng(42).uniform(-0.005, 0.005, size=6)}, twice (NumPy 2.4.6).
   */
  @Test
  void gymnasiumSeedingDrawsNumPysNumbers() {
    Env env = EnvRegistry.make("Hopper-v4", Map.of("seeding", "gymnasium"));
    double[] obs = env.reset(42);
    double[] qposNoise = {0.0027395604855596336, -0.0006112156024794769, 0.003585979199113825,
        0.001973680290593639, -0.0040582265211235044, 0.004756223516367559};
    double[] qvelNoise = {0.00261139701990353, 0.0028606430527695374, -0.003718863673244541,
        -0.0004961406210443288, -0.0012920197576741879, 0.004267649888486018};
    double[] expected = new double[11];
    for (int i = 1; i < 6; i++) {
      expected[i - 1] = (i == 1 ? 1.25 : 0) + qposNoise[i];
    }
    System.arraycopy(qvelNoise, 0, expected, 5, 6);
    assertThat(obs).containsExactly(expected);
  }

  @Test
  void hopperRewardFromTheStatesBeforeAndAfter() {
    Env env = EnvRegistry.make("Hopper-v4");
    HopperV4 h = (HopperV4) task(env);
    env.reset(5);
    SplittableRandom rng = new SplittableRandom(2);
    for (int t = 0; t < 50; t++) {
      double[] before = h.data().get("qpos");
      double[] a = {rng.nextDouble(-1.5, 1.5), rng.nextDouble(-1.5, 1.5), rng.nextDouble(-1.5, 1.5)};
      StepResult r = env.step(a);
      double[] after = h.data().get("qpos");
      double velocity = (after[0] - before[0]) / (0.002 * 4);
      double ctrl = 1e-3 * (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
      assertThat(r.reward()).isCloseTo(velocity + 1.0 - ctrl, Offset.offset(1e-12));
      assertThat((double) r.info().get("x_velocity")).isCloseTo(velocity, Offset.offset(1e-12));
      assertThat((double) r.info().get("x_position")).isEqualTo(after[0]);
      if (r.done()) {
        assertThat(h.isHealthy()).isFalse();
        break;
      }
    }
  }

  @Test
  void hopperHealthBoundsAreOpenIntervals() {
    Env env = EnvRegistry.make("Hopper-v4");
    HopperV4 h = (HopperV4) task(env);
    env.reset(0);
    double[] s = h.state(); // time, qpos (x, z, angle, joints), qvel, warm start
    for (double[] zAngleOk : new double[][] {{0.7, 0, 0}, {Math.nextUp(0.7), 0, 1},
        {1.25, 0.2, 0}, {1.25, Math.nextDown(0.2), 1}, {1.25, -0.2, 0},
        {1.25, Math.nextUp(-0.2), 1}}) {
      double[] x = s.clone();
      x[2] = zAngleOk[0];
      x[3] = zAngleOk[1];
      h.restoreState(x);
      assertThat(h.isHealthy()).as("z %s angle %s", zAngleOk[0], zAngleOk[1])
          .isEqualTo(zAngleOk[2] == 1);
    }
    double[] x = s.clone();
    x[1 + 6 + 3] = 100; // a joint velocity at the state range's edge
    h.restoreState(x);
    assertThat(h.isHealthy()).isFalse();
    x[1 + 6 + 3] = Math.nextDown(100.0);
    h.restoreState(x);
    assertThat(h.isHealthy()).isTrue();
  }

  /** Walker2d's open intervals (0.8 &lt; z &lt; 2, |angle| &lt; 1) and Ant's closed 0.2 ≤ z ≤ 1. */
  @Test
  void walkerAndAntHealthBounds() {
    Env w = EnvRegistry.make("Walker2d-v4");
    Walker2dV4 walker = (Walker2dV4) task(w);
    w.reset(0);
    double[] s = walker.state();
    for (double[] zAngleOk : new double[][] {{0.8, 0, 0}, {Math.nextUp(0.8), 0, 1}, {2.0, 0, 0},
        {Math.nextDown(2.0), 0, 1}, {1.2, 1.0, 0}, {1.2, Math.nextDown(1.0), 1}, {1.2, -1.0, 0}}) {
      double[] x = s.clone();
      x[2] = zAngleOk[0];
      x[3] = zAngleOk[1];
      walker.restoreState(x);
      assertThat(walker.isHealthy()).as("walker z %s angle %s", zAngleOk[0], zAngleOk[1])
          .isEqualTo(zAngleOk[2] == 1);
    }
    Env a = EnvRegistry.make("Ant-v4");
    AntV4 ant = (AntV4) task(a);
    a.reset(0);
    double[] sa = ant.state();
    for (double[] zOk : new double[][] {{0.2, 1}, {Math.nextDown(0.2), 0}, {1.0, 1},
        {Math.nextUp(1.0), 0}}) {
      double[] x = sa.clone();
      x[3] = zOk[0]; // time, then qpos = (x, y, z, quaternion, joints)
      ant.restoreState(x);
      assertThat(ant.isHealthy()).as("ant z %s", zOk[0]).isEqualTo(zOk[1] == 1);
    }
  }

  @Test
  void truncatedAtTheTimeLimit() {
    Env env = EnvRegistry.make("Hopper-v4", Map.of("terminate_when_unhealthy", false));
    env.reset(1);
    StepResult r = null;
    for (int t = 0; t < 1000; t++) {
      assertThat(r == null || !r.done()).isTrue();
      r = env.step(new double[] {0, 0, 0});
    }
    assertThat(r.truncated()).isTrue();
    assertThat(r.terminated()).isFalse();
  }
}
