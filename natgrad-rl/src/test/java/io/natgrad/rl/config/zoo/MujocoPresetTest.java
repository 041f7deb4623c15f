package io.natgrad.rl.config.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.config.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RL Zoo's MuJoCo presets, shipped with their YAML anchors and merge keys resolved: each
 * task's TRPO entry equals the Zoo's composition (HalfCheetahBulletEnv-v0's block, n_timesteps 1e6,
 * then the task's own keys: HalfCheetah target_kl 0.04, Swimmer gamma 0.9999; trpo.yml at commit
 * 13a3fe7), the three tasks without an entry take that defaults block and say so, PPO's entries
 * are ppo.yml's (commit 00128b5, -v3 ids there), and every entry makes a valid configuration.
 */
class MujocoPresetTest {
  static final String[] TASKS = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4",
      "Reacher-v4", "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4"};

  /** trpo.yml's &pybullet-defaults (HalfCheetahBulletEnv-v0) merged, then n_timesteps 1e6. */
  static Map<String, Object> mujocoDefaults() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("normalize", true);
    m.put("n_envs", 2);
    m.put("n_timesteps", 1e6);
    m.put("policy", "MlpPolicy");
    m.put("batch_size", 128);
    m.put("n_steps", 1024);
    m.put("gamma", 0.99);
    m.put("gae_lambda", 0.95);
    m.put("sub_sampling_factor", 1);
    m.put("cg_max_steps", 25);
    m.put("cg_damping", 0.1);
    m.put("n_critic_updates", 20);
    m.put("learning_rate", 1e-3);
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4"})
  void trpoEntriesAreTheZoosResolvedAnchors(String env) throws Exception {
    Map<String, Object> expected = mujocoDefaults();
    if (env.equals("HalfCheetah-v4")) {
      expected.put("target_kl", 0.04);
    }
    if (env.equals("Swimmer-v4")) {
      expected.put("gamma", 0.9999);
    }
    Map<String, Object> actual = Presets.zoo("trpo", env);
    assertThat(actual.getOrDefault("env", env)).isEqualTo(env);
    assertThat(normalise(actual)).isEqualTo(normalise(expected));
    boolean fallback = env.startsWith("Inverted") || env.startsWith("Reacher");
    assertThat(Presets.zooNote("trpo", env) != null).isEqualTo(fallback);
    assertThat(Presets.zooNote("ppo", env)).isNull();
    Map<String, Object> config = new LinkedHashMap<>(actual);
    config.put("env", env);
    config.put("algo", "trpo");
    TrainConfig c = TrainConfig.fromMap(config);
    assertThat(c.nTimesteps()).isEqualTo(1_000_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"InvertedPendulum-v4", "InvertedDoublePendulum-v4", "Reacher-v4",
      "Swimmer-v4", "Hopper-v4", "HalfCheetah-v4", "Walker2d-v4", "Ant-v4"})
  void ppoEntriesMakeValidConfigurations(String env) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>(Presets.zoo("ppo", env));
    assertThat(m.get("normalize")).isEqualTo(true);
    m.put("env", env);
    m.put("algo", "ppo");
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.nTimesteps()).isEqualTo(1_000_000L);
    if (env.equals("Hopper-v4")) {
      assertThat(Presets.zoo("ppo", env)).containsEntry("learning_rate", 9.80828e-05)
          .containsEntry("batch_size", 32).containsEntry("n_epochs", 5)
          .containsEntry("gamma", 0.999);
    }
    if (env.equals("Swimmer-v4")) {
      assertThat(Presets.zoo("ppo", env)).containsEntry("gamma", 0.9999).hasSize(5); // + env
    }
  }

  private static Map<String, String> normalise(Map<String, Object> m) {
    Map<String, String> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> out.put(k, v instanceof Number n ? String.valueOf(n.doubleValue())
        : String.valueOf(v)));
    out.remove("env");
    return out;
  }
}
