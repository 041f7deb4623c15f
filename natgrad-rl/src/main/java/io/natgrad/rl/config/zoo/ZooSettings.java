package io.natgrad.rl.config.zoo;

import io.natgrad.rl.config.Algorithm;
import io.natgrad.rl.config.CriticKind;
import io.natgrad.rl.config.KfacSettings;
import io.natgrad.rl.config.NaturalGradientSettings;
import io.natgrad.rl.config.Networks;
import io.natgrad.rl.config.Normalization;
import io.natgrad.rl.config.Optimization;
import io.natgrad.rl.config.PpoSettings;
import io.natgrad.rl.config.Sampling;
import io.natgrad.rl.config.Schedule;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.Seeding;
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
 * Stable-Baselines3's and the RL Zoo's key names, mapped onto {@link TrainConfig}: the one place
 * where those names (and the Zoo's Python spellings — {@code policy_kwargs} and {@code normalize}
 * dict strings, {@code lin_X} schedules, {@code None}) are read and written. {@link #read}
 * validates every key before any work starts, naming the key, the value and the allowed range;
 * {@link #write} gives the resolved configuration (all defaults filled in) for provenance and
 * checkpoints, which {@link #read} reads back to the same configuration.
 *
 * <p>Defaults are sb3-contrib's TRPO defaults: n_steps 2048, batch_size 128, γ 0.99, GAE λ 0.95,
 * target_kl 0.01, 15 CG steps, cg_damping 0.1, backtracking 0.8 × 10, 10 critic updates with Adam
 * at 1e-3, normalized advantages, (64, 64) tanh networks with orthogonal init; PPO's are SB3's.
 */
public final class ZooSettings {
  private ZooSettings() {}

  /** The arguments of SB3's VecNormalize that {@code normalize} may carry as a dict. */
  public static final List<String> NORMALIZE_KEYS =
      List.of("norm_obs", "norm_reward", "clip_obs", "clip_reward", "gamma");

  /** The keys understood, with the Zoo's and natgrad's own. */
  public static final Set<String> KEYS = Set.of("env", "algo", "n_timesteps", "seed", "n_envs",
      "n_steps", "batch_size", "gamma", "gae_lambda", "target_kl", "cg_max_steps", "cg_damping",
      "line_search_shrinking_factor", "line_search_max_iter", "n_critic_updates", "learning_rate",
      "normalize", "normalize_advantage", "policy", "policy_kwargs", "baseline", "use_sde",
      "sde_sample_freq", "sub_sampling_factor", "n_epochs", "clip_range", "ent_coef", "vf_coef",
      "max_grad_norm", "clip_range_vf", "seeding", "metric", "kfac_decay", "kfac_refresh",
      "kfac_resample", "kfac_damping", "kfac_clip", "momentum", "compare_metrics");

  /** Parses and validates a configuration (values may be numbers, booleans or strings). */
  public static TrainConfig read(Map<String, Object> raw) {
    Set<String> unknown = new TreeSet<>(raw.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      String first = unknown.iterator().next();
      String near = null;
      int best = 3;
      for (String k : KEYS) {
        int d = editDistance(first, k);
        if (d < best) {
          best = d;
          near = k;
        }
      }
      throw new IllegalArgumentException("unknown configuration key(s) " + unknown
          + (near == null ? "" : " — did you mean " + near + "?") + "; known keys: "
          + new TreeSet<>(KEYS));
    }
    Reader r = new Reader(raw);
    List<String> warnings = new ArrayList<>();
    String env = r.string("env", null);
    if (env == null || env.isBlank()) {
      throw new IllegalArgumentException("env must be given (an environment id)");
    }
    Algorithm algo = Algorithm.parse(r.string("algo", "trpo"));
    boolean ppo = algo == Algorithm.PPO;
    boolean acktr = algo == Algorithm.ACKTR;
    Map<String, Object> lin = new java.util.HashMap<>(raw);
    // ACKTR's default rate decays linearly, as OpenAI Baselines' ACKTR (lrschedule='linear')
    boolean lrLinear = linear(lin, "learning_rate")
        || (algo == Algorithm.ACKTR && raw.get("learning_rate") == null);
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
          ? parseDict("policy_kwargs", s) : kw);
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
        try {
          act = Activation.parse(String.valueOf(kwargs.get("activation_fn")));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("policy_kwargs.activation_fn: " + e.getMessage(), e);
        }
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
      nm = asMap("normalize", parseDict("normalize", s));
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
    CriticKind critic = CriticKind.parse(r.string("baseline", "mlp"));
    // read in the order the keys were always read, so that the first bad key is the one named
    long nTimesteps = r.longValue("n_timesteps", 100_000, 1);
    long seed = r.longValue("seed", 0, Long.MIN_VALUE);
    // ACKTR's defaults are A2C's sampling in Kostrikov's code: 16 copies x 5 steps, no GAE
    int nEnvs = r.integer("n_envs", acktr ? 16 : 1, 1, 4096);
    int nSteps = r.integer("n_steps", acktr ? 5 : 2048, 1, 10_000_000);
    int batchSize = r.integer("batch_size", ppo ? 64 : 128, 1, Integer.MAX_VALUE);
    double gamma = r.range("gamma", 0.99, 0, false, 1, true);
    double gaeLambda = r.range("gae_lambda", acktr ? 1.0 : 0.95, 0, true, 1, true);
    double targetKl = (ppo || acktr) && raw.get("target_kl") == null ? Double.NaN
        : r.range("target_kl", 0.01, 0, false, Double.POSITIVE_INFINITY, false);
    int cgMaxSteps = r.integer("cg_max_steps", 15, 1, 100_000);
    double cgDamping = r.range("cg_damping", 0.1, 0, true, Double.POSITIVE_INFINITY, false);
    double shrink = r.range("line_search_shrinking_factor", 0.8, 0, false, 1, false);
    int lineSearchMaxIter = r.integer("line_search_max_iter", 10, 1, 1000);
    int nCriticUpdates = r.integer("n_critic_updates", 10, 1, 100_000);
    double learningRate = r.range("learning_rate", ppo ? 3e-4 : acktr ? 0.25 : 1e-3, 0, false,
        Double.POSITIVE_INFINITY, false);
    boolean normalizeAdvantage = r.bool("normalize_advantage", !acktr);
    int nEpochs = r.integer("n_epochs", 10, 1, 100_000);
    double clipRange = r.range("clip_range", 0.2, 0, false, Double.POSITIVE_INFINITY, false);
    // SB3's clip_range_vf: None (no value clipping) unless given
    Schedule clipRangeVf = lin.get("clip_range_vf") == null ? null : new Schedule(
        r.range("clip_range_vf", 0, 0, false, Double.POSITIVE_INFINITY, false), clipVfLinear);
    double entCoef = r.range("ent_coef", acktr ? 0.01 : 0.0, 0, true, Double.POSITIVE_INFINITY,
        false);
    double vfCoef = r.range("vf_coef", 0.5, 0, true, Double.POSITIVE_INFINITY, false);
    double maxGradNorm = r.range("max_grad_norm", 0.5, 0, false, Double.POSITIVE_INFINITY,
        false);
    return new TrainConfig(env, algo, nTimesteps, seed, targetKl,
        new Sampling(nEnvs, nSteps, gamma, gaeLambda, normalizeAdvantage),
        new Optimization(new Schedule(learningRate, lrLinear), batchSize),
        new NaturalGradientSettings(cgMaxSteps, cgDamping, shrink, lineSearchMaxIter,
            nCriticUpdates, sub, metric(r.string("metric", acktr ? "kfac" : "fisher"), algo),
            new KfacSettings(r.range("kfac_decay", acktr ? 0.99 : 0.0, 0, true, 1, false),
                r.integer("kfac_refresh", acktr ? 10 : 1, 1, 1_000_000),
                r.bool("kfac_resample", false),
                r.range("kfac_damping", 1e-2, 0, false, Double.POSITIVE_INFINITY, false),
                r.range("kfac_clip", 1e-3, 0, false, Double.POSITIVE_INFINITY, false),
                r.range("momentum", 0.9, 0, true, 1, false)),
            compareMetrics(raw.get("compare_metrics"), algo)),
        new PpoSettings(nEpochs, new Schedule(clipRange, clipLinear), clipRangeVf, entCoef,
            vfCoef, maxGradNorm),
        new Normalization(normalize, normReward, clipObs, clipReward, normGamma),
        new Networks(pi, vf, act, logStdInit, ortho), critic,
        Seeding.parse(r.string("seeding", "natgrad")), List.copyOf(warnings));
  }

  /** The metric's canonical name; PPO has none (it clips ratios instead), ACKTR's is kfac. */
  private static String metric(String name, Algorithm algo) {
    String canonical = io.natgrad.rl.metric.PolicyMetric.named(name).name();
    if (algo == Algorithm.PPO && !canonical.equals("fisher")) {
      throw new IllegalArgumentException("metric applies to npg and trpo (PPO has no metric: it "
          + "clips the ratio instead), got '" + name + "'");
    }
    if (algo == Algorithm.ACKTR && !canonical.equals("kfac")) {
      throw new IllegalArgumentException("metric of acktr is kfac (its step is K-FAC's closed "
          + "form), got '" + name + "'; use trpo or npg to choose a metric");
    }
    return canonical;
  }

  /**
   * The metrics {@code compare_metrics} names — a list or a comma-separated string of metric
   * names, or {@code all} — canonical and without repeats; npg and trpo only.
   */
  private static List<String> compareMetrics(Object value, Algorithm algo) {
    if (value == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(x -> names.add(String.valueOf(x)));
    } else {
      for (String s : String.valueOf(value).split(",")) {
        if (!s.isBlank()) {
          names.add(s.trim());
        }
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    if (algo != Algorithm.NPG && algo != Algorithm.TRPO) {
      throw new IllegalArgumentException("compare_metrics applies to npg and trpo (" + algo
          + " takes no metric's direction), got " + value);
    }
    if (names.size() == 1 && names.get(0).equalsIgnoreCase("all")) {
      return List.of("all");
    }
    java.util.LinkedHashSet<String> canonical = new java.util.LinkedHashSet<>();
    for (String n : names) {
      try {
        canonical.add(io.natgrad.rl.metric.PolicyMetric.named(n).name());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("compare_metrics: " + e.getMessage()
            + " (or all)", e);
      }
    }
    return List.copyOf(canonical);
  }

  /** Levenshtein distance (near-miss keys). */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A Python dict string of the Zoo, its errors naming the key it came from. */
  private static Object parseDict(String key, String text) {
    try {
      return PyDictParser.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
    }
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

  private static double positive(String key, Object v) {
    double d = Reader.number(key, v);
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(key + " must be in (0, inf), got " + v);
    }
    return d;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(String key, Object v) {
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(key + " must be a mapping, got " + v);
    }
    return (Map<String, Object>) v;
  }

  /** The resolved configuration with every default, under the SB3/Zoo key names. */
  public static Map<String, Object> write(TrainConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("env", c.env());
    m.put("algo", c.algo().label());
    m.put("n_timesteps", c.nTimesteps());
    m.put("seed", c.seed());
    Sampling s = c.sampling();
    m.put("n_envs", s.nEnvs());
    m.put("n_steps", s.nSteps());
    m.put("batch_size", c.optimization().batchSize());
    m.put("gamma", s.gamma());
    m.put("gae_lambda", s.gaeLambda());
    m.put("target_kl", Double.isNaN(c.targetKl()) ? null : c.targetKl());
    NaturalGradientSettings n = c.naturalGradient();
    m.put("cg_max_steps", n.cgMaxSteps());
    m.put("cg_damping", n.cgDamping());
    m.put("line_search_shrinking_factor", n.lineSearchShrinkingFactor());
    m.put("line_search_max_iter", n.lineSearchMaxIter());
    m.put("n_critic_updates", n.nCriticUpdates());
    m.put("sub_sampling_factor", n.subSamplingFactor());
    m.put("metric", n.metric());
    if (!n.compareMetrics().isEmpty()) {
      m.put("compare_metrics", String.join(",", n.compareMetrics()));
    }
    if (n.metric().equals("kfac") || c.algo() == Algorithm.ACKTR) {
      // only for the runs that use them, so that other runs' resolved configurations are as before
      KfacSettings k = n.kfac();
      m.put("kfac_decay", k.decay());
      m.put("kfac_refresh", k.refreshEvery());
      m.put("kfac_resample", k.resample());
    }
    m.put("learning_rate", c.optimization().learningRate().configValue());
    Normalization nz = c.normalization();
    m.put("normalize", nz.observations() == nz.rewards() && nz.defaults()
        ? (Object) nz.observations()
        : "{'norm_obs': " + (nz.observations() ? "True" : "False") + ", 'norm_reward': "
            + (nz.rewards() ? "True" : "False") + ", 'clip_obs': " + nz.clipObs()
            + ", 'clip_reward': " + nz.clipReward()
            + (Double.isNaN(nz.gamma()) ? "" : ", 'gamma': " + nz.gamma()) + "}");
    m.put("normalize_advantage", s.normalizeAdvantage());
    Networks net = c.networks();
    Map<String, Object> kw = new LinkedHashMap<>();
    Map<String, Object> arch = new LinkedHashMap<>();
    arch.put("pi", Arrays.stream(net.pi()).boxed().toList());
    arch.put("vf", Arrays.stream(net.vf()).boxed().toList());
    kw.put("net_arch", arch);
    kw.put("activation_fn", net.activation().label());
    kw.put("log_std_init", net.logStdInit());
    kw.put("ortho_init", net.orthoInit());
    m.put("policy_kwargs", kw);
    m.put("baseline", c.critic().label());
    m.put("seeding", c.seeding().label());
    if (c.algo() == Algorithm.ACKTR) {
      KfacSettings k = n.kfac();
      m.put("kfac_damping", k.damping());
      m.put("kfac_clip", k.klClip());
      m.put("momentum", k.momentum());
      m.put("ent_coef", c.ppo().entCoef());
      m.put("vf_coef", c.ppo().vfCoef());
    }
    if (c.algo() == Algorithm.PPO) {
      PpoSettings p = c.ppo();
      m.put("n_epochs", p.nEpochs());
      m.put("clip_range", p.clipRange().configValue());
      m.put("clip_range_vf", p.clipRangeVf() == null ? null : p.clipRangeVf().configValue());
      m.put("ent_coef", p.entCoef());
      m.put("vf_coef", p.vfCoef());
      m.put("max_grad_norm", p.maxGradNorm());
    }
    return m;
  }

  /** Typed, validated reads of raw values. */
  record Reader(Map<String, Object> raw) {

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
