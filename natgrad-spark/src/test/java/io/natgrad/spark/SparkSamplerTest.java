package io.natgrad.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.batch.Batch;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.policy.NeuralPolicy;
import io.natgrad.rl.sample.Sampler;
import io.natgrad.rl.sample.SamplerEngine;
import io.natgrad.rl.sample.VectorSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Spark sampler (local[2]) against the in-process sampler, bit for bit. */
class SparkSamplerTest {

  static List<String> batches(Sampler s, double[] theta, int iterations, int steps) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      Batch b = s.collect(theta, steps);
      out.add(Arrays.toString(b.observations()));
      out.add(Arrays.toString(b.actions()));
      out.add(Arrays.toString(b.rewards()));
      out.add(Arrays.toString(b.terminated()) + Arrays.toString(b.truncated()));
      out.add(Arrays.toString(b.logProbs()) + Arrays.toString(b.timesteps()));
      out.add(Arrays.toString(b.episodeOffsets()) + Arrays.toString(b.finalObservations()));
      for (double[] e : s.drainCompletedEpisodes()) {
        out.add(Arrays.toString(e));
      }
      // a theta that changes between iterations, as in training
      theta = theta.clone();
      theta[i % theta.length] += 0.01;
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"CartPole-v1, 5, 2", "Pendulum-v1, 3, 3", "Acrobot-v1, 4, 4"})
  void sparkBatchEqualsInProcessBatch(String envId, int copies, int partitions) {
    Env probe = EnvRegistry.make(envId);
    Map<String, Object> m = new HashMap<>();
    m.put("env", envId);
    NeuralPolicy policy = OnPolicyTrainer.makePolicy(TrainConfig.fromMap(m), probe);
    double[] theta = policy.initialParameters(Rng.of(3));
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      envs.add(Evaluation.makeEnv(envId));
    }
    List<String> local;
    try (VectorSampler v = new VectorSampler(envs, policy, 77, null)) {
      local = batches(v, theta, 4, 150);
    }
    List<String> spark;
    try (Sampler s = SamplerEngine.find("spark").create(envId, copies, policy, 77, null,
        Map.of("master", "local[2]", "partitions", Integer.toString(partitions)))) {
      spark = batches(s, theta, 4, 150);
    }
    assertThat(spark).isEqualTo(local);
  }

  @Test
  void snapshotOfASparkSamplerResumesInProcess() {
    String envId = "CartPole-v1";
    Map<String, Object> m = new HashMap<>();
    m.put("env", envId);
    NeuralPolicy policy = OnPolicyTrainer.makePolicy(TrainConfig.fromMap(m),
        EnvRegistry.make(envId));
    double[] theta = policy.initialParameters(Rng.of(5));
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      envs.add(Evaluation.makeEnv(envId));
    }
    try (VectorSampler v = new VectorSampler(envs, policy, 9, null);
        Sampler s = SamplerEngine.find("spark").create(envId, 3, policy, 9, null,
            Map.of("master", "local[2]"))) {
      v.collect(theta, 40);
      s.collect(theta, 40);
      try (VectorSampler w = fresh(envId, policy, 3)) {
        w.restore(s.snapshot());
        assertThat(Arrays.toString(w.collect(theta, 40).observations()))
            .isEqualTo(Arrays.toString(v.collect(theta, 40).observations()));
      }
    }
  }

  private static VectorSampler fresh(String envId, NeuralPolicy policy, int copies) {
    List<Env> envs = new ArrayList<>();
    for (int k = 0; k < copies; k++) {
      envs.add(Evaluation.makeEnv(envId));
    }
    return new VectorSampler(envs, policy, 9, null);
  }

  @Test
  void refusesWhatItCannotSampleExactly() {
    Map<String, Object> m = new HashMap<>();
    m.put("env", "CartPole-v1");
    NeuralPolicy policy = OnPolicyTrainer.makePolicy(TrainConfig.fromMap(m),
        EnvRegistry.make("CartPole-v1"));
    assertThatThrownBy(() -> SamplerEngine.find("spark").create("CartPole-v1", 2, policy, 1,
        null, Map.of("mastr", "local[2]")))
        .hasMessageContaining("mastr");
    assertThatThrownBy(() -> SamplerEngine.find("spark").create("CartPole-v1", 2, policy, 1,
        new io.natgrad.rl.env.ObservationNormalizer(new io.natgrad.rl.env.RunningMeanStd(4), 10),
        Map.of())).hasMessageContaining("normalize");
  }

  /** Training through Spark gives the in-process run's policy, bit for bit. */
  static String train(String engine, Map<String, String> options) {
    return train(engine, options, "CartPole-v1", "fisher");
  }

  static String train(String engine, Map<String, String> options, String env, String metric) {
    Map<String, Object> m = new HashMap<>();
    m.put("env", env);
    m.put("metric", metric);
    m.put("algo", metric.equals("acktr") ? "acktr" : "trpo");
    if (metric.equals("acktr")) {
      m.put("metric", "kfac");
    }
    m.put("n_envs", 4);
    m.put("n_steps", 128);
    m.put("n_timesteps", 4 * 128 * 3);
    m.put("seed", 21);
    try (OnPolicyTrainer t = new OnPolicyTrainer(TrainConfig.fromMap(m), null, null, 0, 0, 1,
        engine, options)) {
      return Arrays.toString(t.train(it -> true));
    }
  }

  @Test
  void trainingOnSparkEqualsTrainingInProcess() {
    assertThat(train("spark", Map.of("master", "local[2]"))).isEqualTo(train("local", Map.of()));
  }

  /**
   * Every metric works where the samples came from: the update runs on the driver ("acktr": the
   * algorithm, whose metric is kfac).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"CartPole-v1, mc-fisher",
      "CartPole-v1, empirical-fisher", "CartPole-v1, diagonal-fisher", "Pendulum-v1, wasserstein",
      "CartPole-v1, kfac", "CartPole-v1, acktr"})
  void everyMetricTrainsOnSparkAsInProcess(String env, String metric) {
    String local = train("local", Map.of(), env, metric);
    assertThat(train("spark", Map.of("master", "local[2]"), env, metric)).isEqualTo(local);
    assertThat(local).isNotEqualTo(train("local", Map.of(), env, "fisher"));
  }

  @Test
  void aRetriedTaskLosesAndRepeatsNothing() {
    // local[2,3]: up to 3 attempts per task; every task's first attempt throws
    assertThat(train("spark", Map.of("master", "local[2,3]", "fail_first_attempt", "true")))
        .isEqualTo(train("local", Map.of()));
  }

  @Test
  void aNonFiniteRewardInATaskStopsLikeInProcess() {
    // a CartPole whose reward turns NaN at its 30th step
    EnvRegistry.register("NanCartPole-v0", o -> new io.natgrad.rl.env.Env() {
      private final Env env = EnvRegistry.make("CartPole-v1");
      private int t;

      @Override
      public String id() {
        return "NanCartPole-v0";
      }

      @Override
      public io.natgrad.rl.env.Space observationSpace() {
        return env.observationSpace();
      }

      @Override
      public io.natgrad.rl.env.Space actionSpace() {
        return env.actionSpace();
      }

      @Override
      public double[] reset(long seed) {
        return env.reset(seed);
      }

      @Override
      public double[] reset() {
        return env.reset();
      }

      @Override
      public io.natgrad.rl.env.StepResult step(double[] action) {
        io.natgrad.rl.env.StepResult r = env.step(action);
        return ++t == 30 ? new io.natgrad.rl.env.StepResult(r.observation(), Double.NaN,
            r.terminated(), r.truncated(), r.info()) : r;
      }
    });
    Map<String, Object> m = new HashMap<>();
    m.put("env", "CartPole-v1");
    NeuralPolicy policy = OnPolicyTrainer.makePolicy(TrainConfig.fromMap(m),
        EnvRegistry.make("CartPole-v1"));
    double[] theta = policy.initialParameters(Rng.of(1));
    try (Sampler s = SamplerEngine.find("spark").create("NanCartPole-v0", 4, policy, 1, null,
        Map.of("master", "local[2]"))) {
      assertThatThrownBy(() -> s.collect(theta, 64))
          .isInstanceOf(io.natgrad.rl.env.NonFiniteEnvironmentException.class)
          .hasMessageContaining("non-finite reward")
          .hasMessageContaining("copy ");
    }
  }
}
