package io.natgrad.rl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.nn.Activation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainConfigTest {

  static Map<String, Object> base() {
    Map<String, Object> m = new HashMap<>();
    m.put("env", "CartPole-v1");
    return m;
  }

  @Test
  void defaultsAreSb3TrpoDefaults() {
    TrainConfig c = TrainConfig.fromMap(base());
    assertThat(c.algo()).isEqualTo(Algorithm.TRPO);
    assertThat(c.sampling().nSteps()).isEqualTo(2048);
    assertThat(c.optimization().batchSize()).isEqualTo(128);
    assertThat(c.sampling().gamma()).isEqualTo(0.99);
    assertThat(c.sampling().gaeLambda()).isEqualTo(0.95);
    assertThat(c.targetKl()).isEqualTo(0.01);
    assertThat(c.naturalGradient().cgMaxSteps()).isEqualTo(15);
    assertThat(c.naturalGradient().cgDamping()).isEqualTo(0.1);
    assertThat(c.naturalGradient().lineSearchShrinkingFactor()).isEqualTo(0.8);
    assertThat(c.naturalGradient().lineSearchMaxIter()).isEqualTo(10);
    assertThat(c.naturalGradient().nCriticUpdates()).isEqualTo(10);
    assertThat(c.optimization().learningRate().initial()).isEqualTo(1e-3);
    assertThat(c.networks().pi()).containsExactly(64, 64);
    assertThat(c.networks().activation()).isEqualTo(Activation.TANH);
    // NaN means "unset" in a few fields (normalize's own gamma): compare doubles bit for bit
    assertThat(TrainConfig.fromMap(c.toMap())).usingRecursiveComparison()
        .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class).isEqualTo(c);
  }

  @Test
  void zooEntryWithPolicyKwargsStringParses() {
    Map<String, Object> m = base();
    m.put("n_envs", 2);
    m.put("n_timesteps", 1e5);
    m.put("policy", "MlpPolicy");
    m.put("cg_damping", 1e-3);
    m.put("policy_kwargs", "dict(log_std_init=-1, ortho_init=False, activation_fn=nn.ReLU, "
        + "net_arch=dict(pi=[256, 256], vf=[128]))");
    m.put("use_sde", true);
    m.put("sde_sample_freq", 4);
    m.put("normalize", "dict(norm_obs=True, norm_reward=False)");
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.nTimesteps()).isEqualTo(100_000);
    assertThat(c.networks().pi()).containsExactly(256, 256);
    assertThat(c.networks().vf()).containsExactly(128);
    assertThat(c.networks().activation()).isEqualTo(Activation.RELU);
    assertThat(c.networks().logStdInit()).isEqualTo(-1);
    assertThat(c.networks().orthoInit()).isFalse();
    assertThat(c.normalization().observations()).isTrue();
    assertThat(c.normalization().rewards()).isFalse();
    assertThat(c.warnings()).hasSize(2);
    // PPO-style list form of net_arch
    m.put("policy_kwargs", "dict(net_arch=[dict(pi=[32], vf=[16])])");
    assertThat(TrainConfig.fromMap(m).networks().vf()).containsExactly(16);
  }

  @Test
  void normalizeMeansWhatTheZooMeansAndRoundTrips() {
    Map<String, Object> m = base();
    record Case(Object value, boolean obs, boolean reward) {}
    for (Case k : List.of(new Case(true, true, true), new Case(false, false, false),
        new Case("dict(norm_obs=True, norm_reward=False)", true, false),
        new Case("{'norm_obs': False, 'norm_reward': True}", false, true),
        new Case("dict(norm_obs=False)", false, true),
        new Case("dict(gamma=0.99)", true, true))) {
      m.put("normalize", k.value());
      TrainConfig c = TrainConfig.fromMap(m);
      assertThat(c.normalization().observations()).as("%s: observations", k.value()).isEqualTo(k.obs());
      assertThat(c.normalization().rewards()).as("%s: rewards", k.value()).isEqualTo(k.reward());
      TrainConfig back = TrainConfig.fromMap(c.toMap());
      assertThat(back.normalization().observations()).isEqualTo(k.obs());
      assertThat(back.normalization().rewards()).isEqualTo(k.reward());
    }
    m.put("normalize", "dict(norm_reward=maybe)");
    assertThatThrownBy(() -> TrainConfig.fromMap(m)).hasMessageContaining("normalize.norm_reward");
  }

  @Test
  void ppoValueClippingIsNoneUnlessGivenAndFollowsItsSchedule() {
    Map<String, Object> m = base();
    m.put("algo", "ppo");
    assertThat(TrainConfig.fromMap(m).ppo().clipRangeVfAt(1)).isNaN();
    m.put("clip_range_vf", "None");
    assertThat(TrainConfig.fromMap(m).ppo().clipRangeVfAt(1)).isNaN();
    m.put("clip_range_vf", 0.2);
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.ppo().clipRangeVfAt(0.5)).isEqualTo(0.2);
    assertThat(TrainConfig.fromMap(c.toMap()).ppo().clipRangeVfAt(0.5)).isEqualTo(0.2);
    m.put("clip_range_vf", "lin_0.3");
    c = TrainConfig.fromMap(m);
    assertThat(c.ppo().clipRangeVfAt(0.5)).isEqualTo(0.15);
    assertThat(TrainConfig.fromMap(c.toMap()).ppo().clipRangeVfAt(0.5)).isEqualTo(0.15);
    m.put("clip_range_vf", -1);
    assertThatThrownBy(() -> TrainConfig.fromMap(m))
        .hasMessageContaining("clip_range_vf must be in (0, inf), got -1");
  }

  @Test
  void subSamplingFactorIsReadAndRangeChecked() {
    Map<String, Object> m = base();
    assertThat(TrainConfig.fromMap(m).naturalGradient().subSamplingFactor()).isEqualTo(1);
    m.put("sub_sampling_factor", 4);
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.naturalGradient().subSamplingFactor()).isEqualTo(4);
    assertThat(TrainConfig.fromMap(c.toMap()).naturalGradient().subSamplingFactor()).isEqualTo(4);
    m.put("sub_sampling_factor", 0);
    assertThatThrownBy(() -> TrainConfig.fromMap(m))
        .hasMessageContaining("sub_sampling_factor must be an integer in [1, 1000000], got 0");
  }

  @Test
  void vecNormalizeArgumentsAreReadOrRefusedByName() {
    Map<String, Object> m = base();
    m.put("gamma", 0.98);
    m.put("normalize", "dict(norm_obs=True, norm_reward=True, clip_obs=5.0, clip_reward=2)");
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.normalization().clipObs()).isEqualTo(5.0);
    assertThat(c.normalization().clipReward()).isEqualTo(2.0);
    assertThat(c.rewardNormGamma()).isEqualTo(0.98); // the algorithm's, as the Zoo passes it
    TrainConfig back = TrainConfig.fromMap(c.toMap());
    assertThat(back.normalization().clipObs()).isEqualTo(5.0);
    assertThat(back.normalization().clipReward()).isEqualTo(2.0);
    assertThat(back.rewardNormGamma()).isEqualTo(0.98);
    // a YAML mapping works as well as the Zoo's Python-dict string
    Map<String, Object> yaml = new HashMap<>();
    yaml.put("norm_obs", false);
    yaml.put("gamma", 0.9);
    m.put("normalize", yaml);
    c = TrainConfig.fromMap(m);
    assertThat(c.normalization().observations()).isFalse();
    assertThat(c.normalization().rewards()).isTrue();
    assertThat(c.rewardNormGamma()).isEqualTo(0.9);
    assertThat(TrainConfig.fromMap(c.toMap()).rewardNormGamma()).isEqualTo(0.9);
    m.put("env", "CartPole-v1");
    m.put("normalize", "dict(clip_obs=5.0)");
    OnPolicyTrainer t = new OnPolicyTrainer(TrainConfig.fromMap(m), null, null, 0, 1, 1);
    assertThat(t.normalizer().clip()).isEqualTo(5.0);
    t.close();
    for (Object[] bad : new Object[][] {
        {"dict(epsilon=1e-6)", "normalize.epsilon is not supported"},
        {"dict(clip_obs=0)", "normalize.clip_obs must be in (0, inf), got 0"},
        {"dict(gamma=1.5)", "normalize.gamma must be in [0, 1], got 1.5"}}) {
      m.put("normalize", bad[0]);
      assertThatThrownBy(() -> TrainConfig.fromMap(m)).as(String.valueOf(bad[0]))
          .hasMessageContaining((String) bad[1]);
    }
  }

  @Test
  void everyBadValueIsNamedWithItsRange() {
    record Case(String key, Object value, String expected) {}
    for (Case k : List.of(
        new Case("target_kl", 0, "target_kl must be in (0, inf), got 0"),
        new Case("target_kl", -0.01, "target_kl must be in (0, inf), got -0.01"),
        new Case("gamma", 1.5, "gamma must be in (0, 1], got 1.5"),
        new Case("gamma", 0, "gamma must be in (0, 1]"),
        new Case("gae_lambda", -0.1, "gae_lambda must be in [0, 1], got -0.1"),
        new Case("cg_damping", -1, "cg_damping must be in [0, inf), got -1"),
        new Case("n_steps", 0, "n_steps must be an integer in [1,"),
        new Case("n_steps", 2.5, "n_steps must be an integer"),
        new Case("batch_size", "many", "batch_size must be a number, got 'many'"),
        new Case("normalize", "maybe", "normalize must be true or false, got maybe"),
        new Case("algo", "sac", "algo must be trpo, npg, ppo or acktr, got 'sac'"),
        new Case("policy_kwargs", "dict(net_arch=[64, 0])", "sizes must be integers in [1, 65536]"),
        new Case("policy_kwargs", "dict(foo=1)", "unknown policy_kwargs key 'foo'"),
        new Case("policy_kwargs", "dict(net_arch=[64,", "unexpected end"),
        new Case("learning_rate", "nan", "learning_rate must be a number, got 'nan'"),
        new Case("learning_rate", "NaN", "learning_rate must be in (0, inf), got NaN"),
        new Case("kfac_decay", 1, "kfac_decay must be in [0, 1), got 1"),
        new Case("kfac_refresh", 0, "kfac_refresh must be an integer in [1, 1000000], got 0"),
        new Case("kfac_resample", "yes", "kfac_resample must be true or false, got yes"),
        new Case("kfac_clip", 0, "kfac_clip must be in (0, inf), got 0"),
        new Case("momentum", 1, "momentum must be in [0, 1), got 1"))) {
      Map<String, Object> m = base();
      m.put(k.key(), k.value());
      assertThatThrownBy(() -> TrainConfig.fromMap(m)).as(k.key() + "=" + k.value())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(k.expected());
    }
    Map<String, Object> m = base();
    m.put("learning_rat", 1e-3);
    assertThatThrownBy(() -> TrainConfig.fromMap(m)).hasMessageContaining("learning_rat")
        .hasMessageContaining("known keys");
    assertThatThrownBy(() -> TrainConfig.fromMap(new HashMap<>())).hasMessageContaining("env");
  }

  /**
   * K-FAC's keys appear in a resolved configuration only where they are used (other runs'
   * config.json stay as they were), and survive the round trip.
   */
  @Test
  void kfacsKeysAreWrittenWhereUsedAndReadBack() {
    Map<String, Object> m = base();
    assertThat(TrainConfig.fromMap(m).toMap()).doesNotContainKeys("kfac_decay", "kfac_clip");
    m.put("metric", "kfac");
    m.put("kfac_decay", 0.95);
    m.put("kfac_refresh", 3);
    TrainConfig c = TrainConfig.fromMap(m);
    assertThat(c.toMap()).containsEntry("kfac_decay", 0.95).containsEntry("kfac_refresh", 3)
        .containsEntry("kfac_resample", false).doesNotContainKey("kfac_clip");
    assertThat(TrainConfig.fromMap(c.toMap()).toMap()).isEqualTo(c.toMap());
    assertThat(TrainConfig.fromMap(c.toMap()).naturalGradient()).isEqualTo(c.naturalGradient());
    m.put("algo", "ppo");
    assertThatThrownBy(() -> TrainConfig.fromMap(m)).hasMessageContaining(
        "metric applies to npg and trpo");
  }
}
