package io.natgrad.mujoco;

import com.fasterxml.jackson.databind.JsonNode;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.EnvSnapshot;
import io.natgrad.rl.env.RecordingReplayer;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.env.TimeLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays Gymnasium v4 MuJoCo episodes ({@link Recording}) through natgrad's tasks, as made by the
 * registry (time limit included): the recorded reset state is restored (its derived arrays
 * recomputed by mj_forward, as the recording's reset did) and its observation compared; then each
 * recorded action is stepped and natgrad's observation, reward, terminated/truncated flags,
 * Gymnasium's info keys and values, and next state (time, qpos, qvel, act; the solver's warm
 * start with its own tolerance) are compared with the recorded ones.
 *
 * <p>Before each step the recorded pre-step state is restored, so one step's difference does not
 * carry into the next — except for Reacher and Ant, which read positions before the step as the
 * previous step's last internal evaluation left them (a recorded state does not hold them): those
 * are replayed on from the reset state, each step after the last.
 */
public final class GymnasiumReplay implements RecordingReplayer {
  /** Failures listed per episode (the first ones; the counts go on). */
  static final int MAX_FAILURES = 5;
  private static final Set<String> IDS = Set.of(InvertedPendulumV4.ID,
      InvertedDoublePendulumV4.ID, ReacherV4.ID, SwimmerV4.ID, HopperV4.ID, HalfCheetahV4.ID,
      Walker2dV4.ID, AntV4.ID);

  @Override
  public boolean accepts(String envId) {
    return IDS.contains(envId);
  }

  @Override
  public Report replay(Path recording, String envId, Tolerance tolerance) {
    return replay(Recording.read(recording), envId, tolerance, recording.toString());
  }

  /**
   * Replays parsed episodes.
   *
   * @param episodes the recording's episodes
   * @param envId their environment
   * @param tolerance the allowed deviations
   * @param name the recording's name for messages
   */
  public Report replay(List<JsonNode> episodes, String envId, Tolerance tolerance, String name) {
    if (!accepts(envId)) {
      throw new IllegalArgumentException("env_id " + envId + " is not one of the MuJoCo tasks "
          + IDS);
    }
    Env env = EnvRegistry.make(envId);
    MujocoEnv task = (MujocoEnv) ((TimeLimit) env).unwrapped();
    List<EpisodeReplay> out = new ArrayList<>();
    for (int line = 0; line < episodes.size(); line++) {
      JsonNode e = episodes.get(line);
      String where = name + " episode on line " + (line + 1);
      String recorded = Recording.field(e, "env_id", where).asText();
      if (!recorded.equals(envId)) {
        throw new IllegalArgumentException(where + ": env_id " + recorded + ", expected "
            + envId);
      }
      out.add(episode(env, task, e, tolerance, where));
    }
    return new Report(envId, readsBeforeTheStep(envId)
        ? "on from the recorded reset state" : "from each step's recorded pre-step state", out);
  }

  private EpisodeReplay episode(Env env, MujocoEnv task, JsonNode e, Tolerance tol,
      String where) {
    Comparison c = new Comparison();
    int number = e.has("episode") ? e.get("episode").asInt() : -1;
    JsonNode steps = Recording.field(e, "steps", where);
    double[] reset = state(task, e, "reset_state", where);
    restore(env, task, reset, 0);
    c.compare("observation", "reset", task.observation(),
        Recording.doubles(e, "initial_obs", where), tol.values());
    boolean continuous = readsBeforeTheStep(task.id());
    int nv = task.data().model().nv();
    int t = 0;
    for (; t < steps.size(); t++) {
      JsonNode s = steps.get(t);
      String at = "step " + t;
      String sw = where + " " + at;
      if (!continuous) {
        restore(env, task, state(task, s, "pre", sw), t);
      }
      StepResult r = env.step(Recording.doubles(s, "action", sw));
      c.compare("observation", at, r.observation(), Recording.doubles(s, "obs", sw),
          tol.values());
      c.compare("reward", at, new double[] {r.reward()},
          new double[] {Recording.field(s, "reward", sw).asDouble()}, tol.values());
      c.flag(at, "terminated", r.terminated(), Recording.field(s, "terminated", sw).asBoolean());
      c.flag(at, "truncated", r.truncated(), Recording.field(s, "truncated", sw).asBoolean());
      Iterator<Map.Entry<String, JsonNode>> info = Recording.field(s, "info", sw).fields();
      while (info.hasNext()) {
        Map.Entry<String, JsonNode> kv = info.next();
        Object mine = r.info().get(kv.getKey());
        if (!(mine instanceof Number n)) {
          c.fail(at + " info '" + kv.getKey() + "': "
              + (mine == null ? "missing" : "not a number (" + mine + ")"));
          continue;
        }
        c.compare("info", at + " " + kv.getKey(), new double[] {n.doubleValue()},
            new double[] {kv.getValue().asDouble()}, tol.values());
      }
      double[] expected = t + 1 < steps.size()
          ? state(task, steps.get(t + 1), "pre", where + " step " + (t + 1))
          : state(task, e, "final_state", where);
      double[] actual = Arrays.copyOf(task.state(), expected.length);
      int cut = expected.length - nv;
      c.compare("state", at + " next time/qpos/qvel/act", Arrays.copyOf(actual, cut),
          Arrays.copyOf(expected, cut), tol.values());
      c.compare("qacc_warmstart", at + " next", Arrays.copyOfRange(actual, cut, actual.length),
          Arrays.copyOfRange(expected, cut, expected.length), tol.solver());
      if (r.terminated() || r.truncated()) {
        t++;
        break;
      }
    }
    if (t < steps.size()) {
      c.fail("natgrad's episode ended at step " + (t - 1) + ", the recording goes on to step "
          + (steps.size() - 1));
    }
    return c.result(number, t);
  }

  /** The recorded state {@code field} of {@code node}, refused unless it fits the task. */
  private static double[] state(MujocoEnv task, JsonNode node, String field, String where) {
    double[] s = Recording.state(Recording.field(node, field, where), where + " " + field);
    MjModel m = task.data().model();
    int basic = 1 + m.nq() + 2 * m.nv() + m.na();
    if (s.length != basic) {
      throw new IllegalArgumentException(where + ": " + field + " has " + s.length
          + " values (time, qpos, qvel, act, qacc_warmstart); " + task.id() + " has " + basic
          + " (nq " + m.nq() + ", nv " + m.nv() + ", na " + m.na() + ")");
    }
    return s;
  }

  /**
   * Reacher and Ant read positions before the step, as the previous step's last internal
   * evaluation left them; a recorded state does not hold them.
   */
  static boolean readsBeforeTheStep(String id) {
    return id.equals(ReacherV4.ID) || id.equals(AntV4.ID);
  }

  /**
   * Restores a recorded state (time, qpos, qvel, act, qacc_warmstart) with the derived arrays the
   * task keeps recomputed by mj_forward from it — what the recording's reset did, and what a step
   * recomputes before it reads them — as a snapshot with the time limit's counter at
   * {@code elapsed}.
   */
  static void restore(Env env, MujocoEnv task, double[] basic, int elapsed) {
    double[] full = task.state();
    System.arraycopy(basic, 0, full, 0, basic.length);
    task.restoreState(full);
    task.data().forward();
    int nv = task.data().model().nv();
    task.data().set("qacc_warmstart", Arrays.copyOfRange(basic, basic.length - nv,
        basic.length));
    new EnvSnapshot(task.state(), null, elapsed, true).restore(env);
  }

  /** Deviations and failures of one episode. */
  private static final class Comparison {
    final Map<String, Double> max = new LinkedHashMap<>();
    final List<String> failures = new ArrayList<>();
    int failed;

    void compare(String quantity, String at, double[] mine, double[] recorded, double limit) {
      if (mine.length != recorded.length) {
        fail(at + " " + quantity + ": natgrad has " + mine.length + " values, the recording "
            + recorded.length);
        return;
      }
      double worst = max.getOrDefault(quantity, 0.0);
      for (int i = 0; i < mine.length; i++) {
        double d = Math.abs(mine[i] - recorded[i]) / Math.max(Math.abs(recorded[i]), 1);
        if (Double.isNaN(d)) {
          d = Double.POSITIVE_INFINITY;
        }
        worst = Math.max(worst, d);
        if (d > limit) {
          fail(String.format(java.util.Locale.ROOT,
              "%s %s[%d]: natgrad %.17g, recorded %.17g (deviation %.3g > %.3g)", at, quantity, i,
              mine[i], recorded[i], d, limit));
        }
      }
      max.put(quantity, worst);
    }

    void flag(String at, String name, boolean mine, boolean recorded) {
      if (mine != recorded) {
        fail(at + " " + name + ": natgrad " + mine + ", recorded " + recorded);
      }
    }

    void fail(String what) {
      failed++;
      if (failures.size() < MAX_FAILURES) {
        failures.add(what);
      }
    }

    EpisodeReplay result(int episode, int steps) {
      List<String> listed = new ArrayList<>(failures);
      if (failed > listed.size()) {
        listed.add("… and " + (failed - listed.size()) + " more");
      }
      return new EpisodeReplay(episode, steps, max, listed);
    }
  }
}
