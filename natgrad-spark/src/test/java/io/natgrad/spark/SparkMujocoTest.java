package io.natgrad.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.mujoco.MujocoInstall;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.config.TrainConfig;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MuJoCo tasks sampled on Spark ({@code local[2]}) without normalization (the Spark engine refuses
 * {@code normalize}, which the Zoo's MuJoCo presets set): the in-process run's final policy, bit
 * for bit — the copies' snapshots (state, warm start, the positions a step reads first) travel to
 * the tasks and back exactly.
 */
class SparkMujocoTest {
  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  static String train(String env, String engine, boolean normalize) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", "trpo");
    m.put("n_envs", 4);
    m.put("n_steps", 128);
    m.put("n_timesteps", 4 * 128 * 3);
    m.put("seed", 5);
    m.put("normalize", normalize);
    m.put("policy_kwargs", "dict(net_arch=[16, 16])");
    try (OnPolicyTrainer t = new OnPolicyTrainer(TrainConfig.fromMap(m), null, null, 0, 0, 1,
        engine, engine.equals("spark") ? Map.of("master", "local[2]") : Map.of())) {
      return Arrays.toString(t.train(it -> true));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hopper-v4", "Ant-v4", "Reacher-v4"})
  void mujocoOnSparkEqualsInProcess(String env) {
    assertThat(train(env, "spark", false)).isEqualTo(train(env, "local", false));
    assertThatThrownBy(() -> train(env, "spark", true)).hasMessageContaining("normalize");
  }
}
