package io.natgrad.cli.reproduce;

import io.natgrad.cli.plot.Plots;
import io.natgrad.core.dist.Scale;
import io.natgrad.rl.algo.IterationRecord;
import io.natgrad.rl.algo.ToyTaskExperiment;
import io.natgrad.rl.env.LinearGaussianWalk;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.metric.PolicyMetric;
import io.natgrad.rl.run.RunDirectory;
import java.awt.Color;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Figure 4: ten agents per method trained by the policy gradient (PG) and the natural policy
 * gradient (NPG) on the toy task {@code LinearGaussianWalk-v0} from (μ, σ) = (10, 14), with the same
 * step size 0.075.
 */
@Command(name = "fig4", mixinStandardHelpOptions = true,
    description = {"Figure 4: PG vs NPG on the paper's toy task (LinearGaussianWalk-v0).",
        "The step size is read as the trust region epsilon of Algorithm 1 by default (PG then takes "
            + "normalized steps of length sqrt(2 eps)); --reading lr uses it as a learning rate, "
            + "which diverges within a few iterations for both methods and is reported as such."})
public final class Figure4Command extends FigureCommand {

  @Option(names = "--agents", defaultValue = "10", description = "Agents per method (default ${DEFAULT-VALUE}).")
  int agents;

  @Option(names = "--iterations", defaultValue = "300", description = "Updates per agent (default ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--horizon", defaultValue = "10", description = "Episode length T (default ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--trajectories", defaultValue = "10", description = "Episodes per iteration (default ${DEFAULT-VALUE}).")
  int trajectories;

  @Option(names = "--step", defaultValue = "0.075", description = "Step size ε or α (default ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--reading", defaultValue = "trust-region",
      description = "trust-region (β = sqrt(2ε / gᵀGg)) or lr (β = α) (default ${DEFAULT-VALUE}).")
  String reading;

  @Option(names = "--parameterization", defaultValue = "sigma",
      description = "sigma (floored at 1e-3 after each step) or log-sigma (default ${DEFAULT-VALUE}).")
  String parameterization;

  @Option(names = {"--metric", "--npg-metric"}, defaultValue = "fisher",
      description = "NPG's metric: fisher (the exact trajectory Fisher, T·F) or mc-fisher (the "
          + "Monte-Carlo trajectory Fisher from the batch's trajectory scores); exact and sampled "
          + "are accepted for them (default ${DEFAULT-VALUE}).")
  String npgMetric;

  @Option(names = "--mu0", defaultValue = "10", description = "Initial μ (default ${DEFAULT-VALUE}).")
  double mu0;

  @Option(names = "--sigma0", defaultValue = "14", description = "Initial σ (default ${DEFAULT-VALUE}).")
  double sigma0;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of every agent's random streams (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  String figure() {
    return "fig4";
  }

  ToyTaskExperiment experiment() {
    boolean trustRegion = switch (reading) {
      case "trust-region" -> true;
      case "lr" -> false;
      default -> throw new IllegalArgumentException(
          "--reading must be trust-region or lr, got '" + reading + "'");
    };
    Scale scale = switch (parameterization) {
      case "sigma" -> Scale.SIGMA;
      case "log-sigma" -> Scale.LOG_SIGMA;
      default -> throw new IllegalArgumentException(
          "--parameterization must be sigma or log-sigma, got '" + parameterization + "'");
    };
    PolicyMetric metric;
    try {
      metric = PolicyMetric.named(npgMetric);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage());
    }
    try {
      return new ToyTaskExperiment(agents, iterations, horizon, trajectories, step, trustRegion,
          scale, metric, mu0, sigma0, seed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + e.getMessage());
    }
  }

  @Override
  List<Path> produce(RunDirectory dir, PrintStream stdout) {
    ToyTaskExperiment x = experiment();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("env", "LinearGaussianWalk-v0");
    settings.put("agents", agents);
    settings.put("iterations", iterations);
    settings.put("horizon", horizon);
    settings.put("trajectories", trajectories);
    settings.put("step", step);
    settings.put("reading", reading);
    settings.put("parameterization", parameterization);
    settings.put("metric", PolicyMetric.named(npgMetric).name());
    settings.put("mu0", mu0);
    settings.put("sigma0", sigma0);
    settings.put("seed", seed);
    settings.put("estimator", "total-return (Σ∇log π)(Σ r), no baseline");
    dir.writeConfig("reproduce fig4", settings);

    List<ToyTaskExperiment.Agent> pg = x.run("pg");
    List<ToyTaskExperiment.Agent> npg = x.run("npg");

    Path csvFile = dir.resolve("fig4.csv");
    try (Csv csv = new Csv(csvFile, "method", "agent", "iteration", "mu", "sigma", "mean_return",
        "expected_return")) {
      for (List<ToyTaskExperiment.Agent> method : List.of(pg, npg)) {
        for (ToyTaskExperiment.Agent a : method) {
          for (IterationRecord r : a.result().history()) {
            double[] ms = x.muSigma(r.theta());
            csv.row(a.method(), a.index(), r.iteration(), ms[0], ms[1], r.meanReturn(),
                x.expectedReturn(r.theta()));
          }
        }
      }
    }

    stdout.printf(Locale.ROOT, "%d agents per method, T = %d, %d episodes per iteration, step %g (%s)%n",
        agents, horizon, trajectories, step, reading);
    stdout.printf(Locale.ROOT, "%-4s %12s %12s %12s %12s %10s%n", "", "J(iter 0)", "J(iter 50)",
        "J(iter 100)", "J(last)", "sigma(50)");
    for (List<ToyTaskExperiment.Agent> method : List.of(pg, npg)) {
      int last = method.stream().mapToInt(a -> a.result().history().size() - 1).min().orElse(0);
      stdout.printf(Locale.ROOT, "%-4s %12.2f %12s %12s %12.6g %10s%n", method.get(0).method(),
          meanAt(method, 0, r -> x.expectedReturn(r.theta())),
          fmt(method, 50, last, r -> x.expectedReturn(r.theta()), "%.2f"),
          fmt(method, 100, last, r -> x.expectedReturn(r.theta()), "%.2f"),
          meanAt(method, last, r -> x.expectedReturn(r.theta())),
          fmt(method, 50, last, r -> x.muSigma(r.theta())[1], "%.3f"));
      for (ToyTaskExperiment.Agent a : method) {
        if (!a.result().completed()) {
          stdout.printf(Locale.ROOT, "  %s agent %d diverged: %s%n", a.method(), a.index(),
              a.result().stopReason());
        }
      }
    }

    XYChart ret = Plots.chart("Figure 4: average return (thin: agents, bold: mean of "
        + agents + ")", "iteration", "mean return of the batch", 900, 560);
    XYChart sig = Plots.chart("sigma", "iteration", "sigma", 450, 360);
    XYChart mu = Plots.chart("mu", "iteration", "mu", 450, 360);
    // the y axis shows [1.5·J(θ₀), 0]; rarer, worse sampled returns are drawn at its floor
    double floor = 1.5 * LinearGaussianWalk.expectedReturn(mu0, sigma0, horizon);
    ret.getStyler().setYAxisMin(floor).setYAxisMax(0.0);
    ret.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    for (List<ToyTaskExperiment.Agent> method : List.of(pg, npg)) {
      boolean isPg = method == pg;
      Color bold = isPg ? Plots.BLUE : Plots.ORANGE;
      Color thin = isPg ? new Color(0x1f, 0x77, 0xb4, 70) : new Color(0xff, 0x7f, 0x0e, 70);
      for (ToyTaskExperiment.Agent a : method) {
        addAgent(ret, a, r -> Math.max(r.meanReturn(), floor), thin);
        addAgent(sig, a, r -> x.muSigma(r.theta())[1], thin);
        addAgent(mu, a, r -> x.muSigma(r.theta())[0], thin);
      }
      String name = isPg ? "PG" : "NPG";
      addMean(ret, method, name, r -> Math.max(r.meanReturn(), floor), bold);
      addMean(sig, method, name, r -> x.muSigma(r.theta())[1], bold);
      addMean(mu, method, name, r -> x.muSigma(r.theta())[0], bold);
    }
    Path png = dir.resolve("fig4.png");
    Plots.savePng(ret, png);
    Path params = dir.resolve("fig4-parameters.png");
    Plots.savePng(List.of(mu, sig), 1, 2, params);
    return List.of(png, params, csvFile);
  }

  private static double meanAt(List<ToyTaskExperiment.Agent> agents, int k,
      ToDoubleFunction<IterationRecord> f) {
    return agents.stream().mapToDouble(a -> f.applyAsDouble(a.result().history().get(k)))
        .average().orElse(Double.NaN);
  }

  private static String fmt(List<ToyTaskExperiment.Agent> agents, int k, int last,
      ToDoubleFunction<IterationRecord> f, String format) {
    return k > last ? "-" : String.format(Locale.ROOT, format, meanAt(agents, k, f));
  }

  private static void addAgent(XYChart c, ToyTaskExperiment.Agent a,
      ToDoubleFunction<IterationRecord> f, Color color) {
    List<IterationRecord> h = a.result().history();
    double[] it = new double[h.size()];
    double[] y = new double[h.size()];
    for (int i = 0; i < h.size(); i++) {
      it[i] = h.get(i).iteration();
      y[i] = f.applyAsDouble(h.get(i));
    }
    Plots.line(c, a.method() + " agent " + a.index(), it, y, color, 1.0f).setShowInLegend(false);
  }

  private static void addMean(XYChart c, List<ToyTaskExperiment.Agent> agents, String name,
      ToDoubleFunction<IterationRecord> f, Color color) {
    int n = agents.stream().mapToInt(a -> a.result().history().size()).min().orElse(0);
    List<Double> its = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      its.add((double) k);
      ys.add(meanAt(agents, k, f));
    }
    XYSeries s = Plots.line(c, name + " (mean)", its.stream().mapToDouble(d -> d).toArray(),
        ys.stream().mapToDouble(d -> d).toArray(), color, 3.5f);
    s.setShowInLegend(true);
  }
}
