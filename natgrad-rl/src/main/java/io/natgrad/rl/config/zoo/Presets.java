package io.natgrad.rl.config.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Hyperparameter presets shipped in the jar (the RL Zoo's tuned values). */
public final class Presets {
  /** The MuJoCo tasks the Zoo's trpo.yml has no entry for: they take its MuJoCo defaults block. */
  private static final java.util.Set<String> TRPO_MUJOCO_DEFAULTS = java.util.Set.of(
      "InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4");

  private Presets() {}

  /**
   * Why the preset for {@code env} is not the environment's own entry, or null when it is: the
   * Zoo's trpo.yml has no entry for three MuJoCo tasks, which take its MuJoCo defaults block.
   */
  public static String zooNote(String algo, String env) {
    if ((algo.equals("trpo") || algo.equals("npg")) && TRPO_MUJOCO_DEFAULTS.contains(env)) {
      return "the RL Zoo's trpo.yml has no entry for " + env + "; using its MuJoCo defaults "
          + "block (Ant-v4's entry: normalize, 2 envs x 1024 steps, cg_max_steps 25, "
          + "cg_damping 0.1, 1e6 steps)";
    }
    return null;
  }

  /** The Zoo entry for {@code env} under {@code algo} (npg uses TRPO's entries). */
  public static Map<String, Object> zoo(String algo, String env) throws IOException {
    String name = switch (algo) {
      case "trpo", "npg" -> "trpo.yml";
      case "ppo" -> "ppo.yml";
      default -> throw new IllegalArgumentException("no zoo preset for algo '" + algo + "'");
    };
    try (InputStream in = Presets.class.getResourceAsStream("/io/natgrad/rl/config/zoo/presets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("preset resource " + name + " is missing");
      }
      boolean fallback = zooNote(algo, env) != null;
      Map<String, Object> m = ConfigFiles.read(name, in.readAllBytes(),
          fallback ? "mujoco-defaults" : env);
      if (fallback && m.containsKey("env")) {
        m.put("env", env);
      }
      if (!m.containsKey("n_timesteps") || m.size() <= 2) {
        throw new IllegalArgumentException("the zoo preset has no entry for " + env);
      }
      return m;
    }
  }
}
