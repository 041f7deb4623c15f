package io.natgrad.cli.reproduce;

import io.natgrad.cli.plot.Plots;
import io.natgrad.core.dist.Gaussian;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.run.RunDirectory;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figure 1: a blue Gaussian and orange ones whose (μ, σ) all lie at the same Euclidean distance
 * from the blue one's, yet whose KL divergences from it differ by orders of magnitude.
 */
@Command(name = "fig1", mixinStandardHelpOptions = true,
    description = "Figure 1: equal Euclidean parameter distances, very different distributions.")
public final class Figure1Command extends FigureCommand {

  @Option(names = "--mu", defaultValue = "0", description = "Blue Gaussian's mean (default ${DEFAULT-VALUE}).")
  double mu;

  @Option(names = "--sigma", defaultValue = "2", description = "Blue Gaussian's σ > 0 (default ${DEFAULT-VALUE}).")
  double sigma;

  @Option(names = "--distance", defaultValue = "1.5",
      description = "Euclidean distance in (μ, σ) of every orange Gaussian (default ${DEFAULT-VALUE}).")
  double distance;

  @Option(names = "--angles", split = ",", defaultValue = "0,45,90,180,225,270",
      description = "Directions in degrees in the (μ, σ) plane (default ${DEFAULT-VALUE}).")
  double[] angles;

  @Override
  String figure() {
    return "fig1";
  }

  /** One orange Gaussian: its parameters, distance and KL from the blue one. */
  record Orange(double mu, double sigma, double distance, double klFromBlue, double klToBlue) {}

  static List<Orange> oranges(double mu, double sigma, double distance, double[] angles) {
    Gaussian g = Gaussian.meanSigma();
    double[] blue = {mu, sigma};
    if (!(sigma > 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("--sigma must be finite and > 0, got " + sigma);
    }
    if (!Double.isFinite(mu)) {
      throw new IllegalArgumentException("--mu must be finite, got " + mu);
    }
    if (!(distance > 0) || !Double.isFinite(distance)) {
      throw new IllegalArgumentException("--distance must be finite and > 0, got " + distance);
    }
    List<Orange> out = new ArrayList<>();
    for (double a : angles) {
      double m = mu + snap(distance * Math.cos(Math.toRadians(a)));
      double s = sigma + snap(distance * Math.sin(Math.toRadians(a)));
      if (!(s > 1e-9)) {
        throw new IllegalArgumentException("--angles " + a + " with --distance " + distance
            + " gives sigma " + s + " <= 0; choose a smaller distance or another angle");
      }
      double[] q = {m, s};
      out.add(new Orange(m, s, Math.hypot(m - mu, s - sigma), g.kl(blue, q), g.kl(q, blue)));
    }
    return out;
  }

  /** cos 90° is 6e-17 in floating point: show it as the 0 it means. */
  private static double snap(double v) {
    return Math.abs(v) < 1e-12 ? 0.0 : v;
  }

  @Override
  List<Path> produce(RunDirectory dir, PrintStream stdout) {
    Gaussian g = Gaussian.meanSigma();
    List<Orange> oranges = oranges(mu, sigma, distance, angles);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("mu", mu);
    settings.put("sigma", sigma);
    settings.put("distance", distance);
    settings.put("angles", angles);
    dir.writeConfig("reproduce fig1", settings);

    double lo = mu - 3 * (sigma + distance);
    double hi = mu + 3 * (sigma + distance);
    int n = 801;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = lo + (hi - lo) * i / (n - 1);
    }
    double[][] dens = new double[oranges.size() + 1][n];
    for (int i = 0; i < n; i++) {
      dens[0][i] = Math.exp(g.logProb(new double[] {mu, sigma}, new double[] {x[i]}));
      for (int k = 0; k < oranges.size(); k++) {
        Orange o = oranges.get(k);
        dens[k + 1][i] = Math.exp(g.logProb(new double[] {o.mu(), o.sigma()}, new double[] {x[i]}));
      }
    }
    Path summary = dir.resolve("fig1.csv");
    try (Csv csv = new Csv(summary, "name", "mu", "sigma", "euclidean_distance",
        "kl_blue_to_orange", "kl_orange_to_blue", "w2_distance")) {
      csv.row("blue", mu, sigma, 0.0, 0.0, 0.0, 0.0);
      for (int k = 0; k < oranges.size(); k++) {
        Orange o = oranges.get(k);
        // W₂ between Gaussians is the Euclidean distance of (μ, σ): all six are the same
        double w2 = Math.sqrt((o.mu() - mu) * (o.mu() - mu) + (o.sigma() - sigma) * (o.sigma()
            - sigma));
        csv.row("orange" + (k + 1), o.mu(), o.sigma(), o.distance(), o.klFromBlue(), o.klToBlue(),
            w2);
      }
    }
    Path curves = dir.resolve("fig1-densities.csv");
    String[] header = new String[oranges.size() + 2];
    header[0] = "x";
    header[1] = "blue";
    for (int k = 0; k < oranges.size(); k++) {
      header[k + 2] = "orange" + (k + 1);
    }
    try (Csv csv = new Csv(curves, header)) {
      for (int i = 0; i < n; i++) {
        Object[] row = new Object[header.length];
        row[0] = x[i];
        for (int k = 0; k < dens.length; k++) {
          row[k + 1] = dens[k][i];
        }
        csv.row(row);
      }
    }

    XYChart chart = Plots.chart(String.format(Locale.ROOT,
        "Figure 1: every orange (mu, sigma) is at Euclidean distance %.3g from the blue one", distance),
        "x", "density", 1000, 620);
    Plots.line(chart, String.format(Locale.ROOT, "blue N(%.2f, %.2f^2)", mu, sigma), x, dens[0],
        Plots.BLUE, 3f);
    stdout.printf(Locale.ROOT, "blue N(%.4g, %.4g^2); every orange is at Euclidean distance %.4g%n",
        mu, sigma, distance);
    stdout.printf(Locale.ROOT, "%-8s %9s %9s %12s %14s%n", "name", "mu", "sigma", "distance",
        "KL(blue||orange)");
    for (int k = 0; k < oranges.size(); k++) {
      Orange o = oranges.get(k);
      // oranges from light to dark, so that each curve can be told apart
      float f = (float) k / Math.max(1, oranges.size() - 1);
      Color c = new Color(1.0f - 0.45f * f, 0.73f - 0.52f * f, 0.47f - 0.46f * f);
      Plots.line(chart, String.format(Locale.ROOT, "N(%.2f, %.2f^2)  KL(blue||orange) = %.4g", o.mu(), o.sigma(),
          o.klFromBlue()), x, dens[k + 1], c, 1.8f);
      stdout.printf(Locale.ROOT, "%-8s %9.4f %9.4f %12.4f %14.6g%n", "orange" + (k + 1), o.mu(),
          o.sigma(), o.distance(), o.klFromBlue());
    }
    Path png = dir.resolve("fig1.png");
    Plots.savePng(chart, png);
    return List.of(png, summary, curves);
  }
}
