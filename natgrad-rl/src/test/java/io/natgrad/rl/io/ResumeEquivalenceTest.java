package io.natgrad.rl.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.natgrad.rl.algo.MetricsRow;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.algo.TrainerState;
import io.natgrad.rl.config.TrainConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For every algorithm: N updates, a checkpoint written to disk and read back into a new trainer, and
 * N more updates give the parameters and metrics (all but time/*) of 2N uninterrupted updates.
 */
class ResumeEquivalenceTest {
  @TempDir Path tmp;

  static TrainConfig config(String env, String algo, boolean normalize, int updates) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("algo", algo);
    m.put("n_envs", 2);
    m.put("n_steps", 128);
    m.put("n_timesteps", 256 * updates);
    m.put("normalize", normalize);
    m.put("seed", 3);
    m.put("policy_kwargs", "dict(net_arch=[16, 16])");
    return TrainConfig.fromMap(m);
  }

  static List<Object> rows(List<MetricsRow> rows) {
    List<Object> out = new ArrayList<>();
    for (MetricsRow r : rows) {
      Map<String, Object> copy = new HashMap<>();
      for (String key : MetricsRow.KEYS) {
        copy.put(key, r.get(key));
      }
      copy.keySet().removeIf(k -> k.startsWith("time/") && !k.equals("time/iterations")
          && !k.equals("time/total_timesteps"));
      out.add(copy.toString());
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"CartPole-v1, trpo, false", "Pendulum-v1, ppo, true", "Acrobot-v1, npg, true",
      "MountainCarContinuous-v0, trpo, true", "CartPole-v1, acktr, false",
      "Pendulum-v1, acktr, true"})
  void checkpointAndResumeEqualsAnUninterruptedRun(String env, String algo, boolean normalize)
      throws Exception {
    List<MetricsRow> straightRows = new ArrayList<>();
    OnPolicyTrainer straight = new OnPolicyTrainer(config(env, algo, normalize, 8), null, null,
        512, 2, 2);
    double[] expected = straight.train(it -> straightRows.add(it.metrics()));
    straight.close();

    List<MetricsRow> resumedRows = new ArrayList<>();
    OnPolicyTrainer first = new OnPolicyTrainer(config(env, algo, normalize, 8), null, null, 512,
        2, 1);
    first.train(it -> {
      resumedRows.add(it.metrics());
      return resumedRows.size() < 4;
    });
    Path file = tmp.resolve(env + ".json");
    CheckpointFile.write(first.checkpoint(), file);
    first.close();
    OnPolicyTrainer second = new OnPolicyTrainer(
        TrainConfig.fromMap(CheckpointFile.read(file).config()), null, null, 512, 2, 2);
    assertThat(second.restore(CheckpointFile.read(file))).isTrue();
    double[] actual = second.train(it -> resumedRows.add(it.metrics()));
    second.close();
    assertThat(actual).containsExactly(expected);
    assertThat(rows(resumedRows)).isEqualTo(rows(straightRows));
  }

  /**
   * Trains {@code c} straight through (2 workers) and again stopped after 3 updates (1 worker), its
   * checkpoint written to disk, checked by {@code onState}, read into a new trainer (2 workers) and
   * finished: asserts equal parameters and metrics rows; returns the parameters.
   */
  private double[] resumesExactly(TrainConfig c, String name,
      java.util.function.Consumer<TrainerState> onState) throws Exception {
    List<MetricsRow> straightRows = new ArrayList<>();
    double[] expected;
    try (OnPolicyTrainer straight = new OnPolicyTrainer(c, null, null, 512, 2, 2)) {
      expected = straight.train(it -> straightRows.add(it.metrics()));
    }
    List<MetricsRow> resumedRows = new ArrayList<>();
    Path file = tmp.resolve(name + ".json");
    try (OnPolicyTrainer first = new OnPolicyTrainer(c, null, null, 512, 2, 1)) {
      first.train(it -> {
        resumedRows.add(it.metrics());
        return resumedRows.size() < 3;
      });
      CheckpointFile.write(first.checkpoint(), file);
    }
    TrainerState state = CheckpointFile.read(file);
    onState.accept(state);
    double[] actual;
    try (OnPolicyTrainer second = new OnPolicyTrainer(TrainConfig.fromMap(state.config()), null,
        null, 512, 2, 2)) {
      assertThat(second.restore(state)).isTrue();
      actual = second.train(it -> resumedRows.add(it.metrics()));
    }
    assertThat(actual).containsExactly(expected);
    assertThat(rows(resumedRows)).isEqualTo(rows(straightRows));
    return expected;
  }

  /**
   * Every metric other than the default goes through the same checkpoint: a TRPO run resumed from
   * disk with another number of workers equals the uninterrupted one.
   */
  @ParameterizedTest
  @CsvSource({"CartPole-v1, mc-fisher", "CartPole-v1, empirical-fisher",
      "Acrobot-v1, diagonal-fisher", "Pendulum-v1, wasserstein", "Pendulum-v1, euclidean",
      "Acrobot-v1, kfac"})
  void everyMetricResumesExactly(String env, String metric) throws Exception {
    TrainConfig c = config(env, "trpo", false, 6).with(Map.of("metric", metric));
    double[] expected = resumesExactly(c, metric, state ->
        assertThat(state.config()).containsEntry("metric", metric));
    try (OnPolicyTrainer fisher = new OnPolicyTrainer(config(env, "trpo", false, 6), null, null,
        512, 2, 2)) {
      assertThat(fisher.train(null)).as("the metric is used").isNotEqualTo(expected);
    }
  }

  /**
   * ACKTR's state — both networks' running factors and kept blocks (refreshed every 2 updates
   * here), the momentum buffers, the noise-target and resampling streams — resumes exactly.
   */
  @ParameterizedTest
  @CsvSource({"CartPole-v1", "Pendulum-v1"})
  void acktrsStateResumesExactly(String env) throws Exception {
    TrainConfig c = config(env, "acktr", false, 6).with(Map.of("kfac_refresh", 2,
        "kfac_resample", true));
    double[] expected = resumesExactly(c, "acktr-" + env, state -> {
      assertThat(state.updateState()).containsKeys("kfac/updates", "kfac/rng",
          "kfac-critic/updates", "kfac-critic/frozen/2/S", "acktr/momentum/actor",
          "acktr/momentum/critic");
      assertThat(state.updateState().get("kfac-critic/updates")).containsExactly(3);
    });
    try (OnPolicyTrainer other = new OnPolicyTrainer(config(env, "acktr", false, 6), null, null,
        512, 2, 2)) {
      assertThat(other.train(null)).isNotEqualTo(expected);
    }
  }

  /**
   * K-FAC's running factors, its refresh counter and its resampling stream are state: a run that
   * keeps them across updates (decay 0.9, blocks refreshed every 2 updates, resampled actions)
   * resumes from disk, with another number of workers, to the same bits.
   */
  @ParameterizedTest
  @CsvSource({"CartPole-v1", "Pendulum-v1"})
  void kfacsRunningFactorsResumeExactly(String env) throws Exception {
    TrainConfig c = config(env, "trpo", false, 6).with(Map.of("metric", "kfac", "kfac_decay", 0.9,
        "kfac_refresh", 2, "kfac_resample", true));
    double[] expected = resumesExactly(c, "kfac-" + env, state -> {
      assertThat(state.updateState()).containsKeys("kfac/updates", "kfac/running/0/A",
          "kfac/frozen/2/S", "kfac/rng");
      assertThat(state.updateState().get("kfac/updates")).containsExactly(3);
    });
    try (OnPolicyTrainer perBatch = new OnPolicyTrainer(config(env, "trpo", false, 6)
        .with(Map.of("metric", "kfac")), null, null, 512, 2, 2)) {
      assertThat(perBatch.train(null)).as("the running factors are used").isNotEqualTo(expected);
    }
  }

  /**
   * With {@code seeding: gymnasium} the environments' PCG64 states go into the checkpoint: a
   * resumed run equals the uninterrupted one, and differs from a natgrad-seeded one.
   */
  @ParameterizedTest
  @CsvSource({"MountainCar-v0, trpo", "Pendulum-v1, ppo"})
  void gymnasiumSeededRunsResumeExactly(String env, String algo) throws Exception {
    TrainConfig c = config(env, algo, false, 6).with(Map.of("seeding", "gymnasium"));
    assertThat(c.toMap()).containsEntry("seeding", "gymnasium");
    double[] expected = resumesExactly(c, "gym-" + env, state ->
        assertThat(state.sampler().copies().get(0).env().rng()).hasSize(6)); // PCG64
    try (OnPolicyTrainer natgrad = new OnPolicyTrainer(config(env, algo, false, 6), null, null,
        512, 2, 2)) {
      assertThat(natgrad.train(null)).isNotEqualTo(expected);
    }
  }

  /**
   * A checkpoint written before natgrad normalized rewards says {@code normalize: true} and holds
   * no reward-normalization state: it resumes as it ran, normalizing observations only.
   */
  @org.junit.jupiter.api.Test
  void aCheckpointFromBeforeRewardNormalizationResumesAsItRan() throws Exception {
    Map<String, Object> m = new HashMap<>(config("Acrobot-v1", "trpo", true, 4).toMap());
    m.put("normalize", "dict(norm_obs=True, norm_reward=False)");
    TrainConfig obsOnly = TrainConfig.fromMap(m);
    List<MetricsRow> straightRows = new ArrayList<>();
    OnPolicyTrainer straight = new OnPolicyTrainer(obsOnly, null, null, 512, 2, 1);
    double[] expected = straight.train(it -> straightRows.add(it.metrics()));
    straight.close();

    List<MetricsRow> rows = new ArrayList<>();
    OnPolicyTrainer first = new OnPolicyTrainer(obsOnly, null, null, 512, 2, 1);
    first.train(it -> {
      rows.add(it.metrics());
      return rows.size() < 2;
    });
    io.natgrad.rl.algo.TrainerState s = first.checkpoint();
    first.close();
    assertThat(s.sampler().rewardNormalizer()).isNull();
    Map<String, Object> oldConfig = new HashMap<>(s.config());
    oldConfig.put("normalize", true); // what such a run's configuration said
    Path file = tmp.resolve("old.json");
    CheckpointFile.write(new io.natgrad.rl.algo.TrainerState(oldConfig, s.iteration(), s.steps(),
        s.elapsedSeconds(), s.theta(), s.valueParameters(), s.valueAdam(), s.ppoAdam(),
        s.normalizer(), s.criticRng(), s.sampler(), s.recentEpisodes(), s.nextEval(), s.evals(),
        s.bestEval(), s.failStreak(), s.updateState()), file);
    TrainConfig back = TrainConfig.fromMap(CheckpointFile.read(file).config());
    assertThat(back.normalization().observations()).isTrue();
    assertThat(back.normalization().rewards()).isFalse();
    OnPolicyTrainer second = new OnPolicyTrainer(back, null, null, 512, 2, 1);
    assertThat(second.restore(CheckpointFile.read(file))).isTrue();
    double[] actual = second.train(it -> rows.add(it.metrics()));
    second.close();
    assertThat(actual).containsExactly(expected);
    assertThat(rows(rows)).isEqualTo(rows(straightRows));
  }
}
