package io.natgrad.rl.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.config.TrainConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --workers 1 and --workers 2 give the same batches and the same trained policy, bit for bit. */
class WorkerDeterminismTest {

  static List<Object> run(String env, String algo, boolean normalize, int workers) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", algo);
    m.put("n_envs", 3);
    m.put("n_steps", 128);
    m.put("n_timesteps", 3 * 128 * 3);
    m.put("normalize", normalize);
    m.put("seed", 11);
    OnPolicyTrainer t = new OnPolicyTrainer(TrainConfig.fromMap(m), null, null, 0, 0, workers);
    List<Object> rows = new ArrayList<>();
    double[] theta = t.train(it -> {
      rows.add(it.metrics().get("rollout/ep_rew_mean"));
      rows.add(it.metrics().get("train/value_loss"));
      return true;
    });
    rows.add(java.util.Arrays.toString(theta));
    if (t.normalizer() != null) {
      rows.add(java.util.Arrays.toString(t.normalizer().stats().mean()));
    }
    return rows;
  }

  @ParameterizedTest
  @CsvSource({"CartPole-v1, trpo, false", "Pendulum-v1, ppo, true", "Acrobot-v1, npg, true"})
  void workersDoNotChangeResults(String env, String algo, boolean normalize) {
    assertThat(run(env, algo, normalize, 2)).isEqualTo(run(env, algo, normalize, 1));
  }
}
