package io.natgrad.rl.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.natgrad.rl.algo.MetricsRow;
import io.natgrad.rl.algo.OnPolicyTrainer;
import io.natgrad.rl.algo.TrainerState;
import io.natgrad.rl.algo.TrainingIteration;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.env.RunningMeanStd;
import io.natgrad.rl.io.CheckpointFile;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.io.PolicyFile;
import io.natgrad.rl.policy.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A training run's life cycle in a run directory — what {@code natgrad train} does, as a library:
 *
 * <pre>
 * runs/&lt;name&gt;/config.json        the resolved settings and their provenance (natgrad version, commit, Java, time)
 *              metrics.csv        one row per update (SB3's keys and natgrad's ngd/*)
 *              metric-comparison.csv  with compare_metrics: each metric's cos and true KL per update
 *              checkpoints/       every K updates and every S seconds, on a stop request and at the end
 *              best-policy.json   the best deterministic evaluation so far (with evaluations)
 *              policy.json        the trained policy (natgrad-policy loads it)
 * </pre>
 *
 * Stops when the step budget is spent, when an evaluation reaches the stop-at-return threshold,
 * or when a stop is requested (a signal: the final checkpoint is written, {@link #resume} continues
 * it). A non-finite value or a checkpoint that cannot be written ends the run with a metrics row
 * saying why, the last good checkpoint left as it was. Application extras (progress, charts, a
 * report) are {@link RunListener}s. Library code: it logs, never prints.
 *
 * <pre>{@code
 * TrainConfig config = TrainConfig.fromMap(Map.of("env", "CartPole-v1", "algo", "trpo"));
 * RunResult result = TrainingRun.create(config, Path.of("runs/cartpole")).evalEvery(10_000).run();
 * }</pre>
 */
public final class TrainingRun {
  private TrainConfig config;
  private final Path dir;
  private final TrainerState resumed;
  private final Path resumedFrom;
  private long evalEvery;
  private int evalEpisodes = 10;
  private Double stopAtReturn;
  private int checkpointEvery;
  private double checkpointSeconds = 60;
  private int keepCheckpoints = 3;
  private int workers = Runtime.getRuntime().availableProcessors();
  private String engine = "local";
  private Map<String, String> engineOptions = Map.of();
  private Path initPolicy;
  private boolean force;
  private BooleanSupplier stopRequested = () -> false;
  private final List<RunListener> listeners = new ArrayList<>();

  private TrainingRun(TrainConfig config, Path dir, TrainerState resumed, Path resumedFrom) {
    this.config = config;
    this.dir = dir;
    this.resumed = resumed;
    this.resumedFrom = resumedFrom;
  }

  /** A new run of {@code config} into {@code dir}. */
  public static TrainingRun create(TrainConfig config, Path dir) {
    return new TrainingRun(java.util.Objects.requireNonNull(config, "config"),
        java.util.Objects.requireNonNull(dir, "dir"), null, null);
  }

  /**
   * Continues the run in {@code dir} from its newest checkpoint, with the run's own configuration
   * and evaluation settings (read back from its {@code config.json}).
   */
  public static TrainingRun resume(Path dir) throws IOException {
    Path latest = Checkpoints.latest(dir.resolve("checkpoints"));
    TrainerState state = CheckpointFile.read(latest);
    TrainingRun run = new TrainingRun(TrainConfig.fromMap(state.config()), dir, state, latest);
    JsonNode settings = new ObjectMapper().readTree(dir.resolve("config.json").toFile())
        .path("settings");
    run.evalEvery = settings.path("eval_every").asLong(run.evalEvery);
    run.evalEpisodes = settings.path("eval_episodes").asInt(run.evalEpisodes);
    if (settings.hasNonNull("stop_at_return")) {
      run.stopAtReturn = settings.get("stop_at_return").asDouble();
    }
    run.force = true;
    return run;
  }

  /** Whether a directory already holds a training run (metrics, a policy or checkpoints). */
  public static boolean holdsTrainingRun(Path dir) {
    return Files.exists(dir.resolve("metrics.csv")) || Files.exists(dir.resolve("policy.json"))
        || Files.exists(dir.resolve("checkpoints"));
  }

  /**
   * Raises a resumed run's total of environment steps ({@code n_timesteps}); the run's other
   * settings stay. Refused below the steps already done.
   */
  public TrainingRun withTotalSteps(long total) {
    if (resumed != null && total < resumed.steps()) {
      throw new IllegalArgumentException("total steps " + total + " are below the "
          + resumed.steps() + " steps already done");
    }
    this.config = config.with(java.util.Map.of("n_timesteps", total));
    return this;
  }

  /** Evaluate deterministically every this many steps (0: never; default 0). */
  public TrainingRun evalEvery(long steps) {
    this.evalEvery = steps;
    return this;
  }

  /** Episodes per evaluation (default 10). */
  public TrainingRun evalEpisodes(int episodes) {
    this.evalEpisodes = episodes;
    return this;
  }

  /** Stop once an evaluation's mean return reaches this (null: never). */
  public TrainingRun stopAtReturn(Double threshold) {
    this.stopAtReturn = threshold;
    return this;
  }

  /** Also checkpoint every this many updates (0: by time only; default 0). */
  public TrainingRun checkpointEvery(int updates) {
    this.checkpointEvery = updates;
    return this;
  }

  /** Checkpoint when this many seconds passed since the last one (0: never by time; default 60). */
  public TrainingRun checkpointSeconds(double seconds) {
    this.checkpointSeconds = seconds;
    return this;
  }

  /** Checkpoints to keep (default 3). */
  public TrainingRun keepCheckpoints(int keep) {
    this.keepCheckpoints = keep;
    return this;
  }

  /** Sampler threads (default: available cores; results do not depend on it). */
  public TrainingRun workers(int workers) {
    this.workers = workers;
    return this;
  }

  /** The sampling engine ("local", or a SamplerEngine's name) and its options. */
  public TrainingRun engine(String engine, Map<String, String> options) {
    this.engine = engine;
    this.engineOptions = Map.copyOf(options);
    return this;
  }

  /** Start from a saved policy file (fine-tuning); null for a fresh policy. */
  public TrainingRun initialPolicy(Path policyFile) {
    this.initPolicy = policyFile;
    return this;
  }

  /** Overwrite a run already in the directory (a resume always continues its own). */
  public TrainingRun force(boolean force) {
    this.force = force;
    return this;
  }

  /** Asked after every update; true stops the run after a final checkpoint (e.g. a signal). */
  public TrainingRun stopWhen(BooleanSupplier stopRequested) {
    this.stopRequested = java.util.Objects.requireNonNull(stopRequested, "stopRequested");
    return this;
  }

  /** Adds a listener. */
  public TrainingRun listener(RunListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** The run's configuration (a resumed run's own). */
  public TrainConfig config() {
    return config;
  }

  /** The run directory. */
  public Path directory() {
    return dir;
  }

  /** The checkpoint a resumed run continues from, or null for a new run. */
  public TrainerState resumedState() {
    return resumed;
  }

  /** The checkpoint file a resumed run continues from, or null for a new run. */
  public Path resumedFrom() {
    return resumedFrom;
  }

  /** The settings {@code config.json} records: the configuration plus the run's own. */
  public Map<String, Object> settings() {
    Map<String, Object> settings = config.toMap();
    settings.put("eval_every", evalEvery);
    settings.put("eval_episodes", evalEpisodes);
    settings.put("stop_at_return", stopAtReturn);
    settings.put("init_policy", initPolicy == null ? null : initPolicy.toString());
    return settings;
  }

  private void validate() {
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpoint every must be >= 0, got " + checkpointEvery);
    }
    if (!(checkpointSeconds >= 0) || Double.isInfinite(checkpointSeconds)) {
      throw new IllegalArgumentException(
          "checkpoint seconds must be a finite number >= 0, got " + checkpointSeconds);
    }
    if (keepCheckpoints < 1) {
      throw new IllegalArgumentException("checkpoints to keep must be >= 1, got "
          + keepCheckpoints);
    }
    if (evalEvery < 0) {
      throw new IllegalArgumentException("eval every must be >= 0, got " + evalEvery);
    }
    if (evalEpisodes < 1) {
      throw new IllegalArgumentException("eval episodes must be >= 1, got " + evalEpisodes);
    }
    if (stopAtReturn != null && evalEvery == 0) {
      throw new IllegalArgumentException("stop at return needs evaluations (eval every > 0)");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, got " + workers);
    }
    if (resumed == null && !force && holdsTrainingRun(dir)) {
      throw new IllegalArgumentException("run directory " + dir + " already holds a training "
          + "run; force(true) overwrites it");
    }
  }

  /**
   * Trains, recording into the run directory. A bad setting or a mismatched checkpoint is refused
   * before anything in the directory changes.
   */
  public RunResult run() throws IOException {
    validate();
    PolicyFile init = initPolicy == null ? null : PolicyFile.read(initPolicy);
    if (init != null && !init.envId().equals(config.env())) {
      throw new IllegalArgumentException("initial policy " + initPolicy + " was trained on "
          + init.envId() + ", not " + config.env());
    }
    OnPolicyTrainer trainer = new OnPolicyTrainer(config, init == null ? null : init.theta(),
        init == null || init.normalizer() == null ? null : init.normalizer().stats(), evalEvery,
        evalEpisodes, workers, engine, engineOptions);
    try {
      if (init != null && init.theta().length != trainer.policy().parameterDimension()) {
        throw new IllegalArgumentException("initial policy " + initPolicy
            + " has another architecture");
      }
      if (resumed != null) {
        try {
          trainer.restore(resumed); // logs a warning when episodes cannot be restored
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(resumedFrom + ": " + e.getMessage(), e);
        }
      }
    } catch (RuntimeException e) {
      trainer.close();
      throw e;
    }
    RunDirectory run = RunDirectory.create(dir);
    Map<String, Object> settings = settings();
    Path checkpoints = run.resolve("checkpoints");
    if (resumed == null) {
      run.writeConfig("train", settings);
      // an earlier run in the directory (force): its checkpoints (later updates than this run's
      // first ones) and best policy must not be taken for this run's by a later resume or reader
      for (Path old : Checkpoints.list(checkpoints)) {
        if (Files.isRegularFile(old)) {
          Files.delete(old);
        }
      }
      Files.deleteIfExists(run.resolve("best-policy.json"));
    } else {
      Checkpoints.truncateMetrics(run.resolve("metrics.csv"), resumed.iteration());
    }
    Map<String, Object> provenance = new LinkedHashMap<>(RunDirectory.provenance());
    provenance.put("config", settings);
    for (RunListener l : listeners) {
      l.started(this);
    }
    try (Csv csv = resumed == null
        ? new Csv(run.resolve("metrics.csv"), MetricsRow.KEYS.toArray(String[]::new))
        : Csv.append(run.resolve("metrics.csv"), MetricsRow.KEYS.size());
        ComparisonCsv comparison = new ComparisonCsv(dir,
            resumed == null ? -1 : resumed.iteration())) {
      long[] lastCheckpoint = {System.nanoTime()};
      try {
        trainer.train(it -> {
          comparison.record(it);
          return onIteration(it, trainer, csv, checkpoints, lastCheckpoint, run, provenance);
        });
      } catch (ArithmeticException | UncheckedIOException e) {
        // a non-finite value from the environment or the policy, or a checkpoint that could not
        // be written: stop, record the reason, leave the last good checkpoint as it is
        Object[] cells = new Object[MetricsRow.KEYS.size()];
        Arrays.fill(cells, Double.NaN);
        cells[0] = trainer.iteration(); // the update that failed (already counted)
        cells[1] = trainer.steps();
        cells[MetricsRow.KEYS.indexOf("ngd/rejection")] =
            ("training stopped: " + e.getMessage()).replace(',', ';').replace('\n', ' ');
        csv.row(cells);
        csv.flush();
        trainer.close();
        List<Path> kept = Checkpoints.list(checkpoints);
        return new RunResult(RunResult.Status.FAILED, dir, trainer.iteration(), trainer.steps(),
            null, kept.isEmpty() ? null : kept.get(kept.size() - 1), e.getMessage());
      }
    }
    boolean stop = stopRequested.getAsBoolean();
    for (RunListener l : listeners) {
      l.finishing(stop);
    }
    Checkpoints.write(trainer.checkpoint(), checkpoints, keepCheckpoints);
    trainer.close();
    Path last = checkpoints.resolve(Checkpoints.name(trainer.iteration()));
    if (stop) {
      return new RunResult(RunResult.Status.STOPPED, dir, trainer.iteration(), trainer.steps(),
          null, last, null);
    }
    Path policyFile = run.resolve("policy.json");
    writePolicy(trainer.policy(), trainer.theta(),
        trainer.normalizer() == null ? null : trainer.normalizer().stats(), provenance,
        policyFile);
    return new RunResult(RunResult.Status.COMPLETED, dir, trainer.iteration(), trainer.steps(),
        policyFile, last, null);
  }

  /** Records one update: metrics row, checkpoint cadence, listeners, best policy, stopping. */
  private boolean onIteration(TrainingIteration it, OnPolicyTrainer trainer, Csv csv,
      Path checkpoints, long[] lastCheckpoint, RunDirectory run,
      Map<String, Object> provenance) {
    csv.row(it.metrics().cells());
    csv.flush();
    boolean stop = stopRequested.getAsBoolean();
    boolean byCount = checkpointEvery > 0 && it.iteration() % checkpointEvery == 0;
    boolean byTime = checkpointSeconds > 0
        && System.nanoTime() - lastCheckpoint[0] >= checkpointSeconds * 1e9;
    if (byCount || byTime || stop) {
      Checkpoints.write(trainer.checkpoint(), checkpoints, keepCheckpoints);
      lastCheckpoint[0] = System.nanoTime();
    }
    if (stop) {
      return false;
    }
    for (RunListener l : listeners) {
      l.iteration(it);
    }
    if (it.evaluation() != null) {
      OnPolicyTrainer.Snapshot snap = it.snapshot();
      if (snap.bestSoFar()) {
        writePolicy(snap.policy(), snap.theta(), snap.normalizerStats(), provenance,
            run.resolve("best-policy.json"));
      }
      double ev = it.evaluation().mean();
      if (stopAtReturn != null && ev >= stopAtReturn) {
        for (RunListener l : listeners) {
          l.reachedReturn(ev, stopAtReturn);
        }
        return false;
      }
    }
    return true;
  }

  private void writePolicy(Policy policy, double[] theta, RunningMeanStd stats,
      Map<String, Object> provenance, Path file) {
    try {
      PolicyFile.of(config.env(), policy, theta, stats, provenance).write(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
