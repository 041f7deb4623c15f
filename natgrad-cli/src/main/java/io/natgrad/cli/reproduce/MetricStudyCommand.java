package io.natgrad.cli.reproduce;

import io.natgrad.cli.SweepCommand;
import io.natgrad.cli.plot.Plots;
import io.natgrad.cli.report.ReportWriter;
import io.natgrad.cli.report.RunData;
import io.natgrad.rl.algo.Evaluation;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.config.zoo.Presets;
import io.natgrad.rl.io.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad reproduce metric-study}: the paper's claim that the metric is the choice, measured
 * on the tasks the field uses. TRPO with natgrad's defaults on CartPole-v1 and Acrobot-v1 and with
 * the RL Zoo's preset on Pendulum-v1, once per applicable metric and seed, every update also
 * comparing its direction with the exact Fisher's ({@code compare_metrics: fisher}); and ACKTR on
 * CartPole. Writes, under {@code --out}:
 *
 * <pre>
 * &lt;task&gt;/&lt;metric&gt;-seed&lt;s&gt;/   each run (metrics.csv, metric-comparison.csv, policy.json, …)
 * &lt;task&gt;/report.html          the runs grouped by metric
 * metric-study.csv              per task and metric: final deterministic evaluation (100 episodes)
 *                               mean ± std over seeds, seeds reaching the threshold and the median
 *                               steps to it, ms per policy update, mean cosine with the exact
 *                               Fisher's direction, mean exact-Fisher KL of the step / target_kl
 * metric-study.png              final evaluation per metric, one panel per task
 * </pre>
 */
@Command(name = "metric-study", mixinStandardHelpOptions = true,
    description = {"The metric as a choice: TRPO with every applicable metric on CartPole-v1, "
        + "Acrobot-v1 and Pendulum-v1 (Zoo preset), 5 seeds each, plus ACKTR on CartPole-v1; a "
        + "CSV table, a PNG and a report per task (not part of 'reproduce all').",
        "--quick: one seed and a fifth of the steps (a smoke test of the whole study)."})
public final class MetricStudyCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/metric-study",
      description = "Output directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quick", description = "One seed and a fifth of the steps.")
  boolean quick;

  @Option(names = "--seeds", description = "Seeds 0..N-1 per cell (default 5; --quick 1).")
  Integer seeds;

  @Option(names = "--tasks", split = ",", description = "A subset of the tasks: cartpole, "
      + "acrobot, pendulum, acktr-cartpole (default all).")
  List<String> tasks;

  @Option(names = "--metrics", split = ",", description = "A subset of the metrics (default: "
      + "every one the task's policy can have).")
  List<String> metrics;

  @Option(names = "--parallel", description = "Runs at once (default: available cores).")
  Integer parallel;

  @Option(names = "--resume", description = "Skip the runs that finished, resume interrupted "
      + "ones, then write the table again.")
  boolean resume;

  /** The TRPO metrics of a discrete and of a continuous task. */
  static final List<String> DISCRETE = List.of("fisher", "mc-fisher", "empirical-fisher",
      "diagonal-fisher", "kfac", "euclidean");
  static final List<String> CONTINUOUS = List.of("fisher", "mc-fisher", "empirical-fisher",
      "diagonal-fisher", "kfac", "wasserstein", "euclidean");

  /**
   * One task of the study.
   *
   * @param name its directory and {@code --tasks} name
   * @param base the settings every cell shares
   * @param threshold the return that counts as solved
   * @param metrics the metrics compared (ACKTR: its own)
   */
  record Task(String name, Map<String, Object> base, double threshold, List<String> metrics) {}

  static List<Task> tasks() throws java.io.IOException {
    Map<String, Object> pendulum = new LinkedHashMap<>(Presets.zoo("trpo", "Pendulum-v1"));
    pendulum.put("env", "Pendulum-v1");
    pendulum.put("algo", "trpo");
    return List.of(
        new Task("cartpole", Map.of("env", "CartPole-v1", "algo", "trpo", "n_timesteps",
            100_000), 475, DISCRETE),
        new Task("acrobot", Map.of("env", "Acrobot-v1", "algo", "trpo", "n_timesteps", 100_000),
            -100, DISCRETE),
        new Task("pendulum", pendulum, -200, CONTINUOUS),
        new Task("acktr-cartpole", Map.of("env", "CartPole-v1", "algo", "acktr", "n_timesteps",
            500_000), 475, List.of("acktr")));
  }

  @Override
  public Integer call() throws Exception {
    int nSeeds = seeds != null ? seeds : quick ? 1 : 5;
    if (nSeeds < 1) {
      throw new IllegalArgumentException("--seeds must be >= 1, got " + nSeeds);
    }
    int p = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
    if (p < 1) {
      throw new IllegalArgumentException("--parallel must be >= 1, got " + p);
    }
    List<Task> chosen = choose(tasks());
    List<SweepCommand.Cell> cells = new ArrayList<>();
    Map<Task, Map<String, List<SweepCommand.Cell>>> byMetric = new LinkedHashMap<>();
    for (Task t : chosen) {
      Map<String, List<SweepCommand.Cell>> m = new LinkedHashMap<>();
      for (String metric : t.metrics()) {
        if (metrics != null && !metrics.contains(metric) && !metric.equals("acktr")) {
          continue;
        }
        for (long seed = 0; seed < nSeeds; seed++) {
          Map<String, Object> s = new LinkedHashMap<>(t.base());
          long steps = TrainConfig.fromMap(s).nTimesteps();
          s.put("n_timesteps", quick ? steps / 5 : steps);
          s.put("seed", seed);
          if (!metric.equals("acktr")) {
            s.put("metric", metric);
            s.put("compare_metrics", "fisher");
          }
          TrainConfig.fromMap(s); // every cell validated before any run starts
          SweepCommand.Cell c = new SweepCommand.Cell(s, seed,
              out.resolve(t.name()).resolve(metric + "-seed" + seed));
          if (!resume && Files.exists(c.dir().resolve("metrics.csv"))) {
            throw new IllegalArgumentException(c.dir() + " already holds a run; use --resume "
                + "to continue the study or another --out");
          }
          cells.add(c);
          m.computeIfAbsent(metric, k -> new ArrayList<>()).add(c);
        }
      }
      byMetric.put(t, m);
    }
    System.out.printf(Locale.ROOT, "metric study: %d runs, %d at a time, into %s%n",
        cells.size(), p, out);
    long t0 = System.nanoTime();
    int failed = SweepCommand.runCells(cells, p, "local", null, resume,
        run -> run.evalEvery(evalEvery(run)).evalEpisodes(10));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Task, Map<String, List<SweepCommand.Cell>>> e : byMetric.entrySet()) {
      List<RunData> runs = new ArrayList<>();
      for (Map.Entry<String, List<SweepCommand.Cell>> m : e.getValue().entrySet()) {
        List<RunData> cellRuns = new ArrayList<>();
        for (SweepCommand.Cell c : m.getValue()) {
          if (Files.exists(c.dir().resolve("policy.json"))) {
            cellRuns.add(RunData.read(c.dir()));
          }
        }
        runs.addAll(cellRuns);
        rows.add(Row.of(e.getKey(), m.getKey(), cellRuns));
      }
      if (!runs.isEmpty()) {
        ReportWriter.write(ReportWriter.multi(runs, "metric", e.getKey().threshold()),
            out.resolve(e.getKey().name()).resolve("report.html"));
      }
    }
    Files.createDirectories(out);
    writeCsv(rows, out.resolve("metric-study.csv"));
    Plots.savePng(charts(rows), 1, chartsCount(rows), out.resolve("metric-study.png"));
    System.out.printf(Locale.ROOT, "metric study done in %.1f s: %d runs, %d failed; wrote %s, "
        + "%s and a report per task%n", (System.nanoTime() - t0) / 1e9, cells.size(), failed,
        out.resolve("metric-study.csv"), out.resolve("metric-study.png"));
    return failed == 0 ? 0 : 1;
  }

  /** Twenty evaluations per run (10 episodes each) for the steps to the threshold. */
  private static long evalEvery(io.natgrad.rl.run.TrainingRun run) {
    return Math.max(1, run.config().nTimesteps() / 20);
  }

  private List<Task> choose(List<Task> all) {
    if (tasks == null) {
      return all;
    }
    List<Task> out = new ArrayList<>();
    for (String name : tasks) {
      Task t = all.stream().filter(x -> x.name().equals(name.trim())).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--tasks: no task '" + name
              + "'; the tasks are " + all.stream().map(Task::name).toList()));
      out.add(t);
    }
    return out;
  }

  /**
   * One line of the table.
   *
   * @param task the task
   * @param metric the metric (acktr: the algorithm)
   * @param finals each seed's final deterministic evaluation (100 episodes)
   * @param reached seeds whose periodic evaluation reached the threshold
   * @param stepsMedian the median steps to the threshold over the seeds that reached it
   * @param msPerUpdate mean milliseconds per policy update
   * @param cos mean cosine with the exact Fisher's direction
   * @param klRatio mean exact-Fisher KL of the step over target_kl
   */
  record Row(Task task, String metric, double[] finals, int reached, double stepsMedian,
      double msPerUpdate, double cos, double klRatio) {

    static Row of(Task task, String metric, List<RunData> runs) throws java.io.IOException {
      double[] finals = new double[runs.size()];
      List<Double> steps = new ArrayList<>();
      double ms = 0;
      double cos = 0;
      double kl = 0;
      int compared = 0;
      for (int i = 0; i < runs.size(); i++) {
        RunData r = runs.get(i);
        io.natgrad.policy.Policy policy = io.natgrad.policy.Policy.load(
            r.dir().resolve("policy.json"));
        long seed = r.settings().path("seed").asLong();
        finals[i] = Evaluation.run(policy, Evaluation.makeEnv(policy.envId()), 100,
            10_000 + seed, true).mean();
        double[] eval = r.column("eval/mean_reward");
        double[] t = r.column("time/total_timesteps");
        for (int k = 0; k < eval.length; k++) {
          if (eval[k] >= task.threshold()) {
            steps.add(t[k]);
            break;
          }
        }
        ms += mean(r.column("time/policy_update_seconds")) * 1000 / runs.size();
        double[] c = r.column("cmp/fisher/cos");
        double[] k = r.column("cmp/" + metric + "/true_kl");
        if (!Double.isNaN(mean(c))) {
          double target = r.settings().path("target_kl").asDouble(Double.NaN);
          cos += mean(c);
          kl += mean(k) / target;
          compared++;
        }
      }
      double median = Double.NaN;
      if (!steps.isEmpty()) {
        double[] s = steps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      }
      return new Row(task, metric, finals, steps.size(), median, ms,
          compared == 0 ? Double.NaN : cos / compared, compared == 0 ? Double.NaN : kl / compared);
    }

    double finalMean() {
      return mean(finals);
    }

    double finalStd() {
      double m = finalMean();
      double s = 0;
      for (double f : finals) {
        s += (f - m) * (f - m);
      }
      return finals.length < 2 ? 0 : Math.sqrt(s / (finals.length - 1));
    }
  }

  /** The mean of the finite values (NaN when none). */
  static double mean(double[] v) {
    double s = 0;
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        s += x;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  private static void writeCsv(List<Row> rows, Path file) {
    try (Csv csv = new Csv(file, "task", "env", "algo", "metric", "seeds", "final_eval_mean",
        "final_eval_std", "threshold", "seeds_reaching_threshold", "median_steps_to_threshold",
        "ms_per_policy_update", "mean_cos_to_exact_fisher", "true_kl_over_target_kl")) {
      for (Row r : rows) {
        csv.row(r.task().name(), r.task().base().get("env"),
            r.metric().equals("acktr") ? "acktr" : "trpo", r.metric(), r.finals().length,
            r.finalMean(), r.finalStd(), r.task().threshold(), r.reached(), r.stepsMedian(),
            r.msPerUpdate(), r.cos(), r.klRatio());
      }
    }
  }

  private static int chartsCount(List<Row> rows) {
    return (int) Math.max(1, rows.stream().map(r -> r.task().base().get("env")).distinct()
        .count());
  }

  /** One panel per environment: final evaluation mean ± std over seeds, per metric. */
  private static List<CategoryChart> charts(List<Row> rows) {
    Map<Object, List<Row>> byEnv = new LinkedHashMap<>();
    for (Row r : rows) {
      byEnv.computeIfAbsent(r.task().base().get("env"), k -> new ArrayList<>()).add(r);
    }
    List<CategoryChart> charts = new ArrayList<>();
    for (Map.Entry<Object, List<Row>> e : byEnv.entrySet()) {
      List<Row> rs = e.getValue().stream().filter(r -> r.finals().length > 0).toList();
      CategoryChart c = new CategoryChartBuilder().width(560).height(480)
          .title(e.getKey() + " (threshold " + fmt(rs.isEmpty() ? Double.NaN
              : rs.get(0).task().threshold()) + ")")
          .xAxisTitle("metric").yAxisTitle("final deterministic return").build();
      c.getStyler().setLegendVisible(false);
      // every metric's name, upright and none dropped for lack of room
      c.getStyler().setXAxisLabelRotation(90);
      c.getStyler().setXAxisTickMarkSpacingHint(20);
      if (!rs.isEmpty()) {
        c.addSeries("final return", rs.stream().map(Row::metric).toList(),
            rs.stream().map(Row::finalMean).toList(),
            rs.stream().map(Row::finalStd).toList());
      }
      charts.add(c);
    }
    if (charts.isEmpty()) {
      charts.add(new CategoryChartBuilder().width(560).height(420).title("no runs").build());
    }
    return charts;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.valueOf(v);
  }
}
