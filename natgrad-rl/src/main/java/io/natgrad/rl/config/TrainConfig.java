package io.natgrad.rl.config;

import io.natgrad.rl.config.zoo.ZooSettings;
import io.natgrad.rl.env.Seeding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting of a training run, in typed parts: how batches are sampled, the optimizer, NPG's
 * and TRPO's step, PPO's, normalization, the networks and the critic. Configurations are read and
 * written under Stable-Baselines3's and the RL Zoo's key names ({@link ZooSettings}), so that a Zoo
 * YAML entry works as it is; CLI flags are the same names in kebab case.
 *
 * @param env the environment id ({@code env})
 * @param algo the algorithm ({@code algo})
 * @param nTimesteps total environment steps ({@code n_timesteps})
 * @param seed the seed of every random stream ({@code seed})
 * @param targetKl NPG's and TRPO's trust region δ; PPO's early-stop KL, NaN for none
 *     ({@code target_kl})
 * @param sampling batches and advantages
 * @param optimization the Adam steps (critic, or PPO's shared optimizer)
 * @param naturalGradient NPG's and TRPO's step
 * @param ppo PPO's settings (read for every algorithm, used by PPO)
 * @param normalization VecNormalize's settings
 * @param networks the policy and value networks
 * @param critic the critic ({@code baseline})
 * @param seeding how the environments' resets are seeded ({@code seeding}: natgrad or gymnasium)
 * @param warnings what was accepted but is not implemented (e.g. gSDE)
 */
public record TrainConfig(String env, Algorithm algo, long nTimesteps, long seed,
    double targetKl, Sampling sampling, Optimization optimization,
    NaturalGradientSettings naturalGradient, PpoSettings ppo, Normalization normalization,
    Networks networks, CriticKind critic, Seeding seeding, List<String> warnings) {

  /** The keys understood, with the Zoo's and natgrad's own. */
  public static final Set<String> KEYS = ZooSettings.KEYS;

  /** Parses and validates a configuration (values may be numbers, booleans or strings). */
  public static TrainConfig fromMap(Map<String, Object> raw) {
    return ZooSettings.read(raw);
  }

  /** The resolved configuration with every default, under the SB3/Zoo key names. */
  public Map<String, Object> toMap() {
    return ZooSettings.write(this);
  }

  /** This configuration with some keys replaced (validated again). */
  public TrainConfig with(Map<String, Object> overrides) {
    Map<String, Object> m = new HashMap<>(toMap());
    m.putAll(overrides);
    return fromMap(m);
  }

  /**
   * The options the environments are made with: {@code seeding: gymnasium} when asked for, none
   * otherwise (so that environments without the option, e.g. users', keep working).
   */
  public Map<String, Object> envOptions() {
    return seeding == Seeding.GYMNASIUM ? Map.of("seeding", seeding.label()) : Map.of();
  }

  /** The discount of the reward normalizer's running returns. */
  public double rewardNormGamma() {
    return Double.isNaN(normalization.gamma()) ? sampling.gamma() : normalization.gamma();
  }
}
