package io.natgrad.cli.reproduce;

import io.natgrad.cli.plot.Plots;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.mle.GaussianFit;
import io.natgrad.core.mle.GaussianMle;
import io.natgrad.core.mle.StepReading;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.run.RunDirectory;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figure 2: gradient descent vs natural gradient descent fitting N(μ, σ²) to draws of N(12, 4²),
 * from (0, 1), with the same step size 1e-4.
 */
@Command(name = "fig2", mixinStandardHelpOptions = true,
    description = {"Figure 2: GD vs natural GD fitting a Gaussian by maximum likelihood.",
        "The paper's 'fixed step size 1e-4' has three readings (--reading): lr-sum (default: a "
            + "learning rate on the summed NLL, the only one that shows every effect the paper "
            + "describes), lr-mean (a learning rate on the mean NLL), trust-region (epsilon of "
            + "Algorithm 1/2 on the mean NLL)."})
public final class Figure2Command extends FigureCommand {

  @Option(names = "--reading", defaultValue = "lr-sum",
      description = "How the step size is read: lr-sum, lr-mean, trust-region (default ${DEFAULT-VALUE}).")
  String reading;

  @Option(names = "--step", defaultValue = "1e-4", description = "Step size α or ε (default ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--data", paramLabel = "CSV",
      description = "CSV file with the data (default: the paper's 1000 draws of N(12, 4^2)).")
  Path data;

  @Option(names = "--no-header", description = "--data has no header line (--column is then a 0-based index).")
  boolean noHeader;

  @Option(names = "--column", defaultValue = "0",
      description = "Column of --data, by header name or 0-based index (default ${DEFAULT-VALUE}).")
  String column;

  @Option(names = "--start-mu", defaultValue = "0", description = "Start μ (default ${DEFAULT-VALUE}).")
  double startMu;

  @Option(names = "--start-sigma", defaultValue = "1", description = "Start σ > 0 (default ${DEFAULT-VALUE}).")
  double startSigma;

  @Option(names = "--metric", defaultValue = "fisher",
      description = "NGD's metric: fisher (exact), mc-fisher (Algorithm 2, --samples per iteration) or wasserstein (W2; in (mu, sigma) a constant 2I) (default ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--samples", defaultValue = "100", description = "Model samples per iteration for mc-fisher (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of mc-fisher's samples (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--max-iterations", defaultValue = "200000",
      description = "Iteration budget per method (default ${DEFAULT-VALUE}).")
  int maxIterations;

  @Override
  String figure() {
    return "fig2";
  }

  Metric ngdMetric() {
    return switch (metric) {
      case "fisher" -> Metric.exactFisher(GaussianFit.FAMILY);
      case "mc-fisher" -> {
        if (samples < 1) {
          throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        yield Metric.monteCarloFisher(GaussianFit.FAMILY, samples, Rng.of(seed));
      }
      case "wasserstein" -> Metric.wasserstein(GaussianFit.FAMILY);
      default -> throw new IllegalArgumentException(
          "--metric must be fisher, mc-fisher or wasserstein, got '" + metric + "'");
    };
  }

  @Override
  List<Path> produce(RunDirectory dir, PrintStream stdout) throws Exception {
    StepReading r = StepReading.parse(reading);
    double[] x = data == null ? GaussianFit.paperDataset() : io.natgrad.cli.UserPaths
        .csvColumn("--data", data, column, noHeader);
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("--step must be finite and > 0, got " + step);
    }
    if (!(startSigma > 0) || !Double.isFinite(startSigma)) {
      throw new IllegalArgumentException("--start-sigma must be finite and > 0, got " + startSigma);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("--max-iterations must be >= 1, got " + maxIterations);
    }
    Metric ngdMetric = ngdMetric();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("reading", r.label());
    settings.put("step", step);
    settings.put("data", data == null ? "builtin:fig2-gaussian-n1000.csv" : data.toString());
    settings.put("column", column);
    settings.put("start", new double[] {startMu, startSigma});
    settings.put("metric", metric);
    settings.put("samples", samples);
    settings.put("seed", seed);
    settings.put("max_iterations", maxIterations);
    dir.writeConfig("reproduce fig2", settings);

    GaussianMle mle = GaussianMle.of(x);
    GaussianFit.Path gd = GaussianFit.run(x, "gd", Metric.euclidean(), r, step, startMu,
        startSigma, maxIterations, true);
    GaussianFit.Path ngd = GaussianFit.run(x, "ngd", ngdMetric, r, step, startMu, startSigma,
        maxIterations, true);

    stdout.printf(Locale.ROOT, "data: n = %d, MLE mu = %.10f, sigma = %.10f; reading %s, step %g%n",
        x.length, mle.mu(), mle.sigma(), r.label(), step);
    for (GaussianFit.Path p : List.of(gd, ngd)) {
      stdout.printf(Locale.ROOT, "%-4s %s; last iterate %d: mu = %.6f, sigma = %.6f, nll = %.6f%n",
          p.method(), p.stopReason(), p.last().iteration(), p.last().mu(), p.last().sigma(),
          p.last().meanNll());
    }

    Path csvFile = dir.resolve("fig2.csv");
    try (Csv csv = new Csv(csvFile, "method", "iteration", "mu", "sigma", "nll")) {
      for (GaussianFit.Path p : List.of(gd, ngd)) {
        for (GaussianFit.PathPoint q : p.points()) {
          csv.row(p.method(), q.iteration(), q.mu(), q.sigma(), q.meanNll());
        }
      }
    }

    XYChart chart = Plots.chart(String.format(Locale.ROOT,
        "Figure 2: fitting N(mu, sigma^2), step %g (%s)", step, r.label()), "mu", "sigma", 1000, 700);
    addPath(chart, gd, "gradient descent", Plots.BLUE);
    addPath(chart, ngd, "natural gradient descent", Plots.ORANGE);
    XYSeries start = Plots.points(chart, String.format(Locale.ROOT, "start (%.3g, %.3g)", startMu,
        startSigma), new double[] {startMu}, new double[] {startSigma}, Color.BLACK);
    start.setMarker(SeriesMarkers.SQUARE);
    XYSeries opt = Plots.points(chart, String.format(Locale.ROOT, "optimum (MLE) (%.4g, %.4g)",
        mle.mu(), mle.sigma()), new double[] {mle.mu()}, new double[] {mle.sigma()}, Plots.RED);
    opt.setMarker(SeriesMarkers.DIAMOND);
    chart.getStyler().setMarkerSize(9);
    Path png = dir.resolve("fig2.png");
    Plots.savePng(chart, png);
    return List.of(png, csvFile);
  }

  private static void addPath(XYChart chart, GaussianFit.Path p, String label, Color color) {
    int[] idx = Plots.thinIndices(p.points().size(), 3000);
    double[] mu = new double[idx.length];
    double[] sigma = new double[idx.length];
    for (int i = 0; i < idx.length; i++) {
      mu[i] = p.points().get(idx[i]).mu();
      sigma[i] = p.points().get(idx[i]).sigma();
    }
    String name = label + (p.convergedAt() >= 0
        ? " (within 1% of the MLE at iteration " + p.convergedAt() + ")"
        : " (not converged after " + p.last().iteration() + ")");
    XYSeries s = Plots.line(chart, name, mu, sigma, color, 1.2f);
    s.setMarker(SeriesMarkers.CIRCLE);
    s.setMarkerColor(color);
  }
}
