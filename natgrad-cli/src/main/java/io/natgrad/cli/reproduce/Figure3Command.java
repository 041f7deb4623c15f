package io.natgrad.cli.reproduce;

import io.natgrad.cli.plot.Plots;
import io.natgrad.cli.plot.Quiver;
import io.natgrad.core.mle.GaussianGradientField;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.run.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figure 3: the gradient and natural-gradient vector fields of the Gaussian MLE problem with
 * population statistics, over μ ∈ [0, 14], σ ∈ [0.5, 6].
 */
@Command(name = "fig3", mixinStandardHelpOptions = true,
    description = "Figure 3: gradient vs natural-gradient vector fields of the Gaussian MLE problem.")
public final class Figure3Command extends FigureCommand {

  @Option(names = "--mean", defaultValue = "12", description = "Population mean (default ${DEFAULT-VALUE}).")
  double mean;

  @Option(names = "--variance", defaultValue = "16", description = "Population variance (default ${DEFAULT-VALUE}).")
  double variance;

  @Override
  String figure() {
    return "fig3";
  }

  @Override
  List<Path> produce(RunDirectory dir, PrintStream stdout) {
    GaussianGradientField field = new GaussianGradientField(mean, variance);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("mean", mean);
    settings.put("variance", variance);
    settings.put("grid", "mu 0..14 step 1, sigma 0.5..6 step 0.5");
    dir.writeConfig("reproduce fig3", settings);
    List<GaussianGradientField.FieldPoint> grid = GaussianGradientField.paperGrid(field);
    double gradRatio = GaussianGradientField.maxOverMedianLength(grid, false);
    double natRatio = GaussianGradientField.maxOverMedianLength(grid, true);

    Path csvFile = dir.resolve("fig3.csv");
    try (Csv csv = new Csv(csvFile, "mu", "sigma", "grad_mu", "grad_sigma", "natgrad_mu",
        "natgrad_sigma")) {
      for (GaussianGradientField.FieldPoint p : grid) {
        csv.row(p.mu(), p.sigma(), p.gradient()[0], p.gradient()[1], p.naturalGradient()[0],
            p.naturalGradient()[1]);
      }
    }
    // arrows point downhill (−∇f, −F⁻¹∇f): the way each method moves
    XYChart left = panel(grid, false, String.format(Locale.ROOT,
        "gradient  (max/median length %.2f)", gradRatio));
    XYChart right = panel(grid, true, String.format(Locale.ROOT,
        "natural gradient  (max/median length %.2f)", natRatio));
    Path png = dir.resolve("fig3.png");
    Plots.savePng(List.of(left, right), 1, 2, png);
    stdout.printf(Locale.ROOT, "gradient field:         max/median vector length %.2f%n", gradRatio);
    stdout.printf(Locale.ROOT, "natural-gradient field: max/median vector length %.2f%n", natRatio);
    return List.of(png, csvFile);
  }

  private static XYChart panel(List<GaussianGradientField.FieldPoint> grid, boolean natural,
      String title) {
    int n = grid.size();
    double[] x = new double[n];
    double[] y = new double[n];
    double[] u = new double[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      GaussianGradientField.FieldPoint p = grid.get(i);
      double[] g = natural ? p.naturalGradient() : p.gradient();
      x[i] = p.mu();
      y[i] = p.sigma();
      u[i] = -g[0];
      v[i] = -g[1];
    }
    XYChart c = Plots.chart(title, "mu", "sigma", 760, 620);
    c.getStyler().setXAxisMin(-1.0).setXAxisMax(15.0).setYAxisMin(0.0).setYAxisMax(6.5);
    c.getStyler().setLegendVisible(false);
    Quiver.draw(c, x, y, u, v, 1.0, 0.5, 0.45, 1.4, natural ? Plots.ORANGE : Plots.BLUE, Plots.RED);
    Plots.points(c, "optimum", new double[] {12}, new double[] {4}, Plots.GREEN)
        .setShowInLegend(false);
    return c;
  }
}
