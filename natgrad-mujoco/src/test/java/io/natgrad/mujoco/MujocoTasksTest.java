package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvChecker;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every task in the registry: its model's sizes (nq, nv, nu, nbody as Gymnasium's models have them:
 * the recordings give nq, nv, nu; nbody counts the world), observation and action sizes, time
 * limit, frame skip, {@code natgrad env check}'s rules, and option refusals.
 */
class MujocoTasksTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "InvertedPendulum-v4, 2, 2, 1, 3, 4, 1000, 2",
      "InvertedDoublePendulum-v4, 3, 3, 1, 4, 11, 1000, 5",
      "Reacher-v4, 4, 4, 2, 5, 11, 50, 2",
      "Swimmer-v4, 5, 5, 2, 4, 8, 1000, 4",
      "Hopper-v4, 6, 6, 3, 5, 11, 1000, 4",
      "HalfCheetah-v4, 9, 9, 6, 8, 17, 1000, 5",
      "Walker2d-v4, 9, 9, 6, 8, 17, 1000, 4",
      "Ant-v4, 15, 14, 8, 14, 27, 1000, 5"})
  void sizesLimitsAndTheEnvironmentChecker(String id, int nq, int nv, int nu, int nbody,
      int obs, int limit, int frameSkip) {
    Env env = EnvRegistry.make(id);
    MujocoEnv task = (MujocoEnv) ((TimeLimit) env).unwrapped();
    MjModel m = task.data().model();
    assertThat(new int[] {m.nq(), m.nv(), m.nu(), m.nbody()}).containsExactly(nq, nv, nu, nbody);
    assertThat(env.observationSpace().flatDimension()).isEqualTo(obs);
    assertThat(env.actionSpace().flatDimension()).isEqualTo(nu);
    assertThat(task.frameSkip()).isEqualTo(frameSkip);
    assertThat(env.reset(0)).hasSize(obs);
    assertThat(task.observation()).hasSize(obs);
    List<EnvChecker.Result> results = EnvChecker.check(() -> EnvRegistry.make(id));
    assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    // the time limit: Reacher never terminates; the others run with termination switched off
    Env free = id.equals("Reacher-v4") || id.startsWith("Swimmer") || id.startsWith("HalfCheetah")
        ? EnvRegistry.make(id)
        : EnvRegistry.make(id, id.startsWith("Inverted") ? Map.of()
            : Map.of("terminate_when_unhealthy", false));
    if (!id.startsWith("Inverted")) {
      free.reset(1);
      StepResult r = null;
      for (int t = 0; t < limit; t++) {
        assertThat(r == null || !r.done()).as("%s step %d", id, t).isTrue();
        r = free.step(new double[nu]);
      }
      assertThat(r.truncated()).isTrue();
    }
  }

  @Test
  void reacherDrawsItsTargetInTheDisc() {
    Env env = EnvRegistry.make("Reacher-v4");
    MujocoEnv task = (MujocoEnv) ((TimeLimit) env).unwrapped();
    env.reset(4);
    for (int i = 0; i < 2000; i++) {
      if (i > 0) {
        env.reset();
      }
      double[] qpos = task.data().get("qpos");
      double[] qvel = task.data().get("qvel");
      assertThat(Math.hypot(qpos[2], qpos[3])).isLessThan(0.2);
      assertThat(Math.abs(qpos[0])).isLessThanOrEqualTo(0.1);
      assertThat(Math.abs(qpos[1])).isLessThanOrEqualTo(0.1);
      assertThat(Math.abs(qvel[0])).isLessThanOrEqualTo(0.005);
      assertThat(Math.abs(qvel[1])).isLessThanOrEqualTo(0.005);
      assertThat(qvel[2]).isZero();
      assertThat(qvel[3]).isZero();
    }
  }

  @Test
  void badOptionsAreRefusedByName() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnvRegistry.make("Hopper-v4",
        Map.of("ctrl_cost_weight", "lots"))).hasMessageContaining("Hopper-v4 option "
            + "ctrl_cost_weight must be a number, got lots");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnvRegistry.make("Ant-v4",
        Map.of("healthy_z_range", List.of(1.0, 0.2)))).hasMessageContaining("healthy_z_range "
            + "must have low < high");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnvRegistry.make("Swimmer-v4",
        Map.of("healthy_reward", 1))).hasMessageContaining("Swimmer-v4 has no option "
            + "'healthy_reward'");
    Env withForces = EnvRegistry.make("Ant-v4", Map.of("use_contact_forces", true,
        "exclude_current_positions_from_observation", false));
    assertThat(withForces.observationSpace().flatDimension()).isEqualTo(15 + 14 + 84);
    assertThat(withForces.reset(0)).hasSize(113);
  }
}
