package io.natgrad.rl.algo;

import io.natgrad.rl.nn.Activation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting of a training run, under Stable-Baselines3's and the RL Zoo's key names so that a
 * Zoo YAML entry works as it is (CLI flags are the same names in kebab case). This class is the one
 * place where those names map onto Java fields; {@link #fromMap} validates every key before any
 * work starts, naming the key, the value and the allowed range, and {@link #toMap} gives the
 * resolved configuration (all defaults filled in) for provenance.
 *
 * <p>Defaults are sb3-contrib's TRPO defaults: n_steps 2048, batch_size 128, γ 0.99, GAE λ 0.95,
 * target_kl 0.01, 15 CG steps, cg_damping 0.1, backtracking 0.8 × 10, 10 critic updates with Adam
 * at 1e-3, normalized advantages, (64, 64) tanh networks with orthogonal init.
 */
public record TrainConfig(
    String env,
    String algo,
    long nTimesteps,
    long seed,
    int nEnvs,
    int nSteps,
    int batchSize,
    double gamma,
    double gaeLambda,
    double targetKl,
    int cgMaxSteps,
    double cgDamping,
    double lineSearchShrinkingFactor,
    int lineSearchMaxIter,
    int nCriticUpdates,
    double learningRate,
    boolean normalize,
    boolean normReward,
    double clipObs,
    double clipReward,
    double normGamma,
    boolean normalizeAdvantage,
    int[] netArchPi,
    int[] netArchVf,
    Activation activation,
    double logStdInit,
    boolean orthoInit,
    String baseline,
    boolean learningRateLinear,
    int nEpochs,
    double clipRange,
    boolean clipRangeLinear,
    double clipRangeVf,
    boolean clipRangeVfLinear,
    int subSamplingFactor,
    double entCoef,
    double vfCoef,
    double maxGradNorm,
    List<String> warnings) {

  /** The arguments of SB3's VecNormalize that {@code normalize} may carry as a dict. */
  public static final List<String> NORMALIZE_KEYS =
      List.of("norm_obs", "norm_reward", "clip_obs", "clip_reward", "gamma");

  /** The keys understood, with the Zoo's and natgrad's own. */
  public static final Set<String> KEYS = Set.of("env", "algo", "n_timesteps", "seed", "n_envs",
      "n_steps", "batch_size", "gamma", "gae_lambda", "target_kl", "cg_max_steps", "cg_damping",
      "line_search_shrinking_factor", "line_search_max_iter", "n_critic_updates", "learning_rate",
      "normalize", "normalize_advantage", "policy", "policy_kwargs", "baseline", "use_sde",
      "sde_sample_freq", "sub_sampling_factor", "n_epochs", "clip_range", "ent_coef", "vf_coef",
      "max_grad_norm", "clip_range_vf");

  /** Parses and validates a configuration (values may be numbers, booleans or strings). */
  public static TrainConfig fromMap(Map<String, Object> raw) {
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown configuration key(s) " + unknown
          + "; known keys: " + new TreeSet<>(KEYS));
    }
    Reader r = new Reader(raw);
    List<String> warnings = new ArrayList<>();
    String env = r.string("env", null);
    if (env == null || env.isBlank()) {
      throw new IllegalArgumentException("env must be given (an environment id)");
    }
    String algo = r.string("algo", "trpo").toLowerCase(Locale.ROOT);
    if (!algo.equals("trpo") && !algo.equals("npg") && !algo.equals("ppo")) {
      throw new IllegalArgumentException("algo must be trpo, npg or ppo, got '" + algo + "'");
    }
    boolean ppo = algo.equals("ppo");
    Map<String, Object> lin = new java.util.HashMap<>(raw);
    boolean lrLinear = linear(lin, "learning_rate");
    boolean clipLinear = linear(lin, "clip_range");
    if (lin.get("clip_range_vf") instanceof String none
        && (none.trim().equals("None") || none.trim().equals("null"))) {
      lin.put("clip_range_vf", null); // the Zoo's Python spelling of "no value clipping"
    }
    boolean clipVfLinear = linear(lin, "clip_range_vf");
    r = new Reader(lin);
    String policy = r.string("policy", "MlpPolicy");
    if (!policy.equals("MlpPolicy")) {
      throw new IllegalArgumentException("policy must be MlpPolicy, got '" + policy + "'");
    }
    if (r.bool("use_sde", false)) {
      warnings.add("use_sde: gSDE is not implemented; plain Gaussian exploration noise is used");
    }
    if (raw.containsKey("sde_sample_freq")) {
      r.integer("sde_sample_freq", -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
      warnings.add("sde_sample_freq is ignored (no gSDE)");
    }
    int sub = r.integer("sub_sampling_factor", 1, 1, 1_000_000);
    int[] pi = {64, 64};
    int[] vf = {64, 64};
    Activation act = Activation.TANH;
    double logStdInit = 0.0;
    boolean ortho = true;
    Object kw = raw.get("policy_kwargs");
    if (kw != null) {
      Map<String, Object> kwargs = asMap("policy_kwargs", kw instanceof String s
          ? PyDictParser.parse(s) : kw);
      Set<String> allowed = Set.of("net_arch", "activation_fn", "log_std_init", "ortho_init");
      for (String k : kwargs.keySet()) {
        if (!allowed.contains(k)) {
          throw new IllegalArgumentException("unknown policy_kwargs key '" + k + "'; known: "
              + new TreeSet<>(allowed));
        }
      }
      if (kwargs.containsKey("net_arch")) {
        Object arch = kwargs.get("net_arch");
        if (arch instanceof List<?> l && l.size() == 1 && l.get(0) instanceof Map<?, ?> m) {
          arch = m;
        }
        if (arch instanceof Map<?, ?> m) {
          pi = sizes("policy_kwargs.net_arch.pi", m.get("pi"));
          vf = sizes("policy_kwargs.net_arch.vf", m.get("vf"));
        } else {
          pi = sizes("policy_kwargs.net_arch", arch);
          vf = pi.clone();
        }
      }
      if (kwargs.containsKey("activation_fn")) {
        act = Activation.parse(String.valueOf(kwargs.get("activation_fn")));
      }
      if (kwargs.containsKey("log_std_init")) {
        logStdInit = Reader.number("policy_kwargs.log_std_init", kwargs.get("log_std_init"));
      }
      if (kwargs.containsKey("ortho_init")) {
        ortho = Reader.bool("policy_kwargs.ortho_init", kwargs.get("ortho_init"));
      }
    }
    // the RL Zoo's meaning: `normalize: true` wraps the environments in VecNormalize with its
    // defaults (observations and rewards); a dict of VecNormalize's arguments picks either
    boolean normalize;
    boolean normReward;
    double clipObs = 10.0;
    double clipReward = 10.0;
    double normGamma = Double.NaN; // the algorithm's γ, as the Zoo passes it
    Object norm = raw.get("normalize");
    Map<String, Object> nm = null;
    if (norm instanceof Map<?, ?>) {
      nm = asMap("normalize", norm);
    } else if (norm instanceof String s && (s.contains("(") || s.contains("{"))) {
      nm = asMap("normalize", PyDictParser.parse(s));
    }
    if (nm != null) {
      for (String k : nm.keySet()) {
        if (!NORMALIZE_KEYS.contains(k)) {
          throw new IllegalArgumentException("normalize." + k + " is not supported (VecNormalize "
              + "arguments understood: " + NORMALIZE_KEYS + "), got " + nm.get(k));
        }
      }
      normalize = Reader.bool("normalize.norm_obs", nm.getOrDefault("norm_obs", true));
      normReward = Reader.bool("normalize.norm_reward", nm.getOrDefault("norm_reward", true));
      if (nm.containsKey("clip_obs")) {
        clipObs = positive("normalize.clip_obs", nm.get("clip_obs"));
      }
      if (nm.containsKey("clip_reward")) {
        clipReward = positive("normalize.clip_reward", nm.get("clip_reward"));
      }
      if (nm.containsKey("gamma")) {
        normGamma = Reader.number("normalize.gamma", nm.get("gamma"));
        if (!(normGamma >= 0 && normGamma <= 1)) {
          throw new IllegalArgumentException("normalize.gamma must be in [0, 1], got "
              + nm.get("gamma"));
        }
      }
    } else {
      normalize = r.bool("normalize", false);
      normReward = normalize;
    }
    String baseline = r.string("baseline", "mlp");
    if (!baseline.equals("mlp") && !baseline.equals("linear")) {
      throw new IllegalArgumentException("baseline must be mlp or linear, got '" + baseline + "'");
    }
    return new TrainConfig(
        env, algo,
        r.longValue("n_timesteps", 100_000, 1),
        r.longValue("seed", 0, Long.MIN_VALUE),
        r.integer("n_envs", 1, 1, 4096),
        r.integer("n_steps", 2048, 1, 10_000_000),
        r.integer("batch_size", ppo ? 64 : 128, 1, Integer.MAX_VALUE),
        r.range("gamma", 0.99, 0, false, 1, true),
        r.range("gae_lambda", 0.95, 0, true, 1, true),
        ppo && raw.get("target_kl") == null ? Double.NaN
            : r.range("target_kl", 0.01, 0, false, Double.POSITIVE_INFINITY, false),
        r.integer("cg_max_steps", 15, 1, 100_000),
        r.range("cg_damping", 0.1, 0, true, Double.POSITIVE_INFINITY, false),
        r.range("line_search_shrinking_factor", 0.8, 0, false, 1, false),
        r.integer("line_search_max_iter", 10, 1, 1000),
        r.integer("n_critic_updates", 10, 1, 100_000),
        r.range("learning_rate", ppo ? 3e-4 : 1e-3, 0, false, Double.POSITIVE_INFINITY, false),
        normalize,
        normReward,
        clipObs,
        clipReward,
        normGamma,
        r.bool("normalize_advantage", true),
        pi, vf, act, logStdInit, ortho, baseline, lrLinear,
        r.integer("n_epochs", 10, 1, 100_000),
        r.range("clip_range", 0.2, 0, false, Double.POSITIVE_INFINITY, false), clipLinear,
        // SB3's clip_range_vf: None (no value clipping) unless given
        lin.get("clip_range_vf") == null ? Double.NaN
            : r.range("clip_range_vf", 0, 0, false, Double.POSITIVE_INFINITY, false),
        clipVfLinear,
        sub,
        r.range("ent_coef", 0.0, 0, true, Double.POSITIVE_INFINITY, false),
        r.range("vf_coef", 0.5, 0, true, Double.POSITIVE_INFINITY, false),
        r.range("max_grad_norm", 0.5, 0, false, Double.POSITIVE_INFINITY, false),
        List.copyOf(warnings));
  }

  /** Reads the RL Zoo's "lin_X" schedule strings: replaces the value by X and returns true. */
  private static boolean linear(Map<String, Object> m, String key) {
    if (m.get(key) instanceof String str && str.trim().startsWith("lin_")) {
      m.put(key, str.trim().substring(4));
      return true;
    }
    return false;
  }

  private static int[] sizes(String key, Object v) {
    if (!(v instanceof List<?> l)) {
      throw new IllegalArgumentException(key + " must be a list of layer sizes, got " + v);
    }
    int[] out = new int[l.size()];
    for (int i = 0; i < out.length; i++) {
      double d = Reader.number(key, l.get(i));
      if (d != Math.rint(d) || d < 1 || d > 65_536) {
        throw new IllegalArgumentException(
            key + " sizes must be integers in [1, 65536], got " + l.get(i));
      }
      out[i] = (int) d;
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static double positive(String key, Object v) {
    double d = Reader.number(key, v);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(key + " must be in (0, inf), got " + v);
    }
    return d;
  }

  /** The discount of the reward normalizer's running returns. */
  public double rewardNormGamma() {
    return Double.isNaN(normGamma) ? gamma : normGamma;
  }

  private static Map<String, Object> asMap(String key, Object v) {
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(key + " must be a mapping, got " + v);
    }
    return (Map<String, Object>) v;
  }

  /** The resolved configuration with every default, under the SB3/Zoo key names. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("env", env);
    m.put("algo", algo);
    m.put("n_timesteps", nTimesteps);
    m.put("seed", seed);
    m.put("n_envs", nEnvs);
    m.put("n_steps", nSteps);
    m.put("batch_size", batchSize);
    m.put("gamma", gamma);
    m.put("gae_lambda", gaeLambda);
    m.put("target_kl", Double.isNaN(targetKl) ? null : targetKl);
    m.put("cg_max_steps", cgMaxSteps);
    m.put("cg_damping", cgDamping);
    m.put("line_search_shrinking_factor", lineSearchShrinkingFactor);
    m.put("line_search_max_iter", lineSearchMaxIter);
    m.put("n_critic_updates", nCriticUpdates);
    m.put("sub_sampling_factor", subSamplingFactor);
    m.put("learning_rate", learningRateLinear ? "lin_" + learningRate : learningRate);
    boolean defaults = clipObs == 10.0 && clipReward == 10.0 && Double.isNaN(normGamma);
    m.put("normalize", normalize == normReward && defaults ? (Object) normalize
        : "{'norm_obs': " + (normalize ? "True" : "False") + ", 'norm_reward': "
            + (normReward ? "True" : "False") + ", 'clip_obs': " + clipObs + ", 'clip_reward': "
            + clipReward + (Double.isNaN(normGamma) ? "" : ", 'gamma': " + normGamma) + "}");
    m.put("normalize_advantage", normalizeAdvantage);
    Map<String, Object> kw = new LinkedHashMap<>();
    Map<String, Object> arch = new LinkedHashMap<>();
    arch.put("pi", Arrays.stream(netArchPi).boxed().toList());
    arch.put("vf", Arrays.stream(netArchVf).boxed().toList());
    kw.put("net_arch", arch);
    kw.put("activation_fn", activation.label());
    kw.put("log_std_init", logStdInit);
    kw.put("ortho_init", orthoInit);
    m.put("policy_kwargs", kw);
    m.put("baseline", baseline);
    if (algo.equals("ppo")) {
      m.put("n_epochs", nEpochs);
      m.put("clip_range", clipRangeLinear ? "lin_" + clipRange : clipRange);
      m.put("clip_range_vf", Double.isNaN(clipRangeVf) ? null
          : clipRangeVfLinear ? "lin_" + clipRangeVf : clipRangeVf);
      m.put("ent_coef", entCoef);
      m.put("vf_coef", vfCoef);
      m.put("max_grad_norm", maxGradNorm);
    }
    return m;
  }

  /** The learning rate at a given remaining progress (1 at the start, 0 at the end). */
  public double learningRateAt(double progressRemaining) {
    return learningRateLinear ? learningRate * progressRemaining : learningRate;
  }

  /** The PPO clip range at a given remaining progress. */
  public double clipRangeAt(double progressRemaining) {
    return clipRangeLinear ? clipRange * progressRemaining : clipRange;
  }

  /** PPO's value clip range at a given remaining progress; NaN when values are not clipped. */
  public double clipRangeVfAt(double progressRemaining) {
    return clipRangeVfLinear ? clipRangeVf * progressRemaining : clipRangeVf;
  }

  /** This configuration with some keys replaced (validated again). */
  public TrainConfig with(Map<String, Object> overrides) {
    Map<String, Object> m = new java.util.HashMap<>(toMap());
    m.putAll(overrides);
    return fromMap(m);
  }

  /** Typed, validated reads of raw values. */
  private record Reader(Map<String, Object> raw) {

    String string(String key, String fallback) {
      Object v = raw.get(key);
      return v == null ? fallback : String.valueOf(v);
    }

    static double number(String key, Object v) {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof String s) {
        try {
          return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(key + " must be a number, got '" + s + "'");
        }
      }
      throw new IllegalArgumentException(key + " must be a number, got " + v);
    }

    static boolean bool(String key, Object v) {
      if (v instanceof Boolean b) {
        return b;
      }
      if (v instanceof String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
          case "true":
            return true;
          case "false":
            return false;
          default:
            break;
        }
      }
      throw new IllegalArgumentException(key + " must be true or false, got " + v);
    }

    boolean bool(String key, boolean fallback) {
      Object v = raw.get(key);
      return v == null ? fallback : bool(key, v);
    }

    double range(String key, double fallback, double lo, boolean loIncl, double hi,
        boolean hiIncl) {
      Object v = raw.get(key);
      double d = v == null ? fallback : number(key, v);
      boolean ok = !Double.isNaN(d) && (loIncl ? d >= lo : d > lo) && (hiIncl ? d <= hi : d < hi);
      if (!ok) {
        throw new IllegalArgumentException(key + " must be in " + (loIncl ? "[" : "(") + fmt(lo)
            + ", " + fmt(hi) + (hiIncl ? "]" : ")") + ", got " + v);
      }
      return d;
    }

    int integer(String key, int fallback, int lo, int hi) {
      Object v = raw.get(key);
      if (v == null) {
        return fallback;
      }
      double d = number(key, v);
      if (d != Math.rint(d) || d < lo || d > hi) {
        throw new IllegalArgumentException(key + " must be an integer in [" + lo + ", " + hi
            + "], got " + v);
      }
      return (int) d;
    }

    long longValue(String key, long fallback, long lo) {
      Object v = raw.get(key);
      if (v == null) {
        return fallback;
      }
      double d = number(key, v);
      if (d != Math.rint(d) || d < lo || Math.abs(d) > 9.0e18) {
        throw new IllegalArgumentException(key + " must be an integer >= " + lo + ", got " + v);
      }
      if (v instanceof String s && s.trim().matches("[+-]?\\d+")) {
        return Long.parseLong(s.trim());
      }
      return v instanceof Long l ? l : v instanceof Integer i ? i : (long) d;
    }

    private static String fmt(double d) {
      return Double.isInfinite(d) ? "inf" : (d == Math.rint(d) ? String.valueOf((long) d)
          : String.valueOf(d));
    }
  }
}
