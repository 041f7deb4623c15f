package io.natgrad.rl.config.zoo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Hyperparameter presets shipped in the jar (the RL Zoo's tuned values). */
public final class Presets {
  private Presets() {}

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
      Map<String, Object> m = ConfigFiles.read(name, in.readAllBytes(), env);
      if (!m.containsKey("n_timesteps") || m.size() <= 2) {
        throw new IllegalArgumentException("the zoo preset has no entry for " + env);
      }
      return m;
    }
  }
}
