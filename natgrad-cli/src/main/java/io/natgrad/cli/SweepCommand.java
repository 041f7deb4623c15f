package io.natgrad.cli;

import io.natgrad.cli.report.ReportWriter;
import io.natgrad.cli.report.RunData;
import io.natgrad.cli.train.ConsoleRun;
import io.natgrad.cli.train.StopSignals;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.config.zoo.ConfigFiles;
import io.natgrad.rl.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code natgrad sweep sweep.yaml}: a grid of configurations × seeds, each cell a full training run
 * in its own run directory, then one comparison report. The file:
 *
 * <pre>
 * base:        # every cell's settings (SB3/Zoo keys), e.g. env, algo, n_timesteps
 *   env: CartPole-v1
 * grid:        # the axes: key → list of values
 *   cg_damping: [0.1, 0.01]
 * seeds: [0, 1]
 * out: runs/sweep       # optional
 * threshold: 475        # optional, for the report's steps-to-threshold column
 * </pre>
 *
 * Every cell is validated before any run starts; an unknown key, an empty axis or a duplicate cell
 * is refused naming the key. {@code --engine local} runs the cells on a thread pool, each sampling
 * in process; {@code --engine spark} runs them the same way, sampling through one shared Spark context.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Run a grid of configurations × seeds, then write a comparison report.")
public final class SweepCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The sweep file (YAML or JSON).")
  Path file;

  @Option(names = "--engine", defaultValue = "local",
      description = "local (cells on a thread pool, each sampling in process) or spark (cells "
          + "sample through one shared Spark context) (default ${DEFAULT-VALUE}).")
  String engine;

  @Option(names = "--master", description = "Spark master URL for --engine spark (default local[2]).")
  String master;

  @Option(names = "--parallel", description = "Cells run at once (default: available cores).")
  Integer parallel;

  @Option(names = "--force", description = "Overwrite existing cell run directories.")
  boolean force;

  @Option(names = "--resume", description = "Skip the cells that finished, resume the interrupted "
      + "ones from their last checkpoint, run the others.")
  boolean resume;

  /** One cell: its settings, seed and directory. */
  public record Cell(Map<String, Object> settings, long seed, Path dir) {}

  static final Set<String> TOP = Set.of("base", "grid", "seeds", "out", "threshold");

  @SuppressWarnings("unchecked")
  static List<Cell> cells(Map<String, Object> sweep, Path defaultOut) {
    Set<String> unknown = new java.util.TreeSet<>(sweep.keySet());
    unknown.removeAll(TOP);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown sweep key(s) " + unknown + "; known: "
          + new java.util.TreeSet<>(TOP));
    }
    if (!(sweep.get("base") instanceof Map<?, ?> baseMap)) {
      throw new IllegalArgumentException("sweep key 'base' must be a mapping of settings");
    }
    Map<String, Object> base = new LinkedHashMap<>((Map<String, Object>) baseMap);
    Object gridObj = sweep.getOrDefault("grid", Map.of());
    if (!(gridObj instanceof Map<?, ?> gridMap)) {
      throw new IllegalArgumentException("sweep key 'grid' must map keys to lists of values");
    }
    Map<String, List<Object>> grid = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : gridMap.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
        throw new IllegalArgumentException("grid axis '" + key + "' must be a non-empty list, got "
            + e.getValue());
      }
      if (new HashSet<>(values).size() != values.size()) {
        throw new IllegalArgumentException("grid axis '" + key + "' lists a value twice "
            + values + ": duplicate cells");
      }
      if (base.containsKey(key)) {
        throw new IllegalArgumentException("grid axis '" + key + "' is also set in base");
      }
      if (key.equals("seed")) {
        throw new IllegalArgumentException("put seeds under 'seeds', not in the grid");
      }
      grid.put(key, new ArrayList<>(values));
    }
    if (base.containsKey("seed")) {
      throw new IllegalArgumentException("put seeds under 'seeds', not in base");
    }
    Object seedsObj = sweep.get("seeds");
    if (!(seedsObj instanceof List<?> seedList) || seedList.isEmpty()) {
      throw new IllegalArgumentException("sweep key 'seeds' must be a non-empty list of integers");
    }
    List<Long> seeds = new ArrayList<>();
    for (Object s : seedList) {
      if (!(s instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new IllegalArgumentException("seeds must be integers, got " + s);
      }
      seeds.add(n.longValue());
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new IllegalArgumentException("seeds lists a seed twice " + seeds + ": duplicate cells");
    }
    Path out = sweep.get("out") == null ? defaultOut : Path.of(String.valueOf(sweep.get("out")));
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> c : combos) {
        for (Object v : axis.getValue()) {
          Map<String, Object> m = new LinkedHashMap<>(c);
          m.put(axis.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Cell> cells = new ArrayList<>();
    for (Map<String, Object> combo : combos) {
      for (long seed : seeds) {
        Map<String, Object> settings = new LinkedHashMap<>(base);
        settings.putAll(combo);
        settings.put("seed", seed);
        try {
          io.natgrad.rl.algo.TrainerParts.checkMetric(TrainConfig.fromMap(settings));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("sweep cell " + combo + " seed " + seed + ": "
              + e.getMessage());
        }
        StringBuilder name = new StringBuilder();
        combo.forEach((k, v) -> name.append(k).append('=').append(v).append('_'));
        name.append("seed").append(seed);
        cells.add(new Cell(settings, seed, out.resolve(name.toString().replaceAll("[^A-Za-z0-9=._-]", "-"))));
      }
    }
    return cells;
  }

  /**
   * Runs the cells, {@code parallel} at a time (each a full training run in its directory, one
   * sampler thread; resumed or skipped with {@code resume}), {@code customize} setting what the
   * cell file does not (evaluation); returns the number that failed, each named on stderr.
   */
  public static int runCells(List<Cell> cells, int parallel, String engine, String master,
      boolean resume, java.util.function.UnaryOperator<TrainingRun> customize) throws Exception {
    StopSignals signals = StopSignals.install();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<Integer>> results = new ArrayList<>();
    for (Cell c : cells) {
      results.add(pool.submit(() -> {
        String label = c.dir().getFileName().toString();
        if (signals.stopRequested()) {
          // stopped: the cells not started yet stay as they are (--resume runs them)
          System.out.println("sweep: cell " + label + " not started (stop requested)");
          return 0;
        }
        boolean finished = Files.exists(c.dir().resolve("policy.json"));
        boolean interrupted = !finished
            && !io.natgrad.rl.run.Checkpoints.list(c.dir().resolve("checkpoints")).isEmpty();
        if (resume && finished) {
          System.out.println("sweep: cell " + label + " is complete; skipped");
          return 0;
        }
        TrainingRun run;
        if (resume && interrupted) {
          System.out.println("sweep: cell " + label + " resumes from its last checkpoint");
          run = TrainingRun.resume(c.dir());
        } else {
          Files.createDirectories(c.dir());
          Path cfg = c.dir().resolve("cell.json");
          new com.fasterxml.jackson.databind.ObjectMapper().writeValue(cfg.toFile(),
              c.settings());
          run = customize.apply(TrainingRun.create(TrainConfig.fromMap(c.settings()), c.dir())
              .force(true));
        }
        run.workers(1).engine(engine, master == null ? Map.of() : Map.of("master", master));
        try {
          return ConsoleRun.execute(run, signals::stopRequested, "cell " + label);
        } catch (IllegalArgumentException e) {
          System.err.println("natgrad: error: " + e.getMessage());
          return 2;
        }
      }));
    }
    pool.shutdown();
    int failed = 0;
    for (int i = 0; i < cells.size(); i++) {
      int code = results.get(i).get();
      if (code != 0) {
        failed++;
        System.err.println("natgrad: sweep cell " + cells.get(i).dir() + " failed (exit " + code
            + ")");
      }
    }
    return failed;
  }

  @Override
  public Integer call() throws Exception {
    if (!engine.equals("local")) {
      io.natgrad.rl.sample.SamplerEngine.find(engine); // fails now, naming the engines available
    } else if (master != null) {
      throw new IllegalArgumentException("--master " + master + " needs --engine spark");
    }
    Map<String, Object> sweep = ConfigFiles.readMapping(UserPaths.file("sweep file", file));
    List<Cell> cells = cells(sweep, Path.of("runs", "sweep"));
    Double threshold = sweep.get("threshold") instanceof Number n ? n.doubleValue() : null;
    if (force && resume) {
      throw new IllegalArgumentException("--force and --resume cannot be combined: --force "
          + "starts every cell again, --resume continues them");
    }
    for (Cell c : cells) {
      if (!force && !resume && Files.exists(c.dir().resolve("metrics.csv"))) {
        throw new IllegalArgumentException("cell directory " + c.dir() + " already holds a run; "
            + "use --resume to continue the sweep or --force to start it again");
      }
    }
    int p = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
    if (p < 1) {
      throw new IllegalArgumentException("--parallel must be >= 1, got " + p);
    }
    System.out.printf(Locale.ROOT, "sweep: %d cells, %d at a time%n", cells.size(), p);
    long t0 = System.nanoTime();
    int failed = runCells(cells, p, engine, master, resume, run -> run);
    List<RunData> runs = new ArrayList<>();
    for (Cell c : cells) {
      if (Files.exists(c.dir().resolve("metrics.csv"))) {
        runs.add(RunData.read(c.dir()));
      }
    }
    Path out = cells.get(0).dir().getParent();
    ReportWriter.write(ReportWriter.multi(runs, null, threshold), out.resolve("report.html"));
    System.out.printf(Locale.ROOT, "sweep done in %.1f s: %d cells, %d failed; report %s%n",
        (System.nanoTime() - t0) / 1e9, cells.size(), failed, out.resolve("report.html"));
    return failed == 0 ? 0 : 1;
  }
}
