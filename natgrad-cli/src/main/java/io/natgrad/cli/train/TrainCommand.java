package io.natgrad.cli.train;

import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.config.zoo.ConfigFiles;
import io.natgrad.rl.config.zoo.Presets;
import io.natgrad.rl.io.PolicyFile;
import io.natgrad.rl.run.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad train}: NPG or TRPO on a registered environment, with hyperparameters from
 * defaults, a YAML/JSON file (flat or RL Zoo format) and flags (SB3 names in kebab case), in that
 * order of precedence. Writes config.json, metrics.csv, policy.json, best-policy.json (with
 * --eval-every) and learning-curve.png into the run directory.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a neural-network policy with NPG, TRPO or PPO.")
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--env", description = "Environment id, e.g. CartPole-v1 (required unless --resume).")
  String env;

  @Option(names = "--env-class", description = "Train a user's environment class (implements io.natgrad.rl.env.Env).")
  String envClass;

  @Option(names = "--classpath", description = "Jars or directories holding --env-class.")
  String classpath;

  @Option(names = "--max-episode-steps", description = "Wrap --env-class in a time limit.")
  Integer maxEpisodeSteps;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its latest checkpoint.")
  Path resume;

  @Option(names = "--checkpoint-every", defaultValue = "0",
      description = "Also write a checkpoint every N updates (default ${DEFAULT-VALUE}: by time only).")
  int checkpointEvery;

  @Option(names = "--checkpoint-seconds", defaultValue = "60",
      description = "Write a checkpoint when this many seconds have passed since the last one "
          + "(default ${DEFAULT-VALUE}; 0: only by --checkpoint-every). Always at the end and on "
          + "Ctrl-C/SIGTERM.")
  double checkpointSeconds;

  @Option(names = "--keep-checkpoints", defaultValue = "3",
      description = "Checkpoints to keep (default ${DEFAULT-VALUE}).")
  int keepCheckpoints;

  @Option(names = "--algo", description = "trpo (default), npg, ppo or acktr.")
  String algo;

  @Option(names = {"--steps", "--n-timesteps"}, description = "Total environment steps (default 100000).")
  Long steps;

  @Option(names = "--seed", description = "Seed of every random stream (default 0).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default runs/<env>-<algo>-seed<seed>).")
  Path out;

  @Option(names = "--force", description = "Overwrite an existing run directory.")
  boolean force;

  @Option(names = "--config", paramLabel = "FILE", description = "Hyperparameters (YAML/JSON; a flat mapping or an RL Zoo file).")
  Path config;

  @Option(names = "--preset", description = "zoo: the RL Baselines3 Zoo's tuned hyperparameters for --env (applied before --config and flags).")
  String preset;

  @Option(names = "--eval-every", paramLabel = "STEPS", defaultValue = "0",
      description = "Evaluate deterministically every STEPS steps (default off); keeps best-policy.json.")
  long evalEvery;

  @Option(names = "--eval-episodes", defaultValue = "10", description = "Episodes per evaluation (default ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(names = "--stop-at-return", paramLabel = "R", description = "Stop once an evaluation reaches mean return R.")
  Double stopAtReturn;

  @Option(names = "--init-policy", paramLabel = "FILE", description = "Start from a saved policy.json (fine-tuning).")
  Path initPolicy;

  @Option(names = "--render-final", description = "After training, write episode.gif: one "
      + "deterministic episode of the final policy (natgrad render).")
  boolean renderFinal;

  @Option(names = "--workers", description = "Sampler threads (default: available cores); the results do not depend on it.")
  Integer workers;

  @Option(names = "--engine", defaultValue = "local",
      description = "Sampling engine: local (in process, threads by --workers) or spark (needs the "
          + "natgrad-spark module; ./natgrad adds it) (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--master", description = "Spark master URL for --engine spark "
      + "(default local[2]; e.g. spark://host:7077, local[N]).")
  String master;

  // hyperparameters, named as in Stable-Baselines3 and the RL Zoo (a flag overrides --config
  // and --preset); kept as text so that the configuration reader names a bad value and its range
  @Option(names = "--n-envs", description = "Environment copies stepped together (default 1).")
  String nEnvs;
  @Option(names = "--n-steps", description = "Steps per copy per update (default 2048).")
  String nSteps;
  @Option(names = "--batch-size",
      description = "Minibatch size: the critic's for TRPO/NPG (default 128), PPO's (default 64).")
  String batchSize;
  @Option(names = "--gamma", description = "Discount (default 0.99).")
  String gamma;
  @Option(names = "--gae-lambda", description = "GAE lambda (default 0.95).")
  String gaeLambda;
  @Option(names = "--target-kl", description = "TRPO/NPG trust region delta (default 0.01); PPO "
      + "stops an update's epochs when its KL estimate passes 1.5 x target_kl (default off).")
  String targetKl;
  @Option(names = "--cg-max-steps", description = "Conjugate-gradient iterations (default 15).")
  String cgMaxSteps;
  @Option(names = "--cg-damping", description = "lambda in (F + lambda I) x = g (default 0.1).")
  String cgDamping;
  @Option(names = "--line-search-shrinking-factor",
      description = "TRPO's backtracking factor (default 0.8).")
  String shrink;
  @Option(names = "--line-search-max-iter",
      description = "TRPO's backtracking steps (default 10).")
  String lineSearchMaxIter;
  @Option(names = "--n-critic-updates", description = "Critic epochs per update, TRPO/NPG "
      + "(default 10).")
  String nCriticUpdates;
  @Option(names = "--sub-sampling-factor", description = "TRPO/NPG: the policy step uses every "
      + "k-th step, the critic all of them (default 1).")
  String subSamplingFactor;
  @Option(names = "--learning-rate", description = "Adam step of the critic (TRPO/NPG, default "
      + "1e-3) or of PPO (default 3e-4); lin_X decays linearly from X.")
  String learningRate;
  @Option(names = "--normalize", description = "true: observations and rewards as the RL Zoo's "
      + "VecNormalize; \"dict(norm_obs=True, norm_reward=False)\" picks either (default false).")
  String normalize;
  @Option(names = "--normalize-advantage",
      description = "Normalize advantages (default true).")
  String normalizeAdvantage;
  @Option(names = "--baseline", description = "mlp (default) or linear.") String baseline;
  @Option(names = "--net-arch", description = "Hidden sizes of both networks, e.g. 64,64.") String netArch;
  @Option(names = "--activation", description = "tanh (default) or relu.") String activation;
  @Option(names = "--log-std-init",
      description = "Initial log standard deviation of Gaussian policies (default 0).")
  String logStdInit;
  @Option(names = "--n-epochs", description = "PPO epochs per update (default 10).")
  String nEpochs;
  @Option(names = "--clip-range", description = "PPO's ratio clip (default 0.2); lin_X decays "
      + "linearly from X.")
  String clipRange;
  @Option(names = "--clip-range-vf", description = "PPO's value clip around the rollout's "
      + "values (default None: no clipping); lin_X decays linearly from X.")
  String clipRangeVf;
  @Option(names = "--ent-coef", description = "PPO's entropy bonus (default 0).")
  String entCoef;
  @Option(names = "--vf-coef", description = "PPO's value-loss weight (default 0.5).")
  String vfCoef;
  @Option(names = "--max-grad-norm", description = "PPO's gradient-norm clip (default 0.5).")
  String maxGradNorm;
  @Option(names = "--metric", description = "NPG/TRPO's metric G: fisher (default), mc-fisher, "
      + "empirical-fisher, diagonal-fisher, kfac (Kronecker-factored, solved in closed form), "
      + "wasserstein (Gaussian policies; target_kl then bounds the mean W2^2) or euclidean.")
  String metric;
  @Option(names = "--kfac-decay", description = "K-FAC's running-factor decay in [0, 1) "
      + "(default 0: each batch's own factors; acktr 0.99).")
  String kfacDecay;
  @Option(names = "--kfac-refresh", description = "Rebuild K-FAC's blocks and their "
      + "eigendecompositions every N updates (default 1; acktr 10).")
  String kfacRefresh;
  @Option(names = "--kfac-resample", description = "Draw K-FAC's actions from the policy "
      + "instead of using the batch's (default false).")
  String kfacResample;
  @Option(names = "--kfac-damping", description = "ACKTR's damping (default 0.01).")
  String kfacDamping;
  @Option(names = "--kfac-clip", description = "ACKTR's KL clip (default 0.001).")
  String kfacClip;
  @Option(names = "--momentum", description = "ACKTR's SGD momentum (default 0.9).")
  String momentum;
  @Option(names = "--compare-metrics", paramLabel = "M1,M2,...|all", description = "NPG/TRPO: "
      + "on every update also solve for these metrics' directions on the same batch and log each "
      + "one's cosine with the direction taken and its exact-Fisher KL once scaled to the trust "
      + "region (metric-comparison.csv, report chart); all: every metric the policy can have.")
  String compareMetrics;
  @Option(names = "--seeding", description = "natgrad (default) or gymnasium: reset(seed) draws "
      + "the start state as Gymnasium's env.reset(seed=...) does (NumPy's PCG64).")
  String seeding;

  /** Defaults &lt; config file &lt; flags. */
  TrainConfig resolve() throws Exception {
    if (env == null) {
      throw new IllegalArgumentException("--env is required (or --resume DIR)");
    }
    Map<String, Object> m = applyInputs(new LinkedHashMap<>(), env);
    try {
      TrainConfig c = TrainConfig.fromMap(m);
      io.natgrad.rl.algo.TrainerParts.checkMetric(c);
      return c;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(nameTheInput(e.getMessage()));
    }
  }

  /** Applies the preset, the config file and the flags, in that order, over {@code m}. */
  private Map<String, Object> applyInputs(Map<String, Object> m, String env) throws Exception {
    if (preset != null) {
      if (!preset.equals("zoo")) {
        throw new IllegalArgumentException("--preset must be zoo, got '" + preset + "'");
      }
      String a = algo == null ? "trpo" : algo.toLowerCase(Locale.ROOT);
      try {
        m.putAll(Presets.zoo(a, env));
        String note = Presets.zooNote(a, env);
        if (note != null) {
          System.err.println("natgrad: " + note);
        }
      } catch (IllegalArgumentException e) {
        // name the preset, the algorithm and the environment the user typed
        throw new IllegalArgumentException("--preset zoo --algo " + a + " --env " + env + ": "
            + e.getMessage().replace("config file ", "the RL Zoo's "));
      }
      m.put("algo", a);
    }
    if (config != null) {
      m.putAll(ConfigFiles.read(config, env));
      Object fileEnv = m.get("env");
      if (fileEnv != null && !env.equals(String.valueOf(fileEnv))) {
        throw new IllegalArgumentException("--env " + env + " disagrees with env "
            + fileEnv + " in " + config);
      }
    }
    m.put("env", env);
    put(m, "algo", algo);
    put(m, "n_timesteps", steps);
    put(m, "seed", seed);
    put(m, "n_envs", nEnvs);
    put(m, "n_steps", nSteps);
    put(m, "batch_size", batchSize);
    put(m, "gamma", gamma);
    put(m, "gae_lambda", gaeLambda);
    put(m, "target_kl", targetKl);
    put(m, "cg_max_steps", cgMaxSteps);
    put(m, "cg_damping", cgDamping);
    put(m, "line_search_shrinking_factor", shrink);
    put(m, "line_search_max_iter", lineSearchMaxIter);
    put(m, "n_critic_updates", nCriticUpdates);
    put(m, "learning_rate", learningRate);
    put(m, "normalize", normalize);
    put(m, "normalize_advantage", normalizeAdvantage);
    put(m, "baseline", baseline);
    put(m, "n_epochs", nEpochs);
    put(m, "clip_range", clipRange);
    put(m, "clip_range_vf", clipRangeVf);
    put(m, "sub_sampling_factor", subSamplingFactor);
    put(m, "ent_coef", entCoef);
    put(m, "vf_coef", vfCoef);
    put(m, "max_grad_norm", maxGradNorm);
    put(m, "seeding", seeding);
    put(m, "metric", metric);
    put(m, "kfac_decay", kfacDecay);
    put(m, "kfac_refresh", kfacRefresh);
    put(m, "kfac_resample", kfacResample);
    put(m, "kfac_damping", kfacDamping);
    put(m, "kfac_clip", kfacClip);
    put(m, "momentum", momentum);
    put(m, "compare_metrics", compareMetrics);
    if (netArch != null || activation != null || logStdInit != null) {
      Map<String, Object> kw = new LinkedHashMap<>();
      Object old = m.get("policy_kwargs");
      if (old instanceof Map<?, ?> om) {
        om.forEach((k, v) -> kw.put(String.valueOf(k), v));
      } else if (old != null) {
        throw new IllegalArgumentException("--net-arch/--activation/--log-std-init cannot be "
            + "combined with a policy_kwargs string in the config file");
      }
      if (netArch != null) {
        List<Object> sizes = new ArrayList<>();
        for (String s : netArch.split(",")) {
          sizes.add(s.trim());
        }
        kw.put("net_arch", sizes);
      }
      put(kw, "activation_fn", activation);
      put(kw, "log_std_init", logStdInit);
      m.put("policy_kwargs", kw);
    }
    return m;
  }

  /**
   * What a resumed run may take from the command line: values equal to its own, the sampling
   * engine, workers and checkpoint flags, and a larger --steps (unless a lin_ schedule would shift);
   * any other difference is refused, naming the flag and both values.
   */
  private TrainingRun checkResume(TrainingRun run) throws Exception {
    Map<String, Object> stored = run.config().toMap();
    Map<String, Object> asked;
    try {
      asked = TrainConfig.fromMap(applyInputs(new LinkedHashMap<>(stored),
          run.config().env())).toMap();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid configuration: " + e.getMessage());
    }
    String where = "--resume " + resume + ": ";
    for (Map.Entry<String, Object> e : asked.entrySet()) {
      Object was = stored.get(e.getKey());
      if (java.util.Objects.equals(was, e.getValue()) || e.getKey().equals("n_timesteps")) {
        continue;
      }
      throw new IllegalArgumentException(where + flagOf(e.getKey()) + " " + e.getValue()
          + " differs from the run's " + e.getKey() + " " + was + "; a resumed run keeps its "
          + "settings (drop the flag, or start a new run with --out)");
    }
    CommandLine.ParseResult pr = spec.commandLine().getParseResult();
    JsonNode settings = new ObjectMapper().readTree(resume.resolve("config.json").toFile())
        .path("settings");
    for (String[] f : new String[][] {{"--eval-every", "eval_every", String.valueOf(evalEvery)},
        {"--eval-episodes", "eval_episodes", String.valueOf(evalEpisodes)},
        {"--stop-at-return", "stop_at_return", String.valueOf(stopAtReturn)},
        {"--init-policy", "init_policy", String.valueOf(initPolicy)}}) {
      String was = settings.path(f[1]).isNull() || settings.path(f[1]).isMissingNode() ? "null"
          : settings.path(f[1]).asText();
      if (pr.hasMatchedOption(f[0]) && !sameValue(was, f[2])) {
        throw new IllegalArgumentException(where + f[0] + " " + f[2] + " differs from the run's "
            + f[1] + " " + was + "; a resumed run keeps its settings");
      }
    }
    long total = ((Number) asked.get("n_timesteps")).longValue();
    long before = run.config().nTimesteps();
    if (total == before) {
      return run;
    }
    long done = run.resumedState().steps();
    if (total < done) {
      throw new IllegalArgumentException(where + "--steps " + total + " is below the " + done
          + " steps already done (the run's total is " + before + ")");
    }
    for (String key : List.of("learning_rate", "clip_range", "clip_range_vf")) {
      if (String.valueOf(stored.get(key)).startsWith("lin_")) {
        throw new IllegalArgumentException(where + "--steps " + total + " would shift the "
            + key + " schedule " + stored.get(key) + " (its progress is 1 - steps/total); "
            + "a run with a lin_ schedule keeps its total of " + before + " steps");
      }
    }
    return run.withTotalSteps(total);
  }

  /**
   * A configuration error as the user typed it: the flag when a flag set the key, the key and the
   * file when the config file did.
   */
  private String nameTheInput(String message) {
    String key = message.split("[ .:]", 2)[0];
    String[][] flags = {{"n_timesteps", steps == null ? null : "--steps"},
        {"seed", seed == null ? null : "--seed"}, {"algo", algo == null ? null : "--algo"},
        {"n_envs", nEnvs}, {"n_steps", nSteps}, {"batch_size", batchSize}, {"gamma", gamma},
        {"gae_lambda", gaeLambda}, {"target_kl", targetKl}, {"cg_max_steps", cgMaxSteps},
        {"cg_damping", cgDamping}, {"line_search_shrinking_factor", shrink},
        {"line_search_max_iter", lineSearchMaxIter}, {"n_critic_updates", nCriticUpdates},
        {"learning_rate", learningRate}, {"normalize", normalize},
        {"normalize_advantage", normalizeAdvantage}, {"baseline", baseline},
        {"n_epochs", nEpochs}, {"clip_range", clipRange}, {"clip_range_vf", clipRangeVf},
        {"sub_sampling_factor", subSamplingFactor}, {"ent_coef", entCoef}, {"vf_coef", vfCoef},
        {"max_grad_norm", maxGradNorm}, {"seeding", seeding}, {"metric", metric},
        {"kfac_decay", kfacDecay}, {"kfac_refresh", kfacRefresh}, {"kfac_resample", kfacResample},
        {"kfac_damping", kfacDamping}, {"kfac_clip", kfacClip}, {"momentum", momentum},
        {"compare_metrics", compareMetrics}};
    for (String[] f : flags) {
      if (f[0].equals(key) && f[1] != null) {
        return flagOf(key) + message.substring(key.length());
      }
    }
    if (config != null) {
      return "--config " + config + ": " + message;
    }
    return "invalid configuration: " + message;
  }

  /** The same value as typed and as stored (numbers compared as numbers). */
  private static boolean sameValue(String stored, String typed) {
    if (stored.equals(typed)) {
      return true;
    }
    try {
      return Double.parseDouble(stored) == Double.parseDouble(typed);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The flag that sets a configuration key. */
  private static String flagOf(String key) {
    return switch (key) {
      case "n_timesteps" -> "--steps";
      case "line_search_shrinking_factor" -> "--line-search-shrinking-factor";
      case "policy_kwargs" -> "--net-arch/--activation/--log-std-init";
      default -> "--" + key.replace('_', '-');
    };
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
    }
    if (!(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
      throw new IllegalArgumentException(
          "--checkpoint-seconds must be a finite number >= 0, got " + checkpointSeconds);
    }
    if (keepCheckpoints < 1) {
      throw new IllegalArgumentException("--keep-checkpoints must be >= 1, got " + keepCheckpoints);
    }
    if (envClass != null) {
      String id = UserEnvironments.register(envClass, classpath, maxEpisodeSteps);
      if (env != null && !env.equals(id)) {
        throw new IllegalArgumentException("--env " + env + " disagrees with " + envClass
            + ".id() = " + id);
      }
      env = env == null && resume == null ? id : env;
    }
    io.natgrad.cli.UserPaths.output("--out", out);
    if (config != null) {
      io.natgrad.cli.UserPaths.file("--config", config);
    }
    if (initPolicy != null) {
      io.natgrad.cli.UserPaths.file("--init-policy", initPolicy);
    }
    TrainingRun run;
    if (resume != null) {
      io.natgrad.cli.UserPaths.directory("--resume", resume);
      if (io.natgrad.rl.run.Checkpoints.list(resume.resolve("checkpoints")).isEmpty()) {
        throw new IllegalArgumentException("--resume " + resume + ": no checkpoint yet (the run "
            + "stopped before its first one); start it again with --out " + resume + " --force");
      }
      run = TrainingRun.resume(resume);
      if (env != null && !env.equals(run.config().env())) {
        throw new IllegalArgumentException("--env " + env + " does not match the checkpoint's "
            + "environment " + run.config().env() + " in " + run.resumedFrom());
      }
      run = checkResume(run);
      if (run.resumedState().steps() >= run.config().nTimesteps()
          && java.nio.file.Files.exists(resume.resolve("policy.json"))) {
        System.out.println("run " + resume + " is complete (" + run.resumedState().steps()
            + " steps); to train it further: natgrad train --resume " + resume + " --steps N");
        return 0;
      }
      System.out.println("resuming " + run.config().env() + " from " + run.resumedFrom()
          + " (update " + run.resumedState().iteration() + ", " + run.resumedState().steps()
          + " steps)");
    } else {
      TrainConfig c = resolve();
      if (evalEvery < 0) {
        throw new IllegalArgumentException("--eval-every must be >= 0, got " + evalEvery);
      }
      if (evalEpisodes < 1) {
        throw new IllegalArgumentException("--eval-episodes must be >= 1, got " + evalEpisodes);
      }
      if (stopAtReturn != null && evalEvery == 0) {
        throw new IllegalArgumentException("--stop-at-return needs --eval-every");
      }
      Path dir = out != null ? out
          : Path.of("runs", c.env() + "-" + c.algo() + "-seed" + c.seed());
      if (!force && TrainingRun.holdsTrainingRun(dir)) {
        if (!java.nio.file.Files.exists(dir.resolve("policy.json"))
            && !io.natgrad.rl.run.Checkpoints.list(dir.resolve("checkpoints")).isEmpty()) {
          throw new IllegalArgumentException("run directory " + dir + " holds an interrupted "
              + "run; continue it with --resume " + dir + ", or use --force to overwrite it");
        }
        throw new IllegalArgumentException("run directory " + dir + " already holds a training "
            + "run; use --force to overwrite it or --out for another directory");
      }
      run = TrainingRun.create(c, dir).evalEvery(evalEvery).evalEpisodes(evalEpisodes)
          .stopAtReturn(stopAtReturn).force(force);
    }
    TrainConfig c = run.config();
    if (initPolicy != null) {
      PolicyFile init = PolicyFile.read(initPolicy);
      if (!init.envId().equals(c.env())) {
        throw new IllegalArgumentException("--init-policy " + initPolicy + " was trained on "
            + init.envId() + ", not " + c.env());
      }
    }
    int w = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    if (w < 1) {
      throw new IllegalArgumentException("--workers must be >= 1, got " + w);
    }
    run.initialPolicy(initPolicy).workers(w).engine(engine, engineOptions())
        .checkpointEvery(checkpointEvery).checkpointSeconds(checkpointSeconds)
        .keepCheckpoints(keepCheckpoints);
    int code = ConsoleRun.execute(run, StopSignals.install()::stopRequested);
    if (code == 0 && renderFinal) {
      java.nio.file.Path dir = run.directory();
      io.natgrad.policy.Policy p = io.natgrad.policy.Policy.load(dir.resolve("policy.json"));
      java.nio.file.Path gif = io.natgrad.cli.render.RenderCommand.render(p,
          io.natgrad.rl.algo.Evaluation.makeEnv(p.envId()), 0, Integer.MAX_VALUE, false, 480, 320,
          dir.resolve("episode.gif"));
      System.out.println("wrote " + gif);
    }
    return code;
  }

  /** Options for a non-local sampling engine. */
  private java.util.Map<String, String> engineOptions() {
    if (master != null && engine.equals("local")) {
      throw new IllegalArgumentException("--master " + master + " needs --engine spark");
    }
    return master == null ? java.util.Map.of() : java.util.Map.of("master", master);
  }
}
