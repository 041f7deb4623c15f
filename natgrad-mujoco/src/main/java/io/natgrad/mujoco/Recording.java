package io.natgrad.mujoco;

import com.fasterxml.jackson.databind.JsonNode;
import io.natgrad.rl.io.JsonLines;
import java.nio.file.Path;
import java.util.List;

/**
 * Episodes recorded from Gymnasium's v4 MuJoCo logic, one JSON object per line (plain or gzipped):
 * {@code env_id, episode, reset_state, initial_obs, steps[]} with each step's {@code action, pre,
 * obs, reward, terminated, truncated, info}, and {@code final_state}; a state is {@code time,
 * qpos, qvel, act, qacc_warmstart}. The format of the project's shared test data (its README).
 */
public final class Recording {
  private Recording() {}

  /** The episodes of a file (gzip detected by its magic bytes). */
  public static List<JsonNode> read(Path file) {
    List<JsonNode> out = JsonLines.read(file);
    if (out.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no episode");
    }
    return out;
  }

  /** The field {@code name} of {@code node}, or a message naming it and where it is missing. */
  static JsonNode field(JsonNode node, String name, String where) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": field '" + name + "' is missing");
    }
    return v;
  }

  /** A numeric array field. */
  static double[] doubles(JsonNode node, String name, String where) {
    JsonNode a = field(node, name, where);
    if (!a.isArray()) {
      throw new IllegalArgumentException(where + ": field '" + name + "' must be an array, got "
          + a);
    }
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new IllegalArgumentException(where + ": " + name + "[" + i
            + "] must be a number, got " + a.get(i));
      }
      d[i] = a.get(i).asDouble();
    }
    return d;
  }

  /**
   * A recorded state in {@link MujocoEnv#state()}'s leading layout: time, qpos, qvel, act,
   * qacc_warmstart.
   */
  static double[] state(JsonNode s, String where) {
    double[] qpos = doubles(s, "qpos", where);
    double[] qvel = doubles(s, "qvel", where);
    double[] act = doubles(s, "act", where);
    double[] warm = doubles(s, "qacc_warmstart", where);
    double[] out = new double[1 + qpos.length + qvel.length + act.length + warm.length];
    JsonNode time = field(s, "time", where);
    out[0] = time.asDouble();
    System.arraycopy(qpos, 0, out, 1, qpos.length);
    System.arraycopy(qvel, 0, out, 1 + qpos.length, qvel.length);
    System.arraycopy(act, 0, out, 1 + qpos.length + qvel.length, act.length);
    System.arraycopy(warm, 0, out, 1 + qpos.length + qvel.length + act.length, warm.length);
    return out;
  }
}
