package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.EnvSnapshot;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each task against the recorded Gymnasium 1.3.0 v4 episodes (README beside the recordings),
 * step by step from the recorded pre-step states (Reacher and Ant: on from the recorded reset
 * state), through the registry's environment (time limit included): the first observation of the recorded reset state; each step's observation, reward,
 * terminated and truncated flags, Gymnasium's info keys, and the next state — to 1e-12 relative
 * (the solver's warm start to 1e-10); the flags exactly.
 */
class MujocoTaskReplayTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Hopper-v4", "Walker2d-v4", "HalfCheetah-v4", "Swimmer-v4", "Ant-v4"})
  void recordedEpisodesReplay(String id) {
    Env env = EnvRegistry.make(id);
    MujocoEnv task = (MujocoEnv) ((TimeLimit) env).unwrapped();
    int steps = 0;
    for (JsonNode e : RecordedEpisodes.of(id)) {
      String ep = id + " episode " + e.get("episode");
      assertThat(task.data().model().nq()).isEqualTo(e.get("nq").asInt());
      assertThat(task.dt()).as(ep + " dt").isEqualTo(e.get("dt").asDouble());
      assertThat(env.observationSpace().flatDimension()).isEqualTo(e.get("obs_dim").asInt());
      assertThat(task.initQpos).containsExactly(RecordedEpisodes.doubles(e.get("init_qpos")));
      restore(env, task, e.get("reset_state"), 0);
      RecordedEpisodes.assertClose(task.observation(),
          RecordedEpisodes.doubles(e.get("initial_obs")), ep + " initial observation");
      JsonNode recorded = e.get("steps");
      for (int t = 0; t < recorded.size(); t++) {
        JsonNode s = recorded.get(t);
        String at = ep + " step " + t;
        if (!readsBeforeTheStep(id)) {
          restore(env, task, s.get("pre"), t);
        }
        StepResult r = env.step(RecordedEpisodes.doubles(s.get("action")));
        RecordedEpisodes.assertClose(r.observation(), RecordedEpisodes.doubles(s.get("obs")),
            at + " observation");
        RecordedEpisodes.assertClose(new double[] {r.reward()},
            new double[] {s.get("reward").asDouble()}, at + " reward");
        assertThat(r.terminated()).as(at + " terminated").isEqualTo(s.get("terminated")
            .asBoolean());
        assertThat(r.truncated()).as(at + " truncated").isEqualTo(s.get("truncated")
            .asBoolean());
        Iterator<Map.Entry<String, JsonNode>> info = s.get("info").fields();
        while (info.hasNext()) {
          Map.Entry<String, JsonNode> kv = info.next();
          assertThat(r.info()).as(at + " info").containsKey(kv.getKey());
          RecordedEpisodes.assertClose(new double[] {((Number) r.info().get(kv.getKey()))
              .doubleValue()}, new double[] {kv.getValue().asDouble()}, at + " " + kv.getKey());
        }
        JsonNode post = t + 1 < recorded.size() ? recorded.get(t + 1).get("pre")
            : e.get("final_state");
        double[] expected = state(post);
        double[] actual = java.util.Arrays.copyOf(task.state(), expected.length);
        int nw = task.data().model().nv();
        int cut = expected.length - nw;
        RecordedEpisodes.assertClose(java.util.Arrays.copyOf(actual, cut),
            java.util.Arrays.copyOf(expected, cut), at + " next time, qpos, qvel, act");
        // the warm start is the constraint solver's output (worse conditioned than the state):
        // our models reach the recordings' to 1.5e-12 (Walker2d's contacts), checked to 1e-10
        RecordedEpisodes.assertClose(java.util.Arrays.copyOfRange(actual, cut, actual.length),
            java.util.Arrays.copyOfRange(expected, cut, expected.length), 1e-10,
            at + " next qacc_warmstart");
        steps++;
      }
      assertThat(recorded.get(recorded.size() - 1).get("terminated").asBoolean()
          || recorded.get(recorded.size() - 1).get("truncated").asBoolean())
          .as(ep + " ends as recorded (" + e.get("ended_by") + ")").isTrue();
    }
    assertThat(steps).isPositive();
  }

  /**
   * Reacher and Ant read positions before the step (as the previous step's last internal
   * evaluation left them, which a recorded state does not hold): their episodes are replayed on
   * from the recorded reset state, each step after the last.
   */
  static boolean readsBeforeTheStep(String id) {
    return id.equals("Reacher-v4") || id.equals("Ant-v4");
  }

  /**
   * Restores a recorded state (time, qpos, qvel, act, qacc_warmstart) with the derived arrays the
   * task keeps (positions, constraint forces) recomputed by mj_forward from it — what the
   * recording's reset did, and what a step recomputes before it reads them — as a snapshot with
   * the time limit's counter at {@code elapsed}.
   */
  static void restore(Env env, MujocoEnv task, JsonNode s, int elapsed) {
    double[] basic = state(s);
    double[] full = task.state();
    System.arraycopy(basic, 0, full, 0, basic.length);
    task.restoreState(full);
    task.data().forward();
    double[] warm = RecordedEpisodes.doubles(s.get("qacc_warmstart"));
    task.data().set("qacc_warmstart", warm);
    new EnvSnapshot(task.state(), null, elapsed, true).restore(env);
  }

  /** The recorded state in the task's layout: time, qpos, qvel, act, qacc_warmstart. */
  static double[] state(JsonNode s) {
    double[] qpos = RecordedEpisodes.doubles(s.get("qpos"));
    double[] qvel = RecordedEpisodes.doubles(s.get("qvel"));
    double[] act = RecordedEpisodes.doubles(s.get("act"));
    double[] warm = RecordedEpisodes.doubles(s.get("qacc_warmstart"));
    double[] out = new double[1 + qpos.length + qvel.length + act.length + warm.length];
    out[0] = s.get("time").asDouble();
    System.arraycopy(qpos, 0, out, 1, qpos.length);
    System.arraycopy(qvel, 0, out, 1 + qpos.length, qvel.length);
    System.arraycopy(act, 0, out, 1 + qpos.length + qvel.length, act.length);
    System.arraycopy(warm, 0, out, 1 + qpos.length + qvel.length + act.length, warm.length);
    return out;
  }
}
