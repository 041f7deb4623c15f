package io.natgrad.cli;

import io.natgrad.core.dist.Gaussian;
import io.natgrad.core.dist.Scale;
import io.natgrad.core.linalg.ConjugateGradient;
import io.natgrad.core.metric.Metric;
import io.natgrad.core.mle.GaussianMle;
import io.natgrad.core.mle.NegativeLogLikelihood;
import io.natgrad.core.mle.Reduction;
import io.natgrad.core.optim.Backtracking;
import io.natgrad.core.optim.DirectionSolver;
import io.natgrad.core.optim.FixedLearningRate;
import io.natgrad.core.optim.Iterate;
import io.natgrad.core.optim.NonFiniteIterateException;
import io.natgrad.core.optim.OptimizationResult;
import io.natgrad.core.optim.Optimizer;
import io.natgrad.core.optim.StepRule;
import io.natgrad.core.optim.StoppingRule;
import io.natgrad.core.optim.TrustRegion;
import io.natgrad.core.random.Rng;
import io.natgrad.rl.io.Csv;
import io.natgrad.rl.run.RunDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code natgrad mle}: fit a Gaussian by maximum likelihood with a chosen metric and step rule, to
 * synthetic data or to a CSV column; prints the fit and writes the trace.
 */
@Command(name = "mle", mixinStandardHelpOptions = true,
    description = "Fit a Gaussian by maximum likelihood with natural or plain gradient descent.")
public final class MleCommand implements Callable<Integer> {

  @Option(names = "--data", paramLabel = "CSV", description = "CSV file with a header line; omit for synthetic data.")
  Path data;

  @Option(names = "--no-header", description = "--data has no header line (--column is then a 0-based index).")
  boolean noHeader;

  @Option(names = "--column", defaultValue = "0", description = "Column of --data, by name or 0-based index (default ${DEFAULT-VALUE}).")
  String column;

  @Option(names = "--mu", defaultValue = "12", description = "Synthetic data: true mean (default ${DEFAULT-VALUE}).")
  double trueMu;

  @Option(names = "--sigma", defaultValue = "4", description = "Synthetic data: true σ > 0 (default ${DEFAULT-VALUE}).")
  double trueSigma;

  @Option(names = "--n", defaultValue = "1000", description = "Synthetic data: number of draws (default ${DEFAULT-VALUE}).")
  int n;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of the synthetic data and of mc-fisher (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--parameterization", defaultValue = "sigma",
      description = "sigma or log-sigma (default ${DEFAULT-VALUE}).")
  String parameterization;

  @Option(names = "--metric", defaultValue = "fisher",
      description = "euclidean (gradient descent), fisher, mc-fisher, empirical-fisher, wasserstein (default ${DEFAULT-VALUE}).")
  String metric;

  @Option(names = "--samples", defaultValue = "100", description = "Model samples per iteration for mc-fisher (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--damping", defaultValue = "0", description = "λ ≥ 0 added to the metric (default ${DEFAULT-VALUE}).")
  double damping;

  @Option(names = "--solver", defaultValue = "direct", description = "direct (Cholesky) or cg (default ${DEFAULT-VALUE}).")
  String solver;

  @Option(names = "--step-rule", defaultValue = "trust-region",
      description = "trust-region (ε), lr (fixed α), backtracking (Armijo from α) (default ${DEFAULT-VALUE}).")
  String stepRule;

  @Option(names = "--step", defaultValue = "1e-3", description = "ε for trust-region, α otherwise (default ${DEFAULT-VALUE}).")
  double step;

  @Option(names = "--reduction", defaultValue = "mean", description = "mean or sum of the NLL (default ${DEFAULT-VALUE}).")
  String reduction;

  @Option(names = "--start-mu", defaultValue = "0", description = "Start μ (default ${DEFAULT-VALUE}).")
  double startMu;

  @Option(names = "--start-sigma", defaultValue = "1", description = "Start σ > 0 (default ${DEFAULT-VALUE}).")
  double startSigma;

  @Option(names = "--max-iterations", defaultValue = "100000", description = "Iteration budget (default ${DEFAULT-VALUE}).")
  int maxIterations;

  @Option(names = "--tolerance", defaultValue = "0.01",
      description = "Stop when within this relative distance of the closed-form MLE in μ and σ (default ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/mle",
      description = "Output directory for config.json and trace.csv (default ${DEFAULT-VALUE}).")
  Path out;

  static void requirePositive(String name, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }

  @Override
  public Integer call() throws Exception {
    Scale scale = switch (parameterization) {
      case "sigma" -> Scale.SIGMA;
      case "log-sigma" -> Scale.LOG_SIGMA;
      default -> throw new IllegalArgumentException(
          "--parameterization must be sigma or log-sigma, got '" + parameterization + "'");
    };
    Gaussian family = new Gaussian(scale);
    requirePositive("--step", step);
    requirePositive("--start-sigma", startSigma);
    requirePositive("--tolerance", tolerance);
    if (!(damping >= 0) || !Double.isFinite(damping)) {
      throw new IllegalArgumentException("--damping must be finite and >= 0, got " + damping);
    }
    if (!Double.isFinite(trueMu)) {
      throw new IllegalArgumentException("--mu must be finite, got " + trueMu);
    }
    if (!Double.isFinite(startMu)) {
      throw new IllegalArgumentException("--start-mu must be finite, got " + startMu);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("--max-iterations must be >= 1, got " + maxIterations);
    }
    double[] x;
    if (data != null) {
      x = UserPaths.csvColumn("--data", data, column, noHeader);
    } else {
      requirePositive("--sigma", trueSigma);
      if (n < 2) {
        throw new IllegalArgumentException("--n must be >= 2, got " + n + ": with fewer than two "
            + "points the MLE of sigma is 0, on the boundary of the model (no fit exists)");
      }
      Rng rng = Rng.of(Rng.derive(seed, "data"));
      x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = trueMu + trueSigma * rng.nextGaussian();
      }
    }
    if (data != null) {
      String what = "--data " + data + " column '" + column + "'";
      if (x.length < 2) {
        throw new IllegalArgumentException(what + ": " + x.length + " value; the MLE of sigma "
            + "needs at least two: with one it is 0, on the boundary of the model (no fit exists)");
      }
      boolean constant = true;
      for (double v : x) {
        constant &= v == x[0];
      }
      if (constant) {
        throw new IllegalArgumentException(what + ": every value is " + x[0] + "; the MLE of "
            + "sigma is 0, on the boundary of the model (no fit exists)");
      }
    }
    Reduction red = switch (reduction) {
      case "mean" -> Reduction.MEAN;
      case "sum" -> Reduction.SUM;
      default -> throw new IllegalArgumentException(
          "--reduction must be mean or sum, got '" + reduction + "'");
    };
    double[][] column = NegativeLogLikelihood.column(x);
    Metric m = switch (metric) {
      case "euclidean" -> Metric.euclidean();
      case "fisher" -> Metric.exactFisher(family);
      case "mc-fisher" -> {
        if (samples < 1) {
          throw new IllegalArgumentException("--samples must be >= 1, got " + samples);
        }
        yield Metric.monteCarloFisher(family, samples, Rng.of(Rng.derive(seed, "metric")));
      }
      case "empirical-fisher" -> Metric.empiricalFisher(family, column);
      case "wasserstein" -> Metric.wasserstein(family);
      default -> throw new IllegalArgumentException("--metric must be euclidean, fisher, "
          + "mc-fisher, empirical-fisher or wasserstein, got '" + metric + "'");
    };
    if (damping > 0) {
      m = m.withDamping(damping);
    }
    DirectionSolver dirSolver = switch (solver) {
      case "direct" -> DirectionSolver.direct();
      case "cg" -> DirectionSolver.conjugateGradient(new ConjugateGradient(1e-10, 10), false);
      default -> throw new IllegalArgumentException(
          "--solver must be direct or cg, got '" + solver + "'");
    };
    StepRule rule = switch (stepRule) {
      case "trust-region" -> new TrustRegion(step);
      case "lr" -> new FixedLearningRate(step);
      case "backtracking" -> new Backtracking(new FixedLearningRate(step), 0.5, 1e-4, 50);
      default -> throw new IllegalArgumentException(
          "--step-rule must be trust-region, lr or backtracking, got '" + stepRule + "'");
    };
    double[] theta0 = family.theta(startMu, startSigma);
    family.validate(theta0);

    RunDirectory dir = RunDirectory.create(UserPaths.output("--out", out));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("data", data == null ? "synthetic" : data.toString());
    settings.put("n", x.length);
    if (data == null) {
      settings.put("true_mu", trueMu);
      settings.put("true_sigma", trueSigma);
    }
    settings.put("seed", seed);
    settings.put("parameterization", parameterization);
    settings.put("metric", m.name());
    settings.put("solver", dirSolver.describe());
    settings.put("step_rule", rule.describe());
    settings.put("reduction", reduction);
    settings.put("start", new double[] {startMu, startSigma});
    settings.put("max_iterations", maxIterations);
    settings.put("tolerance", tolerance);
    dir.writeConfig("mle", settings);

    GaussianMle mle = GaussianMle.of(x);
    NegativeLogLikelihood nll = new NegativeLogLikelihood(family, column, red);
    Optimizer opt = Optimizer.of(m, dirSolver, rule);
    StoppingRule stop = StoppingRule.when("within " + tolerance + " of the MLE",
            it -> mle.within(it.theta()[0], family.sigma(it.theta()), tolerance))
        .or(StoppingRule.maxIterations(maxIterations));
    OptimizationResult result;
    Path trace = dir.resolve("trace.csv");
    try {
      result = opt.minimize(nll, theta0, stop);
    } catch (NonFiniteIterateException e) {
      System.err.println("natgrad: " + e.getMessage());
      if (e.lastFinite() != null) {
        System.err.printf(Locale.ROOT, "last finite iterate %d: mu = %.8g, sigma = %.8g%n",
            e.lastFinite().iteration(), e.lastFinite().theta()[0],
            family.sigma(e.lastFinite().theta()));
      }
      return 1;
    }
    try (Csv csv = new Csv(trace, "iteration", "mu", "sigma", "nll", "grad_norm", "beta",
        "metric_step", "euclidean_step", "backtracks")) {
      double perPoint = red == Reduction.SUM ? 1.0 / x.length : 1.0;
      for (Iterate it : result.trace()) {
        csv.row(it.iteration(), it.theta()[0], family.sigma(it.theta()), it.value() * perPoint,
            it.gradientNorm(), it.beta(), it.metricStepLength(), it.euclideanStepLength(),
            it.backtracks());
      }
    }
    double[] t = result.theta();
    boolean converged = mle.within(t[0], family.sigma(t), tolerance);
    if (converged) {
      System.out.printf(Locale.ROOT, "fit: mu = %.8f, sigma = %.8f after %d iterations (%s)%n",
          t[0], family.sigma(t), result.iterations(), result.stopReason());
    } else {
      // the last iterate is not a fit: say so, and exit 3
      System.out.printf(Locale.ROOT, "did not converge after %d iterations (%s); last iterate "
          + "mu = %.8f, sigma = %.8f — raise --max-iterations or --step%n", result.iterations(),
          result.stopReason(), t[0], family.sigma(t));
    }
    System.out.printf(Locale.ROOT, "closed-form MLE: mu = %.8f, sigma = %.8f (n = %d)%n",
        mle.mu(), mle.sigma(), x.length);
    System.out.println("wrote " + trace);
    return converged ? 0 : 3;
  }
}
