package io.natgrad.cli.reproduce;

import io.natgrad.cli.plot.Plots;
import io.natgrad.core.glm.DataTable;
import io.natgrad.core.glm.Family;
import io.natgrad.core.glm.Formula;
import io.natgrad.core.glm.GlmFit;
import io.natgrad.core.glm.GlmFitter;
import io.natgrad.core.glm.GlmModel;
import io.natgrad.core.glm.GlmObjective;
import io.natgrad.core.glm.GlmOptimization;
import io.natgrad.core.glm.Link;
import io.natgrad.core.glm.ModelFrame;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.optim.Backtracking;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.run.RunDirectory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * "Figure 2 for GLMs": the Poisson regression {@code breaks ~ wool + tension} on R's warpbreaks
 * (Tippett 1950) fitted from the same start by gradient descent (Armijo backtracking), the natural
 * gradient with the paper's trust region, Fisher scoring (exact Fisher, unit step: R's glm), BHHH
 * (the empirical Fisher, backtracking) and Algorithm 2's Monte-Carlo Fisher (unit step), each until
 * R's criterion |D − D_old| / (|D| + 0.1) &lt; 1e-8; writes the deviance of every iterate and a
 * picture of D − D̂ per iteration (D̂: R's glm.fit at ε = 1e-14).
 */
@Command(name = "glm", mixinStandardHelpOptions = true,
    description = "Figure 2 for GLMs: iterations to convergence of gradient descent, the natural "
        + "gradient (trust region), Fisher scoring, BHHH and the Monte-Carlo Fisher on warpbreaks.")
public final class GlmFigureCommand extends FigureCommand {

  @Option(names = "--epsilon", defaultValue = "0.05", description = "The natural gradient's "
      + "trust region (default ${DEFAULT-VALUE}).")
  double trustRegion;

  @Option(names = "--max-iterations", defaultValue = "2000", description = "Per method "
      + "(default ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--seed", defaultValue = "0", description = "The Monte-Carlo Fisher's draws "
      + "(default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  String figure() {
    return "glm";
  }

  /** One method's run. */
  record Method(String name, GlmOptimization run) {}

  @Override
  List<Path> produce(RunDirectory dir, PrintStream stdout) throws Exception {
    Path csv = Files.createTempFile("warpbreaks", ".csv");
    try (var in = GlmFigureCommand.class.getResourceAsStream("/io/natgrad/cli/data/warpbreaks.csv")) {
      Files.write(csv, in.readAllBytes());
    }
    DataTable data = DataTable.readCsv(csv);
    Files.deleteIfExists(csv);
    ModelFrame m = ModelFrame.of(Formula.parse("breaks ~ wool + tension"), data, Map.of());
    GlmModel model = new GlmModel(m.x(), m.n(), m.p(), m.y(), null, null, Family.POISSON,
        Link.LOG);
    GlmObjective f = new GlmObjective(model);
    GlmFit best = new GlmFitter(1e-14, 100).fit(m.x(), m.n(), m.p(), m.y(), null, null,
        Family.POISSON, Link.LOG, true);
    double[] beta0 = GlmOptimization.start(m.x(), m.n(), m.p(), m.y(), null, null,
        Family.POISSON, Link.LOG);
    DirectionSolver direct = DirectionSolver.direct();
    StepRule armijo = new Backtracking(new FixedLearningRate(1), 0.5, 1e-4, 60);
    List<Method> methods = new ArrayList<>();
    methods.add(new Method("gradient descent (Armijo)", GlmOptimization.run(model,
        Metric.euclidean(), direct, armijo, beta0, 1e-8, maxIterations)));
    methods.add(new Method("natural gradient, trust region " + trustRegion,
        GlmOptimization.run(model, f.fisher(), direct, new TrustRegion(trustRegion), beta0,
            1e-8, maxIterations)));
    methods.add(new Method("Fisher scoring (exact Fisher, step 1)", GlmOptimization.run(model,
        f.fisher(), direct, new FixedLearningRate(1), beta0, 1e-8, maxIterations)));
    methods.add(new Method("BHHH (empirical Fisher, Armijo)", GlmOptimization.run(model,
        f.empirical(), direct, armijo, beta0, 1e-8, maxIterations)));
    methods.add(new Method("Monte-Carlo Fisher (100 draws, step 1)", GlmOptimization.run(model,
        f.monteCarlo(100, Rng.of(seed)), direct, new FixedLearningRate(1), beta0, 1e-8,
        maxIterations)));
    Path table = dir.resolve("glm.csv");
    try (Csv out = new Csv(table, "method", "iteration", "deviance", "excess_deviance")) {
      for (Method me : methods) {
        double[] d = me.run().deviances();
        for (int k = 0; k < d.length; k++) {
          out.row(me.name(), k, d[k], d[k] - best.deviance());
        }
      }
    }
    stdout.printf(Locale.ROOT, "warpbreaks, breaks ~ wool + tension, Poisson: D̂ = %.10g (R's "
        + "glm.fit, %d iterations)%n", best.deviance(), best.iterations());
    for (Method me : methods) {
      double[] d = me.run().deviances();
      stdout.printf(Locale.ROOT, "%-42s %5d iterations  %-14s D − D̂ = %.3g%n", me.name(),
          me.run().iterations(), me.run().converged() ? "converged" : me.run().stopReason(),
          d[d.length - 1] - best.deviance());
    }
    XYChart chart = Plots.chart("Poisson GLM on warpbreaks: excess deviance per iteration",
        "iteration", "D − D̂ (log scale)", 900, 560);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisLogarithmic(true);
    java.awt.Color[] colors = {Plots.GREY, Plots.ORANGE, Plots.BLUE, Plots.RED, Plots.GREEN};
    for (int k = 0; k < methods.size(); k++) {
      double[] d = methods.get(k).run().deviances();
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < d.length; i++) {
        double excess = d[i] - best.deviance();
        if (excess > 1e-12) {
          xs.add(i + 1.0); // iteration 0 plotted at 1 on the log axis
          ys.add(excess);
        }
      }
      if (!xs.isEmpty()) {
        Plots.line(chart, methods.get(k).name(), xs.stream().mapToDouble(Double::doubleValue)
            .toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray(), colors[k], 1.6f);
      }
    }
    Path png = dir.resolve("glm.png");
    Plots.savePng(chart, png);
    return List.of(table, png);
  }
}
