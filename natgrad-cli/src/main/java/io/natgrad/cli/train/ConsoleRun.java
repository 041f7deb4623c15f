package io.natgrad.cli.train;

import io.natgrad.cli.plot.Plots;
import io.natgrad.cli.report.ReportWriter;
import io.natgrad.cli.report.RunData;
import io.natgrad.rl.algo.TrainingIteration;
import io.natgrad.rl.config.TrainConfig;
import io.natgrad.rl.run.RunListener;
import io.natgrad.rl.run.RunResult;
import io.natgrad.rl.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import org.knowm.xchart.XYChart;

/**
 * A {@link TrainingRun} at the console: what {@code natgrad train} and each cell of
 * {@code natgrad sweep} add to the library's run — the progress bar, the eval and stop lines, the
 * learning-curve chart, {@code report.html} and the closing lines.
 */
public final class ConsoleRun {
  private ConsoleRun() {}

  /**
   * Runs a training run as {@code natgrad train} does — progress bar, eval lines, learning-curve
   * chart, {@code report.html}, the closing lines — and returns the exit code (0 done, 1 failed,
   * 130 stopped by a signal). {@code natgrad sweep} runs its cells through it.
   */
  public static int execute(TrainingRun run, BooleanSupplier stopRequested)
      throws IOException {
    return execute(run, stopRequested, null);
  }

  /** As above, the progress bar named {@code label} (a sweep's cell) instead of env and algo. */
  public static int execute(TrainingRun run, BooleanSupplier stopRequested, String label)
      throws IOException {
    for (String w : run.config().warnings()) {
      System.err.println("natgrad: warning: " + w);
    }
    ConsoleListener console = new ConsoleListener(run.config(), label);
    run.stopWhen(stopRequested).listener(console);
    RunResult result;
    try {
      result = run.run();
    } catch (RuntimeException e) {
      console.awaitChart(); // never leave a half-written PNG behind
      throw e;
    } finally {
      console.closeProgress();
    }
    Path dir = run.directory();
    if (result.status() == RunResult.Status.FAILED) {
      System.err.println("natgrad: training stopped at update " + result.iteration() + ": "
          + result.failure());
      System.err.println("natgrad: the last good checkpoint is "
          + (result.lastCheckpoint() == null ? "none" : result.lastCheckpoint())
          + "; nothing was overwritten");
      return 1;
    }
    if (result.status() == RunResult.Status.STOPPED) {
      console.awaitChart();
      System.out.println("stopped by signal after update " + result.iteration() + "; checkpoint "
          + "written; continue with: natgrad train --resume " + dir);
      return 130;
    }
    Path report = dir.resolve("report.html");
    ReportWriter.write(ReportWriter.single(RunData.read(dir)), report);
    console.joinChart();
    System.out.println("wrote " + dir.resolve("metrics.csv"));
    System.out.println("wrote " + result.policy());
    System.out.println("wrote " + dir.resolve("learning-curve.png"));
    System.out.println("wrote " + report);
    return 0;
  }

  /**
   * The command line's part of a run: the progress bar, the eval and stop lines, and the
   * learning-curve chart, drawn on the spare core (mostly Java2D's start-up, ≈ 0.3 s) while the
   * final checkpoint, the policy and the report are written.
   */
  private static final class ConsoleListener implements RunListener {
    private final TrainConfig c;
    private final List<double[]> curve = new ArrayList<>();
    private final List<double[]> evals = new ArrayList<>();
    private Progress progress;
    private Path png;
    private CompletableFuture<Void> chart;

    private final String label;

    ConsoleListener(TrainConfig c, String label) {
      this.c = c;
      this.label = label;
    }

    @Override
    public void started(TrainingRun run) {
      png = run.directory().resolve("learning-curve.png");
      System.out.printf(Locale.ROOT, "training %s with %s for %d steps (seed %d) into %s%n",
          c.env(), c.algo().label().toUpperCase(Locale.ROOT), c.nTimesteps(), c.seed(), run.directory());
      long batch = (long) c.sampling().nEnvs() * c.sampling().nSteps();
      long trained = (c.nTimesteps() + batch - 1) / batch * batch;
      if (trained != c.nTimesteps()) {
        System.out.printf(Locale.ROOT, "note: %d steps are trained as %d (whole batches of %d = "
            + "n_envs %d x n_steps %d)%n", c.nTimesteps(), trained, batch, c.sampling().nEnvs(),
            c.sampling().nSteps());
      }
      progress = new Progress(label != null ? label : c.env() + " " + c.algo(), c.nTimesteps(),
          System.out);
    }

    @Override
    public void iteration(TrainingIteration it) {
      long steps = it.steps();
      double rew = it.episodeRewardMean();
      curve.add(new double[] {steps, rew});
      progress.update(steps, rew, it.metrics().number("time/fps"));
      if (it.evaluation() != null) {
        evals.add(new double[] {steps, it.evaluation().mean()});
        System.out.printf(Locale.ROOT, "eval at %d steps: mean %.2f std %.2f%n", steps,
            it.evaluation().mean(), it.evaluation().std());
      }
    }

    @Override
    public void reachedReturn(double evaluation, double threshold) {
      System.out.printf(Locale.ROOT, "stopping: evaluation reached %.2f >= %.2f%n", evaluation,
          threshold);
    }

    @Override
    public void finishing(boolean stopRequested) {
      closeProgress();
      if (!stopRequested) {
        chart = CompletableFuture.runAsync(() -> plot(c, curve, evals, png));
      }
    }

    void closeProgress() {
      if (progress != null) {
        progress.close();
        progress = null;
      }
    }

    /** Waits for the chart, ignoring its failure (used when the run itself failed). */
    void awaitChart() {
      if (chart != null) {
        chart.exceptionally(x -> null).join();
      }
    }

    /** Waits for the chart, passing its failure on. */
    void joinChart() {
      try {
        chart.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
    }
  }

  static void plot(TrainConfig c, List<double[]> curve, List<double[]> evals, Path png) {
    XYChart chart = Plots.chart(c.env() + " " + c.algo().label().toUpperCase(Locale.ROOT) + " (seed "
        + c.seed() + ")", "environment steps", "episode return", 900, 560);
    double[] x = curve.stream().filter(p -> !Double.isNaN(p[1])).mapToDouble(p -> p[0]).toArray();
    double[] y = curve.stream().filter(p -> !Double.isNaN(p[1])).mapToDouble(p -> p[1]).toArray();
    if (x.length > 0) {
      Plots.line(chart, "rollout/ep_rew_mean (last 100 episodes)", x, y, Plots.BLUE, 2f);
    }
    if (!evals.isEmpty()) {
      Plots.points(chart, "eval/mean_reward (deterministic)",
          evals.stream().mapToDouble(p -> p[0]).toArray(),
          evals.stream().mapToDouble(p -> p[1]).toArray(), Plots.ORANGE);
    }
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    if (x.length > 0 || !evals.isEmpty()) {
      Plots.savePng(chart, png);
    }
  }
}
