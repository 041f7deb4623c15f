package io.natgrad.rl.algo;

import io.natgrad.core.random.Rng;
import io.natgrad.rl.env.Box;
import io.natgrad.rl.env.ClipAction;
import io.natgrad.rl.env.Env;
import io.natgrad.rl.env.EnvRegistry;
import io.natgrad.rl.env.ObservationNormalizer;
import io.natgrad.rl.env.StepResult;
import io.natgrad.rl.policy.Policy;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs whole evaluation episodes of a policy on a fresh environment, like Stable-Baselines3's
 * {@code evaluate_policy}: deterministic actions (the mode) by default, observation statistics
 * frozen, every episode seeded from {@code derive(seed, "eval-episode-i")}.
 *
 * @param mean mean undiscounted return
 * @param std population standard deviation of the returns
 * @param returns every episode's return
 * @param lengths every episode's length
 */
public record Evaluation(double mean, double std, double[] returns, int[] lengths) {

  /** A fresh environment for {@code envId}, wrapped in {@link ClipAction} for Box actions. */
  public static Env makeEnv(String envId) {
    return makeEnv(envId, Map.of());
  }

  /** As {@link #makeEnv(String)}, with the environment's options (e.g. {@code seeding}). */
  public static Env makeEnv(String envId, Map<String, Object> options) {
    Env env = EnvRegistry.make(envId, options);
    return env.actionSpace() instanceof Box ? new ClipAction(env) : env;
  }

  /** Chooses an action for an observation: deterministic or drawn from {@code rng}. */
  @FunctionalInterface
  public interface Actor {
    void act(double[] observation, boolean deterministic, RandomGenerator rng, double[] action);
  }

  /**
   * @param policy the policy
   * @param theta its parameters
   * @param normalizer the frozen observation normalizer, or null
   * @param env the environment (fresh episodes are started with reset(seed))
   * @param episodes number of episodes ≥ 1
   * @param seed evaluation seed
   * @param deterministic true for the mode, false to sample
   */
  public static Evaluation run(Policy policy, double[] theta, ObservationNormalizer normalizer,
      Env env, int episodes, long seed, boolean deterministic) {
    return run((obs, det, rng, a) -> {
      double[] x = normalizer == null ? obs : normalizer.normalize(obs);
      if (det) {
        policy.mode(theta, x, a);
      } else {
        policy.sample(theta, x, rng, a);
      }
    }, policy.actionDimension(), env, episodes, seed, deterministic);
  }

  /** Evaluates a deployed policy (natgrad-policy), exactly what ships. */
  public static Evaluation run(io.natgrad.policy.Policy policy, Env env, int episodes, long seed,
      boolean deterministic) {
    return run((obs, det, rng, a) -> {
      if (det) {
        policy.act(obs, a);
      } else {
        policy.sample(obs, rng, a);
      }
    }, policy.actionLength(), env, episodes, seed, deterministic);
  }

  /** The episode loop shared by both. */
  public static Evaluation run(Actor actor, int actionLength, Env env, int episodes, long seed,
      boolean deterministic) {
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
    }
    double[] returns = new double[episodes];
    int[] lengths = new int[episodes];
    Rng actions = Rng.of(Rng.derive(seed, "eval-actions"));
    double[] a = new double[actionLength];
    // Gymnasium seeding: the first episode is env.reset(seed=seed), the next ones continue its
    // stream, as evaluating after one seeded reset does in Python; natgrad's: a stream per episode
    boolean gymnasium = env.seeding() == io.natgrad.rl.env.Seeding.GYMNASIUM;
    for (int e = 0; e < episodes; e++) {
      double[] obs = gymnasium ? (e == 0 ? env.reset(seed) : env.reset())
          : env.reset(Rng.derive(seed, "eval-episode-" + e));
      double total = 0;
      int len = 0;
      while (true) {
        actor.act(obs, deterministic, actions, a);
        StepResult r = env.step(a.clone());
        total += r.reward();
        len++;
        obs = r.observation();
        if (r.done()) {
          break;
        }
      }
      returns[e] = total;
      lengths[e] = len;
    }
    double mean = 0;
    for (double r : returns) {
      mean += r / episodes;
    }
    double var = 0;
    for (double r : returns) {
      var += (r - mean) * (r - mean) / episodes;
    }
    return new Evaluation(mean, Math.sqrt(var), returns, lengths);
  }
}
