package io.natgrad.mujoco;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.io.CheckpointFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training on MuJoCo tasks as on classic control (a short smoke run each, seconds): the final
 * policy does not depend on the number of sampler threads, and a run checkpointed to disk and
 * resumed in a new trainer ends with the uninterrupted run's parameters, bit for bit — the tasks'
 * snapshots carry everything the next step reads.
 */
class MujocoTrainingTest {
  @TempDir Path tmp;

  @BeforeAll
  static void library() {
    MujocoInstall.ensure();
  }

  static TrainConfig config(String env, String algo, int updates) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", algo);
    m.put("n_envs", 4);
    m.put("n_steps", 128);
    m.put("n_timesteps", 512 * updates);
    m.put("seed", 9);
    m.put("policy_kwargs", "dict(net_arch=[16, 16])");
    return TrainConfig.fromMap(m);
  }

  @ParameterizedTest
  @CsvSource({"Hopper-v4, trpo", "Ant-v4, ppo", "Reacher-v4, npg", "InvertedDoublePendulum-v4, trpo"})
  void workersAndResumeGiveTheSamePolicy(String env, String algo) throws Exception {
    OnPolicyTrainer one = new OnPolicyTrainer(config(env, algo, 6), null, null, 2048, 2, 1);
    double[] expected = one.train(it -> true);
    one.close();

    OnPolicyTrainer two = new OnPolicyTrainer(config(env, algo, 6), null, null, 2048, 2, 2);
    assertThat(two.train(it -> true)).as("2 sampler threads").containsExactly(expected);
    two.close();

    int[] updates = {0};
    OnPolicyTrainer first = new OnPolicyTrainer(config(env, algo, 6), null, null, 2048, 2, 2);
    first.train(it -> ++updates[0] < 3);
    Path file = tmp.resolve(env + ".json");
    CheckpointFile.write(first.checkpoint(), file);
    first.close();
    OnPolicyTrainer second = new OnPolicyTrainer(
        TrainConfig.fromMap(CheckpointFile.read(file).config()), null, null, 2048, 2, 1);
    assertThat(second.restore(CheckpointFile.read(file))).isTrue();
    assertThat(second.train(it -> true)).as("resumed").containsExactly(expected);
    second.close();
  }
}
